package io.slotoolkit.model;

import java.util.List;
import java.util.Set;

/**
 * What a severity table looks at for one SLO, all its groups taken together.
 *
 * @param slo the SLO's qualified name, {@code service/name}
 * @param tags the SLO's tags
 * @param firedAlerts severity names of the alert rules that fired, on any group ({@code page})
 * @param grouped whether the SLO has {@code per} columns
 * @param groups how many results (groups) it has
 * @param breachedGroups how many of them are BREACHED
 * @param totalEvents valid events over every group's window
 * @param breachedEvents valid events in BREACHED groups
 * @param lowestBudgetRemaining the lowest error budget remaining among groups that have data (not
 *     NO_DATA), a ratio (1 untouched, negative overspent); null when none has
 * @param status BREACHED when a group is, else OK when a group is, else NO_DATA
 */
public record SloSignals(
    String slo,
    Set<String> tags,
    Set<String> firedAlerts,
    boolean grouped,
    int groups,
    int breachedGroups,
    long totalEvents,
    long breachedEvents,
    Double lowestBudgetRemaining,
    Status status) {
  public SloSignals {
    tags = Set.copyOf(tags);
    firedAlerts = Set.copyOf(firedAlerts);
  }

  /**
   * Gathers the results of one SLO (one per group, or one).
   *
   * @param results every result of one SLO; not empty
   * @param tags the SLO's tags
   * @param firedAlerts severity names of the rules that fired on any of its groups
   */
  public static SloSignals of(List<SloResult> results, Set<String> tags, Set<String> firedAlerts) {
    if (results.isEmpty()) throw new IllegalArgumentException("no results");
    var slo = results.get(0).slo();
    int breached = 0;
    long total = 0;
    long breachedEvents = 0;
    Double lowest = null;
    boolean anyOk = false;
    for (SloResult r : results) {
      // the same SLO object is the same SLO; only another one needs its name compared
      if (r.slo() != slo && !r.slo().qualifiedName().equals(slo.qualifiedName())) {
        throw new IllegalArgumentException(
            "results of " + slo.qualifiedName() + " and " + r.slo().qualifiedName() + " mixed");
      }
      total += r.total();
      if (r.status() == Status.BREACHED) {
        breached++;
        breachedEvents += r.total();
      }
      if (r.status() == Status.OK) anyOk = true;
      Double remaining = r.budget() == null ? null : r.budget().remaining();
      if (r.status() != Status.NO_DATA && remaining != null) {
        lowest = lowest == null ? remaining : Math.min(lowest, remaining);
      }
    }
    Status status = breached > 0 ? Status.BREACHED : anyOk ? Status.OK : Status.NO_DATA;
    return new SloSignals(
        slo.qualifiedName(),
        tags,
        firedAlerts,
        !slo.per().isEmpty(),
        results.size(),
        breached,
        total,
        breachedEvents,
        lowest,
        status);
  }
}
