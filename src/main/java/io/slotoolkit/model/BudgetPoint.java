package io.slotoolkit.model;

import java.time.LocalDate;

/**
 * The error budget left at the end of one local day of the window: the budget is {@code (1 -
 * objective) x} every valid event of the window, and each day's bad events spend from it.
 *
 * @param day the local date
 * @param bad bad events of the window up to the end of that day (cumulative)
 * @param remaining {@code 1 - bad / allowed}, a ratio: 1 untouched, 0 spent, negative overspent;
 *     null when the window has no events
 */
public record BudgetPoint(LocalDate day, long bad, Double remaining) {}
