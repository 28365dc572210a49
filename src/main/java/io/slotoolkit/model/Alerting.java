package io.slotoolkit.model;

import java.util.List;

/**
 * An SLO's burn-rate alerting as the spec gives it.
 *
 * @param rules the user's window pairs; null for the default policy (the Workbook's, scaled to the
 *     SLO window); empty for no alerts
 * @param minEvents a rule does not fire while its long window holds fewer valid events (0: any)
 * @param location where {@code alerts:} is written; null when absent
 * @param holdFor the {@code for:} of every rule that does not set its own (the default policy's
 *     too); zero for none
 * @param coolDown the {@code cool_down:} of every rule that does not set its own; zero for none
 */
public record Alerting(
    List<AlertRule> rules,
    long minEvents,
    SourceLocation location,
    java.time.Duration holdFor,
    java.time.Duration coolDown) {
  /** No {@code alerts:} key: the default policy without a traffic guard. */
  public static final Alerting DEFAULT = new Alerting(null, 0, null, null, null);

  public Alerting {
    if (rules != null) rules = List.copyOf(rules);
    if (minEvents < 0) throw new IllegalArgumentException("min_events must be >= 0: " + minEvents);
    if (holdFor == null) holdFor = java.time.Duration.ZERO;
    if (coolDown == null) coolDown = java.time.Duration.ZERO;
  }

  /** Whether the SLO uses the default policy. */
  public boolean isDefault() {
    return rules == null;
  }
}
