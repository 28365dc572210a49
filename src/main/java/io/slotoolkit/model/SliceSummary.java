package io.slotoolkit.model;

import java.math.BigDecimal;

/**
 * What a time-slice SLO (or one group of it) counted in a window or an alert window.
 *
 * @param slices every slice of the window, the empty ones included (clipped at the window's edges)
 * @param counted slices that count in the SLI: those with valid events, plus the empty ones unless
 *     {@code empty_slices} is skip
 * @param good counted slices that are good: for timeslices, the ratio meets the slice target; for
 *     ratio_timeslices, the ratio is 1 (every valid event good)
 * @param empty slices without valid events
 * @param spent the budget the slices used, in slices: {@code counted - good} for timeslices, the
 *     sum of {@code 1 - ratio} over the counted slices for ratio_timeslices
 */
public record SliceSummary(long slices, long counted, long good, long empty, BigDecimal spent) {
  public SliceSummary {
    if (slices < 0 || counted < 0 || good < 0 || empty < 0 || good > counted)
      throw new IllegalArgumentException(
          "slice counts out of range: counted=" + counted + " good=" + good);
    if (spent == null || spent.signum() < 0)
      throw new IllegalArgumentException("slice budget spent must be >= 0: " + spent);
  }

  /** No slice at all. */
  public static final SliceSummary NONE = new SliceSummary(0, 0, 0, 0, BigDecimal.ZERO);

  /** Counted slices that are not good. */
  public long bad() {
    return counted - good;
  }
}
