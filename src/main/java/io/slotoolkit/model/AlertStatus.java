package io.slotoolkit.model;

import java.time.Duration;
import java.time.Instant;

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
 * @param conditionMet whether both windows reach the rule's threshold (a burn rate at or above the
 *     factor; for a time-to-exhaustion rule, the remaining budget gone within the horizon), whether
 *     or not a guard held it back
 * @param hold what {@code for:} and {@code cool_down:} made of the condition; null for a rule
 *     without them ({@code fired} is then the condition with its guards)
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
    boolean heldByNoData,
    boolean conditionMet,
    Hold hold) {

  /** Whether the rule's condition is met in both windows, whether or not a guard held it back. */
  public boolean burning() {
    return conditionMet;
  }

  /** The same status with what {@code for:} and {@code cool_down:} made of it. */
  public AlertStatus withHold(Hold h) {
    return new AlertStatus(
        rule,
        longWindow,
        shortWindow,
        longBurnRate,
        shortBurnRate,
        h.firing(),
        belowMinEvents,
        longBudgetConsumed,
        shortBudgetConsumed,
        timeToExhaustion,
        heldByNoData,
        conditionMet,
        h);
  }

  /**
   * A rule's {@code for:} and {@code cool_down:} state at an instant, from its condition (guards
   * included) at every evaluation instant before it.
   *
   * @param condition whether the condition held at the instant itself
   * @param holdingSince the first instant of the current unbroken run of instants at which the
   *     condition held; null when it does not hold
   * @param lastHeld the latest instant, at or before this one, at which the condition had held for
   *     the rule's {@code for:}; null when none within the look-back
   * @param firing whether the rule fires: it held for {@code for:} at this instant, or at {@code
   *     lastHeld} less than {@code cool_down:} ago
   */
  public record Hold(boolean condition, Instant holdingSince, Instant lastHeld, boolean firing) {
    /** Whether the condition holds but not yet for the rule's {@code for:}. */
    public boolean pending() {
      return condition && !firing;
    }

    /** Whether it fires only because the cool-down has not run out since it last held. */
    public boolean coolingDown(Instant at) {
      return firing && lastHeld != null && lastHeld.isBefore(at);
    }
  }
}
