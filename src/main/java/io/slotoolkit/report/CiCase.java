package io.slotoolkit.report;

import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.Status;
import java.util.List;

/**
 * One SLO, or one group of a {@code per} SLO, as a CI test case.
 *
 * @param result the evaluated result
 * @param verdict whether the case passed, failed the gate, or had nothing to judge
 * @param failure why it failed, one line; null to say it from the status (BREACHED: SLI below the
 *     objective)
 * @param alerts the alert rules that fired on it
 * @param severity the severity level it reached with its reason ({@code SEV2: a page alert fired});
 *     null when none
 */
public record CiCase(
    SloResult result, Verdict verdict, String failure, List<CiAlert> alerts, String severity) {
  public CiCase {
    if (result == null || verdict == null) throw new IllegalArgumentException("incomplete case");
    alerts = List.copyOf(alerts);
  }

  /** The default gate: BREACHED fails, NO_DATA is skipped, OK passes; no alerts, no severity. */
  public static CiCase of(SloResult result) {
    Verdict v =
        result.status() == Status.BREACHED
            ? Verdict.FAILED
            : result.status() == Status.NO_DATA ? Verdict.SKIPPED : Verdict.PASSED;
    return new CiCase(result, v, null, List.of(), null);
  }

  /** Outcomes of a test case. */
  public enum Verdict {
    PASSED,
    FAILED,
    SKIPPED
  }
}
