package io.slotoolkit.model;

import java.util.List;

/**
 * The gate {@code --fail-on} sets: what makes a run exit 1. The one gate type of every command:
 * {@code check} (any of these), {@code report} ({@code none} or {@code breached}) and {@code
 * forecast} (a verdict level, or never). A gate looks at an {@link Outcome}: a whole run's, or one
 * result's when a CI report marks which case failed.
 */
public sealed interface FailOn {

  /**
   * What a gate looks at, of a run or of one result.
   *
   * @param breached an SLO (or this result) is BREACHED
   * @param alertFired an alert pair fired
   * @param withoutData an SLO has no data at all: every result of every group NO_DATA (for one
   *     result: it is NO_DATA, in such an SLO)
   * @param level the rank of the highest level reached, 0 the most severe (a severity level of the
   *     specs' table, or a forecast verdict); {@link #NO_LEVEL} when none was
   * @param stale a source's latest event is older than its {@code max_staleness} allows (for one
   *     result: its source's)
   */
  record Outcome(
      boolean breached, boolean alertFired, boolean withoutData, int level, boolean stale) {
    /** The level of an outcome that reached none. */
    public static final int NO_LEVEL = Integer.MAX_VALUE;

    /** An outcome that reached only a level (a forecast's verdict): rank 0 the worst. */
    public static Outcome atLevel(int level) {
      return new Outcome(false, false, false, level, false);
    }
  }

  /** Whether the outcome fails the gate. */
  boolean failed(Outcome o);

  /** The {@code --fail-on} value that selects this gate: {@code breached}, {@code sev2}. */
  String label();

  /** {@code --fail-on none} ({@code never} for a forecast): never fail. */
  record Never() implements FailOn {
    @Override
    public boolean failed(Outcome o) {
      return false;
    }

    @Override
    public String label() {
      return "none";
    }
  }

  /** {@code --fail-on breached} (the default of check): fail when an SLO is BREACHED. */
  record OnBreach() implements FailOn {
    @Override
    public boolean failed(Outcome o) {
      return o.breached();
    }

    @Override
    public String label() {
      return "breached";
    }
  }

  /** {@code --fail-on alert}: fail when an SLO is BREACHED or an alert rule fired. */
  record OnAlert() implements FailOn {
    @Override
    public boolean failed(Outcome o) {
      return o.breached() || o.alertFired();
    }

    @Override
    public String label() {
      return "alert";
    }
  }

  /**
   * {@code --fail-on sev2}, {@code --fail-on at-risk}: fail when the highest level reached is this
   * one or a more severe one.
   *
   * @param level the level's name as the table (or the option) writes it
   * @param rank its position on its scale, 0 for the most severe
   */
  record AtLevel(String level, int rank) implements FailOn {
    @Override
    public boolean failed(Outcome o) {
      return o.level() <= rank;
    }

    @Override
    public String label() {
      return level;
    }
  }

  /**
   * {@code --fail-on no-data}: fail when an SLO is BREACHED or has no data at all (every result, of
   * every group, NO_DATA): an export that stopped, or {@code --at} past its end.
   */
  record OnNoData() implements FailOn {
    @Override
    public boolean failed(Outcome o) {
      return o.breached() || o.withoutData();
    }

    @Override
    public String label() {
      return "no-data";
    }
  }

  /**
   * {@code --fail-on stale}: fail when a source's latest event is older than its {@code
   * max_staleness} allows at the evaluation instant. Joined to {@code breached} by default when a
   * source of the run has an allowance.
   */
  record OnStale() implements FailOn {
    @Override
    public boolean failed(Outcome o) {
      return o.stale();
    }

    @Override
    public String label() {
      return "stale";
    }
  }

  /**
   * Several gates, {@code --fail-on alert,no-data}: the run fails when any of them fails.
   *
   * @param gates two or more gates, in the order given
   */
  record AnyOf(List<FailOn> gates) implements FailOn {
    public AnyOf {
      gates = List.copyOf(gates);
    }

    @Override
    public boolean failed(Outcome o) {
      return gates.stream().anyMatch(g -> g.failed(o));
    }

    @Override
    public String label() {
      return String.join(",", gates.stream().map(FailOn::label).toList());
    }
  }
}
