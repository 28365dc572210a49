package io.slotoolkit.model;

import java.time.Instant;

/**
 * One concrete excluded period, {@code [start, end)}, with the exclusion it comes from (so the
 * engine can count the events each exclusion removed).
 *
 * @param exclusion where it comes from
 * @param start first excluded instant
 * @param end first instant no longer excluded
 */
public record ExcludedInterval(Exclusion exclusion, Instant start, Instant end) {
  public ExcludedInterval {
    if (!end.isAfter(start)) throw new IllegalArgumentException("empty interval " + start);
  }
}
