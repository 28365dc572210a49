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
 */
public record ReplayResult(
    Instant from,
    Instant to,
    ZoneId zone,
    List<RuleReplay> rules,
    List<AlertInterval> alerts,
    List<MonthlyAlerts> months) {
  public ReplayResult {
    rules = List.copyOf(rules);
    alerts = List.copyOf(alerts);
    months = List.copyOf(months);
  }

  /** Total alerts of a severity over the replay. */
  public int count(String severity) {
    return (int) alerts.stream().filter(a -> a.severity().equals(severity)).count();
  }
}
