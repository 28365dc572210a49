package io.slotoolkit.evaluate;

import io.slotoolkit.model.Group;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which group of a {@code per} SLO to explain: the one asked for, or the worst one with data. */
public final class GroupChoice {
  private GroupChoice() {}

  /** How many existing groups a "no such group" hint names. */
  static final int HINT_GROUPS = 10;

  /**
   * The result of the group {@code wanted} names (every {@code per} column once, {@code (null)} for
   * a NULL value), or, when nothing is asked, the group with the lowest SLI among those that are
   * not NO_DATA (a group with one failed event is not the news), else the lowest SLI of any.
   *
   * @throws SloException (usage, exit 2) when {@code wanted} names a column that is not a {@code
   *     per} column, leaves one out, or names a group without events in the window
   */
  public static Optional<SloResult> choose(
      Slo slo, List<SloResult> results, Map<String, String> wanted) {
    if (wanted.isEmpty()) return worstWithData(results);
    if (slo.per().isEmpty()) {
      throw SloException.spec(
          "--group: SLO '" + slo.name() + "' has no per: columns, so it has one result, not groups",
          "leave out --group");
    }
    for (String column : wanted.keySet()) {
      if (!slo.per().contains(column)) {
        throw SloException.spec(
            "--group "
                + column
                + "=...: '"
                + column
                + "' is not a per: column of '"
                + slo.name()
                + "'",
            "per: columns: " + String.join(", ", slo.per()));
      }
    }
    List<String> missing = slo.per().stream().filter(c -> !wanted.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw SloException.spec(
          "--group names "
              + String.join(", ", wanted.keySet())
              + " but not "
              + String.join(", ", missing),
          "a group of '"
              + slo.name()
              + "' is one value of each per: column: repeat --group, for example "
              + String.join(" ", slo.per().stream().map(c -> "--group " + c + "=VALUE").toList()));
    }
    for (SloResult r : results) {
      if (r.group() != null && matches(r.group(), wanted)) return Optional.of(r);
    }
    List<String> existing = new ArrayList<>();
    for (SloResult r : results) {
      if (r.group() != null && !r.group().columns().isEmpty()) existing.add(r.group().label());
    }
    String label = String.join(" ", slo.per().stream().map(c -> c + "=" + wanted.get(c)).toList());
    throw SloException.spec(
        "--group " + label + ": no such group has events in the window of '" + slo.name() + "'",
        existing.isEmpty()
            ? "no group has events in this window; check --at"
            : "groups with events: "
                + String.join(", ", existing.subList(0, Math.min(HINT_GROUPS, existing.size())))
                + (existing.size() > HINT_GROUPS
                    ? " (" + existing.size() + " in all; slo check --all-groups lists them)"
                    : ""));
  }

  private static boolean matches(Group g, Map<String, String> wanted) {
    for (int i = 0; i < g.columns().size(); i++) {
      String v = g.values().get(i);
      String w = wanted.get(g.columns().get(i));
      if (!(v == null ? "(null)".equals(w) : v.equals(w))) return false;
    }
    return true;
  }

  private static Optional<SloResult> worstWithData(List<SloResult> results) {
    Comparator<SloResult> bySli = Comparator.comparingDouble(SloResult::sli);
    return results.stream()
        .filter(r -> r.sli() != null && r.status() != Status.NO_DATA)
        .min(bySli)
        .or(() -> results.stream().filter(r -> r.sli() != null).min(bySli));
  }
}
