package io.slotoolkit.evaluate;

import io.slotoolkit.model.EditDistance;
import io.slotoolkit.model.FailOn;
import io.slotoolkit.model.SeverityLevel;
import io.slotoolkit.model.SloException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the {@code --fail-on} gate of each command: check's against the severity levels of the
 * loaded specs, report's, and forecast's on the verdicts.
 */
public final class FailOnParser {
  private FailOnParser() {}

  /**
   * Reads a {@code --fail-on} value, ignoring case: none, breached, alert, no-data, stale, or a
   * level of the table; several joined by commas ({@code alert,no-data}) fail when any of them
   * does.
   *
   * @throws SloException a usage error (exit 2) naming the allowed values
   */
  public static FailOn parse(String text, SeverityTable table) {
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
        if (g instanceof FailOn.Never) {
          throw SloException.spec(
              "--fail-on " + text + ": none cannot be combined with other gates",
              "give --fail-on none alone");
        }
        if (!gates.contains(g)) gates.add(g);
      }
      return gates.size() == 1 ? gates.get(0) : new FailOn.AnyOf(gates);
    }
    return one(all, text, table);
  }

  /**
   * Reads {@code slo report --fail-on}, ignoring case: none or breached.
   *
   * @throws SloException a usage error (exit 2) naming the allowed values
   */
  public static FailOn parseReport(String text) {
    switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "none":
        return new FailOn.Never();
      case "breached":
        return new FailOn.OnBreach();
      default:
        throw SloException.spec("--fail-on " + text + ": unknown gate", "use none or breached");
    }
  }

  /**
   * Reads {@code slo forecast --fail-on}, ignoring case and with {@code _} for {@code -}: a verdict
   * from which the forecast fails (a {@link FailOn.AtLevel} ranked by its place in {@code
   * verdicts}), or never.
   *
   * @param verdicts the verdicts that can fail a forecast, the worst first, as the option writes
   *     them ({@code does-not-fit}, {@code at-risk})
   * @throws SloException a usage error (exit 2) naming the allowed values
   */
  public static FailOn parseVerdict(String text, List<String> verdicts) {
    String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    if (t.equals("never")) return new FailOn.Never();
    int rank = verdicts.indexOf(t);
    if (rank >= 0) return new FailOn.AtLevel(t, rank);
    List<String> allowed = new ArrayList<>(verdicts);
    java.util.Collections.reverse(allowed);
    throw SloException.spec(
        "--fail-on " + text + " is not a verdict",
        "use " + String.join(", ", allowed) + " or never");
  }

  private static FailOn one(String part, String text, SeverityTable table) {
    String t = part.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "none":
        return new FailOn.Never();
      case "breached":
        return new FailOn.OnBreach();
      case "alert":
        return new FailOn.OnAlert();
      case "no-data", "no_data", "nodata":
        return new FailOn.OnNoData();
      case "stale":
        return new FailOn.OnStale();
      default:
        break;
    }
    for (int rank = 0; rank < table.levels().size(); rank++) {
      SeverityLevel level = table.levels().get(rank);
      if (level.name().equalsIgnoreCase(t)) return new FailOn.AtLevel(level.name(), rank);
    }
    List<String> allowed =
        new ArrayList<>(List.of("none", "breached", "alert", "no-data", "stale"));
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
      int d = EditDistance.between(t, a);
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
}
