package io.slotoolkit.model;

import java.util.List;

/**
 * Every interval in which one rule would have fired over a replayed history.
 *
 * @param rule the rule
 * @param intervals the intervals, oldest first, never overlapping
 */
public record RuleReplay(AlertRule rule, List<FiringInterval> intervals) {
  public RuleReplay {
    intervals = List.copyOf(intervals);
  }
}
