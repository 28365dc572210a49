package io.slotoolkit.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What a policy would have done over a stretch of history.
 *
 * @param from the first evaluation instant
 * @param to the last evaluation instant (the end of the history)
 * @param zone the zone months are counted in
 * @param rules per rule, every interval in which it fired, in rule order
 * @param alerts per severity, the merged intervals people would have received, by start
 * @param months alerts per calendar month and severity: every month the replay touches, every
 *     severity of the policy in rule order, zero counts included
 * @param unrefinedAlerts the alerts the same rules would have sent without {@code for:} and {@code
 *     cool_down:}, merged the same way; the same as {@code alerts} for a policy without them
 */
public record ReplayResult(
    Instant from,
    Instant to,
    ZoneId zone,
    List<RuleReplay> rules,
    List<AlertInterval> alerts,
    List<MonthlyAlerts> months,
    List<AlertInterval> unrefinedAlerts) {
  public ReplayResult {
    rules = List.copyOf(rules);
    alerts = List.copyOf(alerts);
    months = List.copyOf(months);
    unrefinedAlerts = List.copyOf(unrefinedAlerts);
  }

  /** Alerts of a severity the rules would have sent without {@code for:} and {@code cool_down:}. */
  public int unrefinedCount(String severity) {
    return (int) unrefinedAlerts.stream().filter(a -> a.severity().equals(severity)).count();
  }

  /** Total alerts of a severity over the replay. */
  public int count(String severity) {
    return (int) alerts.stream().filter(a -> a.severity().equals(severity)).count();
  }
}
