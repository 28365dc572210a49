package io.slotoolkit.model;

import java.time.Instant;

/**
 * Good and valid events of an SLO over a stretch of time (yesterday, the last 7 days).
 *
 * @param start inclusive start
 * @param end exclusive end
 * @param good good events
 * @param total valid events
 */
public record PeriodCounts(Instant start, Instant end, long good, long total) {
  public PeriodCounts {
    if (good < 0 || good > total) throw new IllegalArgumentException("good out of range");
  }

  /** {@code good / total}, a ratio; null without events. */
  public Double sli() {
    return total == 0 ? null : (double) good / total;
  }

  public long bad() {
    return total - good;
  }
}
