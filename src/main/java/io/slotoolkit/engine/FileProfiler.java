package io.slotoolkit.engine;

import io.slotoolkit.model.Counts;
import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataProfile;
import io.slotoolkit.model.DataSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code slo init} needs from an engine to look at one data file before there is a spec: its
 * raw columns, samples that tell how a column reads as time, then (once the file is bound as a
 * source, with the engine locked to it) samples and levels of its columns. Expressions are spec
 * expressions ({@code status < 500}) that the caller wrote from the column names.
 */
public interface FileProfiler {

  /** Rows sampled from the start of a file for the raw probes. */
  int SAMPLE_ROWS = 10_000;

  /** Whether a column type this engine reported holds numbers. */
  boolean numeric(String type);

  // ---- the raw file, before binding

  /**
   * The file's columns and their types (the engine's names) as read without a spec, in file order;
   * a file that cannot be read is a data error.
   */
  Map<String, String> rawColumns(Path file, DataFormat format);

  /** How a text column's values read as times over the file's first {@link #SAMPLE_ROWS} rows. */
  DataProfile.TextTimes textTimes(
      Path file, DataFormat format, String column, List<String> patterns);

  /** The smallest and largest value of a numeric column over the file's first rows. */
  DataProfile.NumberRange numberRange(Path file, DataFormat format, String column);

  // ---- the bound source

  /**
   * Binds the source as {@code slo check} would and locks the engine to its files; returns its
   * columns and their types, in file order.
   */
  Map<String, String> bind(DataSource source);

  /** Rows of the bound source and the span of their event times. */
  DataProfile.EventSpan eventSpan(DataSource source);

  /** Up to {@code n} distinct values of a column, as text, from its first non-NULL values. */
  List<String> sampleValues(DataSource source, String column, int n);

  /** Count, range and distinct values of a whole-number column over the whole source. */
  DataProfile.WholeNumbers wholeNumbers(DataSource source, String column);

  /** The most common trimmed lower-case values of a text column, most rows first, at most limit. */
  List<DataProfile.ValueCount> commonValues(DataSource source, String column, int limit);

  /**
   * Events in {@code [from, to)} that are valid ({@code valid} true; null: every event) and whose
   * {@code good} expression is true (good) or not NULL (total).
   */
  Counts counts(DataSource source, String good, String valid, Instant from, Instant to);

  /**
   * The spread of a numeric column over the valid events of {@code [from, to)} where it is not
   * NULL.
   */
  DataProfile.Spread spread(
      DataSource source, String column, String valid, Instant from, Instant to);

  /** Of the same events as {@link #spread}, how many have the column at or below {@code limit}. */
  long atMost(
      DataSource source, String column, String valid, Instant from, Instant to, BigDecimal limit);

  /** Lines of the source that could not be read (CSV rejects), each counted once. */
  long malformedLines(DataSource source);
}
