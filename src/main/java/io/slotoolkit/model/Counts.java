package io.slotoolkit.model;

/**
 * Good and valid events counted over one stretch of time.
 *
 * @param good good events, at most {@code total}
 * @param total valid events, the good ones included
 */
public record Counts(long good, long total) {
  /** No events at all. */
  public static final Counts NONE = new Counts(0, 0);

  public Counts {
    if (good < 0 || total < 0 || good > total) {
      throw new IllegalArgumentException("counts out of range: good=" + good + " total=" + total);
    }
  }

  /** Valid events that were not good. */
  public long bad() {
    return total - good;
  }
}
