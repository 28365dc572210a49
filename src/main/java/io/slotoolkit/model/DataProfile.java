package io.slotoolkit.model;

import java.time.Instant;
import java.util.List;

/**
 * What an engine measured of one data file for {@code slo init}, before there is a spec: samples of
 * candidate columns and levels over a window. Each record is one answer of {@code
 * engine/FileProfiler}.
 */
public final class DataProfile {
  private DataProfile() {}

  /**
   * How the values of a text column read as times, over the first rows of a file.
   *
   * @param values non-NULL values sampled
   * @param iso how many of them read as ISO-8601 timestamps
   * @param patterns how many read in each strptime pattern asked about, in the order asked
   */
  public record TextTimes(long values, long iso, List<Long> patterns) {
    public TextTimes {
      patterns = List.copyOf(patterns);
    }
  }

  /**
   * The smallest and largest value of a numeric column over the first rows of a file.
   *
   * @param min smallest value (NaN when there is none)
   * @param max largest value (NaN when there is none)
   */
  public record NumberRange(double min, double max) {}

  /**
   * The rows of a bound source and the span of their event times.
   *
   * @param rows rows read
   * @param first earliest event time; null when no row has a readable one
   * @param last latest event time; null when no row has a readable one
   */
  public record EventSpan(long rows, Instant first, Instant last) {}

  /**
   * The values of a whole-number column of a bound source.
   *
   * @param values non-NULL values
   * @param min smallest value (0 when there is none)
   * @param max largest value (0 when there is none)
   * @param distinct distinct values
   */
  public record WholeNumbers(long values, long min, long max, long distinct) {}

  /**
   * One value of a text column, trimmed and lower-cased, with the rows that hold it.
   *
   * @param value the value
   * @param rows rows with that value
   */
  public record ValueCount(String value, long rows) {}

  /**
   * A numeric column's spread over a window.
   *
   * @param rows rows counted
   * @param min smallest value (0 when there is none)
   * @param p50 median
   * @param p95 95th percentile
   * @param p99 99th percentile
   */
  public record Spread(long rows, double min, double p50, double p95, double p99) {}
}
