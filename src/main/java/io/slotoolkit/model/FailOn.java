package io.slotoolkit.model;

import java.util.List;

/** The gate {@code --fail-on} sets: what makes a run exit 1. */
public sealed interface FailOn {

  /** Whether the run fails the gate. */
  boolean failed(boolean anyBreached, boolean anyAlertFired, SeverityAssessment severity);

  /**
   * Whether the run fails the gate, knowing also whether an SLO has no data at all (every result
   * NO_DATA); only {@code no-data} looks at it.
   */
  default boolean failed(
      boolean anyBreached,
      boolean anyAlertFired,
      boolean anySloWithoutData,
      SeverityAssessment severity) {
    return failed(anyBreached, anyAlertFired, severity);
  }

  /**
   * Whether the run fails the gate, knowing also whether a source's data is stale; only {@code
   * stale} looks at it.
   */
  default boolean failed(
      boolean anyBreached,
      boolean anyAlertFired,
      boolean anySloWithoutData,
      boolean anyStale,
      SeverityAssessment severity) {
    return failed(anyBreached, anyAlertFired, anySloWithoutData, severity);
  }

  /** The gate in words, for help and reports. */
  String describe();

  /** The {@code --fail-on} value that selects this gate: {@code breached}, {@code sev2}. */
  String label();

  /** The gate of the older two-valued {@link Gate}. */
  static FailOn of(Gate gate) {
    return gate == Gate.NONE ? new Never() : new OnBreach();
  }

  /** {@code --fail-on none}: never fail. */
  record Never() implements FailOn {
    @Override
    public boolean failed(boolean anyBreached, boolean anyAlertFired, SeverityAssessment s) {
      return false;
    }

    @Override
    public String label() {
      return "none";
    }

    @Override
    public String describe() {
      return "never fail";
    }
  }

  /** {@code --fail-on breached} (the default): fail when an SLO is BREACHED. */
  record OnBreach() implements FailOn {
    @Override
    public boolean failed(boolean anyBreached, boolean anyAlertFired, SeverityAssessment s) {
      return anyBreached;
    }

    @Override
    public String label() {
      return "breached";
    }

    @Override
    public String describe() {
      return "fail when an SLO is BREACHED";
    }
  }

  /** {@code --fail-on alert}: fail when an SLO is BREACHED or an alert rule fired. */
  record OnAlert() implements FailOn {
    @Override
    public boolean failed(boolean anyBreached, boolean anyAlertFired, SeverityAssessment s) {
      return anyBreached || anyAlertFired;
    }

    @Override
    public String label() {
      return "alert";
    }

    @Override
    public String describe() {
      return "fail when an SLO is BREACHED or an alert fired";
    }
  }

  /**
   * {@code --fail-on sev2}: fail when the run's highest severity is this level or a higher one.
   *
   * @param level the level's name as the table writes it
   * @param rank its position in the table, 0 for the highest
   */
  record AtSeverity(String level, int rank) implements FailOn {
    @Override
    public boolean failed(boolean anyBreached, boolean anyAlertFired, SeverityAssessment s) {
      return s != null && s.highest() != null && s.highest().rank() <= rank;
    }

    @Override
    public String label() {
      return level;
    }

    @Override
    public String describe() {
      return "fail at severity " + level + " or higher";
    }
  }

  /**
   * {@code --fail-on no-data}: fail when an SLO is BREACHED or has no data at all (every result, of
   * every group, NO_DATA): an export that stopped, or {@code --at} past its end.
   */
  record OnNoData() implements FailOn {
    @Override
    public boolean failed(boolean anyBreached, boolean anyAlertFired, SeverityAssessment s) {
      return anyBreached;
    }

    @Override
    public boolean failed(
        boolean anyBreached,
        boolean anyAlertFired,
        boolean anySloWithoutData,
        SeverityAssessment s) {
      return anyBreached || anySloWithoutData;
    }

    @Override
    public String label() {
      return "no-data";
    }

    @Override
    public String describe() {
      return "fail when an SLO is BREACHED or has no data";
    }
  }

  /**
   * {@code --fail-on stale}: fail when a source's latest event is older than its {@code
   * max_staleness} allows at the evaluation instant. Joined to {@code breached} by default when a
   * source of the run has an allowance.
   */
  record OnStale() implements FailOn {
    @Override
    public boolean failed(boolean anyBreached, boolean anyAlertFired, SeverityAssessment s) {
      return false;
    }

    @Override
    public boolean failed(
        boolean anyBreached,
        boolean anyAlertFired,
        boolean anySloWithoutData,
        boolean anyStale,
        SeverityAssessment s) {
      return anyStale;
    }

    @Override
    public String label() {
      return "stale";
    }

    @Override
    public String describe() {
      return "fail when a source's data is stale";
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
    public boolean failed(boolean anyBreached, boolean anyAlertFired, SeverityAssessment s) {
      return gates.stream().anyMatch(g -> g.failed(anyBreached, anyAlertFired, s));
    }

    @Override
    public boolean failed(
        boolean anyBreached,
        boolean anyAlertFired,
        boolean anySloWithoutData,
        SeverityAssessment s) {
      return gates.stream()
          .anyMatch(g -> g.failed(anyBreached, anyAlertFired, anySloWithoutData, s));
    }

    @Override
    public boolean failed(
        boolean anyBreached,
        boolean anyAlertFired,
        boolean anySloWithoutData,
        boolean anyStale,
        SeverityAssessment s) {
      return gates.stream()
          .anyMatch(g -> g.failed(anyBreached, anyAlertFired, anySloWithoutData, anyStale, s));
    }

    @Override
    public String label() {
      return String.join(",", gates.stream().map(FailOn::label).toList());
    }

    @Override
    public String describe() {
      return String.join("; or ", gates.stream().map(FailOn::describe).toList());
    }
  }
}
