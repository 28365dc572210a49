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
    public String label() {
      return String.join(",", gates.stream().map(FailOn::label).toList());
    }

    @Override
    public String describe() {
      return String.join("; or ", gates.stream().map(FailOn::describe).toList());
    }
  }

  /**
   * Reads a {@code --fail-on} value, ignoring case: none, breached, alert, no-data, or a level of
   * the table; several joined by commas ({@code alert,no-data}) fail when any of them does.
   *
   * @throws SloException a usage error (exit 2) naming the allowed values
   */
  static FailOn parse(String text, SeverityTable table) {
    String all = text == null ? "" : text.trim();
    if (all.contains(",")) {
      List<FailOn> gates = new ArrayList<>();
      for (String part : all.split(",", -1)) {
        if (part.isBlank()) {
          throw SloException.spec(
              "--fail-on " + text + ": an empty gate between commas",
              "write gates joined by commas, for example --fail-on alert,no-data");
        }
        FailOn g = one(part, text, table);
        if (g instanceof Never) {
          throw SloException.spec(
              "--fail-on " + text + ": none cannot be combined with other gates",
              "give --fail-on none alone");
        }
        if (!gates.contains(g)) gates.add(g);
      }
      return gates.size() == 1 ? gates.get(0) : new AnyOf(gates);
    }
    return one(all, text, table);
  }

  private static FailOn one(String part, String text, SeverityTable table) {
    String t = part.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "none":
        return new Never();
      case "breached":
        return new OnBreach();
      case "alert":
        return new OnAlert();
      case "no-data", "no_data", "nodata":
        return new OnNoData();
      default:
        break;
    }
    for (int rank = 0; rank < table.levels().size(); rank++) {
      SeverityLevel level = table.levels().get(rank);
      if (level.name().equalsIgnoreCase(t)) return new AtSeverity(level.name(), rank);
    }
    List<String> allowed = new ArrayList<>(List.of("none", "breached", "alert", "no-data"));
    allowed.addAll(table.names());
    String near = nearest(part.trim().toLowerCase(Locale.ROOT), allowed);
    throw SloException.spec(
        "unknown --fail-on value '"
            + part.trim()
            + "'"
            + (part.trim().equals(text) ? "" : " in '" + text + "'"),
        (near == null ? "" : "did you mean " + near + "? ")
            + "allowed: "
            + String.join(", ", allowed)
            + (table.levels().isEmpty()
                ? " (severity levels come from a severity: table in the specs)"
                : ""));
  }

  /** The allowed value within two edits of {@code t}, for a did-you-mean; null when none is. */
  private static String nearest(String t, List<String> allowed) {
    String best = null;
    int bestDistance = 3;
    boolean tie = false;
    for (String a : allowed) {
      int d = editDistance(t, a.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = a;
        bestDistance = d;
        tie = false;
      } else if (d == bestDistance) {
        tie = true;
      }
    }
    // sev9 is as near to SEV1 as to SEV4: no guess then
    return tie ? null : best;
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
