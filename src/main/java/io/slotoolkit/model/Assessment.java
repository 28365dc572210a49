package io.slotoolkit.model;

import java.util.List;

/**
 * A check with alerts, exclusions and severity: the evaluation (whose {@code passed} follows the
 * {@code --fail-on} gate) and the details of each result.
 *
 * @param evaluation the evaluation; results carry ALERT where a pair fired on an OK result
 * @param details one per result, in the same order
 * @param severity the severity table applied to the run (no levels: nothing matched)
 * @param failOn the gate
 */
public record Assessment(
    Evaluation evaluation,
    List<ResultDetails> details,
    SeverityAssessment severity,
    FailOn failOn) {
  public Assessment {
    details = List.copyOf(details);
    if (details.size() != evaluation.results().size()) {
      throw new IllegalArgumentException("one detail per result");
    }
  }

  /** Whether an SLO (or group) or a composite SLO is BREACHED. */
  public boolean anyBreached() {
    return evaluation.results().stream().anyMatch(r -> r.status() == Status.BREACHED)
        || evaluation.composites().stream().anyMatch(c -> c.status() == Status.BREACHED);
  }

  /**
   * The SLOs with no data at all: every result (every group of a {@code per} SLO) NO_DATA, in spec
   * order, as {@code SERVICE/NAME}.
   */
  public List<String> slosWithoutData() {
    java.util.Map<String, Boolean> judged = new java.util.LinkedHashMap<>();
    // an SLO's groups come one after another: its name is built when the SLO changes, not for
    // every one of the thousands of groups
    Slo last = null;
    String name = null;
    for (var r : evaluation.results()) {
      if (r.slo() != last) {
        last = r.slo();
        name = last.qualifiedName();
      }
      judged.merge(name, r.status() != Status.NO_DATA, Boolean::logicalOr);
    }
    return judged.entrySet().stream().filter(e -> !e.getValue()).map(e -> e.getKey()).toList();
  }

  /** Whether every result of the run is NO_DATA: nothing was judged. */
  public boolean allNoData() {
    return !evaluation.results().isEmpty()
        && evaluation.results().stream().allMatch(r -> r.status() == Status.NO_DATA);
  }

  /** What the gate looks at, for the whole run. */
  public FailOn.Outcome outcome() {
    SeverityMatch top = severity.highest();
    return new FailOn.Outcome(
        anyBreached(),
        anyAlert(),
        !slosWithoutData().isEmpty(),
        top == null ? FailOn.Outcome.NO_LEVEL : top.rank(),
        anyStale());
  }

  /** Whether any result's source is stale (see {@link Freshness}). */
  public boolean anyStale() {
    return details.stream().anyMatch(ResultDetails::stale);
  }

  /**
   * The staleness checks of the run, one per source with an allowance, in the order its results
   * come.
   */
  public List<Freshness> freshness() {
    java.util.Map<DataSource, Freshness> bySource = new java.util.LinkedHashMap<>();
    for (ResultDetails d : details)
      if (d.freshness() != null) bySource.putIfAbsent(d.freshness().source(), d.freshness());
    return List.copyOf(bySource.values());
  }

  /** Whether any pair fired on any result. */
  public boolean anyAlert() {
    return details.stream().anyMatch(ResultDetails::alerting);
  }
}
