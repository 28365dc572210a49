package io.slotoolkit.engine;

import io.slotoolkit.model.EventTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Turns a source's event time column, whatever its type and encoding, into epoch microseconds
 * (BIGINT), and writes range filters on the raw column so that Parquet row groups can be pruned.
 *
 * @param column the quoted column
 * @param kind what the column holds
 * @param naiveZone the zone of timestamps without an offset
 * @param pattern the strptime pattern for {@link Kind#PATTERN_TEXT}, else null
 * @param rowCheck a SQL condition a row must meet to be read at all (false or NULL: the row is
 *     malformed, and counts with the rows whose time cannot be read); null when every row may be
 *     read
 */
public record TimeColumn(
    String column, Kind kind, ZoneId naiveZone, String pattern, String rowCheck) {

  /**
   * The earliest event time read: 1900-01-01T00:00Z. Earlier and later values are typos or
   * overflowed conversions (a year 99999, epoch 1e300), and count as malformed rows.
   */
  public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

  /** The end of the event times read (exclusive): 9999-01-01T00:00Z; see {@link #EARLIEST}. */
  public static final Instant END = Instant.parse("9999-01-01T00:00:00Z");

  /**
   * Text that carries its own zone: a time of day followed by {@code Z}, an offset ({@code +01},
   * {@code -0500}, {@code +01:00}) or a zone name ({@code UTC}, {@code Europe/Berlin}). A date
   * alone ({@code 2026-02-10}) has none: its {@code -10} is the day.
   */
  static final String ZONED_TEXT =
      "':[0-9][0-9]([.,][0-9]*)?\\s*([Zz]|[+-][0-9][0-9](:?[0-9][0-9])?|[A-Za-z][A-Za-z0-9_/+-]*)$'";

  /** What the raw column holds. */
  public enum Kind {
    INSTANT,
    NAIVE_TIMESTAMP,
    ISO_TEXT,
    PATTERN_TEXT,
    EPOCH_S,
    EPOCH_MS,
    EPOCH_US
  }

  private static final DateTimeFormatter NAIVE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  /** How the column is read, in words ({@code slo explain}). */
  public String describe() {
    return switch (kind) {
      case INSTANT -> "timestamps with a zone (absolute instants)";
      case NAIVE_TIMESTAMP -> "timestamps without a zone, read in " + naiveZone.getId();
      case ISO_TEXT ->
          "ISO-8601 text (with an offset: absolute; without: " + naiveZone.getId() + ")";
      case PATTERN_TEXT -> "text in the pattern '" + pattern + "'";
      case EPOCH_S -> "seconds since 1970-01-01 UTC";
      case EPOCH_MS -> "milliseconds since 1970-01-01 UTC";
      case EPOCH_US -> "microseconds since 1970-01-01 UTC";
    };
  }

  /** Whether a DuckDB type holds numbers. */
  public static boolean isNumeric(String duckType) {
    return duckType
        .toUpperCase(java.util.Locale.ROOT)
        .matches(
            "(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL.*)");
  }

  /**
   * Chooses the kind from the column's DuckDB type and the declared encoding; null when they do not
   * fit.
   */
  static Kind kindFor(String duckType, EventTime.Encoding encoding) {
    String t = duckType.toUpperCase(java.util.Locale.ROOT);
    boolean numeric = isNumeric(t);
    boolean text = t.equals("VARCHAR");
    return switch (encoding) {
      case AUTO ->
          t.equals("TIMESTAMP WITH TIME ZONE")
              ? Kind.INSTANT
              : t.startsWith("TIMESTAMP") || t.equals("DATE")
                  ? Kind.NAIVE_TIMESTAMP
                  : text ? Kind.ISO_TEXT : null;
      case EPOCH_S -> numeric ? Kind.EPOCH_S : null;
      case EPOCH_MS -> numeric ? Kind.EPOCH_MS : null;
      case EPOCH_US -> numeric ? Kind.EPOCH_US : null;
      case PATTERN ->
          text
              ? Kind.PATTERN_TEXT
              : t.equals("TIMESTAMP WITH TIME ZONE")
                  ? Kind.INSTANT
                  : t.startsWith("TIMESTAMP") ? Kind.NAIVE_TIMESTAMP : null;
    };
  }

  /**
   * How a source's event time column is read, given its columns as DuckDB types (another engine
   * names its own types so); a data error (exit 3) when the column is missing or does not fit the
   * declared encoding.
   */
  public static TimeColumn of(
      io.slotoolkit.model.DataSource source, java.util.Map<String, String> columns) {
    return SourceBinder.timeColumn(source, columns);
  }

  private boolean utc() {
    return naiveZone.normalized().equals(ZoneOffset.UTC);
  }

  /**
   * The aggregate of the latest raw value of {@code expr} (this column, or a copy of it) as epoch
   * microseconds, for a column that is read without a conversion: a TIMESTAMPTZ or epoch
   * microseconds. Null for the other kinds. It counts rows the {@link #rowCheck} refuses, and
   * values out of range.
   */
  public String rawMaxOf(String expr) {
    return switch (kind) {
      case INSTANT -> "epoch_us(max(" + expr + "))";
      case EPOCH_US -> "max(" + expr + ")::BIGINT";
      default -> null;
    };
  }

  /**
   * The least of {@code expr} as epoch microseconds, for the columns of {@link #rawMaxOf}; null for
   * the other kinds.
   */
  public String rawMinOf(String expr) {
    return switch (kind) {
      case INSTANT -> "epoch_us(min(" + expr + "))";
      case EPOCH_US -> "min(" + expr + ")::BIGINT";
      default -> null;
    };
  }

  /**
   * For a column read without a conversion ({@link #rawMaxOf}): the condition under which a row's
   * time is read, true exactly where {@link #epochMicros()} is not NULL (the value in range and the
   * row check met; NULL for a missing value); null for the other kinds.
   */
  public String readAsIs() {
    if (rawMaxOf(column) == null) return null;
    String inRange = range(EARLIEST, END);
    return rowCheck == null ? inRange : inRange + " AND (" + rowCheck + ")";
  }

  /**
   * A BIGINT expression: epoch microseconds of the event, NULL when the value is missing or
   * unreadable.
   */
  public String epochMicros() {
    String e = rawEpochMicros();
    // on the raw column where it can be (a comparison, no conversion); on the converted text else
    String raw = range(EARLIEST, END);
    String inRange =
        raw != null
            ? "CASE WHEN " + raw
            : "CASE WHEN " + e + " >= " + micros(EARLIEST) + " AND " + e + " < " + micros(END);
    if (rowCheck != null) inRange += " AND (" + rowCheck + ")";
    return "(" + inRange + " THEN " + e + " END)";
  }

  /**
   * Epoch microseconds of a row that the {@link #rowCheck} refuses although its time is readable
   * and in range (a NaN latency at a good time), NULL for every other row; null when there is no
   * row check, or when the column is text that no range filter prunes (every refused row is then
   * read by every scan).
   */
  public String refusedRowMicros() {
    if (rowCheck == null || range(EARLIEST, END) == null) return null;
    String e = rawEpochMicros();
    return "CASE WHEN NOT coalesce("
        + rowCheck
        + ", FALSE) AND "
        + e
        + " >= "
        + micros(EARLIEST)
        + " AND "
        + e
        + " < "
        + micros(END)
        + " THEN "
        + e
        + " END";
  }

  /**
   * Epoch microseconds a row's time counts with for the latest event as {@link
   * DuckDbEngine#latestEvent} finds it (but for its fallback when the raw maximum is out of range):
   * for a column read raw, also the time of a row the row check refused; else {@link
   * #epochMicros()}.
   */
  public String latestMicros() {
    String refused = rawMaxOf(column) != null ? refusedRowMicros() : null;
    return refused == null ? epochMicros() : "coalesce(" + epochMicros() + ", " + refused + ")";
  }

  /** Epoch microseconds of the raw value, before the range and row checks. */
  private String rawEpochMicros() {
    String zone = Sql.literal(naiveZone.getId());
    return switch (kind) {
      case INSTANT -> "epoch_us(" + column + ")";
      case NAIVE_TIMESTAMP ->
          utc()
              ? "epoch_us(CAST(" + column + " AS TIMESTAMP))"
              : "epoch_us(timezone(" + zone + ", CAST(" + column + " AS TIMESTAMP)))";
      case ISO_TEXT ->
          utc()
              ? "epoch_us(TRY_CAST(" + column + " AS TIMESTAMPTZ))"
              : "CASE WHEN regexp_matches("
                  + column
                  + ", "
                  + ZONED_TEXT
                  + ") THEN epoch_us(TRY_CAST("
                  + column
                  + " AS TIMESTAMPTZ)) ELSE epoch_us(timezone("
                  + zone
                  + ", TRY_CAST("
                  + column
                  + " AS TIMESTAMP))) END";
      case PATTERN_TEXT ->
          pattern.contains("%z") || pattern.contains("%Z") || utc()
              ? "epoch_us(try_strptime(" + column + ", " + Sql.literal(pattern) + "))"
              : "epoch_us(timezone("
                  + zone
                  + ", try_strptime("
                  + column
                  + ", "
                  + Sql.literal(pattern)
                  + ")))";
      // TRY_CAST: epoch 1e300 overflows BIGINT, and is a malformed row rather than a failed scan
      case EPOCH_S -> "TRY_CAST(round(" + column + " * 1000000) AS BIGINT)";
      case EPOCH_MS -> "TRY_CAST(round(" + column + " * 1000) AS BIGINT)";
      case EPOCH_US -> "TRY_CAST(" + column + " AS BIGINT)";
    };
  }

  /**
   * A filter on the raw column that keeps at least every row in {@code [from, to)} (a superset
   * where the zone of naive values shifts them), so DuckDB can skip Parquet row groups; null when
   * the column is text and nothing can be pruned. Rows outside {@link #EARLIEST} and {@link #END}
   * pass too: they are malformed, and must be counted as such.
   */
  public String pruningFilter(Instant from, Instant to) {
    String window = range(from, to);
    if (window == null) return null;
    return "(" + window + ") OR NOT (" + range(EARLIEST, END) + ")";
  }

  private String range(Instant from, Instant to) {
    return switch (kind) {
      case INSTANT -> column + " >= " + tz(from) + " AND " + column + " < " + tz(to);
      case NAIVE_TIMESTAMP -> {
        Instant lo = utc() ? from : from.minusSeconds(86_400);
        Instant hi = utc() ? to : to.plusSeconds(86_400);
        yield column
            + " >= TIMESTAMP "
            + Sql.literal(NAIVE.format(lo))
            + " AND "
            + column
            + " < TIMESTAMP "
            + Sql.literal(NAIVE.format(hi));
      }
      case EPOCH_S ->
          column
              + " >= "
              + (from.getEpochSecond() - 1)
              + " AND "
              + column
              + " < "
              + (to.getEpochSecond() + 1);
      case EPOCH_MS ->
          column
              + " >= "
              + (from.toEpochMilli() - 1)
              + " AND "
              + column
              + " < "
              + (to.toEpochMilli() + 1);
      case EPOCH_US -> column + " >= " + micros(from) + " AND " + column + " < " + micros(to);
      case ISO_TEXT, PATTERN_TEXT -> null;
    };
  }

  private static String tz(Instant i) {
    return "TIMESTAMPTZ " + Sql.literal(NAIVE.format(i) + "+00");
  }

  public static long micros(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000);
  }

  public static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
