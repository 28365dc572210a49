package io.slotoolkit.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The outcome of one {@code slo report}: per-SLO scorecards, trends, breakdowns and group views.
 *
 * @param at the evaluation instant: exclusive end of every window
 * @param zone the zone timestamps are shown in (the sources' zone when they agree, else UTC)
 * @param slos one per SLO, in spec order
 * @param sources per-source row accounting
 * @param masked the columns whose values are pseudonyms in this report
 * @param top how many values each breakdown and group view shows before folding the rest
 * @param passed whether every gate passed
 * @param engine the engine that read the data ({@code duckdb}, {@code spark})
 */
public record Report(
    Instant at,
    ZoneId zone,
    List<SloReport> slos,
    List<SourceStats> sources,
    List<String> masked,
    int top,
    boolean passed,
    String engine) {
  public Report {
    slos = List.copyOf(slos);
    sources = List.copyOf(sources);
    masked = List.copyOf(masked);
  }
}
