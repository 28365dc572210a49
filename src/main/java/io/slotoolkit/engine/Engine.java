package io.slotoolkit.engine;

import io.slotoolkit.model.Counts;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.ForecastEntry;
import io.slotoolkit.model.Group;
import io.slotoolkit.model.MinuteSeries;
import io.slotoolkit.model.ScanPlan;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SourceStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What a use case needs from an engine: bind the sources of a run (checked and locked down), scan
 * each source once into per-group counts, read per-minute and per-day series, and run an ad hoc
 * read-only query. {@link DuckDbEngine} is the first implementation; use cases know only this
 * interface, so a second engine plugs in by implementing it (see docs/architecture.md).
 */
public interface Engine extends AutoCloseable {

  /**
   * The engine's name as users choose it ({@code --engine}) and outputs report it: {@code duckdb}.
   */
  String name();

  // ---- binding

  /**
   * Parse and safety checks of every expression of these SLOs, in one go; throws a spec error (exit
   * 2) naming each bad expression.
   */
  void checkExpressions(List<Slo> slos);

  /** Binds the sources of these SLOs (see {@link #bind(List, List)}). */
  void bind(List<Slo> slos);

  /**
   * Binds the sources of these SLOs and {@code alsoRead}: files found, columns and types checked,
   * expressions checked against them; then no file but theirs can be read. Throws a spec error (2)
   * or a data error (3) listing every problem.
   */
  void bind(List<Slo> slos, List<DataSource> alsoRead);

  /** The bound form of a source (its files, columns and label); the source must be bound. */
  BoundSource bound(DataSource source);

  /** Every bound source, in binding order. */
  List<BoundSource> boundSources();

  /** Row count and latest event time of a bound source. */
  LatestEvent latestEvent(DataSource source);

  /**
   * A guess of a bound source's latest event that costs far less than {@link #latestEvent} would
   * (which reads every row of a CSV file, for example), to run {@link #scanToLatest} at; empty when
   * {@link #latestEvent} is cheap for this source, or the engine cannot guess. Only a guess: a
   * caller must confirm it with the scan's own latest event.
   */
  java.util.Optional<Instant> latestEventEstimate(DataSource source);

  /**
   * The scan {@link #scan(DataSource, List, Instant, Duration)} runs at {@code at} (without
   * buckets), except that rows at or after {@code at} are read too, and the scan also returns the
   * latest event time of the rows it read. Its latest event is the source's (what {@link
   * #latestEvent} returns) whenever it is at or after the earliest instant the scan reads for these
   * SLOs; when it is also before {@code at}, no row was at or after {@code at}, and the counts are
   * exactly those of {@link #scan(DataSource, List, Instant, Duration)}.
   */
  OpenEndedScan scanToLatest(DataSource source, List<ScanCompiler.SloWindow> slos, Instant at);

  // ---- scans

  /**
   * Scans a source once for all these SLOs over {@code [min start, at)}; {@code bucket} keeps
   * per-bucket counts for later queries (null when only window totals are needed).
   */
  SourceScan scan(
      DataSource source, List<ScanCompiler.SloWindow> slos, Instant at, Duration bucket);

  /**
   * The same single scan with what a report needs on top ({@link ScanCompiler.Extras}), over {@code
   * [from, at)}; {@code from} must be at or before every window start.
   */
  SourceScan scan(
      DataSource source,
      List<ScanCompiler.SloWindow> slos,
      Instant from,
      Instant at,
      ScanCompiler.Extras extras);

  /**
   * Per day (by index in {@code days}) and per SLO of a report scan: good and valid events in the
   * SLO's window, then over the whole day (four counts per SLO).
   */
  Map<Integer, long[]> dailyCounts(
      SourceScan scan, int[] segments, List<Span> days, Duration bucket);

  /** Per SLO of a report scan: good and valid events from {@code segment} on. */
  long[] recentCounts(SourceScan scan, int slos, int segment);

  /** One SLO's counts of a report scan by the values of one column, the top values first. */
  List<BreakdownRow> breakdown(SourceScan scan, String column, int slo, int segment, int top);

  /**
   * The scan {@link #scan} would run for these SLOs at {@code at}, compiled but not run (for {@code
   * slo explain}), with the source as bound.
   */
  ScanPlan compileScan(DataSource source, List<ScanCompiler.SloWindow> slos, Instant at);

  // ---- reading file by file (the scan cache of slo check --cache)

  /** How this engine reads a source file by file; empty when it cannot (then nothing is cached). */
  default java.util.Optional<FileByFile> fileByFile() {
    return java.util.Optional.empty();
  }

  /** Reading a bound source file by file, for the scan cache of {@code slo check --cache}. */
  interface FileByFile {
    /**
     * The fingerprint of what a file's totals ({@link #totals}) depend on besides the file, for
     * these SLOs of a bound source (their count columns, the source's columns, reader and engine
     * version); empty when this source cannot be read file by file.
     */
    java.util.Optional<String> totalsFingerprint(
        DataSource source, List<ScanCompiler.SloWindow> slos);

    /**
     * Binds sources from now on with {@code memo}: what binding learned from each unchanged file in
     * an earlier run is not asked of the file again (see {@link BindMemo}).
     */
    void bindMemo(BindMemo memo);

    /** The identity of each file of a bound source, in the source's file order. */
    List<FileIdentity> identities(DataSource source);

    /**
     * One file's totals for these SLOs: per group, good, valid and skipped events over all its
     * rows, its event time range and its row accounting (see {@link FileCounts}).
     */
    FileCounts totals(DataSource source, List<ScanCompiler.SloWindow> slos, FileIdentity file);

    /**
     * One file's event time range and rows without a readable time, when reading them costs far
     * less than its {@link #totals} (a Parquet file: its time columns only); empty otherwise. A
     * file read whole by a scan can then have its totals taken from that scan ({@link
     * #scannedTotals}) instead of being read twice.
     */
    java.util.Optional<FileSpan> span(
        DataSource source, List<ScanCompiler.SloWindow> slos, FileIdentity file);

    /**
     * The totals of the one file that {@code scan} ({@link #scanFiles} with these SLOs) read whole,
     * from the scan's table: the same as {@link #totals} when the file's events all lie inside the
     * scanned range and every SLO's window, outside every exclusion, and every row has a readable
     * time ({@code span}, which gives the time range). Empty when the scan's table cannot tell the
     * file's rows from those of the files it read in part.
     */
    java.util.Optional<FileCounts> scannedTotals(
        DataSource source,
        List<ScanCompiler.SloWindow> slos,
        SourceScan scan,
        FileIdentity file,
        FileSpan span);

    /**
     * {@link Engine#scan(DataSource, List, Instant, Duration)} over only {@code files} of the
     * source and, in part, the files of {@code partly} (none at all: nothing is read), with the row
     * accounting of the source's other files and of those read in part ({@code settled}) added to
     * its statistics and checked against {@code max_bad_rows} with them. The counts of a file read
     * in part are what its totals lack (see {@link PartFile}): the caller adds the totals.
     */
    SourceScan scanFiles(
        DataSource source,
        List<ScanCompiler.SloWindow> slos,
        Instant at,
        List<String> files,
        List<PartFile> partly,
        SettledRows settled);

    // ---- the report's cache (slo report --cache)

    /**
     * The fingerprint of what a file's report rows ({@link #reportRows}) depend on besides the
     * file: the per-file query (these SLOs' count columns, their per columns, the breakdown
     * dimensions and the bucket width of {@code extras}), the source's columns, reader and the
     * engine version; empty when this source cannot be read file by file.
     */
    java.util.Optional<String> reportFingerprint(
        DataSource source, List<ScanCompiler.SloWindow> slos, ScanCompiler.Extras extras);

    /**
     * One file's rows of a report scan table ({@link Engine#scan(DataSource, List, Instant,
     * Instant, ScanCompiler.Extras)}) over all its rows, without the segment column; with its event
     * time range and row accounting.
     */
    ReportFile reportRows(
        DataSource source,
        List<ScanCompiler.SloWindow> slos,
        ScanCompiler.Extras extras,
        FileIdentity file);

    /**
     * {@link Engine#scan(DataSource, List, Instant, Instant, ScanCompiler.Extras)} over only {@code
     * files} of the source (none: nothing is read), with {@code rows} (the other files' rows, each
     * in its segment) added to the scan table before it is read, and the row accounting of the
     * files not read ({@code settled}: their CSV rejects) checked against {@code max_bad_rows}.
     */
    SourceScan reportScanFiles(
        DataSource source,
        List<ScanCompiler.SloWindow> slos,
        Instant from,
        Instant at,
        ScanCompiler.Extras extras,
        List<String> files,
        List<ReportRow> rows,
        SettledRows settled);
  }

  /**
   * A file the scan of {@link FileByFile#scanFiles} reads in part: its totals stand in for its
   * events in every window and alert window starting at or before {@code totals}, and only its rows
   * in {@code [from, to)} are read, each counting the difference in the others ({@link
   * PartScanCompiler.FilePart}). Its rows outside {@code [from, to)} must have no window or alert
   * window start between their time and {@code totals}.
   *
   * @param path the file, as in {@link FileIdentity#path}
   */
  record PartFile(String path, Instant totals, Instant from, Instant to) {}

  /**
   * {@code slo sql}'s per-minute roll-up of these SLOs in {@code dialect}, one statement per
   * source, printed without reading any data (expressions are checked first). An engine that cannot
   * print it refuses with a spec error; DuckDB's prints every dialect.
   *
   * @param tables source name to the warehouse table to read (default: the source's name)
   */
  default List<io.slotoolkit.model.RollupQuery> rollup(
      List<Slo> slos, io.slotoolkit.model.SqlDialectName dialect, Map<String, String> tables) {
    throw io.slotoolkit.model.SloException.spec(
        "engine " + name() + " does not print slo sql's roll-up", "use the default engine");
  }

  // ---- series

  /** Per-minute counts of every one of these SLOs over {@code [from, to)}, by group. */
  Map<Slo, List<GroupSeries>> minuteSeries(
      DataSource source, List<ScanCompiler.SloWindow> slos, Instant from, Instant to);

  /** The same per-minute counts, handed to {@code sink} one group at a time. */
  void minuteSeries(
      DataSource source,
      List<ScanCompiler.SloWindow> slos,
      Instant from,
      Instant to,
      BiConsumer<Slo, GroupSeries> sink);

  /** Parse and safety checks of the expressions of these forecast entries. */
  void checkForecastExpressions(List<ForecastEntry> entries);

  /** Binds and locks down the sources of these forecast entries. */
  void bindForecasts(List<ForecastEntry> entries);

  /** The default end of a forecast's history: the start of the day after the latest event. */
  Instant defaultForecastEnd(DataSource source);

  /** A forecast entry's daily series over the events before {@code at}. */
  DailySeries dailySeries(ForecastEntry entry, Instant at);

  // ---- drafting

  /** What {@code slo init} asks of an engine about one data file (see {@link FileProfiler}). */
  FileProfiler profiler();

  // ---- interactive

  /** Read-only ad hoc queries over the bound sources (the shell's {@code sql}). */
  AdhocQuery adhocQuery();

  /** Reports the progress of long scans to {@code listener} (null: nobody). */
  void progressListener(ProgressListener listener);

  /** Cancels the running query from another thread; the engine stays usable. */
  void cancel();

  @Override
  void close();

  /** A stretch of time {@code [start, end)}, both on bucket boundaries of the scan. */
  record Span(Instant start, Instant end) {}

  /**
   * One row of a breakdown: {@code rank} 1..top for the values with the most bad events, top + 1
   * for the rest summed ({@code value} null, {@code values} how many).
   */
  record BreakdownRow(long rank, String value, long values, long good, long total) {}

  /** Row count and latest event time of a source. */
  record LatestEvent(long rows, Instant latest) {
    /** This and {@code other} together: their rows, the later of their latest events. */
    public LatestEvent and(LatestEvent other) {
      Instant l =
          latest == null || (other.latest != null && other.latest.isAfter(latest))
              ? other.latest
              : latest;
      return new LatestEvent(rows + other.rows, l);
    }
  }

  /**
   * What {@link #scanToLatest} returned.
   *
   * @param scan the counts, as {@link #scan(DataSource, List, Instant, Duration)} returns them
   * @param latest the latest event time of the rows read; null when no row it read had one
   */
  record OpenEndedScan(SourceScan scan, Instant latest) {}

  /**
   * Counts of one group of one SLO over its window.
   *
   * @param alertWindows good and valid events over {@code [at - d, at)} for each alert window
   *     length d the scan was asked for
   * @param excluded valid events of the window each exclusion removed, in the order of {@link
   *     ScanCompiler.SloWindow#distinctExclusions()}
   * @param slices for a time-slice SLO: good and valid events of each slice of the window that has
   *     valid events, by slice key ({@code evaluate.SliceCalendar}); empty otherwise
   * @param alertSlices for a time-slice SLO: the same per alert window length d, each slice cut to
   *     {@code [at - d, at)}
   * @param alertTaken for a scan that read files in part ({@link PartFile}): per alert window
   *     length d, the good and valid events read that the totals of their file count in that window
   *     already, to be taken off {@code alertWindows} when those totals are added; empty otherwise.
   *     (The window counts {@code good}, {@code total} and {@code skippedNull} of such a scan are
   *     already net of them, and may be negative until the totals are added.)
   */
  record GroupCounts(
      Group group,
      long good,
      long total,
      long skippedNull,
      Map<Duration, Counts> alertWindows,
      List<Long> excluded,
      Map<Long, Counts> slices,
      Map<Duration, Map<Long, Counts>> alertSlices,
      Map<Duration, Counts> alertTaken) {
    public GroupCounts {
      alertWindows = alertWindows == null ? Map.of() : Map.copyOf(alertWindows);
      excluded = excluded == null ? List.of() : List.copyOf(excluded);
      slices = slices == null ? Map.of() : Map.copyOf(slices);
      alertSlices = alertSlices == null ? Map.of() : Map.copyOf(alertSlices);
      alertTaken = alertTaken == null ? Map.of() : Map.copyOf(alertTaken);
    }

    /** Counts of a scan that read every file whole (nothing taken). */
    public GroupCounts(
        Group group,
        long good,
        long total,
        long skippedNull,
        Map<Duration, Counts> alertWindows,
        List<Long> excluded,
        Map<Long, Counts> slices,
        Map<Duration, Map<Long, Counts>> alertSlices) {
      this(group, good, total, skippedNull, alertWindows, excluded, slices, alertSlices, Map.of());
    }

    /** Counts of an SLO that budgets event by event. */
    public GroupCounts(
        Group group,
        long good,
        long total,
        long skippedNull,
        Map<Duration, Counts> alertWindows,
        List<Long> excluded) {
      this(group, good, total, skippedNull, alertWindows, excluded, Map.of(), Map.of());
    }

    /** Window counts only. */
    public GroupCounts(Group group, long good, long total, long skippedNull) {
      this(group, good, total, skippedNull, Map.of(), List.of());
    }
  }

  /**
   * What one scan of a source returned.
   *
   * @param counts window counts per SLO and group
   * @param stats row accounting of the source
   * @param table the temp table holding the scan's counts, for further queries
   * @param compiled the compiled scan (its keys and grouping sets say how to read the table); null
   *     when not needed
   * @param scanned the row statistics of the rows the scan itself read (rows in range, excluded,
   *     without a time), before any settled files' rows are added to {@code stats}; null when not
   *     known
   */
  record SourceScan(
      Map<Slo, List<GroupCounts>> counts,
      SourceStats stats,
      String table,
      ScanCompiler.CompiledScan compiled,
      ScannedRows scanned) {
    public SourceScan(Map<Slo, List<GroupCounts>> counts, SourceStats stats, String table) {
      this(counts, stats, table, null, null);
    }

    public SourceScan(
        Map<Slo, List<GroupCounts>> counts,
        SourceStats stats,
        String table,
        ScanCompiler.CompiledScan compiled) {
      this(counts, stats, table, compiled, null);
    }
  }

  /**
   * Row statistics of the rows one scan read: in range, excluded by {@code where}, without a time.
   */
  record ScannedRows(long inRange, long excluded, long nullTime) {}

  /**
   * What identifies a file's content for the scan cache.
   *
   * @param path absolute path
   * @param size bytes
   * @param modified last modification, epoch milliseconds
   * @param hash CRC32C (hex) of its first 64 KiB, then of its last 64 KiB
   */
  record FileIdentity(String path, long size, long modified, String hash) {}

  /**
   * One group's totals in one file.
   *
   * @param values the group's values (null for an SLO without {@code per})
   */
  record GroupTotal(List<String> values, long good, long total, long skipped) {
    /** The class of an immutable one-value list, kept as it is given (the cache reads them). */
    private static final Class<?> ONE_VALUE = java.util.Collections.singletonList("").getClass();

    public GroupTotal {
      // a cache holds one per file, SLO and group (182,000 on the benchmark): a one-column group
      // (the usual case) is one small list, not a copy wrapped in a view; values may be null
      if (values != null && values.getClass() != ONE_VALUE)
        values =
            values.size() == 1
                ? java.util.Collections.singletonList(values.get(0))
                : java.util.Collections.unmodifiableList(
                    java.util.Arrays.asList(values.toArray(new String[0])));
    }
  }

  /**
   * A row the CSV reader rejected.
   *
   * @param file the file as the reader names it (absolute)
   * @param line its line
   * @param message the reader's messages, joined
   */
  record FileReject(String file, long line, String message) {}

  /**
   * One file's totals (see {@link FileByFile#totals}).
   *
   * @param file the file
   * @param earliest earliest readable event time, epoch microseconds; null when no row has one
   * @param latest latest readable event time, epoch microseconds; null when no row has one
   * @param timed rows with a readable event time
   * @param excluded of those, rows the source's {@code where} leaves out
   * @param nullTime rows without a readable event time
   * @param rejectRows rows the CSV reader rejected
   * @param rejects the first of them (at most 10), by line
   * @param groups per SLO (in the order asked), its groups' totals
   */
  record FileCounts(
      FileIdentity file,
      Long earliest,
      Long latest,
      long timed,
      long excluded,
      long nullTime,
      long rejectRows,
      List<FileReject> rejects,
      List<List<GroupTotal>> groups) {
    public FileCounts {
      rejects = List.copyOf(rejects);
      groups = groups.stream().map(List::copyOf).toList();
    }
  }

  /**
   * A file's readable event times ({@link FileByFile#span}).
   *
   * @param earliest earliest readable event time, epoch microseconds; null when no row has one
   * @param latest latest readable event time, epoch microseconds; null when no row has one
   * @param nullTime rows without a readable event time
   */
  record FileSpan(Long earliest, Long latest, long nullTime) {}

  /**
   * The row accounting of the files a scan of {@link FileByFile#scanFiles} does not read.
   *
   * @param inRange rows in the scanned range
   * @param excluded of those, rows the source's {@code where} left out
   * @param nullTime rows without a readable event time
   * @param rejectRows rows the CSV reader rejected
   * @param rejects the first rejected rows of each file, by file and line
   */
  record SettledRows(
      long inRange, long excluded, long nullTime, long rejectRows, List<FileReject> rejects) {
    public SettledRows {
      rejects = List.copyOf(rejects);
    }

    /** No file left unread. */
    public static final SettledRows NONE = new SettledRows(0, 0, 0, 0, List.of());
  }

  /**
   * Per-minute good and valid events of one SLO group over a replay's history.
   *
   * @param group the group's values; null for an SLO without {@code per}
   * @param series the counts, one per minute from the history's start to its end
   */
  record GroupSeries(Group group, MinuteSeries series) {}

  /**
   * One row of a report scan table: a grouping set's group (in one time bucket for the overall set)
   * and its counts.
   *
   * @param gid the grouping set's GROUPING() bitmask
   * @param keys the group key values, one per key of the scan (null where rolled up or NULL)
   * @param bucket the time bucket number (overall set only), else null
   * @param segment the segment ({@code __seg}) the row is counted in; 0 in a file's rows
   * @param counts the count columns, in the scan's order (a, b, m per SLO, then the statistics)
   */
  record ReportRow(long gid, List<String> keys, Long bucket, int segment, long[] counts) {
    public ReportRow {
      keys = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(keys));
    }
  }

  /**
   * One file's report rows (see {@link FileByFile#reportRows}).
   *
   * @param file the file
   * @param earliest earliest readable event time, epoch microseconds; null when no row has one
   * @param latest latest readable event time, epoch microseconds; null when no row has one
   * @param nullTime rows without a readable event time
   * @param rejectRows rows the CSV reader rejected
   * @param rejects the first of them (at most 10), by line
   * @param rows the file's rows of the scan table, over all its rows
   */
  record ReportFile(
      FileIdentity file,
      Long earliest,
      Long latest,
      long nullTime,
      long rejectRows,
      List<FileReject> rejects,
      List<ReportRow> rows) {
    public ReportFile {
      rejects = List.copyOf(rejects);
      rows = List.copyOf(rows);
    }
  }
}
