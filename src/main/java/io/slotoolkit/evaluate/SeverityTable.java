package io.slotoolkit.evaluate;

import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SeverityAssessment;
import io.slotoolkit.model.SeverityCondition;
import io.slotoolkit.model.SeverityLevel;
import io.slotoolkit.model.SeverityMatch;
import io.slotoolkit.model.SloSignals;
import io.slotoolkit.model.SourceLocation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A user's severity table: levels in priority order, the first (highest) matching level wins.
 *
 * @param levels the levels, highest first; names and number are the user's
 */
public record SeverityTable(List<SeverityLevel> levels) {
  /** A run without a severity table. */
  public static final SeverityTable NONE = new SeverityTable(List.of());

  /** {@code --fail-on} words a level may not be called, ignoring case. */
  public static final Set<String> RESERVED = Set.of("none", "breached", "alert");

  public SeverityTable {
    levels = List.copyOf(levels);
  }

  /** The level of that name, ignoring case. */
  public Optional<SeverityLevel> level(String name) {
    return levels.stream().filter(l -> l.name().equalsIgnoreCase(name)).findFirst();
  }

  /** The level names, highest first. */
  public List<String> names() {
    return levels.stream().map(SeverityLevel::name).toList();
  }

  /**
   * Everything wrong with the table, each problem at its level's line: duplicate or reserved names,
   * levels without conditions, alert severities no rule uses, conditions that can never decide
   * their level (a higher level always matches too) and levels that can never be the highest match
   * at all.
   *
   * @param alertSeverities the severity names the SLOs' alert rules use ({@code page}, {@code
   *     ticket})
   */
  public List<Problem> check(Collection<String> alertSeverities) {
    List<Problem> out = new ArrayList<>();
    Map<String, SeverityLevel> seen = new HashMap<>();
    for (SeverityLevel level : levels) {
      SourceLocation at = level.location();
      String key = level.name().toLowerCase(Locale.ROOT);
      SeverityLevel first = seen.putIfAbsent(key, level);
      if (first != null) {
        out.add(
            new Problem(
                at,
                "severity level "
                    + level.name()
                    + " is defined twice (first at "
                    + first.location()
                    + ")",
                "level names are compared ignoring case"));
      }
      if (RESERVED.contains(key)) {
        out.add(
            new Problem(
                at,
                "severity level "
                    + level.name()
                    + " has the same name as the --fail-on value "
                    + key
                    + ", so --fail-on "
                    + key
                    + " would be ambiguous",
                "rename it; none, breached and alert are reserved"));
      }
      if (level.conditions().isEmpty()) {
        out.add(
            new Problem(
                at,
                "severity level " + level.name() + " has no conditions, so it never matches",
                "give it at least one condition"));
      }
      for (SeverityCondition c : level.conditions()) {
        if (c instanceof SeverityCondition.AlertFired a
            && !alertSeverities.contains(a.alertSeverity())) {
          out.add(
              new Problem(
                  at,
                  "severity level "
                      + level.name()
                      + " refers to alert severity '"
                      + a.alertSeverity()
                      + "', which no alert rule uses",
                  "known: " + String.join(", ", alertSeverities)));
        }
      }
    }
    for (int i = 1; i < levels.size(); i++) out.addAll(shadowed(i));
    return out;
  }

  /** Conditions of level i that a higher level always matches alongside. */
  private List<Problem> shadowed(int i) {
    SeverityLevel level = levels.get(i);
    List<String> dead = new ArrayList<>();
    for (SeverityCondition c : level.conditions()) {
      String by = higherMatch(c, i);
      if (by != null) dead.add(c.describe() + " (" + by + ")");
    }
    if (dead.isEmpty()) return List.of();
    if (dead.size() == level.conditions().size()) {
      return List.of(
          new Problem(
              level.location(),
              "severity level "
                  + level.name()
                  + " can never be the highest match: whenever "
                  + (dead.size() == 1 ? "its condition holds" : "any of its conditions holds")
                  + ", a higher level matches too: "
                  + String.join("; ", dead),
              "move it above that level or change its conditions"));
    }
    List<Problem> out = new ArrayList<>();
    for (String d : dead) {
      out.add(
          new Problem(
              level.location(),
              "a condition of severity level "
                  + level.name()
                  + " never decides it, because a higher level always matches too: "
                  + d,
              "remove the condition or move the level up"));
    }
    return out;
  }

  private String higherMatch(SeverityCondition c, int below) {
    for (int j = 0; j < below; j++) {
      for (SeverityCondition h : levels.get(j).conditions()) {
        if (c.implies(h)) return levels.get(j).name() + " has " + h.describe();
      }
    }
    return null;
  }

  /**
   * The highest matching level of each SLO and of the run.
   *
   * @param slos the SLOs of the run, in the order they are shown
   */
  public SeverityAssessment evaluate(List<SloSignals> slos) {
    List<SeverityMatch> perSlo = new ArrayList<>();
    SeverityMatch highest = null;
    for (SloSignals s : slos) {
      SeverityMatch m = match(s);
      if (m == null) continue;
      perSlo.add(m);
      if (highest == null || m.rank() < highest.rank()) highest = m;
    }
    return new SeverityAssessment(perSlo, highest);
  }

  private SeverityMatch match(SloSignals s) {
    for (int rank = 0; rank < levels.size(); rank++) {
      SeverityLevel level = levels.get(rank);
      for (SeverityCondition c : level.conditions()) {
        Optional<String> why = c.test(s);
        if (why.isPresent())
          return new SeverityMatch(s.slo(), level, rank, c.describe(), why.get());
      }
    }
    return null;
  }
}
