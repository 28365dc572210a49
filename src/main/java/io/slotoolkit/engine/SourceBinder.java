package io.slotoolkit.engine;

import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.EventTime;
import io.slotoolkit.model.SloException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Registers sources as DuckDB views: expands globs, skips empty files, decides formats, binds each
 * format to its reader ({@link CsvSource}, {@link ParquetSource}, {@link JsonLinesSource}, {@link
 * AccessLogSource}), then checks epoch units and adds derived columns.
 */
final class SourceBinder {
  private final Database db;
  private int counter;

  private final ExpressionChecker checker;
  private final CsvSource csv;

  /** A binder whose derived columns go through {@code checker}, as every expression does. */
  SourceBinder(Database db, ExpressionChecker checker) {
    this.db = db;
    this.checker = checker;
    this.csv = new CsvSource(db);
  }

  /** What binding learned from each file in earlier runs; null for none (see {@link BindMemo}). */
  private BindMemo memo;

  /** Binds CSV and Parquet sources from now on with {@code memo} (see {@link BindMemo}). */
  void bindMemo(BindMemo memo) {
    this.memo = memo;
    csv.bindMemo(memo);
  }

  /** Malformed lines of the bound JSON lines and access log sources, by view. */
  private final Map<DataSource, MalformedLines> malformed = new java.util.HashMap<>();

  /**
   * A source bound by one of the line readers, with the lines it could not read.
   *
   * @param source the bound source
   * @param malformed its malformed lines
   */
  record Bound(BoundSource source, MalformedLines malformed) {}

  BoundSource bind(DataSource source) {
    TreeSet<String> all = expand(source);
    List<String> empty = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (String f : all) (size(f) == 0 ? empty : files).add(f);
    if (files.isEmpty()) {
      throw SloException.data(
          "source '"
              + source.name()
              + "': "
              + (empty.size() == 1
                  ? DuckDbEngine.display(empty.get(0)) + " is empty (0 bytes)"
                  : "all " + empty.size() + " files are empty (0 bytes)"),
          "the export wrote nothing; check the path and the job that writes it");
    }
    DataFormat format = formatOf(source, files);
    int n = ++counter;
    String view = "src_" + n;
    Map<String, String> parts = PartitionColumns.of(source, files);
    BoundSource b =
        switch (format) {
          case PARQUET -> ParquetSource.bind(db, source, view, files, parts, memo);
          case JSON -> lines(JsonLinesSource.bind(db, source, view, files, parts));
          case ACCESS_LOG -> lines(AccessLogSource.bind(db, source, view, files, parts));
          default -> csv.bind(source, view, files, n, parts);
        };
    EpochUnitCheck.check(db, b);
    b = DerivedColumns.bind(db, checker, b);
    if (empty.isEmpty()) return b;
    List<String> notes = new ArrayList<>(b.notes());
    notes.add(0, skippedNote(empty));
    return b.withNotes(notes);
  }

  private BoundSource lines(Bound b) {
    malformed.put(b.source().source(), b.malformed());
    return b.source();
  }

  /** How to read samples of a CSV source's last lines (empty for other formats). */
  List<LatestEventEstimate.Reader> tailReaders(DataSource source) {
    return csv.tailReaders(source);
  }

  /** The malformed lines found when a JSON lines or access log source was bound. */
  MalformedLines malformed(BoundSource src) {
    return malformed.getOrDefault(src.source(), MalformedLines.NONE);
  }

  /** {@code skipped 2 empty files (0 bytes): a.csv, b.csv}, listing at most three. */
  private static String skippedNote(List<String> empty) {
    List<String> names = empty.stream().limit(3).map(DuckDbEngine::display).toList();
    return "skipped "
        + empty.size()
        + (empty.size() == 1 ? " empty file" : " empty files")
        + " (0 bytes): "
        + String.join(", ", names)
        + (empty.size() > 3 ? ", ..." : "");
  }

  private static long size(String file) {
    try {
      return Files.size(Path.of(file));
    } catch (java.io.IOException e) {
      return -1; // reported by the reader, with DuckDB's reason
    }
  }

  private TreeSet<String> expand(DataSource source) {
    TreeSet<String> files = new TreeSet<>();
    for (String pattern : source.paths()) {
      if (!hasGlob(pattern)) {
        Path p = Path.of(pattern);
        if (!Files.exists(p)) {
          throw SloException.data(
              "source '" + source.name() + "': file not found: " + pattern,
              "check the path; relative paths are resolved against the spec file's folder");
        }
        if (Files.isDirectory(p)) {
          throw SloException.data(
              "source '" + source.name() + "': " + pattern + " is a folder",
              "name the files, for example " + p.resolve("*.parquet"));
        }
        regularFile(source, p);
        if (!Files.isReadable(p)) {
          throw SloException.data(
              "source '" + source.name() + "': cannot read " + pattern + " (permission denied)",
              null);
        }
        files.add(p.toAbsolutePath().normalize().toString());
      } else {
        List<String> matched =
            db.query("SELECT file FROM glob(" + Sql.literal(pattern) + ")", r -> r.getString(1));
        if (matched.isEmpty()) {
          throw SloException.data(
              "source '" + source.name() + "': no file matches " + pattern,
              "check the pattern; relative paths are resolved against the spec file's folder");
        }
        for (String m : matched) {
          Path p = Path.of(m).toAbsolutePath().normalize();
          regularFile(source, p);
          files.add(p.toString());
        }
      }
    }
    return files;
  }

  /**
   * A FIFO, socket or device would block the reader forever (or never end): only regular files are
   * read.
   */
  private static void regularFile(DataSource source, Path p) {
    if (!Files.isRegularFile(p)) {
      throw SloException.data(
          "source '"
              + source.name()
              + "': "
              + DuckDbEngine.display(p.toString())
              + " is not a regular file (a pipe, socket or device)",
          "export the data to a file and point path: at it");
    }
  }

  private static boolean hasGlob(String pattern) {
    return pattern.contains("*")
        || pattern.contains("?")
        || pattern.contains("[")
        || pattern.contains("{");
  }

  private static DataFormat formatOf(DataSource source, List<String> files) {
    if (source.format() != DataFormat.AUTO) return source.format();
    DataFormat seen = null;
    for (String f : files) {
      DataFormat this_ = byExtension(f);
      if (this_ == null) {
        throw SloException.data(
            "source '"
                + source.name()
                + "': cannot tell the format of "
                + f
                + " from its extension",
            "set format: csv, parquet, json or access_log on the source (known extensions: .csv"
                + " .tsv .txt .parquet .pq .json .jsonl .ndjson .log, also with .gz or .zst)");
      }
      if (seen != null && seen != this_) {
        throw SloException.data(
            "source '"
                + source.name()
                + "' mixes "
                + seen.name().toLowerCase(Locale.ROOT)
                + " and "
                + this_.name().toLowerCase(Locale.ROOT)
                + " files ("
                + f
                + ")",
            "give each format its own source");
      }
      seen = this_;
    }
    return seen;
  }

  /** The data error for the files of one source whose columns differ, each difference named. */
  static SloException filesDiffer(DataSource source, List<String> problems) {
    return SloException.data(
        "source '" + source.name() + "': its files differ: " + String.join("; ", problems),
        "make the exports agree, set missing_columns: null on the source to read a missing"
            + " column as NULL, or give the files of each shape their own source");
  }

  static DataFormat byExtension(String file) {
    String f = file.toLowerCase(Locale.ROOT);
    for (String z : new String[] {".gz", ".zst"})
      if (f.endsWith(z)) f = f.substring(0, f.length() - z.length());
    if (f.endsWith(".parquet") || f.endsWith(".pq")) return DataFormat.PARQUET;
    if (f.endsWith(".csv") || f.endsWith(".tsv") || f.endsWith(".txt")) return DataFormat.CSV;
    if (f.endsWith(".json") || f.endsWith(".jsonl") || f.endsWith(".ndjson"))
      return DataFormat.JSON;
    if (f.endsWith(".log")) return DataFormat.ACCESS_LOG;
    return null;
  }

  static String fileList(List<String> files) {
    List<String> shown = files.stream().limit(3).map(DuckDbEngine::display).toList();
    return (files.size() == 1 ? "" : files.size() + " files: ")
        + String.join(", ", shown)
        + (files.size() > 3 ? ", ..." : "");
  }

  /** {@code column 'customer' is missing from a-1.csv: read as NULL in its 2 rows}. */
  static String nullNote(String column, List<String> lacking, long rows) {
    return "column '"
        + column
        + "' is missing from "
        + fileList(lacking)
        + ": read as NULL in "
        + (lacking.size() == 1 ? "its " : "their ")
        + String.format(Locale.ROOT, "%,d", rows)
        + (rows == 1 ? " row" : " rows");
  }

  static Map<String, String> describe(
      Database db, DataSource source, String reader, List<String> files) {
    try {
      Map<String, String> columns = new LinkedHashMap<>();
      db.query(
          "DESCRIBE SELECT * FROM " + reader, r -> columns.put(r.getString(1), r.getString(2)));
      return columns;
    } catch (Database.QueryFailed e) {
      String msg = e.getMessage();
      if (!reader.startsWith("read_parquet")) {
        SloException tooLong = CsvLines.overlongLine(db, source, files);
        if (tooLong != null) throw tooLong;
      }
      String hint = null;
      if (msg.contains("magic bytes")
          || msg.contains("not a parquet file")
          || msg.contains("Invalid Input")) {
        hint =
            reader.startsWith("read_parquet")
                ? "is it a whole Parquet file? an interrupted copy or export lacks the footer;"
                    + " set format: on the source if the extension misleads"
                : "is it really a CSV file? set format: on the source if the extension misleads";
      }
      throw SloException.data(
          "source '"
              + source.name()
              + "': cannot read "
              + (files.size() == 1 ? files.get(0) : files.size() + " files")
              + ": "
              + msg,
          hint,
          e);
    }
  }

  static TimeColumn timeColumn(DataSource source, Map<String, String> columns) {
    EventTime t = source.time();
    String type = columns.get(t.column());
    if (type == null) {
      throw SloException.data(
          "source '"
              + source.name()
              + "': timestamp column '"
              + t.column()
              + "' does not exist; columns: "
              + String.join(", ", columns.keySet()),
          "set timestamp: to one of the columns");
    }
    TimeColumn.Kind kind = TimeColumn.kindFor(type, t.encoding());
    if (kind == null) {
      String hint =
          switch (t.encoding()) {
            case AUTO -> "numbers need timestamp_format: epoch_s, epoch_ms or epoch_us";
            case PATTERN -> "a strptime pattern needs a text column";
            default ->
                "epoch formats need a numeric column; use timestamp_format: auto for timestamps and ISO-8601 text";
          };
      throw SloException.data(
          "source '"
              + source.name()
              + "': column '"
              + t.column()
              + "' is "
              + type
              + ", which timestamp_format "
              + t.encoding().name().toLowerCase(Locale.ROOT)
              + " cannot read",
          hint);
    }
    return new TimeColumn(
        Sql.ident(t.column()), kind, t.naiveZone(), t.pattern(), finiteNumbers(columns));
  }

  /**
   * NaN and infinite values of float columns make their row malformed: a NaN latency would count as
   * slow or not at random, {@code -inf} as the fastest request. Null when no column is a float.
   */
  static String finiteNumbers(Map<String, String> columns) {
    List<String> checks = new ArrayList<>();
    for (var e : columns.entrySet()) {
      String type = e.getValue().toUpperCase(Locale.ROOT);
      if (type.equals("DOUBLE") || type.equals("FLOAT") || type.equals("REAL")) {
        String c = Sql.ident(e.getKey());
        checks.add("(" + c + " IS NULL OR isfinite(" + c + "))");
      }
    }
    return checks.isEmpty() ? null : String.join(" AND ", checks);
  }
}
