package io.slotoolkit.spark;

import io.slotoolkit.engine.AdhocQuery;
import io.slotoolkit.engine.BoundSource;
import io.slotoolkit.engine.DailySeries;
import io.slotoolkit.engine.Database;
import io.slotoolkit.engine.Engine;
import io.slotoolkit.engine.EngineOptions;
import io.slotoolkit.engine.ExpressionChecker;
import io.slotoolkit.engine.FileProfiler;
import io.slotoolkit.engine.ProgressListener;
import io.slotoolkit.engine.ScanCompiler;
import io.slotoolkit.engine.ScanTable;
import io.slotoolkit.engine.SparkDialect;
import io.slotoolkit.engine.Sql;
import io.slotoolkit.engine.TimeColumn;
import io.slotoolkit.model.DataSource;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The engine on Apache Spark SQL: the same checked expressions and the same compiled single scan as
 * {@link io.slotoolkit.engine.DuckDbEngine}, run by Spark over the source files.
 *
 * <p>How: the scan compiler writes its scan in DuckDB's dialect; DuckDB's parser turns that text
 * into a tree and {@link SparkDialect} prints the tree as Spark SQL (refusing what has no
 * equivalent). Spark runs the scan over the files and returns its small result, the per-group
 * counts; they are loaded into an embedded, file-less DuckDB connection, where {@link ScanTable}
 * reads them exactly as after a DuckDB scan. So windows, alert windows, exclusions and report
 * segments are computed by one compiler and read by one reader on both engines.
 *
 * <p>Why this class is large: like the DuckDB engine it strings binding, checking, scanning and
 * reading together for each use case; the Spark specifics of sources are in {@link SparkSources}.
 */
public final class SparkEngine implements Engine {
  /** The engine's name for --engine and in outputs. */
  public static final String NAME = "spark";

  private final SparkSession spark;
  private final boolean ownsSession;
  private final Database db;
  private final ExpressionChecker checker;
  private final SparkSources sources;
  private final Map<DataSource, SparkSources.Bound> bound = new LinkedHashMap<>();
  private int scans;

  /**
   * An engine on {@code spark}; {@code ownsSession}: whether {@link #close} stops it (a test shares
   * one session between engines).
   */
  public SparkEngine(SparkSession spark, boolean ownsSession) {
    this.spark = spark;
    this.ownsSession = ownsSession;
    // DuckDB parses and checks expressions and holds scan results; it reads no file at all
    this.db = Database.open(new EngineOptions("256MB", 1));
    this.checker = new ExpressionChecker(db);
    this.sources = new SparkSources(spark, db);
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * With {@code -Dslo.spark.timings=true} (docs/bench-spark.sh sets it): one line on stderr per
   * step, so that a benchmark can show Spark's start-up apart from the scan.
   */
  static void timing(String step, long startNanos) {
    if (Boolean.getBoolean("slo.spark.timings"))
      System.err.printf(
          java.util.Locale.ROOT,
          "slo-spark-timing %s %.3f%n",
          step,
          (System.nanoTime() - startNanos) / 1e9);
  }

  // ---- binding

  @Override
  public void checkExpressions(List<Slo> slos) {
    List<ExpressionChecker.Item> items = new ArrayList<>(items(slos));
    for (DataSource s : slos.stream().map(Slo::source).distinct().toList())
      s.derived()
          .forEach((name, e) -> items.add(new ExpressionChecker.Item(e, derivedRole(s, name))));
    List<Problem> problems = new ArrayList<>(checker.checkShapes(items));
    for (DataSource s : slos.stream().map(Slo::source).distinct().toList())
      problems.addAll(timeFormat(s));
    if (problems.isEmpty()) for (ExpressionChecker.Item i : items) problems.addAll(translate(i));
    if (!problems.isEmpty()) throw SloException.spec(problems);
  }

  /**
   * The problem of a source whose {@code timestamp_format} pattern has no exact Spark translation
   * (exit 2, before anything is read); else none.
   */
  static List<Problem> timeFormat(DataSource s) {
    if (s.time().pattern() == null) return List.of();
    try {
      SparkTimeFormats.parse(s.time().pattern());
      return List.of();
    } catch (SparkTimeFormats.Unsupported e) {
      return List.of(
          new Problem(
              s.location(),
              "source '"
                  + s.name()
                  + "': timestamp_format '"
                  + s.time().pattern()
                  + "': "
                  + e.getMessage(),
              "see docs/scale-out.md, or run this source with --engine duckdb"));
    }
  }

  /** Every expression of these SLOs and their sources, with its role in messages. */
  private static List<ExpressionChecker.Item> items(List<Slo> slos) {
    List<ExpressionChecker.Item> items = new ArrayList<>();
    java.util.Set<DataSource> seen = new java.util.HashSet<>();
    for (Slo slo : slos) {
      DataSource s = slo.source();
      if (seen.add(s) && s.where() != null)
        items.add(new ExpressionChecker.Item(s.where(), "where"));
      if (slo.sli() instanceof Sli.Ratio r)
        items.add(new ExpressionChecker.Item(r.good(), role(slo, "good")));
      if (slo.sli().total() != null)
        items.add(new ExpressionChecker.Item(slo.sli().total(), role(slo, "total")));
      if (slo.sli() instanceof Sli.Counts c) {
        items.add(new ExpressionChecker.Item(c.goodCount(), role(slo, "counts good")));
        items.add(new ExpressionChecker.Item(c.validCount(), role(slo, "counts total")));
      }
    }
    return items;
  }

  private static String role(Slo slo, String key) {
    return "SLO '" + slo.name() + "': " + key;
  }

  /** The problem of an expression that has no Spark form, naming what is missing; else none. */
  private List<Problem> translate(ExpressionChecker.Item item) {
    try {
      sparkExpression(checker.checked(item.expression(), item.role()).sql());
      return List.of();
    } catch (SparkDialect.Untranslatable e) {
      return List.of(
          new Problem(
              item.expression().location(),
              item.role() + ": " + e.getMessage(),
              "see docs/scale-out.md for what each engine allows, or run it with --engine duckdb"));
    }
  }

  /** A DuckDB expression as Spark SQL. */
  String sparkExpression(String duckSql) {
    return SparkDialect.expression(serialize("SELECT " + duckSql));
  }

  private String serialize(String select) {
    return db.one("SELECT json_serialize_sql(" + Sql.literal(select) + ")", r -> r.getString(1));
  }

  @Override
  public void bind(List<Slo> slos) {
    bind(slos, List.of());
  }

  @Override
  public void bind(List<Slo> slos, List<DataSource> alsoRead) {
    checkExpressions(slos);
    List<Problem> spec = new ArrayList<>();
    List<Problem> data = new ArrayList<>();
    List<DataSource> all = new ArrayList<>(slos.stream().map(Slo::source).distinct().toList());
    for (DataSource s : alsoRead) if (!all.contains(s)) all.add(s);
    for (DataSource s : all) {
      if (bound.containsKey(s)) continue;
      try {
        long t0 = System.nanoTime();
        SparkSources.Bound b = sources.bind(s);
        timing("bind " + s.name(), t0);
        BoundSource withDerived = derived(b.source(), spec, data);
        if (withDerived != null)
          bound.put(s, new SparkSources.Bound(withDerived, b.badRows(), b.samples()));
      } catch (SloException e) {
        if (!e.problems().isEmpty()) data.addAll(e.problems());
        else data.add(new Problem(s.location(), e.getMessage(), e.hint()));
      }
    }
    // the DuckDB side reads nothing: every file is Spark's
    db.lockDown(List.of());
    for (Slo slo : slos) {
      SparkSources.Bound b = bound.get(slo.source());
      if (b == null) continue;
      BoundSource src = b.source();
      for (ExpressionChecker.Item item : items(List.of(slo)))
        if (!item.role().equals("where") || slo == firstOf(slos, slo.source()))
          typeCheck(item, src, spec, data);
      for (String col : slo.per())
        if (!src.columns().containsKey(col))
          data.add(
              new Problem(
                  slo.location(),
                  role(slo, "per column '" + col + "' is not in " + src.label()),
                  "columns: " + src.columnList()));
      for (String d : slo.dimensions())
        if (!src.columns().containsKey(d))
          data.add(
              new Problem(
                  slo.location(),
                  role(slo, "dimension '" + d + "' is not a column of " + src.label()),
                  "columns: " + src.columnList()));
      if (slo.sli() instanceof Sli.Latency l) {
        SourceLocation at = l.location() == null ? slo.location() : l.location();
        String type = src.columns().get(l.column());
        if (type == null)
          data.add(
              new Problem(
                  at,
                  role(slo, "latency column '" + l.column() + "' is not in " + src.label()),
                  "columns: " + src.columnList()));
        else if (!TimeColumn.isNumeric(type))
          data.add(
              new Problem(
                  at,
                  role(slo, "latency column '" + l.column() + "' is " + type + ", not a number"),
                  "latency columns hold numbers in the declared unit"));
      }
    }
    if (!spec.isEmpty()) {
      spec.addAll(data);
      throw SloException.spec(spec);
    }
    if (!data.isEmpty())
      throw SloException.dataProblems(
          data.size() == 1 ? data.get(0).render() : data.size() + " problems with the data", data);
  }

  private static String derivedRole(DataSource source, String name) {
    return "source '" + source.name() + "': derived column '" + name + "'";
  }

  /**
   * The source with its derived columns added (each checked expression printed for Spark and added
   * with {@code withColumn}, in a new view), or {@code b} itself when it has none; null, with the
   * problems added, when one fails. The checks are DuckDB's ({@code engine/DerivedColumns}): a name
   * that is already a file column or an expression that does not analyse is a spec problem, a
   * column the files do not have a data problem; a derived column reads file columns only.
   */
  private BoundSource derived(BoundSource b, List<Problem> spec, List<Problem> data) {
    DataSource source = b.source();
    if (source.derived().isEmpty()) return b;
    int before = spec.size() + data.size();
    String from = SparkDialect.ident(b.view());
    org.apache.spark.sql.Dataset<Row> view = spark.table(from);
    String fileColumns =
        String.join(", ", b.columns().keySet().stream().map(SparkDialect::ident).toList());
    for (Map.Entry<String, SqlExpression> d : source.derived().entrySet()) {
      String name = d.getKey();
      SqlExpression x = d.getValue();
      String role = derivedRole(source, name);
      if (b.columns().keySet().stream().anyMatch(c -> c.equalsIgnoreCase(name))) {
        spec.add(
            new Problem(
                x.location(),
                role + " has the name of a column of the files",
                "choose another name; a derived column may not hide a file column"));
        continue;
      }
      String sql;
      try {
        sql = sparkExpression(checker.checked(x, role).sql());
      } catch (SloException e) { // a source read besides the SLOs' is checked here first
        spec.addAll(e.problems());
        continue;
      } catch (SparkDialect.Untranslatable e) {
        spec.add(
            new Problem(
                x.location(),
                role + ": " + e.getMessage(),
                "see docs/scale-out.md for what each engine allows, or run it with --engine duckdb"));
        continue;
      }
      try {
        // over the file columns only, as on DuckDB (not the pattern's computed event time)
        spark
            .sql("SELECT " + sql + " AS v FROM (SELECT " + fileColumns + " FROM " + from + ")")
            .schema();
      } catch (Exception ex) {
        String missing = missingColumn(ex);
        if (missing != null) {
          Problem p = b.missingColumn(x.location(), role, missing);
          data.add(
              new Problem(
                  p.location(),
                  p.message(),
                  p.hint() + " (derived columns cannot read each other)"));
        } else spec.add(new Problem(x.location(), role + " fails on Spark: " + first(ex), null));
        continue;
      }
      view = view.withColumn(name, org.apache.spark.sql.functions.expr(sql));
    }
    if (spec.size() + data.size() > before) return null;
    Map<String, String> columns = new LinkedHashMap<>(b.columns());
    for (StructField f : view.schema().fields())
      if (source.derived().containsKey(f.name()))
        columns.put(f.name(), SparkSources.duckType(f.dataType()));
    String name = b.view() + "_derived";
    view.createOrReplaceTempView(name);
    return b.withView(name, columns);
  }

  private static Slo firstOf(List<Slo> slos, DataSource s) {
    for (Slo slo : slos) if (slo.source().equals(s)) return slo;
    return null;
  }

  /**
   * Analyses one expression against the source's view (no data is read): a missing column is a data
   * problem, a non-boolean test or another analysis error a spec problem.
   */
  private void typeCheck(
      ExpressionChecker.Item item, BoundSource src, List<Problem> spec, List<Problem> data) {
    SqlExpression e = item.expression();
    boolean counts = item.role().contains(": counts ");
    String sql = sparkExpression(checker.checked(e, item.role()).sql());
    try {
      DataType t =
          spark
              .sql("SELECT " + sql + " AS c FROM " + SparkDialect.ident(src.view()))
              .schema()
              .fields()[0]
              .dataType();
      String type = t.typeName();
      if (!counts && !type.equals("boolean"))
        spec.add(
            new Problem(
                e.location(),
                item.role() + " must be true or false for each event, but it is " + type,
                "for example: status < 500"));
    } catch (Exception ex) {
      String missing = missingColumn(ex);
      if (missing != null) data.add(src.missingColumn(e.location(), item.role(), missing));
      else spec.add(new Problem(e.location(), item.role() + " fails on Spark: " + first(ex), null));
    }
  }

  /** The column an analysis error says does not exist, or null. */
  static String missingColumn(Throwable ex) {
    if (ex instanceof AnalysisException a
        && a.getCondition() != null
        && a.getCondition().startsWith("UNRESOLVED_COLUMN")) {
      String name = a.getMessageParameters().get("objectName");
      if (name != null) return name.replace("`", "");
    }
    return null;
  }

  static String first(Throwable ex) {
    String m = String.valueOf(ex.getMessage());
    return m.lines().findFirst().orElse(m).strip();
  }

  @Override
  public BoundSource bound(DataSource source) {
    SparkSources.Bound b = bound.get(source);
    if (b == null) throw new IllegalStateException("source not bound: " + source.name());
    return b.source();
  }

  @Override
  public List<BoundSource> boundSources() {
    return bound.values().stream().map(SparkSources.Bound::source).toList();
  }

  /**
   * No cheap guess on Spark: a guess would read the files' tails outside Spark's reader, with its
   * own dialect handling. The default window end is then found by {@link #latestEvent} first, as
   * before.
   */
  @Override
  public java.util.Optional<Instant> latestEventEstimate(DataSource source) {
    return java.util.Optional.empty();
  }

  /**
   * The source's latest event ({@link #latestEvent}) and the scan at {@code at}: when that latest
   * event is before {@code at}, no row is at or after it and the counts are exact, as the contract
   * asks; otherwise the caller scans again at the window end the latest event gives.
   */
  @Override
  public OpenEndedScan scanToLatest(
      DataSource source, List<ScanCompiler.SloWindow> slos, Instant at) {
    LatestEvent latest = latestEvent(source);
    return new OpenEndedScan(scan(source, slos, at, (Duration) null), latest.latest());
  }

  /** {@code slo init} drafts with DuckDB only. */
  @Override
  public FileProfiler profiler() {
    throw SloException.spec(
        "slo init drafts a spec with the DuckDB engine only", "run slo init without --engine");
  }

  @Override
  public LatestEvent latestEvent(DataSource source) {
    BoundSource src = bound(source);
    String t = sparkExpression(src.time().epochMicros());
    try {
      Row r =
          spark
              .sql("SELECT count(1), max(" + t + ") FROM " + SparkDialect.ident(src.view()))
              .collectAsList()
              .get(0);
      return new LatestEvent(r.getLong(0), r.isNullAt(1) ? null : TimeColumn.instant(r.getLong(1)));
    } catch (Exception e) { // also Spark's undeclared AnalysisException
      throw SloException.data(src.label() + ": Spark could not read it: " + first(e), null, e);
    }
  }

  // ---- scans

  @Override
  public SourceScan scan(
      DataSource source, List<ScanCompiler.SloWindow> slos, Instant at, Duration bucket) {
    BoundSource src = bound(source);
    Instant from = slos.stream().map(w -> w.earliest(at)).min(Instant::compareTo).orElse(at);
    ScanCompiler.CompiledScan scan =
        ScanCompiler.compile(src, slos, from, at, bucket, "scan_" + (++scans), checker);
    return run(source, slos, at, scan);
  }

  @Override
  public SourceScan scan(
      DataSource source,
      List<ScanCompiler.SloWindow> slos,
      Instant from,
      Instant at,
      ScanCompiler.Extras extras) {
    BoundSource src = bound(source);
    ScanCompiler.CompiledScan scan =
        ScanCompiler.compile(src, slos, from, at, extras, "scan_" + (++scans), checker);
    return run(source, slos, at, scan);
  }

  /** The compiled scan's first statement (DuckDB's CREATE TABLE AS) as a Spark query. */
  String sparkScan(ScanCompiler.CompiledScan scan) {
    String create = scan.statements().get(0);
    int as = create.indexOf(" AS\n");
    if (!create.startsWith("CREATE OR REPLACE TEMP TABLE ") || as < 0)
      throw new IllegalStateException("unexpected scan statement: " + create);
    try {
      return SparkDialect.select(serialize(create.substring(as + 4)));
    } catch (SparkDialect.Untranslatable e) {
      throw SloException.spec(
          "the scan cannot run on Spark: " + e.getMessage(),
          "run these SLOs with --engine duckdb; see docs/scale-out.md");
    }
  }

  private SourceScan run(
      DataSource source,
      List<ScanCompiler.SloWindow> slos,
      Instant at,
      ScanCompiler.CompiledScan scan) {
    SparkSources.Bound b = bound.get(source);
    String sql = sparkScan(scan);
    List<Row> rows;
    StructType schema;
    long t0 = System.nanoTime();
    try {
      var df = spark.sql(sql);
      schema = df.schema();
      rows = df.collectAsList();
    } catch (
        Exception e) { // Spark's AnalysisException is a checked exception Scala does not declare
      String names = String.join(", ", slos.stream().map(s -> s.slo().name()).toList());
      throw SloException.data(
          b.source().label()
              + ": the Spark scan failed while evaluating "
              + names
              + ": "
              + first(e),
          first(e).contains("CAST_INVALID_INPUT")
              ? "Spark infers a column's type from every row: one value that is not a number makes"
                  + " the column text; fix the value, or compare with values of the column's type"
              : null,
          e);
    }
    timing("scan " + source.name(), t0);
    load(scan.table(), schema, rows);
    for (String statement : scan.statements().subList(1, scan.statements().size()))
      db.execute(statement);
    Map<Slo, List<GroupCounts>> counts = new LinkedHashMap<>();
    ScanTable table = new ScanTable(db, scan);
    long[] stats = table.readCounts(slos, at, counts);
    if (!scan.ageBounds().isEmpty()) table.readAlertWindows(slos, at, counts);
    SourceStats st = sources.check(b, stats[0], stats[1], stats[2]);
    return new SourceScan(counts, st, scan.table(), scan);
  }

  /** Loads Spark's result rows into a DuckDB temp table of the same columns. */
  private void load(String name, StructType schema, List<Row> rows) {
    StructField[] fields = schema.fields();
    List<String> cols = new ArrayList<>();
    for (StructField f : fields) {
      String type =
          switch (f.dataType().typeName()) {
            case "long" -> "BIGINT";
            case "integer" -> "INTEGER";
            case "string" -> "VARCHAR";
            default -> throw new IllegalStateException("scan column " + f + " not expected");
          };
      cols.add(Sql.ident(f.name()) + " " + type);
    }
    db.execute(
        "CREATE OR REPLACE TEMP TABLE " + Sql.ident(name) + " (" + String.join(", ", cols) + ")");
    StringBuilder values = new StringBuilder();
    int n = 0;
    for (Row r : rows) {
      values.append(n == 0 ? "" : ", ").append('(');
      for (int i = 0; i < fields.length; i++) {
        if (i > 0) values.append(", ");
        if (r.isNullAt(i)) values.append("NULL");
        else if (r.get(i) instanceof String s) values.append(Sql.literal(s));
        else values.append(r.get(i));
      }
      values.append(')');
      if (++n == 1000) {
        db.execute("INSERT INTO " + Sql.ident(name) + " VALUES " + values);
        values.setLength(0);
        n = 0;
      }
    }
    if (n > 0) db.execute("INSERT INTO " + Sql.ident(name) + " VALUES " + values);
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

  /** The scan as Spark runs it: its first statement in Spark SQL, the rest run in DuckDB. */
  @Override
  public ScanPlan compileScan(DataSource source, List<ScanCompiler.SloWindow> slos, Instant at) {
    Instant from =
        slos.stream().map(ScanCompiler.SloWindow::start).min(Instant::compareTo).orElse(at);
    BoundSource src = bound(source);
    ScanCompiler.CompiledScan c =
        ScanCompiler.compile(src, slos, from, at, (Duration) null, "scan", checker);
    List<String> statements = new ArrayList<>(c.statements());
    statements.set(0, sparkScan(c));
    return src.plan(statements, c.fetch());
  }

  // ---- series

  @Override
  public Map<Slo, List<GroupSeries>> minuteSeries(
      DataSource source, List<ScanCompiler.SloWindow> slos, Instant from, Instant to) {
    Map<Slo, List<GroupSeries>> out = new LinkedHashMap<>();
    for (ScanCompiler.SloWindow w : slos) out.put(w.slo(), new ArrayList<>());
    minuteSeries(source, slos, from, to, (slo, series) -> out.get(slo).add(series));
    return out;
  }

  @Override
  public void minuteSeries(
      DataSource source,
      List<ScanCompiler.SloWindow> slos,
      Instant from,
      Instant to,
      BiConsumer<Slo, GroupSeries> sink) {
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
      int p = slo.per().size();
      Map<List<String>, long[][]> groups = new LinkedHashMap<>();
      db.query(
          table.minuteSeriesQuery(i, slo),
          r -> {
            List<String> values = new ArrayList<>();
            for (int j = 0; j < p; j++) values.add(r.getString(1 + j));
            long[][] c = groups.computeIfAbsent(values, v -> new long[2][minutes]);
            int m = (int) (r.getLong(p + 1) - first);
            if (m >= 0 && m < minutes) {
              c[0][m] = r.getLong(p + 2);
              c[1][m] = r.getLong(p + 3);
            }
            return null;
          });
      for (var g : groups.entrySet()) {
        Group group = slo.per().isEmpty() ? null : new Group(slo.per(), g.getKey());
        sink.accept(
            slo, new GroupSeries(group, new MinuteSeries(from, g.getValue()[0], g.getValue()[1])));
      }
      if (groups.isEmpty() && slo.per().isEmpty())
        sink.accept(
            slo,
            new GroupSeries(null, new MinuteSeries(from, new long[minutes], new long[minutes])));
    }
    db.execute("DROP TABLE IF EXISTS " + Sql.ident(scan.table()));
  }

  // ---- what runs on DuckDB only

  private static SloException duckDbOnly(String what) {
    return SloException.spec(
        what + " runs on the DuckDB engine only", "leave out --engine spark for " + what);
  }

  @Override
  public void checkForecastExpressions(List<ForecastEntry> entries) {
    throw duckDbOnly("slo forecast");
  }

  @Override
  public void bindForecasts(List<ForecastEntry> entries) {
    throw duckDbOnly("slo forecast");
  }

  @Override
  public Instant defaultForecastEnd(DataSource source) {
    throw duckDbOnly("slo forecast");
  }

  @Override
  public DailySeries dailySeries(ForecastEntry entry, Instant at) {
    throw duckDbOnly("slo forecast");
  }

  @Override
  public AdhocQuery adhocQuery() {
    throw duckDbOnly("the shell's sql");
  }

  @Override
  public void progressListener(ProgressListener listener) {
    // Spark reports progress through its own UI and logs, which slo keeps off
  }

  @Override
  public void cancel() {
    spark.sparkContext().cancelAllJobs();
  }

  @Override
  public void close() {
    db.close();
    for (SparkSources.Bound b : bound.values()) spark.catalog().dropTempView(b.source().view());
    if (ownsSession) spark.stop();
  }
}
