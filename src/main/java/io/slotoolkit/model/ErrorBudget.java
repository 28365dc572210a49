package io.slotoolkit.model;

import java.math.BigDecimal;

/**
 * How much of the window's error budget is left. Its unit is events, or slices for an SLO with
 * time-slice budgeting.
 *
 * @param allowed bad events (slices) the objective allows, {@code (1 - objective) x total}, exact
 * @param bad bad events, {@code total - good} (bad slices)
 * @param remaining {@code 1 - spent / allowed}: 1 untouched, 0 spent, negative overspent; null when
 *     total is 0
 * @param spent the budget used, exact: {@code bad}, except for ratio_timeslices where it is the sum
 *     of {@code 1 - ratio} over the slices (a fraction of a slice each)
 */
public record ErrorBudget(BigDecimal allowed, long bad, Double remaining, BigDecimal spent) {
  public ErrorBudget {
    if (spent == null) spent = BigDecimal.valueOf(bad);
  }
}
