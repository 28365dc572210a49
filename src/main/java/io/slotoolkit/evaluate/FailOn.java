package io.slotoolkit.evaluate;

import io.slotoolkit.model.SeverityLevel;
import io.slotoolkit.model.SloException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The gate {@code --fail-on} sets: what makes a run exit 1. */
public sealed interface FailOn {

  /** Whether the run fails the gate. */
  boolean failed(boolean anyBreached, boolean anyAlertFired, SeverityAssessment severity);

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
   * Reads a {@code --fail-on} value, ignoring case: none, breached, alert, or a level of the table.
   *
   * @throws SloException a usage error (exit 2) naming the allowed values
   */
  static FailOn parse(String text, SeverityTable table) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "none":
        return new Never();
      case "breached":
        return new OnBreach();
      case "alert":
        return new OnAlert();
      default:
        break;
    }
    for (int rank = 0; rank < table.levels().size(); rank++) {
      SeverityLevel level = table.levels().get(rank);
      if (level.name().equalsIgnoreCase(t)) return new AtSeverity(level.name(), rank);
    }
    List<String> allowed = new ArrayList<>(List.of("none", "breached", "alert"));
    allowed.addAll(table.names());
    throw SloException.spec(
        "unknown --fail-on value '" + text + "'",
        "allowed: "
            + String.join(", ", allowed)
            + (table.levels().isEmpty()
                ? " (severity levels come from a severity: table in the specs)"
                : ""));
  }
}
