package io.slotoolkit.model;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * An exported event log that SLOs read: one or more files of one format.
 *
 * @param name the name SLOs refer to, unique within its spec file
 * @param specFile the spec file that declares it
 * @param paths absolute file paths or glob patterns (relative ones were resolved against the spec
 *     file's folder)
 * @param format the file format
 * @param time the event time column and its encoding
 * @param zone the business calendar's zone: calendar windows and daily buckets
 * @param csv CSV options (ignored for Parquet)
 * @param where rows that may be analysed; the others are excluded and counted; null keeps every row
 * @param maxBadRows how many malformed rows to tolerate before failing (0: none)
 * @param location where the source is declared
 * @param mask columns holding identifiers (customer, user, device ids) that reports replace with
 *     pseudonyms; empty for none
 * @param missingColumnsNull whether a column that some of the files lack reads as NULL in their
 *     rows (counted and shown); false makes it a data error
 * @param logFormat how an access log's lines become columns; null unless the format is {@link
 *     DataFormat#ACCESS_LOG}
 * @param derived columns computed from the file's columns, name to expression, in the order
 *     written; empty for none
 * @param maxStaleness how long after its latest event the source still counts as fresh ({@code
 *     max_staleness}); null for no staleness check
 */
public record DataSource(
    String name,
    Path specFile,
    List<String> paths,
    DataFormat format,
    EventTime time,
    ZoneId zone,
    CsvDialect csv,
    SqlExpression where,
    long maxBadRows,
    SourceLocation location,
    List<String> mask,
    boolean missingColumnsNull,
    LogFormat logFormat,
    java.util.Map<String, SqlExpression> derived,
    java.time.Duration maxStaleness) {
  public DataSource {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("source name missing");
    if (paths == null || paths.isEmpty())
      throw new IllegalArgumentException("source " + name + " has no path");
    paths = List.copyOf(paths);
    if (maxBadRows < 0) throw new IllegalArgumentException("max_bad_rows must be >= 0");
    if (csv == null) csv = CsvDialect.SNIFF;
    mask = mask == null ? List.of() : List.copyOf(mask);
    if (format == DataFormat.ACCESS_LOG && logFormat == null) logFormat = LogFormat.COMBINED;
    derived =
        derived == null
            ? java.util.Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(derived));
    if (maxStaleness != null && (maxStaleness.isNegative() || maxStaleness.isZero()))
      throw new IllegalArgumentException("max_staleness must be positive: " + maxStaleness);
  }

  /** The same source reading other files (for {@code --source NAME=PATH}). */
  public DataSource withPaths(List<String> newPaths) {
    return new DataSource(
        name,
        specFile,
        newPaths,
        format,
        time,
        zone,
        csv,
        where,
        maxBadRows,
        location,
        mask,
        missingColumnsNull,
        logFormat,
        derived,
        maxStaleness);
  }

  /** The same source tolerating another number of malformed rows (for {@code --max-bad-rows}). */
  public DataSource withMaxBadRows(long n) {
    return new DataSource(
        name,
        specFile,
        paths,
        format,
        time,
        zone,
        csv,
        where,
        n,
        location,
        mask,
        missingColumnsNull,
        logFormat,
        derived,
        maxStaleness);
  }

  /** The same source with another staleness allowance (for {@code --max-staleness}). */
  public DataSource withMaxStaleness(java.time.Duration allowance) {
    return new DataSource(
        name,
        specFile,
        paths,
        format,
        time,
        zone,
        csv,
        where,
        maxBadRows,
        location,
        mask,
        missingColumnsNull,
        logFormat,
        derived,
        allowance);
  }
}
