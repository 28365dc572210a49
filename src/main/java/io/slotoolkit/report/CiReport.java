package io.slotoolkit.report;

import io.slotoolkit.model.AlertStatus;
import io.slotoolkit.model.Assessment;
import io.slotoolkit.model.CompositeResult;
import io.slotoolkit.model.Evaluation;
import io.slotoolkit.model.FailOn;
import io.slotoolkit.model.ResultDetails;
import io.slotoolkit.model.SeverityMatch;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.Status;
import io.slotoolkit.model.WindowLengths;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the CI renderers (JUnit XML, GitHub annotations) show of a run: one case per result, with
 * the gate's verdict.
 *
 * @param at the evaluation instant
 * @param zone the zone times are shown in
 * @param passed whether the run passed its gate
 * @param cases one per SLO or group, in result order
 * @param severity the run's highest severity with its reason ({@code SEV1 (shop/checkout): a page
 *     alert fired}); null when none was reached or there is no severity table
 * @param composites the run's composite SLOs, each one case more (BREACHED fails, NO_DATA is
 *     skipped)
 */
public record CiReport(
    Instant at,
    ZoneId zone,
    boolean passed,
    List<CiCase> cases,
    String severity,
    List<CompositeResult> composites) {
  public CiReport {
    cases = List.copyOf(cases);
    composites = composites == null ? List.of() : List.copyOf(composites);
  }

  /**
   * A report of a check with alerts and severity: a case fails when its own state fails the gate
   * ({@code breached}: BREACHED; {@code alert}: BREACHED or a pair fired; a severity level: its SLO
   * reached that level or a higher one; {@code none}: BREACHED, so the report still shows it);
   * NO_DATA is skipped.
   */
  public static CiReport of(Assessment a) {
    Evaluation e = a.evaluation();
    List<CiCase> cases = new ArrayList<>();
    java.util.Set<String> withoutData = java.util.Set.copyOf(a.slosWithoutData());
    for (ResultDetails d : a.details()) {
      SloResult r = d.result();
      List<CiAlert> fired = new ArrayList<>();
      for (AlertStatus s : d.alerts()) {
        if (!s.fired()) continue;
        fired.add(
            new CiAlert(
                s.rule().severity(),
                s.rule().label(),
                WindowLengths.label(s.rule().longWindow()),
                s.longBurnRate(),
                WindowLengths.label(s.rule().shortWindow()),
                s.shortBurnRate()));
      }
      Optional<SeverityMatch> sev = a.severity().forSlo(r.slo().qualifiedName());
      boolean failed = fails(a.failOn(), d, sev, withoutData);
      CiCase.Verdict v =
          failed
              ? CiCase.Verdict.FAILED
              : r.status() == Status.NO_DATA ? CiCase.Verdict.SKIPPED : CiCase.Verdict.PASSED;
      String failure =
          failed && a.failOn() instanceof FailOn.AtLevel && sev.isPresent()
              ? "severity " + sev.get().level().name() + ": " + sev.get().reason()
              : failed && d.stale() && r.status() != Status.BREACHED && failsOnStale(a.failOn())
                  ? stale(d.freshness(), e.zone())
                  : null;
      cases.add(
          new CiCase(
              r,
              v,
              failure,
              fired,
              sev.map(m -> m.level().name() + ": " + m.reason()).orElse(null)));
    }
    SeverityMatch top = a.severity().highest();
    return new CiReport(
        e.at(), e.zone(), e.passed(), cases, top == null ? null : top.describe(), e.composites());
  }

  /**
   * Whether one result fails the gate on its own: the gate applied to the result's own outcome
   * (BREACHED, a pair fired, NO_DATA in an SLO without any data, its SLO's severity level), except
   * that under {@code none} a BREACHED result still fails its case, so the report shows it.
   */
  private static boolean fails(
      FailOn gate,
      ResultDetails d,
      Optional<SeverityMatch> sev,
      java.util.Set<String> withoutData) {
    SloResult r = d.result();
    FailOn.Outcome own =
        new FailOn.Outcome(
            r.status() == Status.BREACHED,
            d.alerting(),
            r.status() == Status.NO_DATA && withoutData.contains(r.slo().qualifiedName()),
            sev.map(SeverityMatch::rank).orElse(FailOn.Outcome.NO_LEVEL),
            d.stale());
    return (gate instanceof FailOn.Never ? new FailOn.OnBreach() : gate).failed(own);
  }

  private static boolean failsOnStale(FailOn gate) {
    return gate instanceof FailOn.OnStale
        || (gate instanceof FailOn.AnyOf any
            && any.gates().stream().anyMatch(g -> g instanceof FailOn.OnStale));
  }

  /**
   * {@code STALE: source api's latest event 2026-02-28T23:59:58+09:00 is 9h 1m before --at ...}.
   */
  private static String stale(io.slotoolkit.model.Freshness f, ZoneId zone) {
    return "STALE: source "
        + f.source().name()
        + "'s latest event "
        + Times.iso(f.latestEvent(), f.source().zone())
        + " is "
        + AlertText.duration(f.age())
        + " before --at (max_staleness "
        + WindowLengths.label(f.maxStaleness())
        + ")";
  }

  /** A report of an evaluation under the default gate (see {@link CiCase#of}). */
  public static CiReport of(Evaluation evaluation) {
    return new CiReport(
        evaluation.at(),
        evaluation.zone(),
        evaluation.passed(),
        evaluation.results().stream().map(CiCase::of).toList(),
        null,
        evaluation.composites());
  }
}
