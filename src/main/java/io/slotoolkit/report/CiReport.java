package io.slotoolkit.report;

import io.slotoolkit.model.Evaluation;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What the CI renderers (JUnit XML, GitHub annotations) show of a run: one case per result, with
 * the gate's verdict.
 *
 * @param at the evaluation instant
 * @param zone the zone times are shown in
 * @param passed whether the run passed its gate
 * @param cases one per SLO or group, in result order
 */
public record CiReport(Instant at, ZoneId zone, boolean passed, List<CiCase> cases) {
  public CiReport {
    cases = List.copyOf(cases);
  }

  /** A report of an evaluation under the default gate (see {@link CiCase#of}). */
  public static CiReport of(Evaluation evaluation) {
    return new CiReport(
        evaluation.at(),
        evaluation.zone(),
        evaluation.passed(),
        evaluation.results().stream().map(CiCase::of).toList());
  }
}
