package io.slotoolkit.model;

import java.util.List;

/**
 * An SLO's burn-rate alerting as the spec gives it.
 *
 * @param rules the user's window pairs; null for the default policy (the Workbook's, scaled to the
 *     SLO window); empty for no alerts
 * @param minEvents a rule does not fire while its long window holds fewer valid events (0: any)
 * @param location where {@code alerts:} is written; null when absent
 */
public record Alerting(List<AlertRule> rules, long minEvents, SourceLocation location) {
  /** No {@code alerts:} key: the default policy without a traffic guard. */
  public static final Alerting DEFAULT = new Alerting(null, 0, null);

  public Alerting {
    if (rules != null) rules = List.copyOf(rules);
    if (minEvents < 0) throw new IllegalArgumentException("min_events must be >= 0: " + minEvents);
  }

  /** Whether the SLO uses the default policy. */
  public boolean isDefault() {
    return rules == null;
  }
}
