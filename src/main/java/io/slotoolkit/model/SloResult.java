package io.slotoolkit.model;

import java.time.Instant;

/**
 * One SLO (or one group of a {@code per} SLO) evaluated over its window.
 *
 * @param slo the SLO
 * @param group the group's values; null for an SLO without {@code per}
 * @param windowStart inclusive start of the window
 * @param windowEnd exclusive end of the window (the evaluation instant)
 * @param good good events in the window
 * @param total valid events in the window
 * @param skippedNull rows of the window left out because an expression was NULL for them
 * @param sli {@code good / total}; null when total is 0
 * @param budget the error budget
 * @param burnRate {@code (bad / total) / (1 - objective)}; null when total is 0
 * @param status where it stands
 * @param slices for a time-slice SLO, its slices (then {@code sli}, {@code budget} and {@code
 *     burnRate} are the slices', and good/total stay the window's events); null otherwise
 */
public record SloResult(
    Slo slo,
    Group group,
    Instant windowStart,
    Instant windowEnd,
    long good,
    long total,
    long skippedNull,
    Double sli,
    ErrorBudget budget,
    Double burnRate,
    Status status,
    SliceSummary slices) {
  public SloResult {
    if (good < 0 || total < 0 || good > total) {
      throw new IllegalArgumentException("counts out of range: good=" + good + " total=" + total);
    }
  }

  /** The same result with another status (ALERT in place of OK when a burn-rate pair fired). */
  public SloResult withStatus(Status newStatus) {
    if (status == newStatus) return this;
    return new SloResult(
        slo,
        group,
        windowStart,
        windowEnd,
        good,
        total,
        skippedNull,
        sli,
        budget,
        burnRate,
        newStatus,
        slices);
  }
}
