package io.slotoolkit.engine;

import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.ForecastEntry;
import io.slotoolkit.model.Group;
import io.slotoolkit.model.MinuteSeries;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.ScanPlan;
import io.slotoolkit.model.Sli;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.SourceStats;
import io.slotoolkit.model.SqlExpression;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded engine: binds sources once, sandboxes the connection, and runs one scan per source.
 *
 * <p>Why this class is large: it is the one implementation of {@link Engine}, and each public
 * method strings the engine's steps together for one use case (bind, check, scan, minute series,
 * forecast series). The steps themselves live in their own classes ({@link SourceBinder}, {@link
 * ScanCompiler}, {@link ScanTable}, {@link BadRows}, {@link ForecastReads}).
 */
public final class DuckDbEngine implements Engine, Engine.FileByFile {
  private final Database db;
  private final ExpressionChecker checker;
  private final SourceBinder binder;
  private final Map<DataSource, BoundSource> bound = new LinkedHashMap<>();
  // per bound source (as bound, by identity): the same knowing its columns without NULL
  private final Map<BoundSource, BoundSource> nullFacts = new java.util.IdentityHashMap<>();
  private final java.util.Set<DataSource> failed = new java.util.HashSet<>();

  private final BadRows badRows;

  private int scans;
  private int estimates;

  private FileProfiler profiler;
  private FileTotals fileTotals;
  private ReportTotals reportTotals;
  private BindMemo memo;

  private DuckDbEngine(Database db) {
    this.db = db;
    this.checker = new ExpressionChecker(db);
    this.binder = new SourceBinder(db, checker);
    this.badRows = new BadRows(db, binder);
  }

  /**
   * Starts the embedded database on another thread, for the {@link #open(EngineOptions,
   * Database.WarmStart)} the caller hands it to: see {@link Database.WarmStart}.
   */
  public static Database.WarmStart warmUp() {
    return Database.WarmStart.begin();
  }

  /**
   * As {@link #warmUp()}, the opening thread then running {@code thenWarm} (see {@link
   * Database.WarmStart#begin(Runnable)}).
   */
  public static Database.WarmStart warmUp(Runnable thenWarm) {
    return Database.WarmStart.begin(thenWarm);
  }

  /**
   * As {@link #warmUp(Runnable)}, the opening thread first running {@code first} (see {@link
   * Database.WarmStart#begin(Runnable, Runnable)}).
   */
  public static Database.WarmStart warmUp(Runnable first, Runnable thenWarm) {
    return Database.WarmStart.begin(first, thenWarm);
  }

  @Override
  public String name() {
    return Engines.DUCKDB;
  }

  /**
   * {@code src} knowing which of its columns hold no NULL in {@code files}, the files its scan
   * reads, as Parquet footers tell ({@link ParquetSource#columnsWithoutNulls}); other sources as
   * they are. Asked per scan, of the files that scan reads: a cached run reads the footers of one
   * or two files, not of every file bound (22 ms for 91 files, measured); for a source's whole set
   * of files, once per bind (check and report scan the same files).
   */
  private BoundSource withNullFacts(BoundSource src, List<String> files) {
    if (src.format() != io.slotoolkit.model.DataFormat.PARQUET || files.isEmpty()) return src;
    if (files.equals(src.files()))
      return nullFacts.computeIfAbsent(src, s -> readNullFacts(s, files));
    return readNullFacts(src, files);
  }

  private BoundSource readNullFacts(BoundSource src, List<String> files) {
    return src.withColumnsWithoutNulls(
        ParquetSource.columnsWithoutNulls(db, files, src.columns().keySet()));
  }

  public static DuckDbEngine open(EngineOptions options) {
    return new DuckDbEngine(Database.open(options));
  }

  /** Opens an engine on the connection {@code warm} started ahead (a new one when it is null). */
  public static DuckDbEngine open(EngineOptions options, Database.WarmStart warm) {
    return new DuckDbEngine(Database.open(options, warm));
  }

  /**
   * Parse and safety checks of every expression of these SLOs and their sources, in one query;
   * throws a spec error (exit 2).
   */
  public void checkExpressions(List<Slo> slos) {
    List<ExpressionChecker.Item> items = new ArrayList<>();
    for (List<ExpressionChecker.Item> perSource : itemsBySource(slos).values())
      items.addAll(perSource);
    items.addAll(numericItems(slos));
    List<Problem> problems = checker.checkShapes(items);
    if (!problems.isEmpty()) throw SloException.spec(sorted(problems));
  }

  /**
   * The expressions that are not true/false tests: each source's derived columns and each counts
   * SLO's good and total (shape-checked like the others, type-checked as values).
   */
  private static List<ExpressionChecker.Item> numericItems(List<Slo> slos) {
    List<ExpressionChecker.Item> items = new ArrayList<>();
    java.util.Set<DataSource> seen = new java.util.HashSet<>();
    for (Slo slo : slos) {
      if (seen.add(slo.source())) items.addAll(DerivedColumns.shapeItems(slo.source()));
      if (slo.sli() instanceof Sli.Counts c) {
        String p = "SLO '" + slo.name() + "': counts ";
        items.add(new ExpressionChecker.Item(c.goodCount(), p + "good"));
        items.add(new ExpressionChecker.Item(c.validCount(), p + "total"));
      }
    }
    return items;
  }

  /** Every expression to check, per source: its {@code where}, then each SLO's good and total. */
  private static Map<DataSource, List<ExpressionChecker.Item>> itemsBySource(List<Slo> slos) {
    Map<DataSource, List<ExpressionChecker.Item>> items = new LinkedHashMap<>();
    for (Slo slo : slos) {
      List<ExpressionChecker.Item> list =
          items.computeIfAbsent(
              slo.source(),
              s -> {
                List<ExpressionChecker.Item> l = new ArrayList<>();
                if (s.where() != null) l.add(new ExpressionChecker.Item(s.where(), "where"));
                return l;
              });
      for (var e : expressions(slo).entrySet()) {
        list.add(new ExpressionChecker.Item(e.getValue(), e.getKey()));
      }
    }
    return items;
  }

  /**
   * Registers the sources these SLOs read, locks the connection down to their files, and checks
   * columns and expression types against the real files. Every problem of every source is reported
   * at once: spec problems (exit 2) before data problems (exit 3).
   */
  public void bind(List<Slo> slos) {
    bind(slos, List.of());
  }

  /**
   * As {@link #bind(List)}, also registering {@code alsoRead}: sources read only for their latest
   * event (the default instant of a run narrowed by --slo), whose columns are not checked.
   */
  public void bind(List<Slo> slos, List<DataSource> alsoRead) {
    List<Problem> spec = new ArrayList<>();
    List<Problem> data = new ArrayList<>();
    List<DataSource> sources = new ArrayList<>(slos.stream().map(Slo::source).toList());
    for (DataSource s : alsoRead) if (!sources.contains(s)) sources.add(s);
    bindAndLock(sources, spec, data);
    for (var e : itemsBySource(slos).entrySet()) {
      BoundSource src = bound.get(e.getKey());
      if (src != null) route(checker.checkTypes(e.getValue(), src), spec, data);
    }
    // a mask column that does not exist would leave the identifiers it meant to hide in the clear
    for (DataSource s : slos.stream().map(Slo::source).distinct().toList()) {
      BoundSource src = bound.get(s);
      if (src == null) continue;
      for (String m : s.mask()) {
        if (!src.columns().containsKey(m)) {
          data.add(
              new Problem(
                  s.location(),
                  "mask column '" + m + "' is not a column of " + src.label(),
                  "columns: " + src.columnList()));
        }
      }
    }
    Map<DataSource, List<Slo>> counting = new LinkedHashMap<>();
    for (Slo slo : slos) {
      BoundSource src = bound.get(slo.source());
      if (src == null || !(slo.sli() instanceof Sli.Counts)) continue;
      List<ExpressionChecker.Located> found = CountRows.checkTypes(db, checker, slo, src);
      route(found, spec, data);
      if (found.isEmpty()) counting.computeIfAbsent(slo.source(), s -> new ArrayList<>()).add(slo);
    }
    if (spec.isEmpty() && data.isEmpty()) {
      for (var e : counting.entrySet()) {
        BoundSource src = bound.get(e.getKey());
        try {
          badRows.notCounts(src.view(), CountRows.malformed(db, checker, src, e.getValue()));
        } catch (Database.QueryFailed ex) {
          data.add(new Problem(e.getKey().location(), src.label() + ": " + ex.getMessage(), null));
        }
      }
    }
    for (Slo slo : slos) {
      BoundSource src = bound.get(slo.source());
      if (src == null) continue;
      for (String d : slo.dimensions()) {
        if (!src.columns().containsKey(d)) {
          data.add(
              new Problem(
                  slo.location(),
                  "SLO '"
                      + slo.name()
                      + "': dimension '"
                      + d
                      + "' is not a column of "
                      + src.label(),
                  "columns: " + src.columnList()));
        }
      }
      for (String col : slo.per()) {
        if (!src.columns().containsKey(col)) {
          data.add(
              new Problem(
                  slo.location(),
                  "SLO '" + slo.name() + "': per column '" + col + "' is not in " + src.label(),
                  "columns: " + src.columnList()));
        }
      }
      if (slo.sli() instanceof Sli.Latency l) {
        SourceLocation at = l.location() == null ? slo.location() : l.location();
        String type = src.columns().get(l.column());
        if (type == null) {
          data.add(
              new Problem(
                  at,
                  "SLO '"
                      + slo.name()
                      + "': latency column '"
                      + l.column()
                      + "' is not in "
                      + src.label(),
                  "columns: " + src.columnList()));
        } else if (!TimeColumn.isNumeric(type)) {
          data.add(
              new Problem(
                  at,
                  "SLO '"
                      + slo.name()
                      + "': latency column '"
                      + l.column()
                      + "' is "
                      + type
                      + ", not a number",
                  "latency columns hold numbers in the declared unit"));
        }
      }
    }
    throwProblems(spec, data);
  }

  private static void route(
      List<ExpressionChecker.Located> found, List<Problem> spec, List<Problem> data) {
    for (var l : found) (l.kind() == ExpressionChecker.Kind.DATA ? data : spec).add(l.problem());
  }

  private static Map<String, SqlExpression> expressions(Slo slo) {
    Map<String, SqlExpression> m = new LinkedHashMap<>();
    if (slo.sli() instanceof Sli.Ratio r) m.put(ScanCompiler.role(slo, "good"), r.good());
    if (slo.sli().total() != null) m.put(ScanCompiler.role(slo, "total"), slo.sli().total());
    // a counts SLI's expressions are numbers, checked by CountRows
    return m;
  }

  /**
   * Fails with every problem found, if any: as a spec error (exit 2) when the specs have any,
   * listing the data problems with them; else as a data error (exit 3).
   */
  private static void throwProblems(List<Problem> spec, List<Problem> data) {
    if (!spec.isEmpty()) {
      spec.addAll(data);
      throw SloException.spec(sorted(spec));
    }
    if (!data.isEmpty()) {
      List<Problem> d = sorted(data);
      throw SloException.dataProblems(
          d.size() == 1 ? d.get(0).render() : d.size() + " problems with the data", d);
    }
  }

  private static List<Problem> sorted(List<Problem> problems) {
    List<Problem> p = new ArrayList<>(problems);
    p.sort(
        java.util.Comparator.comparing((Problem x) -> String.valueOf(x.location().file()))
            .thenComparingInt(x -> x.location().line())
            .thenComparingInt(x -> x.location().column()));
    return p;
  }

  public BoundSource bound(DataSource source) {
    BoundSource b = bound.get(source);
    if (b == null) throw new IllegalStateException("source not bound: " + source.name());
    return b;
  }

  /**
   * Latest event time and row count of a bound source (one pass; Parquet answers from metadata,
   * file by file).
   */
  public LatestEvent latestEvent(DataSource source) {
    BoundSource src = bound(source);
    TimeColumn t = src.time();
    // max() over the raw column lets DuckDB answer from Parquet statistics
    String rawMax = t.rawMaxOf(t.column());
    String max = rawMax != null ? rawMax : "max(" + t.epochMicros() + ")";
    try {
      // several Parquet files: each answers from its own statistics, their list would not
      LatestEvent raw = rawMax == null ? null : fileTotals().latestByFile(src, rawMax);
      if (raw == null)
        raw = latestEvent(db, "SELECT count(*), " + max + " FROM " + Sql.ident(src.view()));
      boolean checked = t.kind() != TimeColumn.Kind.INSTANT && t.kind() != TimeColumn.Kind.EPOCH_US;
      if (checked
          || raw.latest() == null
          || (!raw.latest().isBefore(TimeColumn.EARLIEST)
              && raw.latest().isBefore(TimeColumn.END))) {
        // (a row check is not applied here: a NaN latency on the latest row moves the default
        // instant by less than the gap to the previous event, and Parquet answers from metadata)
        return raw;
      }
      // the raw maximum is a malformed row (a year 99999) or may be one: the slow, exact way
      return latestEvent(
          db, "SELECT count(*), max(" + t.epochMicros() + ") FROM " + Sql.ident(src.view()));
    } catch (Database.QueryFailed e) {
      throw e.asDataError(src.label(), null);
    }
  }

  /** The one row of {@code select}: a row count, then the latest time in epoch microseconds. */
  static LatestEvent latestEvent(Database db, String select) {
    return db.one(
        select,
        r ->
            new LatestEvent(
                r.getLong(1), r.getObject(2) == null ? null : TimeColumn.instant(r.getLong(2))));
  }

  /**
   * An estimate of the latest event of a CSV source from its files' last lines (see {@link
   * LatestEventEstimate}); empty for other sources, whose latest event {@link #latestEvent} finds
   * from metadata (Parquet) or which are not estimated.
   */
  @Override
  public java.util.Optional<Instant> latestEventEstimate(DataSource source) {
    BoundSource src = bound(source);
    return LatestEventEstimate.of(db, src, binder.tailReaders(source), ++estimates);
  }

  /**
   * The scan of {@link #scan(DataSource, List, Instant, Duration)} with rows at or after {@code at}
   * read too, and the latest event time among the rows read ({@link
   * ScanCompiler#compileOpenEnded}).
   */
  @Override
  public OpenEndedScan scanToLatest(
      DataSource source, List<ScanCompiler.SloWindow> slos, Instant at) {
    BoundSource src = bound(source);
    Instant from = slos.stream().map(w -> w.earliest(at)).min(Instant::compareTo).orElse(at);
    ScanCompiler.CompiledScan scan =
        ScanCompiler.compileOpenEnded(
            withNullFacts(src, src.files()), slos, from, at, "scan_" + (++scans), checker);
    SourceScan result = run(source, src, slos, at, scan);
    ScanTable table = new ScanTable(db, scan);
    Instant latest = table.latestEvent(src.time());
    // a row the row check refused (a NaN latency) at or after the window end is malformed in this
    // scan's row accounting, and outside the bounded scan's: the bounded scan gives the counts
    if (table.refusedRowAtOrAfter(src.time(), at)) result = scan(source, slos, at, (Duration) null);
    return new OpenEndedScan(result, latest);
  }

  /**
   * Scans a source once for all these SLOs over {@code [min start, at)}; {@code bucket} keeps
   * per-bucket counts in the scan table for later queries (null when only window totals are
   * needed).
   */
  public SourceScan scan(
      DataSource source, List<ScanCompiler.SloWindow> slos, Instant at, Duration bucket) {
    BoundSource src = bound(source);
    Instant from = slos.stream().map(w -> w.earliest(at)).min(Instant::compareTo).orElse(at);
    ScanCompiler.CompiledScan scan =
        ScanCompiler.compile(
            withNullFacts(src, src.files()), slos, from, at, bucket, "scan_" + (++scans), checker);
    return run(source, src, slos, at, scan);
  }

  /**
   * The same single scan with what a report needs on top ({@link ScanCompiler.Extras}), over {@code
   * [from, at)}; {@code from} must be at or before every window start.
   */
  public SourceScan scan(
      DataSource source,
      List<ScanCompiler.SloWindow> slos,
      Instant from,
      Instant at,
      ScanCompiler.Extras extras) {
    BoundSource src = bound(source);
    ScanCompiler.CompiledScan scan =
        ScanCompiler.compile(
            withNullFacts(src, src.files()), slos, from, at, extras, "scan_" + (++scans), checker);
    return run(source, src, slos, at, scan);
  }

  @Override
  public java.util.Optional<FileByFile> fileByFile() {
    return java.util.Optional.of(this);
  }

  @Override
  public java.util.Optional<String> totalsFingerprint(
      DataSource source, List<ScanCompiler.SloWindow> slos) {
    BoundSource src = bound(source);
    if (!fileTotals().supports(src, slos)) return java.util.Optional.empty();
    return java.util.Optional.of(fileTotals().fingerprint(src, slos));
  }

  @Override
  public void bindMemo(BindMemo memo) {
    this.memo = memo;
    binder.bindMemo(memo);
  }

  @Override
  public List<FileIdentity> identities(DataSource source) {
    return FileTotals.identities(bound(source), memo);
  }

  @Override
  public FileCounts totals(
      DataSource source, List<ScanCompiler.SloWindow> slos, FileIdentity file) {
    return fileTotals().totals(bound(source), slos, file);
  }

  @Override
  public java.util.Optional<FileSpan> span(
      DataSource source, List<ScanCompiler.SloWindow> slos, FileIdentity file) {
    return fileTotals().span(bound(source), file);
  }

  @Override
  public java.util.Optional<FileCounts> scannedTotals(
      DataSource source,
      List<ScanCompiler.SloWindow> slos,
      SourceScan scan,
      FileIdentity file,
      FileSpan span) {
    long[] stats = new long[3];
    List<List<GroupTotal>> groups;
    if (scan.scanned() != null
        && scan.compiled().windowsFromWholeFiles()
        && slos.stream().allMatch(w -> w.slo().timeslices() == null)) {
      // the counts the scan read are the file's totals: no second query of the table
      groups = ScanTable.wholeFileTotals(slos, scan.counts());
      stats[0] = scan.scanned().inRange();
      stats[1] = scan.scanned().excluded();
      stats[2] = scan.scanned().nullTime();
    } else groups = new ScanTable(db, scan.compiled()).wholeFileTotals(slos, stats);
    if (groups == null) return java.util.Optional.empty();
    // a file with a span is a Parquet file: no row of it is rejected by a reader
    return java.util.Optional.of(
        new FileCounts(
            file,
            span.earliest(),
            span.latest(),
            stats[0],
            stats[1],
            stats[2],
            0,
            List.of(),
            groups));
  }

  @Override
  public SourceScan scanFiles(
      DataSource source,
      List<ScanCompiler.SloWindow> slos,
      Instant at,
      List<String> files,
      List<PartFile> partly,
      SettledRows settled) {
    BoundSource src = bound(source);
    long watermark = badRows.watermark(src);
    if (files.isEmpty() && partly.isEmpty()) {
      Map<Slo, List<GroupCounts>> counts = new LinkedHashMap<>();
      for (ScanCompiler.SloWindow w : slos) counts.put(w.slo(), new ArrayList<>());
      return new SourceScan(counts, badRows.check(src, watermark, 0, 0, 0, settled), null);
    }
    Instant from = slos.stream().map(w -> w.earliest(at)).min(Instant::compareTo).orElse(at);
    List<BoundSource> views = new ArrayList<>();
    try {
      // the files read whole through one view, each file read in part through its own
      BoundSource some = files.isEmpty() ? null : fileTotals().narrowed(src, files);
      if (some != null) views.add(some);
      String table = "scan_" + (++scans);
      ScanCompiler.CompiledScan scan;
      if (partly.isEmpty())
        scan =
            ScanCompiler.compile(
                withNullFacts(some, files), slos, from, at, (Duration) null, table, checker);
      else {
        List<PartScanCompiler.FilePart> parts = new ArrayList<>();
        if (some != null) parts.add(new PartScanCompiler.FilePart(some.view(), from, at, null));
        for (PartFile p : partly) {
          BoundSource one = fileTotals().narrowed(src, List.of(p.path()));
          views.add(one);
          parts.add(new PartScanCompiler.FilePart(one.view(), p.from(), p.to(), p.totals()));
        }
        scan = PartScanCompiler.compile(src, slos, parts, from, at, table, checker);
      }
      return run(src, slos, at, scan, watermark, settled);
    } finally {
      for (BoundSource v : views) fileTotals().drop(v);
    }
  }

  @Override
  public java.util.Optional<String> reportFingerprint(
      DataSource source, List<ScanCompiler.SloWindow> slos, ScanCompiler.Extras extras) {
    BoundSource src = bound(source);
    if (!reportTotals().supports(src, slos)) return java.util.Optional.empty();
    return java.util.Optional.of(reportTotals().fingerprint(src, slos, extras));
  }

  @Override
  public ReportFile reportRows(
      DataSource source,
      List<ScanCompiler.SloWindow> slos,
      ScanCompiler.Extras extras,
      FileIdentity file) {
    return reportTotals().rows(bound(source), slos, extras, file);
  }

  @Override
  public SourceScan reportScanFiles(
      DataSource source,
      List<ScanCompiler.SloWindow> slos,
      Instant from,
      Instant at,
      ScanCompiler.Extras extras,
      List<String> files,
      List<ReportRow> rows,
      SettledRows settled) {
    BoundSource src = bound(source);
    long watermark = badRows.watermark(src);
    BoundSource some = files.isEmpty() ? src : fileTotals().narrowed(src, files);
    try {
      ScanCompiler.CompiledScan scan =
          ScanCompiler.compile(
              withNullFacts(some, files), slos, from, at, extras, "scan_" + (++scans), checker);
      if (files.isEmpty()) reportTotals().createEmpty(scan);
      else {
        try {
          for (String statement : scan.statements()) db.execute(statement);
        } catch (Database.QueryFailed e) {
          throw scanFailure(src, slos, e);
        }
      }
      reportTotals().insert(scan, rows);
      Database.mark("settled files' rows added");
      // the table is filled: read it as a scan that has run
      ScanCompiler.CompiledScan filled =
          new ScanCompiler.CompiledScan(
              scan.table(),
              List.of(),
              scan.fetch(),
              scan.keys(),
              scan.sets(),
              scan.columns(),
              scan.ageBounds(),
              scan.partRead(),
              // it holds the settled files' rows too
              false);
      return run(src, slos, at, filled, watermark, settled);
    } finally {
      if (!files.isEmpty()) fileTotals().drop(some);
    }
  }

  private ReportTotals reportTotals() {
    if (reportTotals == null) reportTotals = new ReportTotals(db, checker, fileTotals());
    return reportTotals;
  }

  private FileTotals fileTotals() {
    if (fileTotals == null) fileTotals = new FileTotals(db, checker);
    return fileTotals;
  }

  private SourceScan run(
      DataSource source,
      BoundSource src,
      List<ScanCompiler.SloWindow> slos,
      Instant at,
      ScanCompiler.CompiledScan scan) {
    return run(src, slos, at, scan, badRows.watermark(src), SettledRows.NONE);
  }

  /**
   * Runs a compiled scan of {@code src} and reads its counts; its row accounting is checked against
   * max_bad_rows with the rejects after {@code watermark} and the rows of the files it did not read
   * ({@code settled}).
   */
  private SourceScan run(
      BoundSource src,
      List<ScanCompiler.SloWindow> slos,
      Instant at,
      ScanCompiler.CompiledScan scan,
      long watermark,
      SettledRows settled) {
    try {
      for (String statement : scan.statements()) db.execute(statement);
    } catch (Database.QueryFailed e) {
      throw scanFailure(src, slos, e);
    }
    Map<Slo, List<GroupCounts>> counts = new LinkedHashMap<>();
    ScanTable table = new ScanTable(db, scan);
    long[] stats = table.readCounts(slos, at, counts);
    if (!scan.ageBounds().isEmpty()) table.readAlertWindows(slos, at, counts);
    table.readSlices(slos, at, counts);
    SourceStats st = badRows.check(src, watermark, stats[0], stats[1], stats[2], settled);
    return new SourceScan(
        counts, st, scan.table(), scan, new ScannedRows(stats[0], stats[1], stats[2]));
  }

  /**
   * Per-minute counts of every one of these SLOs over {@code [from, to)}, computed inside DuckDB by
   * the same single scan of the source as a check (1-minute buckets kept in the scan table), then
   * fetched as one row per group and non-empty minute. Exclusions apply as in a check.
   *
   * @param slos the SLOs, each with its exclusions; their window starts are ignored (the history
   *     starts at {@code from} for all)
   * @param from start of the history, a whole minute
   * @param to end of the history (exclusive), a whole minute after {@code from}
   */
  public Map<Slo, List<GroupSeries>> minuteSeries(
      DataSource source, List<ScanCompiler.SloWindow> slos, Instant from, Instant to) {
    Map<Slo, List<GroupSeries>> out = new LinkedHashMap<>();
    for (ScanCompiler.SloWindow w : slos) out.put(w.slo(), new ArrayList<>());
    minuteSeries(source, slos, from, to, (slo, series) -> out.get(slo).add(series));
    return out;
  }

  /**
   * Like {@link #minuteSeries(DataSource, List, Instant, Instant)}, handing each group's series to
   * {@code sink} as soon as it is read (SLO by SLO, groups in key order), so that only one group's
   * minutes are held at a time however many groups a {@code per} SLO has.
   */
  public void minuteSeries(
      DataSource source,
      List<ScanCompiler.SloWindow> slos,
      Instant from,
      Instant to,
      java.util.function.BiConsumer<Slo, GroupSeries> sink) {
    List<ScanCompiler.SloWindow> windows =
        slos.stream()
            .map(w -> new ScanCompiler.SloWindow(w.slo(), from, List.of(), w.exclusions()))
            .toList();
    SourceScan scan = scan(source, windows, to, Duration.ofMinutes(1));
    int minutes = (int) Duration.between(from, to).toMinutes();
    long first = TimeColumn.micros(from) / 60_000_000L;
    ScanTable table = new ScanTable(db, scan.compiled());
    for (int i = 0; i < windows.size(); i++) {
      Slo slo = windows.get(i).slo();
      String sql = table.minuteSeriesQuery(i, slo);
      int p = slo.per().size();
      // the group being filled: its key, then good and valid events per minute
      Object[] current = new Object[3];
      int[] emitted = {0};
      Runnable emit =
          () -> {
            if (current[0] == null) return;
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) current[0];
            Group g = slo.per().isEmpty() ? null : new Group(slo.per(), values);
            sink.accept(
                slo,
                new GroupSeries(
                    g, new MinuteSeries(from, (long[]) current[1], (long[]) current[2])));
            emitted[0]++;
          };
      try {
        db.query(
            sql,
            r -> {
              List<String> values = new ArrayList<>();
              for (int j = 0; j < p; j++) values.add(r.getString(1 + j));
              if (current[0] == null || !current[0].equals(values)) {
                emit.run();
                current[0] = values;
                current[1] = new long[minutes];
                current[2] = new long[minutes];
              }
              int m = (int) (r.getLong(p + 1) - first);
              if (m >= 0 && m < minutes) {
                ((long[]) current[1])[m] = r.getLong(p + 2);
                ((long[]) current[2])[m] = r.getLong(p + 3);
              }
              return null;
            });
      } catch (Database.QueryFailed e) {
        throw e.asDataError(bound(source).label(), null);
      }
      emit.run();
      if (emitted[0] == 0 && slo.per().isEmpty()) {
        sink.accept(
            slo,
            new GroupSeries(null, new MinuteSeries(from, new long[minutes], new long[minutes])));
      }
    }
    db.execute("DROP TABLE IF EXISTS " + Sql.ident(scan.table()));
  }

  private SloException scanFailure(
      BoundSource src, List<ScanCompiler.SloWindow> slos, Database.QueryFailed e) {
    String names = String.join(", ", slos.stream().map(s -> s.slo().name()).toList());
    String m = e.getMessage();
    if (m.contains("Conversion Error") || m.contains("Could not convert")) {
      return SloException.data(
          src.label() + ": a value could not be converted while evaluating " + names + ": " + m,
          "compare columns with values of their type, for example status >= 500 rather than status >= '5xx'",
          e);
    }
    if (m.contains("Out of Memory") || m.contains("could not allocate")) {
      return SloException.data(
          src.label() + ": out of memory while scanning: " + m,
          "raise the limit with SLO_MEMORY_LIMIT=4GB, or use fewer per columns",
          e);
    }
    return SloException.data(
        src.label() + ": the scan failed while evaluating " + names + ": " + m, null, e);
  }

  /** A data file as people want to read it: relative to the working folder when it is inside it. */
  static String display(String file) {
    Path abs = Path.of(file).toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }

  // ---- busy-season forecasts (the steps: ForecastReads) ----

  /** Parse and safety checks of the forecasts' expressions, in one query (exit 2). */
  public void checkForecastExpressions(List<ForecastEntry> entries) {
    List<ExpressionChecker.Item> all = new ArrayList<>();
    ForecastReads.items(entries).values().forEach(all::addAll);
    List<Problem> shape = checker.checkShapes(all);
    if (!shape.isEmpty()) throw SloException.spec(sorted(shape));
  }

  /**
   * Registers each source not bound yet (a source that cannot be read becomes a data problem and is
   * not tried again), then locks the connection down to every bound source's files.
   */
  private void bindAndLock(List<DataSource> sources, List<Problem> spec, List<Problem> data) {
    for (DataSource source : sources) {
      if (bound.containsKey(source) || failed.contains(source)) continue;
      try {
        bound.put(source, binder.bind(source));
      } catch (SloException e) {
        failed.add(source);
        if (!e.problems().isEmpty()) {
          // located problems (derived columns): spec or data as the error says
          (e.exitCode() == ExitCode.USAGE ? spec : data).addAll(e.problems());
        } else {
          data.add(new Problem(source.location(), e.getMessage(), e.hint()));
        }
      }
    }
    db.lockDown(bound.values().stream().flatMap(b -> b.readFiles().stream()).distinct().toList());
  }

  /**
   * Checks the forecasts' expressions (like SLO expressions), binds their sources, locks the
   * connection down to their files and checks the volume and latency columns. Spec problems exit 2,
   * data problems 3; every problem is reported at once.
   */
  public void bindForecasts(List<ForecastEntry> entries) {
    checkForecastExpressions(entries);
    List<Problem> spec = new ArrayList<>();
    List<Problem> data = new ArrayList<>();
    bindAndLock(entries.stream().map(ForecastEntry::source).toList(), spec, data);
    for (var e : ForecastReads.items(entries).entrySet()) {
      BoundSource src = bound.get(e.getKey());
      if (src != null) route(checker.checkTypes(e.getValue(), src), spec, data);
    }
    ForecastReads.checkColumns(entries, bound, data);
    throwProblems(spec, data);
  }

  /**
   * The default end of a forecast's history: the start of the local day after the source's latest
   * event, so that the latest day counts as a whole day.
   */
  public Instant defaultForecastEnd(DataSource source) {
    return ForecastReads.dayAfter(latestEvent(source), source, bound(source).label());
  }

  /**
   * Computes a forecast entry's daily series from its bound source in one query over the events
   * before {@code at} (exclusive); a day that {@code at} cuts in two is left out.
   *
   * @throws SloException (data) when the source cannot be read, has too many malformed rows, or the
   *     latency column has no value on any counted event
   */
  public DailySeries dailySeries(ForecastEntry entry, Instant at) {
    return ForecastReads.dailySeries(db, checker, badRows, bound(entry.source()), entry, at);
  }

  @Override
  public Map<Integer, long[]> dailyCounts(
      SourceScan scan, int[] segments, List<Span> days, Duration bucket) {
    return new ScanTable(db, scan.compiled()).dailyCounts(segments, days, bucket);
  }

  @Override
  public long[] recentCounts(SourceScan scan, int slos, int segment) {
    return new ScanTable(db, scan.compiled()).recentCounts(slos, segment);
  }

  @Override
  public List<BreakdownRow> breakdown(
      SourceScan scan, String column, int slo, int segment, int top) {
    return new ScanTable(db, scan.compiled()).breakdown(column, slo, segment, top);
  }

  @Override
  public AdhocQuery adhocQuery() {
    return new AdhocQuery(this);
  }

  public Database database() {
    return db;
  }

  /** Reports the progress of long scans to {@code listener} (null: nobody). */
  public void progressListener(ProgressListener listener) {
    db.progressListener(listener);
  }

  /** Cancels the running query from another thread; see {@link Database#cancel()}. */
  public void cancel() {
    db.cancel();
  }

  /** Every bound source, in binding order. */
  public List<BoundSource> boundSources() {
    return List.copyOf(bound.values());
  }

  /**
   * The scan {@link #scan} would run for these SLOs at {@code at}, compiled but not run (for {@code
   * slo explain}).
   */
  public ScanPlan compileScan(DataSource source, List<ScanCompiler.SloWindow> slos, Instant at) {
    Instant from =
        slos.stream().map(ScanCompiler.SloWindow::start).min(Instant::compareTo).orElse(at);
    BoundSource src = bound(source);
    ScanCompiler.CompiledScan scan =
        ScanCompiler.compile(
            withNullFacts(src, src.files()), slos, from, at, (Duration) null, "scan", checker);
    return src.plan(scan.statements(), scan.fetch());
  }

  @Override
  public List<io.slotoolkit.model.RollupQuery> rollup(
      List<Slo> slos, io.slotoolkit.model.SqlDialectName dialect, Map<String, String> tables) {
    checkExpressions(slos);
    return RollupCompiler.compile(slos, dialect, tables, checker, db);
  }

  @Override
  public FileProfiler profiler() {
    if (profiler == null) profiler = new DuckDbProfiler(db, binder);
    return profiler;
  }

  @Override
  public void close() {
    db.close();
  }
}
