package io.slotoolkit.model;

import java.time.LocalDate;

/**
 * One local day of an SLO's daily trend, in the source's timezone.
 *
 * @param day the local date
 * @param good good events that day (the whole day, or up to the evaluation instant for the last)
 * @param total valid events that day
 */
public record DailyCounts(LocalDate day, long good, long total) {
  /** {@code good / total}, a ratio; null without events. */
  public Double sli() {
    return total == 0 ? null : (double) good / total;
  }
}
