package io.slotoolkit.model;

import java.time.Duration;

/**
 * One alert rule evaluated at an instant.
 *
 * @param rule the rule
 * @param longWindow counts over {@code [at - long window, at)}
 * @param shortWindow counts over {@code [at - short window, at)}
 * @param longBurnRate {@code (bad / total) / (1 - objective)} over the long window; null without
 *     valid events
 * @param shortBurnRate the same over the short window; null without valid events
 * @param fired whether both burn rates are at or above the factor and the long window holds at
 *     least the policy's {@code min_events}
 * @param belowMinEvents whether the long window held fewer valid events than {@code min_events}, so
 *     the rule could not fire whatever the burn
 * @param longBudgetConsumed share of the SLO window's error budget that the long window's bad
 *     events represent, {@code bad / ((1 - objective) x SLO window total)}; null when the SLO
 *     window has no valid events
 * @param shortBudgetConsumed the same for the short window's bad events
 * @param heldByNoData whether the result is NO_DATA for its SLO (fewer valid events in the SLO
 *     window than {@code max(1, min_events)}), so the rule could not fire whatever the burn: a
 *     group too small to judge does not page
 * @param timeToExhaustion how long until the SLO window's remaining budget is spent if the long
 *     window's burn rate goes on, {@code remaining x W / long burn rate} (W the nominal window
 *     length), rounded down to the second; zero when the budget is already spent; null when nothing
 *     burns (no bad events in the long window) or the SLO window has no valid events
 */
public record AlertStatus(
    AlertRule rule,
    Counts longWindow,
    Counts shortWindow,
    Double longBurnRate,
    Double shortBurnRate,
    boolean fired,
    boolean belowMinEvents,
    Double longBudgetConsumed,
    Double shortBudgetConsumed,
    Duration timeToExhaustion,
    boolean heldByNoData) {

  /** Whether the rule burns fast enough in both windows, whether or not a guard held it back. */
  public boolean burning() {
    double f = rule.factor().doubleValue();
    return longBurnRate != null && shortBurnRate != null && longBurnRate >= f && shortBurnRate >= f;
  }
}
