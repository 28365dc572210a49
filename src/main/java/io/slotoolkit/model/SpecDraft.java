package io.slotoolkit.model;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A starter spec proposed from one data file by {@code slo init}: what was found in the data, and
 * why, so that every line of the written YAML can say where it came from.
 *
 * @param data the absolute data file
 * @param format CSV or PARQUET
 * @param rows rows in the file
 * @param columns every column, in file order
 * @param time the event time column and how it is encoded
 * @param first earliest event time
 * @param last latest event time
 * @param measuredFrom start of the span the levels were measured over (at most the last 28 days)
 * @param availability the proposed availability SLO, or null when no status-like column was found
 * @param latency the proposed latency SLO, or null when no latency-like column was found
 * @param malformedRows CSV lines that could not be read (the spec tolerates this many)
 */
public record SpecDraft(
    Path data,
    DataFormat format,
    long rows,
    List<Column> columns,
    TimeGuess time,
    Instant first,
    Instant last,
    Instant measuredFrom,
    Availability availability,
    Latency latency,
    long malformedRows) {
  public SpecDraft {
    columns = List.copyOf(columns);
  }

  /**
   * One column as found.
   *
   * @param name the column name
   * @param type the DuckDB type
   * @param samples up to three distinct non-null values, as text
   */
  public record Column(String name, String type, List<String> samples) {
    public Column {
      samples = List.copyOf(samples);
    }
  }

  /**
   * The event time column.
   *
   * @param column its name
   * @param encoding how its values are written
   * @param pattern the strptime pattern for {@link EventTime.Encoding#PATTERN}, else null
   * @param why how it was recognised, for the comment
   */
  public record TimeGuess(String column, EventTime.Encoding encoding, String pattern, String why) {}

  /**
   * An availability (ratio) SLO.
   *
   * @param column the status-like column
   * @param goodExpression the good expression
   * @param totalExpression the total expression, or null for every row
   * @param why what the column holds and what counts as good, for the comment
   * @param good observed good events over the measured span
   * @param total observed valid events over the measured span
   * @param objective the proposed objective, a ratio
   */
  public record Availability(
      String column,
      String goodExpression,
      String totalExpression,
      String why,
      long good,
      long total,
      BigDecimal objective) {}

  /**
   * A latency SLO.
   *
   * @param column the latency-like column
   * @param unit the column's unit
   * @param unitWhy how the unit was guessed, for the comment
   * @param p50 observed median, in the column's unit
   * @param p95 observed 95th percentile, in the column's unit
   * @param p99 observed 99th percentile, in the column's unit
   * @param threshold the proposed threshold, in the column's unit
   * @param thresholdLabel the threshold as written in the spec ({@code 250ms})
   * @param good observed events at or under the threshold
   * @param total observed events with a value
   * @param objective the proposed objective, a ratio
   */
  public record Latency(
      String column,
      LatencyUnit unit,
      String unitWhy,
      double p50,
      double p95,
      double p99,
      BigDecimal threshold,
      String thresholdLabel,
      long good,
      long total,
      BigDecimal objective) {}
}
