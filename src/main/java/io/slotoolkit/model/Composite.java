package io.slotoolkit.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A composite SLO: several SLOs of one spec file (a user journey: login, search, checkout) judged
 * as one, with its own objective and window.
 *
 * @param name unique among its file's SLOs and composites, {@code [a-z0-9][a-z0-9-]*}
 * @param service the service it belongs to
 * @param description what the journey is, for people; may be null
 * @param method how the components' SLIs become the composite's
 * @param objective the target of the composite's SLI
 * @param window the window every component is measured over for the composite
 * @param components its SLOs, in file order of the {@code components:} list
 * @param location where it is declared
 */
public record Composite(
    String name,
    String service,
    String description,
    Method method,
    Objective objective,
    Window window,
    List<Component> components,
    SourceLocation location) {
  public Composite {
    if (name == null || !name.matches("[a-z0-9][a-z0-9-]*"))
      throw new IllegalArgumentException("invalid composite name: " + name);
    if (method == null || objective == null || window == null)
      throw new IllegalArgumentException("composite " + name + " is incomplete");
    components = List.copyOf(components);
    if (components.isEmpty())
      throw new IllegalArgumentException("composite " + name + " has no component");
  }

  /** How a composite's SLI comes from its components'. */
  public enum Method {
    /** The weighted mean of the components' SLIs (Nobl9's reliability composites). */
    WEIGHTED_MEAN("weighted_mean"),
    /** The lowest of the components' SLIs: the journey is as good as its worst step. */
    LEAST_HEALTHY("least_healthy");

    private final String label;

    Method(String label) {
      this.label = label;
    }

    /** How specs spell it. */
    public String label() {
      return label;
    }
  }

  /**
   * One SLO of a composite.
   *
   * @param slo the SLO, as declared
   * @param weight its weight, positive (1 unless given; only weighted_mean uses it)
   */
  public record Component(Slo slo, BigDecimal weight) {
    public Component {
      if (slo == null) throw new IllegalArgumentException("component without an SLO");
      if (weight == null || weight.signum() <= 0)
        throw new IllegalArgumentException("component weight must be positive: " + weight);
    }

    /**
     * The SLO as the composite measures it: over the composite's window, all its groups together
     * (no {@code per}), without alert pairs.
     */
    public Slo measured(Window window) {
      Slo s = slo;
      return new Slo(
          s.name(),
          s.service(),
          s.description(),
          s.source(),
          s.sli(),
          s.objective(),
          window,
          List.of(),
          s.minEvents(),
          s.location(),
          List.of(),
          new Alerting(List.of(), 0, null, null, null),
          s.tags(),
          s.metadata(),
          s.timeslices());
    }
  }

  /**
   * The same composite over {@code slos} (after --source overrides or a selection): each component
   * takes the SLO of the same name; null when one of them is no longer there (a selection that left
   * a component out drops the composite).
   */
  public Composite rebound(List<Slo> slos) {
    List<Component> out = new java.util.ArrayList<>();
    for (Component c : components) {
      Slo now =
          slos.stream()
              .filter(s -> s.qualifiedName().equals(c.slo().qualifiedName()))
              .findFirst()
              .orElse(null);
      if (now == null) return null;
      out.add(new Component(now, c.weight()));
    }
    return new Composite(name, service, description, method, objective, window, out, location);
  }

  /** {@code service/name}. */
  public String qualifiedName() {
    return service + "/" + name;
  }
}
