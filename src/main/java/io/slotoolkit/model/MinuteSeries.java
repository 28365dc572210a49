package io.slotoolkit.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Good and valid events per minute: index i covers {@code [start + i min, start + (i + 1) min)}.
 *
 * @param start start of the first minute
 * @param good good events per minute
 * @param total valid events per minute, same length, each at least the good ones
 */
public record MinuteSeries(Instant start, long[] good, long[] total) {
  public MinuteSeries {
    if (start == null) throw new IllegalArgumentException("start missing");
    if (good.length != total.length) {
      throw new IllegalArgumentException(
          "good and total differ in length: " + good.length + " and " + total.length);
    }
    good = good.clone();
    total = total.clone();
    for (int i = 0; i < good.length; i++) {
      if (good[i] < 0 || good[i] > total[i]) {
        throw new IllegalArgumentException(
            "minute " + i + ": counts out of range: good=" + good[i] + " total=" + total[i]);
      }
    }
  }

  /** How many minutes the series holds. */
  public int minutes() {
    return good.length;
  }

  /** Exclusive end of the last minute. */
  public Instant end() {
    return start.plus(Duration.ofMinutes(good.length));
  }

  @Override
  public long[] good() {
    return good.clone();
  }

  @Override
  public long[] total() {
    return total.clone();
  }

  /** Good events of minute {@code i}, without copying the array. */
  public long goodAt(int i) {
    return good[i];
  }

  /** Valid events of minute {@code i}, without copying the array. */
  public long totalAt(int i) {
    return total[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MinuteSeries m
        && start.equals(m.start)
        && Arrays.equals(good, m.good)
        && Arrays.equals(total, m.total);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * start.hashCode() + Arrays.hashCode(good)) + Arrays.hashCode(total);
  }

  @Override
  public String toString() {
    return "MinuteSeries[start=" + start + ", minutes=" + good.length + "]";
  }
}
