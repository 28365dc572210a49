package io.slotoolkit.spec;

import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SeverityCondition;
import io.slotoolkit.model.SeverityLevel;
import io.slotoolkit.model.SeverityResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code severity:}: the levels, their conditions and responses, highest first. */
final class SeverityReader {
  private final List<Problem> problems;

  private final ValueReader values;

  SeverityReader(ValueReader values) {
    this.problems = values.problems;
    this.values = values;
  }

  /** {@code severity:}: the levels, highest first. */
  List<SeverityLevel> severity(Fields top) {
    YamlNode v = top.value("severity");
    if (v == null) return List.of();
    if (!(v instanceof YamlNode.Sequence list) || list.items().isEmpty()) {
      values.wrongType(
          top, "severity", v, "a list of levels, highest first, each with name and when");
      return List.of();
    }
    return values.eachMap(
        list,
        "a severity level must be a map, found ",
        "such as {name: SEV1, when: [{alert: page}], response: {who: on-call}}",
        this::level);
  }

  private SeverityLevel level(YamlNode.Mapping map) {
    int before = problems.size();
    Fields f =
        new Fields(map, SpecLevel.SEVERITY_LEVEL, "this severity level", map.location(), problems);
    YamlNode.Scalar name = values.requiredScalar(f, "name", "a name such as SEV1", "such as SEV1");
    if (name != null && !name.text().matches("[A-Za-z][A-Za-z0-9_-]*")) {
      problems.add(
          new Problem(
              name.location(),
              "severity level name '" + name.text() + "' is not allowed",
              "start with a letter; use letters, digits, '-' and '_', such as SEV1"));
    }
    List<SeverityCondition> conditions = new ArrayList<>();
    YamlNode when = f.value("when");
    if (when == null) values.missing(f, "when", "the conditions, any of which selects this level");
    else if (!(when instanceof YamlNode.Sequence list)) {
      values.wrongType(f, "when", when, "a list of conditions");
    } else {
      for (YamlNode c : list.items()) {
        SeverityCondition cond = condition(c);
        if (cond != null) conditions.add(cond);
      }
    }
    SeverityResponse response = response(f);
    if (problems.size() > before) return null;
    return new SeverityLevel(name.text(), conditions, response, map.location());
  }

  private SeverityCondition condition(YamlNode node) {
    if (!(node instanceof YamlNode.Mapping map)) {
      problems.add(
          new Problem(
              node.location(),
              "a severity condition must be a map, found " + node.describe(),
              "such as {alert: page, tag: critical} or {budget_below: 25%}"));
      return null;
    }
    Fields f = new Fields(map, SpecLevel.CONDITION, "this condition", map.location(), problems);
    List<String> kinds = new ArrayList<>();
    for (String k :
        List.of(
            "alert", "groups_breached_over", "traffic_breached_over", "budget_below", "status")) {
      if (f.value(k) != null) kinds.add(k);
    }
    if (kinds.size() != 1) {
      if (kinds.isEmpty() && f.hasUnknownKeys()) return null;
      problems.add(
          new Problem(
              map.location(),
              kinds.isEmpty()
                  ? "a severity condition needs one of alert, groups_breached_over,"
                      + " traffic_breached_over, budget_below, status"
                  : "a severity condition has one test, found " + String.join(" and ", kinds),
              "write one condition per list item; any of them selects the level"));
      return null;
    }
    if (f.value("tag") != null && !kinds.get(0).equals("alert")) {
      problems.add(
          new Problem(
              f.keyLocation("tag"),
              "'tag' goes only with 'alert'",
              "such as {alert: page, tag: critical}"));
      return null;
    }
    if (f.value("label") != null && !kinds.get(0).equals("alert")) {
      problems.add(
          new Problem(
              f.keyLocation("label"),
              "'label' goes only with 'alert'",
              "such as {alert: page, label: team=payments}"));
      return null;
    }
    if (f.value("tag") != null && f.value("label") != null) {
      problems.add(
          new Problem(
              f.keyLocation("label"),
              "a condition selects SLOs by 'tag' or by 'label', not both",
              "write two conditions"));
      return null;
    }
    switch (kinds.get(0)) {
      case "alert" -> {
        String sev = values.text(f, "alert", "an alert severity such as page");
        String tag = values.text(f, "tag", "a tag such as critical");
        String label = values.text(f, "label", "a label such as team=payments");
        if (label != null) {
          int eq = label.indexOf('=');
          if (eq <= 0 || !SloReader.LABEL_KEY.matcher(label.substring(0, eq)).matches()) {
            problems.add(
                new Problem(
                    f.keyLocation("label"),
                    "'label' must be key=value, found '" + label + "'",
                    "such as team=payments"));
            return null;
          }
          // an SLO's selectors hold its tags and its labels as key=value (tags have no '=')
          tag = label.substring(0, eq).strip() + "=" + label.substring(eq + 1).strip();
        }
        return sev == null ? null : new SeverityCondition.AlertFired(sev, tag);
      }
      case "groups_breached_over" -> {
        YamlNode.Scalar s = values.scalar(f, "groups_breached_over", "a whole number of groups");
        if (s == null) return null;
        if (s.kind() != YamlNode.Kind.INTEGER || s.number().signum() < 0) {
          values.wrongType(f, "groups_breached_over", s, "a whole number of 0 or more");
          return null;
        }
        return new SeverityCondition.GroupsBreachedOver(s.number().longValue());
      }
      case "traffic_breached_over" -> {
        BigDecimal share = share(f, "traffic_breached_over");
        if (share == null) return null;
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) >= 0) {
          problems.add(
              new Problem(
                  f.value("traffic_breached_over").location(),
                  "'traffic_breached_over' must be from 0% to below 100%",
                  null));
          return null;
        }
        return new SeverityCondition.TrafficBreachedOver(share);
      }
      case "budget_below" -> {
        BigDecimal share = share(f, "budget_below");
        if (share == null) return null;
        if (share.compareTo(BigDecimal.ONE) > 0) {
          problems.add(
              new Problem(
                  f.value("budget_below").location(),
                  "'budget_below' must be at most 100%",
                  "such as 25%"));
          return null;
        }
        return new SeverityCondition.BudgetBelow(share);
      }
      default -> {
        String st = values.text(f, "status", "breached");
        if (st == null) return null;
        if (!st.equalsIgnoreCase("breached")) {
          problems.add(
              new Problem(
                  f.value("status").location(),
                  "unknown status condition '" + st + "'",
                  "the only status condition is 'status: breached'"));
          return null;
        }
        return new SeverityCondition.Breached();
      }
    }
  }

  /** A percent ({@code 25%}) or a ratio ({@code 0.25}) as a ratio. */
  private BigDecimal share(Fields f, String key) {
    YamlNode.Scalar s = values.scalar(f, key, "a percent such as 25%");
    if (s == null) return null;
    String t = s.text().strip();
    try {
      if (t.endsWith("%"))
        return new BigDecimal(t.substring(0, t.length() - 1).strip()).movePointLeft(2);
      if (s.number() != null) return s.number();
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        new Problem(
            s.location(), "'" + key + "' must be a percent, found " + s.describe(), "such as 25%"));
    return null;
  }

  private SeverityResponse response(Fields level) {
    YamlNode v = level.value("response");
    if (v == null) return null;
    if (v instanceof YamlNode.Scalar s && !s.isNull() && !s.text().isBlank()) {
      return new SeverityResponse(s.text(), false, null);
    }
    if (!(v instanceof YamlNode.Mapping map)) {
      values.wrongType(level, "response", v, "a map with who, out_of_hours and within");
      return null;
    }
    Fields f =
        new Fields(map, SpecLevel.RESPONSE, "'response'", level.keyLocation("response"), problems);
    String who =
        values.requiredText(f, "who", "who is called", "who is called, such as 'payments on-call'");
    Boolean outOfHours = values.bool(f, "out_of_hours");
    Duration within = values.length(f, "within", false);
    if (within != null && within.isZero()) {
      problems.add(
          new Problem(f.value("within").location(), "'within' must be longer than zero", null));
      return null;
    }
    return who == null ? null : new SeverityResponse(who, Boolean.TRUE.equals(outOfHours), within);
  }
}
