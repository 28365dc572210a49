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
 * @param dimensions columns {@code slo report} breaks the SLI down by (one table each); empty for
 *     none
 * @param alerting its burn-rate alert pairs (or the default policy) and their traffic guard
 * @param tags labels severity conditions select SLOs by ({@code critical}); may be empty
 * @param metadata labels, annotations and links (the file's merged with the SLO's own)
 * @param timeslices how it budgets by time slices; null for the default, event by event
 *     (occurrences)
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
    List<String> dimensions,
    Alerting alerting,
    List<String> tags,
    SloMetadata metadata,
    TimeSlices timeslices) {
  public Slo {
    if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("invalid SLO name: " + name);
    }
    if (source == null || sli == null || objective == null || window == null) {
      throw new IllegalArgumentException("SLO " + name + " is incomplete");
    }
    per = per == null ? List.of() : List.copyOf(per);
    if (minEvents < 0) throw new IllegalArgumentException("min_events must be >= 0");
    dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    if (alerting == null) alerting = Alerting.DEFAULT;
    tags = tags == null ? List.of() : List.copyOf(tags);
    if (metadata == null) metadata = SloMetadata.EMPTY;
  }

  /** What severity conditions select by: the tags, and each label as {@code key=value}. */
  public java.util.Set<String> selectors() {
    java.util.Set<String> s = new java.util.TreeSet<>(tags);
    s.addAll(metadata.labelSelectors());
    return s;
  }

  /** The same SLO reading another source (for {@code --source} and {@code --max-bad-rows}). */
  public Slo withSource(DataSource other) {
    return new Slo(
        name,
        service,
        description,
        other,
        sli,
        objective,
        window,
        per,
        minEvents,
        location,
        dimensions,
        alerting,
        tags,
        metadata,
        timeslices);
  }

  /**
   * The same SLO over another window (a composite's component, measured over the composite's
   * window).
   */
  public Slo withWindow(Window other) {
    return new Slo(
        name,
        service,
        description,
        source,
        sli,
        objective,
        other,
        per,
        minEvents,
        location,
        dimensions,
        alerting,
        tags,
        metadata,
        timeslices);
  }

  /** How it spends its error budget: occurrences unless it has time slices. */
  public TimeSlices.Budgeting budgeting() {
    return timeslices == null ? TimeSlices.Budgeting.OCCURRENCES : timeslices.budgeting();
  }

  /** {@code service/name}: unique across a run. */
  public String qualifiedName() {
    return service + "/" + name;
  }
}
