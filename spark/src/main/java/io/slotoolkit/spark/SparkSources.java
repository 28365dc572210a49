package io.slotoolkit.spark;

import io.slotoolkit.engine.BoundSource;
import io.slotoolkit.engine.Database;
import io.slotoolkit.engine.Sql;
import io.slotoolkit.engine.TimeColumn;
import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.EventTime;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.SourceStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Sources on Spark: Parquet files, globs and {@code key=value} partition folders, CSV and JSON
 * lines, each registered as a temp view with its columns named in DuckDB's types (so that the scan
 * compiler and the time column read them as on DuckDB), and the row accounting of malformed rows.
 *
 * <p>Malformed rows: CSV and JSON lines are read PERMISSIVE with a corrupt-record column, every
 * field parsed ({@code spark.sql.csv.parser.columnPruning.enabled=false}), so a row with a value of
 * the wrong type, too few or too many fields, or broken JSON is flagged whatever columns a scan
 * reads. Flagged rows count nowhere but in the source's malformed rows, like DuckDB's rejects;
 * Spark does not know their line numbers, so a sample names the file and shows the row's text.
 */
final class SparkSources {
  /** The corrupt-record column slo adds to CSV and JSON schemas. */
  static final String CORRUPT = "_slo_corrupt_record";

  /**
   * The event instant of a source with a {@code timestamp_format} pattern, a column of its view
   * that is not one of the source's columns (expressions cannot name it on DuckDB either).
   */
  static final String EVENT_TIME = "_slo_event_time";

  private final SparkSession spark;
  private final Database db;

  SparkSources(SparkSession spark, Database db) {
    this.spark = spark;
    this.db = db;
  }

  /**
   * A bound source with the malformed rows found while binding it.
   *
   * @param source the source, its view a Spark temp view
   * @param badRows rows Spark could not parse (CSV, JSON lines); 0 for Parquet
   * @param samples up to three of them: file and text
   */
  record Bound(BoundSource source, long badRows, List<String> samples) {}

  Bound bind(DataSource source) {
    List<String> files = files(source);
    DataFormat format = format(source, files);
    String view = "slo_src_" + UUID.randomUUID().toString().replace("-", "");
    Dataset<Row> raw;
    long bad = 0;
    List<String> samples = new ArrayList<>();
    String[] paths = files.toArray(String[]::new);
    try {
      switch (format) {
        case PARQUET -> {
          DataFrameReader r = spark.read().option("mergeSchema", "true");
          String base = basePath(files);
          if (base != null) r = r.option("basePath", base);
          raw = r.parquet(paths);
        }
        case CSV, JSON -> {
          raw = text(source, format, paths);
          Row counts =
              raw.agg(
                      functions.count(functions.lit(1)),
                      functions.count(functions.col(CORRUPT)),
                      // a column besides the corrupt one: Spark refuses a query of that one alone
                      functions.count(functions.col(quoted(source.time().column()))))
                  .collectAsList()
                  .get(0);
          bad = counts.getLong(1);
          if (bad > 0) {
            for (Row r :
                raw.filter(functions.col(CORRUPT).isNotNull())
                    // the file source's hidden metadata column: input_file_name() is dropped
                    // (and the time column: Spark refuses a query of the corrupt column alone)
                    .select(
                        functions.col("_metadata.file_path"),
                        functions.col(CORRUPT),
                        functions.col(quoted(source.time().column())))
                    .limit(3)
                    .collectAsList()) {
              samples.add(
                  display(r.getString(0))
                      + " (Spark does not report line numbers): "
                      + abbreviate(r.getString(1)));
            }
          }
          List<String> keep = new ArrayList<>();
          for (String c : raw.columns()) if (!c.equals(CORRUPT)) keep.add(quoted(c));
          raw = raw.filter(functions.col(CORRUPT).isNull()).selectExpr(keep.toArray(String[]::new));
        }
        default ->
            throw SloException.spec(
                "source '"
                    + source.name()
                    + "': format "
                    + format.name().toLowerCase(Locale.ROOT)
                    + " is not supported with --engine spark",
                "Spark reads parquet, csv and json lines; run this source with --engine duckdb");
      }
    } catch (SloException e) {
      throw e;
    } catch (Exception e) { // also Spark's undeclared AnalysisException (a missing file)
      throw SloException.data(
          "source '"
              + source.name()
              + "': Spark could not read "
              + fileList(files)
              + ": "
              + SparkEngine.first(e),
          null,
          e);
    }
    Map<String, String> columns = new LinkedHashMap<>();
    for (StructField f : raw.schema().fields()) columns.put(f.name(), duckType(f.dataType()));
    TimeColumn time = TimeColumn.of(source, columns);
    if (time.kind() == TimeColumn.Kind.PATTERN_TEXT) {
      List<Problem> refused = SparkEngine.timeFormat(source);
      if (!refused.isEmpty()) throw SloException.spec(refused);
      // DuckDB's strptime has no Spark function: the instant is computed beside the columns
      // (SparkTimeFormats), in a column the scan reads as it reads a TIMESTAMPTZ column
      raw =
          raw.withColumn(
              EVENT_TIME,
              functions.expr(
                  SparkTimeFormats.instant(
                      quoted(source.time().column()), time.pattern(), time.naiveZone())));
      time =
          new TimeColumn(
              Sql.ident(EVENT_TIME),
              TimeColumn.Kind.INSTANT,
              time.naiveZone(),
              null,
              time.rowCheck());
    }
    raw.createOrReplaceTempView(view);
    BoundSource b = new BoundSource(source, view, files, format, columns, time, null, null);
    return new Bound(b, bad, samples);
  }

  /**
   * CSV or JSON lines, PERMISSIVE with the corrupt-record column; the event time column is read as
   * text, so that naive times take the source's zone as on DuckDB.
   */
  private Dataset<Row> text(DataSource source, DataFormat format, String[] paths) {
    DataFrameReader infer = spark.read();
    if (format == DataFormat.CSV) infer = csvOptions(infer, source).option("inferSchema", "true");
    StructType inferred =
        format == DataFormat.CSV ? infer.csv(paths).schema() : infer.json(paths).schema();
    List<StructField> fields = new ArrayList<>();
    String time = source.time().column();
    boolean textTime =
        source.time().encoding() == EventTime.Encoding.AUTO
            || source.time().encoding() == EventTime.Encoding.PATTERN;
    for (StructField f : inferred.fields()) {
      if (f.name().equals("_corrupt_record") || f.name().equals(CORRUPT)) continue;
      DataType t = textTime && f.name().equals(time) ? DataTypes.StringType : f.dataType();
      fields.add(DataTypes.createStructField(f.name(), t, true));
    }
    fields.add(DataTypes.createStructField(CORRUPT, DataTypes.StringType, true));
    StructType schema = DataTypes.createStructType(fields);
    DataFrameReader r =
        spark
            .read()
            .schema(schema)
            .option("mode", "PERMISSIVE")
            .option("columnNameOfCorruptRecord", CORRUPT);
    if (format == DataFormat.CSV) return csvOptions(r, source).csv(paths);
    return r.json(paths);
  }

  private static DataFrameReader csvOptions(DataFrameReader r, DataSource source) {
    var d = source.csv();
    r = r.option("header", d.header() == null ? "true" : d.header().toString());
    if (d.delimiter() != null) r = r.option("sep", d.delimiter());
    if (d.quote() != null) r = r.option("quote", d.quote());
    if (d.escape() != null) r = r.option("escape", d.escape());
    if (d.nullString() != null) r = r.option("nullValue", d.nullString());
    // a time without offset stays text (see text()); other columns are numbers, text or booleans
    return r.option("enforceSchema", "false");
  }

  /**
   * The source's row accounting after a scan: rows Spark could not parse and rows without a
   * readable event time are malformed; a data error (exit 3) when they exceed max_bad_rows.
   */
  SourceStats check(Bound b, long inRange, long excluded, long nullTime) {
    BoundSource src = b.source();
    DataSource source = src.source();
    long bad = b.badRows() + nullTime;
    List<String> samples = new ArrayList<>();
    if (b.badRows() > 0)
      samples.add(b.badRows() + " row(s) Spark could not parse (CSV fields or JSON)");
    samples.addAll(b.samples());
    if (nullTime > 0)
      samples.add(
          nullTime
              + " row(s) have an empty, unreadable or out-of-range event time in column '"
              + source.time().column()
              + "'"
              + (src.time().rowCheck() == null ? "" : ", or a NaN or infinite number"));
    if (bad > source.maxBadRows()) {
      List<Problem> problems = new ArrayList<>();
      for (String s : samples) problems.add(new Problem(source.location(), s, null));
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

  /** DuckDB's name of a Spark type, as the scan compiler and time column expect. */
  static String duckType(DataType t) {
    if (t instanceof DecimalType d) return "DECIMAL(" + d.precision() + "," + d.scale() + ")";
    return switch (t.typeName()) {
      case "string" -> "VARCHAR";
      case "integer" -> "INTEGER";
      case "long" -> "BIGINT";
      case "short" -> "SMALLINT";
      case "byte" -> "TINYINT";
      case "double" -> "DOUBLE";
      case "float" -> "FLOAT";
      case "boolean" -> "BOOLEAN";
      case "date" -> "DATE";
      case "timestamp" -> "TIMESTAMP WITH TIME ZONE";
      case "timestamp_ntz" -> "TIMESTAMP";
      case "binary" -> "BLOB";
      default -> t.typeName().toUpperCase(Locale.ROOT);
    };
  }

  /** The source's files: its paths, globs expanded (by DuckDB's glob, before it is locked down). */
  private List<String> files(DataSource source) {
    TreeSet<String> files = new TreeSet<>();
    for (String pattern : source.paths()) {
      boolean glob = pattern.matches(".*[*?\\[{].*");
      List<String> matched =
          glob
              ? db.query("SELECT file FROM glob(" + Sql.literal(pattern) + ")", r -> r.getString(1))
              : Files.exists(Path.of(pattern)) ? List.of(pattern) : List.of();
      if (matched.isEmpty())
        throw SloException.data(
            "source '"
                + source.name()
                + "': "
                + (glob ? "no file matches " : "file not found: ")
                + pattern,
            "check the path; relative paths are resolved against the spec file's folder");
      for (String m : matched) {
        Path p = Path.of(m).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p))
          throw SloException.data(
              "source '" + source.name() + "': " + display(p.toString()) + " is not a regular file",
              "name the files, for example " + p.resolve("*.parquet"));
        files.add(p.toString());
      }
    }
    return List.copyOf(files);
  }

  private static DataFormat format(DataSource source, List<String> files) {
    if (source.format() != DataFormat.AUTO) return source.format();
    DataFormat seen = null;
    for (String f : files) {
      String n = f.toLowerCase(Locale.ROOT);
      DataFormat d =
          n.endsWith(".parquet")
              ? DataFormat.PARQUET
              : n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".csv.gz")
                  ? DataFormat.CSV
                  : n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")
                      ? DataFormat.JSON
                      : null;
      if (d == null)
        throw SloException.spec(
            "source '" + source.name() + "': cannot tell the format of " + display(f),
            "set format: parquet, csv or json");
      if (seen != null && seen != d)
        throw SloException.spec(
            "source '" + source.name() + "': its files are of different formats",
            "one format per source");
      seen = d;
    }
    return seen;
  }

  /**
   * The folder above the first {@code key=value} folder of the files, for Spark's partition
   * discovery (a glob into those folders would otherwise lose the partition columns); null when
   * there is none.
   */
  static String basePath(List<String> files) {
    Path first = Path.of(files.get(0));
    for (int i = 0; i < first.getNameCount() - 1; i++) {
      if (first.getName(i).toString().contains("=")) {
        Path base = first.getRoot();
        for (int j = 0; j < i; j++) base = base.resolve(first.getName(j));
        return base.toString();
      }
    }
    return null;
  }

  private static String quoted(String column) {
    return "`" + column.replace("`", "``") + "`";
  }

  private static String abbreviate(String s) {
    if (s == null) return "";
    String one = s.replace("\n", " ");
    return one.length() > 200 ? one.substring(0, 200) + "..." : one;
  }

  static String display(String file) {
    String f = file.startsWith("file:") ? java.net.URI.create(file).getPath() : file;
    Path abs = Path.of(f).toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }

  private static String fileList(List<String> files) {
    return files.size() == 1 ? display(files.get(0)) : files.size() + " files";
  }

  static SourceLocation at(DataSource s) {
    return s.location();
  }
}
