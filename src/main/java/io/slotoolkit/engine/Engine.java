package io.slotoolkit.engine;

import io.slotoolkit.evaluate.MinuteSeries;
import io.slotoolkit.model.Counts;
import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.ForecastEntry;
import io.slotoolkit.model.Group;
import io.slotoolkit.model.Problem;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded engine: binds sources once, sandboxes the connection, and runs one scan per source.
 */
public final class Engine implements AutoCloseable {
  private final Database db;
  private final ExpressionChecker checker;
  private final SourceBinder binder;
  private final Map<DataSource, BoundSource> bound = new LinkedHashMap<>();
  private final java.util.Set<DataSource> failed = new java.util.HashSet<>();

  /** Rows of counts SLOs that are not counts, by bound view. */
  private final Map<String, MalformedLines> malformedCounts = new HashMap<>();

  private int scans;

  private Engine(Database db) {
    this.db = db;
    this.checker = new ExpressionChecker(db);
    this.binder = new SourceBinder(db, checker);
  }

  /**
   * Starts the embedded database on another thread for the next {@link #open}: see {@link
   * Database#warmUp}.
   */
  public static void warmUp() {
    Database.warmUp();
  }

  public static Engine open(EngineOptions options) {
    return new Engine(Database.open(options));
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
          malformedCounts.put(src.view(), CountRows.malformed(db, checker, src, e.getValue()));
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
   * Latest event time and row count of a bound source (one pass; Parquet answers from metadata).
   */
  public LatestEvent latestEvent(DataSource source) {
    BoundSource src = bound(source);
    TimeColumn t = src.time();
    // max() over the raw column lets DuckDB answer from Parquet statistics
    String max =
        switch (t.kind()) {
          case INSTANT -> "epoch_us(max(" + t.column() + "))";
          case EPOCH_US -> "max(" + t.column() + ")::BIGINT";
          default -> "max(" + t.epochMicros() + ")";
        };
    try {
      LatestEvent raw =
          db.one(
              "SELECT count(*), " + max + " FROM " + Sql.ident(src.view()),
              r ->
                  new LatestEvent(
                      r.getLong(1),
                      r.getObject(2) == null ? null : TimeColumn.instant(r.getLong(2))));
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
      return db.one(
          "SELECT count(*), max(" + t.epochMicros() + ") FROM " + Sql.ident(src.view()),
          r ->
              new LatestEvent(
                  r.getLong(1), r.getObject(2) == null ? null : TimeColumn.instant(r.getLong(2))));
    } catch (Database.QueryFailed e) {
      throw e.asDataError(src.label(), null);
    }
  }

  /** Row count and latest event time of a source. */
  public record LatestEvent(long rows, Instant latest) {}

  /**
   * Counts of one group of one SLO over its window.
   *
   * @param alertWindows good and valid events over {@code [at - d, at)} for each alert window
   *     length d the scan was asked for
   * @param excluded valid events of the window each exclusion removed, in the order of {@link
   *     ScanCompiler.SloWindow#distinctExclusions()}
   */
  public record GroupCounts(
      Group group,
      long good,
      long total,
      long skippedNull,
      Map<Duration, Counts> alertWindows,
      List<Long> excluded) {
    public GroupCounts {
      alertWindows = alertWindows == null ? Map.of() : Map.copyOf(alertWindows);
      excluded = excluded == null ? List.of() : List.copyOf(excluded);
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
   */
  public record SourceScan(
      Map<Slo, List<GroupCounts>> counts,
      SourceStats stats,
      String table,
      ScanCompiler.CompiledScan compiled) {
    public SourceScan(Map<Slo, List<GroupCounts>> counts, SourceStats stats, String table) {
      this(counts, stats, table, null);
    }
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
        ScanCompiler.compile(src, slos, from, at, bucket, "scan_" + (++scans), checker);
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
        ScanCompiler.compile(src, slos, from, at, extras, "scan_" + (++scans), checker);
    SourceScan result = run(source, src, slos, at, scan);
    return new SourceScan(result.counts(), result.stats(), result.table(), scan);
  }

  private SourceScan run(
      DataSource source,
      BoundSource src,
      List<ScanCompiler.SloWindow> slos,
      Instant at,
      ScanCompiler.CompiledScan scan) {
    long watermark = rejectWatermark(src);
    try {
      for (String statement : scan.statements()) db.execute(statement);
    } catch (Database.QueryFailed e) {
      throw scanFailure(src, slos, e);
    }
    Map<Slo, List<GroupCounts>> counts = new LinkedHashMap<>();
    long[] stats = readCounts(scan, slos, at, counts);
    if (!scan.ageBounds().isEmpty()) readAlertWindows(scan, slos, at, counts);
    SourceStats st = checkBadRows(src, rejects(src, watermark), stats[0], stats[1], stats[2]);
    return new SourceScan(counts, st, scan.table());
  }

  /**
   * Reads the per-group sums of a scan into {@code counts}, and returns the row statistics (in
   * range, excluded, without time) summed over one grouping set: every set partitions all rows.
   */
  private long[] readCounts(
      ScanCompiler.CompiledScan scan,
      List<ScanCompiler.SloWindow> slos,
      Instant at,
      Map<Slo, List<GroupCounts>> counts) {
    int k = scan.keys().size();
    long[] gidOf = new long[slos.size()];
    int[][] keyIndex = new int[slos.size()][];
    for (int i = 0; i < slos.size(); i++) {
      Slo slo = slos.get(i).slo();
      counts.put(slo, new ArrayList<>());
      java.util.Set<String> set = new java.util.TreeSet<>(slo.per());
      gidOf[i] =
          scan.sets().stream().filter(g -> g.columns().equals(set)).findFirst().orElseThrow().gid();
      keyIndex[i] = slo.per().stream().mapToInt(c -> scan.keys().indexOf(c)).toArray();
    }
    long statsGid = scan.sets().get(0).gid();
    int statsColumn = 2 + k + 3 * slos.size();
    boolean hasExclusionCounts =
        scan.columns().stream().anyMatch(c -> c.name().matches("x[0-9]+_[0-9]+"));
    // alert window and exclusion columns follow the row stats, SLO by SLO
    int[] extraAt = new int[slos.size()];
    int next = statsColumn + 3;
    for (int i = 0; i < slos.size(); i++) {
      extraAt[i] = next;
      next += alertFlags(slos.get(i), at) + slos.get(i).distinctExclusions().size();
    }
    long[] stats = new long[3];
    db.query(
        scan.fetch(),
        r -> {
          long gid = r.getLong(1);
          for (int i = 0; i < slos.size(); i++) {
            if (gid != gidOf[i]) continue;
            Slo slo = slos.get(i).slo();
            Group group = null;
            if (!slo.per().isEmpty()) {
              List<String> values = new ArrayList<>();
              for (int key : keyIndex[i]) values.add(r.getString(2 + key));
              group = new Group(slo.per(), values);
            }
            int c = 2 + k + 3 * i;
            ScanCompiler.SloWindow w = slos.get(i);
            List<Long> excluded = new ArrayList<>();
            int x0 = extraAt[i] + alertFlags(w, at);
            // a report's scan leaves exclusions out of its counts but does not count them
            if (hasExclusionCounts)
              for (int x = 0; x < w.distinctExclusions().size(); x++)
                excluded.add(r.getLong(x0 + x));
            counts
                .get(slo)
                .add(
                    new GroupCounts(
                        group,
                        r.getLong(c),
                        r.getLong(c + 1),
                        r.getLong(c + 2),
                        Map.of(),
                        excluded));
          }
          if (gid == statsGid) {
            for (int s = 0; s < 3; s++) stats[s] += r.getLong(statsColumn + s);
          }
          return null;
        });
    return stats;
  }

  /** How many alert flag columns ({@code ag}, {@code av}) the scan has for this SLO. */
  private static int alertFlags(ScanCompiler.SloWindow w, Instant at) {
    return !w.alertWindows().isEmpty() && w.needsAlertFlags(at) ? 2 : 0;
  }

  /**
   * Fills in each group's alert window counts from the scan table's age classes: one small query
   * returns good and valid events per group and class, and a window starting at the j-th bound sums
   * the classes j and above.
   */
  private void readAlertWindows(
      ScanCompiler.CompiledScan scan,
      List<ScanCompiler.SloWindow> slos,
      Instant at,
      Map<Slo, List<GroupCounts>> counts) {
    List<Instant> bounds = scan.ageBounds();
    int k = scan.keys().size();
    List<Integer> with = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT gid");
    for (int j = 0; j < k; j++) sql.append(", k").append(j);
    sql.append(", __a");
    for (int i = 0; i < slos.size(); i++) {
      if (slos.get(i).alertWindows().isEmpty()) continue;
      with.add(i);
      // the SLO window's own flags count the alert windows' rows when those lie inside it
      String g = alertFlags(slos.get(i), at) > 0 ? "ag" : "g";
      String t = alertFlags(slos.get(i), at) > 0 ? "av" : "t";
      sql.append(", sum(").append(g).append(i).append(")::BIGINT, sum(");
      sql.append(t).append(i).append(")::BIGINT");
    }
    sql.append(" FROM ").append(Sql.ident(scan.table())).append(" GROUP BY ALL");
    // (gid, every key) -> [class][2 x SLO with windows]
    Map<List<Object>, long[][]> byGroup = new HashMap<>();
    db.query(
        sql.toString(),
        r -> {
          List<Object> key = new ArrayList<>();
          key.add(r.getLong(1));
          for (int j = 0; j < k; j++) key.add(r.getString(2 + j));
          int cls = r.getInt(2 + k);
          long[][] c =
              byGroup.computeIfAbsent(key, x -> new long[bounds.size() + 1][2 * with.size()]);
          for (int w = 0; w < 2 * with.size(); w++) c[cls][w] += r.getLong(3 + k + w);
          return null;
        });
    for (int n = 0; n < with.size(); n++) {
      int i = with.get(n);
      ScanCompiler.SloWindow sw = slos.get(i);
      Slo slo = sw.slo();
      java.util.Set<String> set = new java.util.TreeSet<>(slo.per());
      long gid =
          scan.sets().stream().filter(g -> g.columns().equals(set)).findFirst().orElseThrow().gid();
      List<GroupCounts> filled = new ArrayList<>();
      for (GroupCounts g : counts.get(slo)) {
        List<Object> key = new ArrayList<>();
        key.add(gid);
        for (String col : scan.keys()) {
          int p = slo.per().indexOf(col);
          key.add(p < 0 ? null : g.group().values().get(p));
        }
        long[][] c = byGroup.get(key);
        Map<Duration, Counts> windows = new HashMap<>();
        for (Duration d : sw.alertWindows()) {
          int from = bounds.indexOf(at.minus(d)) + 1;
          long good = 0;
          long total = 0;
          for (int cls = from; c != null && cls <= bounds.size(); cls++) {
            good += c[cls][2 * n];
            total += c[cls][2 * n + 1];
          }
          windows.put(d, new Counts(good, total));
        }
        filled.add(
            new GroupCounts(
                g.group(), g.good(), g.total(), g.skippedNull(), windows, g.excluded()));
      }
      counts.put(slo, filled);
    }
  }

  /**
   * The source's row accounting; a data error (exit 3) when malformed rows exceed the allowance.
   */
  private SourceStats checkBadRows(
      BoundSource src, Rejects rejects, long inRange, long excluded, long nullTime) {
    DataSource source = src.source();
    long bad = rejects.rows + nullTime;
    List<Reject> details = nullTime > 0 ? unreadableRows(src) : List.of();
    String timeProblem =
        nullTime
            + " row(s) have an empty, unreadable or out-of-range event time in column '"
            + source.time().column()
            + "'"
            + (src.time().rowCheck() == null ? "" : ", or a NaN or infinite number");
    List<String> samples = new ArrayList<>(rejects.samples);
    if (nullTime > 0) samples.add(timeProblem);
    for (Reject d : details)
      samples.add(d.file + (d.line > 0 ? ":" + d.line : "") + ": " + d.message);
    if (bad > source.maxBadRows()) {
      List<Problem> problems = new ArrayList<>();
      for (Reject r : rejects.first)
        problems.add(new Problem(new SourceLocation(Path.of(r.file), r.line, 0), r.message, null));
      if (nullTime > 0) {
        problems.add(
            new Problem(
                source.location(),
                timeProblem,
                source.time().encoding() == io.slotoolkit.model.EventTime.Encoding.AUTO
                    ? "ISO-8601 text, TIMESTAMP or TIMESTAMPTZ are read; set timestamp_format: for epochs or other text"
                    : null));
        for (Reject d : details)
          problems.add(
              new Problem(new SourceLocation(Path.of(d.file), d.line, 0), d.message, null));
      }
      String what =
          inRange == 0 && bad > 0
              ? ": every row is malformed (" + bad + " row(s))"
              : ": " + bad + " malformed row(s), more than the " + source.maxBadRows() + " allowed";
      throw new SloException(
          ExitCode.DATA,
          src.label() + what,
          "fix the rows, or allow them with max_bad_rows: N on the source or --max-bad-rows N",
          problems,
          null);
    }
    return new SourceStats(
        source, src.files().size(), inRange, excluded, nullTime, bad, samples, src.notes());
  }

  /**
   * Up to three rows of the source whose event time is not read, each with its file, its line (CSV)
   * or row (Parquet), and the reason: an empty time, a value no reader understands or outside the
   * years 1900-9998, or a NaN or infinite number in a float column. Found by a query of their own,
   * run only when such rows were counted; empty when that query fails (the count still stands).
   */
  private List<Reject> unreadableRows(BoundSource src) {
    TimeColumn t = src.time();
    List<String> floats =
        src.columns().entrySet().stream()
            .filter(e -> e.getValue().matches("(?i)DOUBLE|FLOAT|REAL"))
            .map(Map.Entry::getKey)
            .toList();
    boolean csv = src.rawRows() != null;
    String from;
    String condition;
    String file;
    String row;
    String timeText;
    if (csv) {
      // the rows as text, read again: the time as written, so that its line can be found
      String col = t.column();
      String expr =
          switch (t.kind()) {
            case EPOCH_S, EPOCH_MS, EPOCH_US -> "TRY_CAST(" + col + " AS DOUBLE)";
            default -> col;
          };
      TimeColumn.Kind kind =
          switch (t.kind()) {
            case EPOCH_S, EPOCH_MS, EPOCH_US -> t.kind();
            case PATTERN_TEXT -> TimeColumn.Kind.PATTERN_TEXT;
            default -> TimeColumn.Kind.ISO_TEXT;
          };
      List<String> finite = new ArrayList<>();
      for (String f : floats) {
        String c = Sql.ident(f);
        finite.add("(" + c + " IS NULL OR isfinite(TRY_CAST(" + c + " AS DOUBLE)))");
      }
      TimeColumn text =
          new TimeColumn(
              expr,
              kind,
              t.naiveZone(),
              t.pattern(),
              finite.isEmpty() ? null : String.join(" AND ", finite));
      from = "(" + src.rawRows() + ")";
      condition = text.epochMicros() + " IS NULL";
      file = "__file";
      row = "NULL";
      timeText = col;
    } else {
      from =
          "read_parquet("
              + Sql.literalList(src.files())
              + ", union_by_name = true, filename = true, file_row_number = true)";
      condition = t.epochMicros() + " IS NULL";
      file = "filename";
      row = "file_row_number";
      timeText = "CAST(" + t.column() + " AS VARCHAR)";
    }
    StringBuilder q = new StringBuilder("SELECT ").append(file).append(", ").append(row);
    q.append(", ").append(timeText);
    for (String f : floats) q.append(", CAST(").append(Sql.ident(f)).append(" AS VARCHAR)");
    q.append(" FROM ").append(from).append(" WHERE ").append(condition).append(" LIMIT 3");
    record Found(String file, long row, String time, String nan, String reason) {}
    List<Found> found;
    try {
      found =
          db.query(
              q.toString(),
              r -> {
                String raw = r.getString(3);
                for (int i = 0; i < floats.size(); i++) {
                  String v = r.getString(4 + i);
                  if (v != null && v.strip().matches("(?i)[+-]?(nan|inf|infinity)"))
                    return new Found(
                        r.getString(1),
                        r.getLong(2),
                        raw,
                        v.strip(),
                        floats.get(i) + " is " + v.strip() + ", not a number");
                }
                return new Found(
                    r.getString(1),
                    r.getLong(2),
                    raw,
                    null,
                    raw == null || raw.isBlank()
                        ? "empty event time in column '" + src.source().time().column() + "'"
                        : "event time '"
                            + raw
                            + "' cannot be read, or is outside the years 1900-9998");
              });
    } catch (Database.QueryFailed e) {
      return List.of();
    }
    List<Reject> out = new ArrayList<>();
    for (Found f : found) {
      int line = 0;
      if (!csv) {
        line = (int) Math.min(Integer.MAX_VALUE, f.row() + 1);
      } else if (f.time() != null && !f.time().isBlank()) {
        String where = "contains(line, " + Sql.literal(f.time()) + ")";
        if (f.nan() != null) where += " AND contains(line, " + Sql.literal(f.nan()) + ")";
        try {
          line =
              db
                  .query(
                      "SELECT ordinality FROM read_csv("
                          + Sql.literal(f.file())
                          + ", columns = {'line': 'VARCHAR'}, delim = chr(0), quote = '',"
                          + " escape = '', header = false, auto_detect = false) WITH ORDINALITY WHERE "
                          + where
                          + " LIMIT 1",
                      r -> r.getInt(1))
                  .stream()
                  .findFirst()
                  .orElse(0);
        } catch (Database.QueryFailed e) {
          line = 0; // the file and the reason are still worth showing
        }
      }
      String reason = csv || line == 0 ? f.reason() : "row " + line + ": " + f.reason();
      out.add(new Reject(display(f.file()), csv ? line : 0, reason));
    }
    return out;
  }

  /**
   * Per-minute good and valid events of one SLO group over a replay's history.
   *
   * @param group the group's values; null for an SLO without {@code per}
   * @param series the counts, one per minute from the history's start to its end
   */
  public record GroupSeries(Group group, MinuteSeries series) {}

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
    List<String> keys =
        new ArrayList<>(
            new java.util.TreeSet<>(
                windows.stream().flatMap(w -> w.slo().per().stream()).toList()));
    for (int i = 0; i < windows.size(); i++) {
      Slo slo = windows.get(i).slo();
      long gid = 0;
      for (int j = 0; j < keys.size(); j++)
        if (!slo.per().contains(keys.get(j))) gid |= 1L << (keys.size() - 1 - j);
      StringBuilder sql = new StringBuilder("SELECT ");
      for (String col : slo.per()) sql.append("k").append(keys.indexOf(col)).append(", ");
      sql.append("__b, g").append(i).append(", t").append(i);
      sql.append(" FROM ").append(Sql.ident(scan.table()));
      sql.append(" WHERE gid = ").append(gid).append(" AND t").append(i).append(" > 0");
      sql.append(" ORDER BY ");
      for (String col : slo.per()) sql.append("k").append(keys.indexOf(col)).append(", ");
      sql.append("__b");
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
            sql.toString(),
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

  private long rejectWatermark(BoundSource src) {
    if (src.format() != DataFormat.CSV) return Long.MIN_VALUE;
    try {
      return db.one(
          "SELECT coalesce(max(scan_id), -1) FROM " + Sql.ident(src.rejectScansTable()),
          r -> r.getLong(1));
    } catch (Database.QueryFailed e) {
      return -1; // no scan has written rejects yet: the table does not exist
    }
  }

  private record Reject(String file, int line, String message) {}

  private record Rejects(long rows, List<Reject> first, List<String> samples) {}

  private Rejects rejects(BoundSource src, long watermark) {
    Rejects own = csvRejects(src, watermark);
    List<MalformedLines> more = new ArrayList<>();
    more.add(binder.malformed(src));
    more.add(malformedCounts.getOrDefault(src.view(), MalformedLines.NONE));
    long rows = own.rows;
    List<Reject> first = new ArrayList<>(own.first);
    for (MalformedLines m : more) {
      rows += m.rows();
      for (MalformedLines.Line l : m.first())
        if (first.size() < 10)
          first.add(new Reject(display(l.file()), (int) l.line(), l.message()));
    }
    if (rows == own.rows) return own;
    List<String> samples =
        first.stream().limit(5).map(x -> x.file + ":" + x.line + ": " + x.message).toList();
    return new Rejects(rows, first, samples);
  }

  private Rejects csvRejects(BoundSource src, long watermark) {
    if (src.format() != DataFormat.CSV) return new Rejects(0, List.of(), List.of());
    String e = Sql.ident(src.rejectsTable());
    String s = Sql.ident(src.rejectScansTable());
    try {
      long rows =
          db.one(
              "SELECT count(*) FROM (SELECT DISTINCT scan_id, file_id, line FROM "
                  + e
                  + " WHERE scan_id > "
                  + watermark
                  + ")",
              r -> r.getLong(1));
      if (rows == 0) return new Rejects(0, List.of(), List.of());
      List<Reject> first =
          db.query(
              "SELECT s.file_path, e.line, string_agg(e.error_message, '; ' ORDER BY e.column_idx) FROM "
                  + e
                  + " e JOIN "
                  + s
                  + " s USING (scan_id, file_id) WHERE e.scan_id > "
                  + watermark
                  + " GROUP BY s.file_path, e.line ORDER BY s.file_path, e.line LIMIT 10",
              r -> reject(src, r.getString(1), r.getInt(2), tidy(r.getString(3))));
      List<String> samples =
          first.stream().limit(5).map(x -> x.file + ":" + x.line + ": " + x.message).toList();
      return new Rejects(rows, first, samples);
    } catch (Database.QueryFailed ex) {
      return new Rejects(0, List.of(), List.of()); // no rejects table: nothing was rejected
    }
  }

  /**
   * A rejected row, at its place in the source's own file: a row the binder copied out of a file
   * (see {@link BoundSource#lineOrigins}) is shown at the line it came from.
   */
  private static Reject reject(BoundSource src, String file, int line, String message) {
    String origin = src.lineOrigins().get(file);
    if (origin == null) return new Reject(display(file), line, message);
    int colon = origin.lastIndexOf(':');
    return new Reject(
        origin.substring(0, colon), Integer.parseInt(origin.substring(colon + 1)), message);
  }

  /** A data file as people want to read it: relative to the working folder when it is inside it. */
  static String display(String file) {
    Path abs = Path.of(file).toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }

  private static String tidy(String duckMessage) {
    return duckMessage
        .replace("Error when converting column", "cannot convert column")
        .replace("Expected Number of Columns:", "expected")
        .replace(" Found:", " columns, found");
  }

  // ---- busy-season forecasts ----

  /** Every expression a forecast reads, per source: the source's where, then the entry's. */
  private static Map<DataSource, List<ExpressionChecker.Item>> forecastItems(
      List<ForecastEntry> entries) {
    Map<DataSource, List<ExpressionChecker.Item>> items = new LinkedHashMap<>();
    for (ForecastEntry f : entries) {
      List<ExpressionChecker.Item> list =
          items.computeIfAbsent(
              f.source(),
              s -> {
                List<ExpressionChecker.Item> l = new ArrayList<>();
                if (s.where() != null) l.add(new ExpressionChecker.Item(s.where(), "where"));
                return l;
              });
      if (f.where() != null)
        list.add(new ExpressionChecker.Item(f.where(), "forecast '" + f.name() + "': where"));
    }
    return items;
  }

  /** Parse and safety checks of the forecasts' expressions, in one query (exit 2). */
  public void checkForecastExpressions(List<ForecastEntry> entries) {
    List<ExpressionChecker.Item> all = new ArrayList<>();
    forecastItems(entries).values().forEach(all::addAll);
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
    for (var e : forecastItems(entries).entrySet()) {
      BoundSource src = bound.get(e.getKey());
      if (src != null) route(checker.checkTypes(e.getValue(), src), spec, data);
    }
    for (ForecastEntry f : entries) {
      BoundSource src = bound.get(f.source());
      if (src == null) continue;
      if (f.volume() instanceof ForecastEntry.Volume.Sum s)
        numericColumn(f, src, "volume column", s.column(), s.location(), data);
      if (f.latency() != null)
        numericColumn(f, src, "latency column", f.latency().column(), f.latency().location(), data);
    }
    throwProblems(spec, data);
  }

  private static void numericColumn(
      ForecastEntry f,
      BoundSource src,
      String what,
      String column,
      SourceLocation at,
      List<Problem> data) {
    SourceLocation where = at == null ? f.location() : at;
    String type = src.columns().get(column);
    String prefix = "forecast '" + f.name() + "': " + what + " '" + column + "'";
    if (type == null) {
      data.add(
          new Problem(where, prefix + " is not in " + src.label(), "columns: " + src.columnList()));
    } else if (!TimeColumn.isNumeric(type)) {
      data.add(new Problem(where, prefix + " is " + type + ", not a number", null));
    }
  }

  /**
   * The default end of a forecast's history: the start of the local day after the source's latest
   * event, so that the latest day counts as a whole day.
   */
  public Instant defaultForecastEnd(DataSource source) {
    LatestEvent e = latestEvent(source);
    if (e.rows() == 0 || e.latest() == null) {
      throw SloException.data(
          bound(source).label()
              + (e.rows() == 0
                  ? " holds no events"
                  : ": no row has a readable event time in column '"
                      + source.time().column()
                      + "'"),
          "a forecast needs at least two years of daily history");
    }
    return e.latest()
        .atZone(source.zone())
        .toLocalDate()
        .plusDays(1)
        .atStartOfDay(source.zone())
        .toInstant();
  }

  /**
   * Computes a forecast entry's daily series from its bound source in one query over the events
   * before {@code at} (exclusive); a day that {@code at} cuts in two is left out.
   *
   * @throws SloException (data) when the source cannot be read, has too many malformed rows, or the
   *     latency column has no value on any counted event
   */
  public DailySeries dailySeries(ForecastEntry entry, Instant at) {
    BoundSource src = bound(entry.source());
    String sql = DailySeriesCompiler.compile(src, entry, at, checker);
    long watermark = rejectWatermark(src);
    record Day(
        java.time.LocalDate day,
        long rows,
        long events,
        double volume,
        long volumeValues,
        double latency,
        long latencyValues,
        long excluded) {}
    List<Day> rows;
    try {
      rows =
          db.query(
              sql,
              r -> {
                java.sql.Date d = r.getDate(1);
                double v = r.getDouble(4);
                boolean vNull = r.wasNull();
                double l = r.getDouble(6);
                boolean lNull = r.wasNull();
                return new Day(
                    d == null ? null : d.toLocalDate(),
                    r.getLong(2),
                    r.getLong(3),
                    vNull ? Double.NaN : v,
                    r.getLong(5),
                    lNull ? Double.NaN : l,
                    r.getLong(7),
                    r.getLong(8));
              });
    } catch (Database.QueryFailed e) {
      throw SloException.data(
          src.label()
              + ": the daily series of forecast '"
              + entry.name()
              + "' failed: "
              + e.getMessage(),
          null,
          e);
    }
    long nullTime = 0;
    long inRange = 0;
    long excluded = 0;
    java.util.TreeMap<java.time.LocalDate, Day> byDay = new java.util.TreeMap<>();
    for (Day d : rows) {
      if (d.day() == null) {
        nullTime += d.rows();
        continue;
      }
      inRange += d.rows();
      excluded += d.excluded();
      byDay.put(d.day(), d);
    }
    SourceStats stats = checkBadRows(src, rejects(src, watermark), inRange, excluded, nullTime);
    java.time.ZonedDateTime end = at.atZone(entry.source().zone());
    java.time.LocalDate partial = null;
    if (!end.toLocalDate().atStartOfDay(end.getZone()).toInstant().equals(at)) {
      partial = end.toLocalDate();
      if (byDay.remove(partial) == null) partial = null;
    }
    if (byDay.isEmpty()) {
      throw SloException.data(
          src.label() + " has no events before " + at + " for forecast '" + entry.name() + "'",
          "check the source's path, or pass a later --at");
    }
    if (entry.latency() != null && byDay.values().stream().allMatch(d -> d.latencyValues() == 0)) {
      SourceLocation loc =
          entry.latency().location() == null ? entry.location() : entry.latency().location();
      throw SloException.data(
          loc
              + ": forecast '"
              + entry.name()
              + "': latency column '"
              + entry.latency().column()
              + "' is empty (NULL) on every counted event in "
              + src.label(),
          "check the column name and the where filters");
    }
    java.time.LocalDate first = byDay.firstKey();
    java.time.LocalDate last = byDay.lastKey();
    int n = (int) java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1;
    List<java.time.LocalDate> days = new ArrayList<>(n);
    double[] volume = new double[n];
    double[] latency = entry.latency() == null ? null : new double[n];
    long[] events = new long[n];
    for (int i = 0; i < n; i++) {
      java.time.LocalDate day = first.plusDays(i);
      days.add(day);
      Day d = byDay.get(day);
      if (d == null) {
        // the export has no row at all that day: a gap, not a day without events
        volume[i] = Double.NaN;
        if (latency != null) latency[i] = Double.NaN;
        continue;
      }
      events[i] = d.events();
      // rows but none counted: nothing of this kind happened that day (a sum over no events is 0)
      volume[i] = d.events() == 0 ? 0 : d.volumeValues() == 0 ? Double.NaN : d.volume();
      if (latency != null) latency[i] = d.latencyValues() == 0 ? Double.NaN : d.latency();
    }
    return new DailySeries(entry, days, volume, latency, events, partial, stats);
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
  public ScanCompiler.CompiledScan compileScan(
      DataSource source, List<ScanCompiler.SloWindow> slos, Instant at) {
    Instant from =
        slos.stream().map(ScanCompiler.SloWindow::start).min(Instant::compareTo).orElse(at);
    return ScanCompiler.compile(bound(source), slos, from, at, (Duration) null, "scan", checker);
  }

  @Override
  public void close() {
    db.close();
  }
}
