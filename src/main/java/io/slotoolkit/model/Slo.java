package io.slotoolkit.model;

import java.util.List;

/**
 * A service level objective: an SLI over a source, an objective and a window.
 *
 * @param name unique within its spec file, {@code [a-z0-9][a-z0-9-]*}
 * @param service the service it belongs to
 * @param description what the SLO protects, for people; may be null
 * @param source the event log it reads
 * @param sli how good and valid events are told apart
 * @param objective the target share of good events
 * @param window how far back it looks
 * @param per group columns: one result per distinct value combination; empty for one result
 * @param minEvents a group with fewer valid events in the window is NO_DATA (0: any event counts)
 * @param location where the SLO is declared
 * @param alerting its burn-rate alert pairs (or the default policy) and their traffic guard
 * @param tags labels severity conditions select SLOs by ({@code critical}); may be empty
 */
public record Slo(
    String name,
    String service,
    String description,
    DataSource source,
    Sli sli,
    Objective objective,
    Window window,
    List<String> per,
    long minEvents,
    SourceLocation location,
    Alerting alerting,
    List<String> tags) {
  /** An SLO with the default alert policy and no tags. */
  public Slo(
      String name,
      String service,
      String description,
      DataSource source,
      Sli sli,
      Objective objective,
      Window window,
      List<String> per,
      long minEvents,
      SourceLocation location) {
    this(
        name,
        service,
        description,
        source,
        sli,
        objective,
        window,
        per,
        minEvents,
        location,
        Alerting.DEFAULT,
        List.of());
  }

  public Slo {
    if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("invalid SLO name: " + name);
    }
    if (source == null || sli == null || objective == null || window == null) {
      throw new IllegalArgumentException("SLO " + name + " is incomplete");
    }
    per = per == null ? List.of() : List.copyOf(per);
    if (minEvents < 0) throw new IllegalArgumentException("min_events must be >= 0");
    if (alerting == null) alerting = Alerting.DEFAULT;
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** The same SLO reading another (overridden) source. */
  public Slo withSource(DataSource newSource) {
    return new Slo(
        name,
        service,
        description,
        newSource,
        sli,
        objective,
        window,
        per,
        minEvents,
        location,
        alerting,
        tags);
  }

  /** {@code service/name}: unique across a run. */
  public String qualifiedName() {
    return service + "/" + name;
  }
}
