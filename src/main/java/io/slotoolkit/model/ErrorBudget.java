package io.slotoolkit.model;

import java.math.BigDecimal;

/**
 * How much of the window's error budget is left.
 *
 * @param allowed bad events the objective allows, {@code (1 - objective) x total}, exact
 * @param bad bad events, {@code total - good}
 * @param remaining {@code 1 - bad / allowed}: 1 untouched, 0 spent, negative overspent; null when
 *     total is 0
 */
public record ErrorBudget(BigDecimal allowed, long bad, Double remaining) {}
