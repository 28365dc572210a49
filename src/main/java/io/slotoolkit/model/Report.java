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
 * @param period the one complete period evaluated ({@code --period 2026-02}); null for the windows
 *     ending at {@code at}
 * @param periods how many complete periods of history each calendar-window SLO lists ({@code
 *     --periods}); 0 for none
 * @param engine the engine that read the data ({@code duckdb}, {@code spark})
 * @param composites the composite SLOs as {@code slo check} evaluates them at {@code at}, in spec
 *     order; empty with {@code period}, which does not evaluate them
 * @param skippedComposites the composite SLOs left unevaluated because a {@code period} was chosen;
 *     empty without one
 */
public record Report(
    Instant at,
    ZoneId zone,
    List<SloReport> slos,
    List<SourceStats> sources,
    List<String> masked,
    int top,
    boolean passed,
    PeriodChoice period,
    int periods,
    String engine,
    List<CompositeResult> composites,
    List<Composite> skippedComposites) {
  public Report {
    slos = List.copyOf(slos);
    composites = List.copyOf(composites);
    skippedComposites = List.copyOf(skippedComposites);
    sources = List.copyOf(sources);
    masked = List.copyOf(masked);
    if (periods < 0) throw new IllegalArgumentException("periods must not be negative");
  }
}
