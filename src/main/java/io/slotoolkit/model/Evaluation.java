package io.slotoolkit.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The outcome of one {@code slo check}: every result, what each source contributed, and the gate.
 *
 * @param at the evaluation instant: exclusive end of every window
 * @param zone the zone timestamps are shown in (the sources' zone when they agree, else UTC)
 * @param results one per SLO, or per group of a {@code per} SLO, in spec order
 * @param sources per-source row accounting
 * @param passed whether every gate passed
 * @param composites one per composite SLO, in spec order
 * @param engine the engine that read the data ({@code duckdb}, {@code spark})
 */
public record Evaluation(
    Instant at,
    ZoneId zone,
    List<SloResult> results,
    List<SourceStats> sources,
    boolean passed,
    List<CompositeResult> composites,
    String engine) {
  public Evaluation {
    results = List.copyOf(results);
    sources = List.copyOf(sources);
    composites = composites == null ? List.of() : List.copyOf(composites);
  }
}
