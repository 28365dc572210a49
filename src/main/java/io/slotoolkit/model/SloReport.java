package io.slotoolkit.model;

import java.util.List;

/**
 * Everything {@code slo report} shows about one SLO.
 *
 * @param slo the SLO
 * @param window the SLO over its window; for a {@code per} SLO, all groups together (group null)
 * @param status the SLO's status as {@code slo check} sees it: for a {@code per} SLO, BREACHED when
 *     any group is, else OK when any group is, else NO_DATA
 * @param health the traffic light
 * @param yesterday the previous whole local day before the evaluation instant
 * @param last7Days the 7 x 24 hours before the evaluation instant
 * @param trend one point per local day, from the window's first day (at least 7 days back) to the
 *     evaluation instant's day; whole days, not cut at the window start
 * @param burnDown budget left at the end of each local day of the window
 * @param breakdowns one per dimension ({@code dimensions:} and {@code --by})
 * @param groups the spread over groups, for a {@code per} SLO; null otherwise
 * @param periods for a calendar-window SLO in {@code slo report --periods N}: the last N complete
 *     periods, oldest first; empty otherwise
 */
public record SloReport(
    Slo slo,
    SloResult window,
    Status status,
    Health health,
    PeriodCounts yesterday,
    PeriodCounts last7Days,
    List<DailyCounts> trend,
    List<BudgetPoint> burnDown,
    List<Breakdown> breakdowns,
    GroupView groups,
    List<PeriodResult> periods) {
  public SloReport {
    trend = List.copyOf(trend);
    burnDown = List.copyOf(burnDown);
    breakdowns = List.copyOf(breakdowns);
    periods = List.copyOf(periods);
  }

  /** The listed periods whose bad events used the whole error budget (or more), oldest first. */
  public List<PeriodResult> periodsSpent() {
    return periods.stream().filter(PeriodResult::spentWholeBudget).toList();
  }
}
