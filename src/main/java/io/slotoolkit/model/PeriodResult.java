package io.slotoolkit.model;

import java.math.BigDecimal;

/**
 * One complete calendar period of an SLO in {@code slo report --periods}: its counts, SLI, budget
 * and status over {@code [result.windowStart(), result.windowEnd())}.
 *
 * @param label how the period is named: {@code 2026-02}, {@code 2026-Q1}, {@code FY2026}, {@code
 *     2026-W07}
 * @param result the SLO over the period; for a {@code per} SLO, all groups together
 */
public record PeriodResult(String label, SloResult result) {
  public PeriodResult {
    if (label == null || label.isBlank()) throw new IllegalArgumentException("period label");
    if (result == null) throw new IllegalArgumentException("period result missing");
  }

  /**
   * The share of the period's error budget its bad events used: bad / allowed (1 = all of it); null
   * without valid events.
   */
  public Double budgetUsed() {
    return result.burnRate();
  }

  /** Whether the bad events used the whole budget or more (bad >= allowed, decided exactly). */
  public boolean spentWholeBudget() {
    return result.total() > 0
        && BigDecimal.valueOf(result.budget().bad()).compareTo(result.budget().allowed()) >= 0;
  }
}
