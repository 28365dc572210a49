package io.slotoolkit.spec;

import io.slotoolkit.model.Composite;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.Window;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code composites:}: each composite's name, method, objective, window and components (SLOs
 * of the same file, with weights for weighted_mean).
 */
final class CompositeReader {
  static final List<String> METHODS = List.of("weighted_mean", "least_healthy");

  private final List<Problem> problems;
  private final ValueReader values;
  private final SloReader sloReader;

  CompositeReader(ValueReader values, SloReader sloReader) {
    this.problems = values.problems;
    this.values = values;
    this.sloReader = sloReader;
  }

  List<Composite> composites(Fields top, String fileService, List<Slo> slos) {
    YamlNode v = top.value("composites");
    if (v == null) return List.of();
    if (!(v instanceof YamlNode.Sequence list)) {
      values.wrongType(top, "composites", v, "a list of composites, each starting with '- name:'");
      return List.of();
    }
    Set<String> names = new HashSet<>();
    for (SpecConverter.DeclaredSlo d : sloReader.declared) names.add(d.name());
    return values.eachMap(
        list,
        "a composite must be a map of keys, found ",
        "start each composite with '- name: ...'",
        map -> composite(map, fileService, slos, names));
  }

  private Composite composite(
      YamlNode.Mapping map, String fileService, List<Slo> slos, Set<String> taken) {
    int before = problems.size();
    Fields f = new Fields(map, SpecLevel.COMPOSITE, "this composite", map.location(), problems);
    YamlNode.Scalar nameNode =
        values.requiredScalar(
            f, "name", "a name such as checkout-journey", "such as checkout-journey");
    String name = nameNode == null ? null : nameNode.text();
    if (name != null && !SloReader.SLO_NAME.matcher(name).matches()) {
      problems.add(
          new Problem(
              nameNode.location(),
              "composite name '" + name + "' is not allowed",
              "use lowercase letters, digits and '-', such as '" + SloReader.slug(name) + "'"));
      name = null;
    } else if (name != null && !taken.add(name)) {
      problems.add(
          new Problem(
              nameNode.location(),
              "composite name '" + name + "' is already used in this file",
              "SLO and composite names are unique within a file"));
      name = null;
    }
    if (name != null) f = f.named("composite '" + name + "'");
    String description = values.text(f, "description", "text");
    String service = values.text(f, "service", "a service name");
    if (service == null) service = fileService;
    String method = values.oneOf(f, "method", METHODS, "weighted_mean");
    Objective objective = objective(f);
    Window window = window(f);
    List<Composite.Component> components = components(f, slos, "least_healthy".equals(method));
    if (problems.size() > before || name == null || method == null) return null;
    return new Composite(
        name,
        service,
        description,
        Composite.Method.valueOf(method.toUpperCase(Locale.ROOT)),
        objective,
        window,
        components,
        map.location());
  }

  private List<Composite.Component> components(Fields f, List<Slo> slos, boolean leastHealthy) {
    YamlNode v = f.value("components");
    if (v == null) {
      values.missing(f, "components", "a list such as [{slo: login}, {slo: checkout, weight: 2}]");
      return List.of();
    }
    if (!(v instanceof YamlNode.Sequence list) || list.items().isEmpty()) {
      values.wrongType(
          f, "components", v, "a non-empty list such as [{slo: login}, {slo: search}]");
      return List.of();
    }
    List<String> known = sloReader.declared.stream().map(SpecConverter.DeclaredSlo::name).toList();
    Set<String> seen = new HashSet<>();
    List<Composite.Component> out = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (!(item instanceof YamlNode.Mapping map)) {
        problems.add(
            new Problem(
                item.location(),
                "a component must be a map such as {slo: login}, found " + item.describe(),
                null));
        continue;
      }
      Fields c = new Fields(map, SpecLevel.COMPONENT, "this component", map.location(), problems);
      YamlNode.Scalar sloNode =
          values.requiredScalar(c, "slo", "the name of an SLO of this file", "such as login");
      BigDecimal weight = weight(c, leastHealthy);
      if (sloNode == null) continue;
      String name = sloNode.text();
      if (!seen.add(name)) {
        problems.add(
            new Problem(sloNode.location(), "component '" + name + "' is listed twice", null));
        continue;
      }
      if (!known.contains(name)) {
        problems.add(
            new Problem(
                sloNode.location(),
                "unknown component '" + name + "': no SLO of this file has that name",
                NearestMatch.didYouMean(name, known)
                    .orElse(
                        known.isEmpty()
                            ? "this file defines no SLOs"
                            : "this file's SLOs: " + String.join(", ", known))));
        continue;
      }
      Slo slo = slos.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
      // an SLO with problems of its own is not there; its problems are reported already
      if (slo != null && weight != null) out.add(new Composite.Component(slo, weight));
    }
    return out;
  }

  private BigDecimal weight(Fields c, boolean leastHealthy) {
    YamlNode v = c.value("weight");
    if (v == null) return BigDecimal.ONE;
    if (leastHealthy) {
      problems.add(
          new Problem(
              c.keyLocation("weight"),
              "'weight' has no meaning with method least_healthy",
              "the least healthy component decides alone; remove 'weight', or use method:"
                  + " weighted_mean"));
      return null;
    }
    if (!(v instanceof YamlNode.Scalar s) || s.number() == null) {
      values.wrongType(c, "weight", v, "a positive number such as 2");
      return null;
    }
    if (s.number().signum() <= 0) {
      problems.add(
          new Problem(
              s.location(),
              "weight must be positive, found " + s.text(),
              "a component's share of the mean is its weight over the sum of weights; use a"
                  + " number above 0 such as 1 or 2.5"));
      return null;
    }
    return s.number();
  }

  private Objective objective(Fields f) {
    YamlNode.Scalar s =
        values.requiredScalar(
            f, "objective", "a percent such as 99% or a ratio such as 0.99", "such as 99%");
    if (s == null) return null;
    try {
      return ObjectiveParser.parse(s.value());
    } catch (InvalidValueException e) {
      values.invalid(s, e);
      return null;
    }
  }

  private Window window(Fields f) {
    YamlNode.Scalar s =
        values.requiredScalar(
            f, "window", "a window such as 28d or month", "28d or 36h; week, month or quarter");
    if (s == null) return null;
    try {
      return WindowParser.parse(s.text());
    } catch (InvalidValueException e) {
      values.invalid(s, e);
      return null;
    }
  }
}
