package io.slotoolkit.spec;

import io.slotoolkit.model.AlertRule;
import io.slotoolkit.model.Alerting;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SourceLocation;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an SLO's {@code alerts:}: burn-rate window pairs and time-to-exhaustion rules, their
 * minimum events, and {@code for:} and {@code cool_down:} (policy-wide or per rule).
 */
final class AlertingReader {
  private final List<Problem> problems;

  private final ValueReader values;

  AlertingReader(ValueReader values) {
    this.problems = values.problems;
    this.values = values;
  }

  /** {@code alerts:} as a list of pairs, or a map with {@code pairs} and {@code min_events}. */
  Alerting alerting(Fields slo) {
    YamlNode v = slo.value("alerts");
    if (v == null) return Alerting.DEFAULT;
    SourceLocation at = slo.keyLocation("alerts");
    if (v instanceof YamlNode.Sequence list)
      return new Alerting(pairs(list, Duration.ZERO, Duration.ZERO), 0, at, null, null);
    if (!(v instanceof YamlNode.Mapping map)) {
      values.wrongType(
          slo,
          "alerts",
          v,
          "a list of window pairs ({long, short, factor, severity}) or a map with 'pairs' and"
              + " 'min_events'");
      return Alerting.DEFAULT;
    }
    Fields f = new Fields(map, SpecLevel.ALERTS, "'alerts'", at, problems);
    long minEvents = values.wholeNumber(f, "min_events");
    Duration holdFor = lead(f, "for", Duration.ZERO);
    Duration coolDown = lead(f, "cool_down", Duration.ZERO);
    YamlNode p = f.value("pairs");
    List<AlertRule> rules = null;
    if (p instanceof YamlNode.Sequence list) rules = pairs(list, holdFor, coolDown);
    else if (p != null) values.wrongType(f, "pairs", p, "a list of window pairs");
    return new Alerting(rules, minEvents, at, holdFor, coolDown);
  }

  /**
   * {@code for:} or {@code cool_down:}: a length of whole minutes, 0 or more; {@code fallback} when
   * absent or wrong (wrong is reported).
   */
  private Duration lead(Fields f, String key, Duration fallback) {
    Duration d = values.length(f, key, false);
    if (d == null) return fallback;
    if (d.getSeconds() % 60 != 0) {
      problems.add(
          new io.slotoolkit.model.Problem(
              f.value(key).location(),
              "'" + key + "' must be whole minutes, found " + f.value(key).describe(),
              "alerts are evaluated once a minute; such as " + key + ": 5m"));
      return fallback;
    }
    return d;
  }

  private List<AlertRule> pairs(YamlNode.Sequence list, Duration holdFor, Duration coolDown) {
    List<AlertRule> rules = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (!(item instanceof YamlNode.Mapping map)) {
        problems.add(
            new Problem(
                item.location(),
                "an alert pair must be a map, found " + item.describe(),
                "such as {long: 1h, short: 5m, factor: 14.4, severity: page}"));
        continue;
      }
      int before = problems.size();
      Fields f = new Fields(map, SpecLevel.ALERT_PAIR, "this alert pair", map.location(), problems);
      Duration longWindow = values.length(f, "long", true);
      Duration shortWindow = values.length(f, "short", true);
      Duration exhaustion = values.length(f, "exhaustion", false);
      if (exhaustion != null && exhaustion.isZero()) {
        problems.add(
            new Problem(
                f.value("exhaustion").location(),
                "'exhaustion' must be positive, found " + f.value("exhaustion").describe(),
                "the rule fires when the budget would run out within this time, such as"
                    + " exhaustion: 3d"));
      }
      if (exhaustion != null && f.value("factor") != null) {
        problems.add(
            new Problem(
                f.keyLocation("factor"),
                "a time-to-exhaustion rule (with 'exhaustion') has no 'factor'",
                "remove 'factor' for a rule that fires when the budget would run out within"
                    + " 'exhaustion', or remove 'exhaustion' for a burn-rate pair"));
      }
      Duration ownFor = lead(f, "for", holdFor);
      Duration ownCoolDown = lead(f, "cool_down", coolDown);
      BigDecimal factor = null;
      YamlNode.Scalar fs =
          f.value("exhaustion") != null
              ? null
              : values.requiredScalar(
                  f,
                  "factor",
                  "a burn-rate factor such as 14.4",
                  "such as factor: 14.4, or exhaustion: 3d for a time-to-exhaustion rule");
      if (fs != null) {
        if (fs.kind() == YamlNode.Kind.INTEGER || fs.kind() == YamlNode.Kind.DECIMAL) {
          factor = fs.number();
        } else {
          values.wrongType(f, "factor", fs, "a number such as 14.4");
        }
      }
      String severity =
          values.requiredText(f, "severity", "a lower-case name such as page", "page or ticket");
      if (problems.size() > before) continue;
      List<String> wrong =
          exhaustion != null
              ? AlertRule.exhaustionProblems(exhaustion, longWindow, shortWindow, severity)
              : AlertRule.problems(longWindow, shortWindow, factor, severity);
      for (String w : wrong) problems.add(Problem.of(map.location(), w));
      if (wrong.isEmpty()) {
        AlertRule rule =
            exhaustion != null
                ? AlertRule.exhausting(
                    exhaustion, longWindow, shortWindow, severity, map.location())
                : AlertRule.burnRatePair(longWindow, shortWindow, factor, severity, map.location());
        rules.add(rule.withRefinements(ownFor, ownCoolDown));
      }
    }
    return rules;
  }
}
