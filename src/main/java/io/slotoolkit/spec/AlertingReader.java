package io.slotoolkit.spec;

import io.slotoolkit.model.AlertRule;
import io.slotoolkit.model.Alerting;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SourceLocation;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads an SLO's {@code alerts:}: burn-rate window pairs and their minimum events. */
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
    if (v instanceof YamlNode.Sequence list) return new Alerting(pairs(list), 0, at);
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
    YamlNode p = f.value("pairs");
    List<AlertRule> rules = null;
    if (p instanceof YamlNode.Sequence list) rules = pairs(list);
    else if (p != null) values.wrongType(f, "pairs", p, "a list of window pairs");
    return new Alerting(rules, minEvents, at);
  }

  private List<AlertRule> pairs(YamlNode.Sequence list) {
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
      BigDecimal factor = null;
      YamlNode.Scalar fs =
          values.requiredScalar(
              f, "factor", "a burn-rate factor such as 14.4", "such as factor: 14.4");
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
      List<String> wrong = AlertRule.problems(longWindow, shortWindow, factor, severity);
      for (String w : wrong) problems.add(Problem.of(map.location(), w));
      if (wrong.isEmpty()) {
        rules.add(new AlertRule(longWindow, shortWindow, factor, severity, map.location()));
      }
    }
    return rules;
  }
}
