package io.slotoolkit.engine;

import io.slotoolkit.model.CsvDialect;
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
 * Registers sources as DuckDB views: expands globs, decides formats, sniffs CSV, types the time
 * column.
 */
final class SourceBinder {
  private final Database db;
  private int counter;

  SourceBinder(Database db) {
    this.db = db;
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
    List<String> files = expand(source);
    DataFormat format = formatOf(source, files);
    int n = ++counter;
    String view = "src_" + n;
    Map<String, String> parts = PartitionColumns.of(source, files);
    BoundSource b =
        switch (format) {
          case PARQUET -> bindParquet(source, view, files, parts);
          case JSON -> lines(JsonLinesSource.bind(db, source, view, files, parts));
          case ACCESS_LOG -> lines(AccessLogSource.bind(db, source, view, files, parts));
          default -> bindCsv(source, view, files, n, parts);
        };
    EpochUnitCheck.check(db, b);
    return DerivedColumns.bind(db, b);
  }

  private BoundSource lines(Bound b) {
    malformed.put(b.source().source(), b.malformed());
    return b.source();
  }

  /** The malformed lines found when a JSON lines or access log source was bound. */
  MalformedLines malformed(BoundSource src) {
    return malformed.getOrDefault(src.source(), MalformedLines.NONE);
  }

  private List<String> expand(DataSource source) {
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
        for (String m : matched) files.add(Path.of(m).toAbsolutePath().normalize().toString());
      }
    }
    return new ArrayList<>(files);
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

  private BoundSource bindParquet(
      DataSource source, String view, List<String> files, Map<String, String> parts) {
    if (!parts.isEmpty()) {
      PartitionColumns.checkNoClash(
          source,
          parts,
          describe(
                  source,
                  "read_parquet(" + Sql.literal(files.get(0)) + ", hive_partitioning = false)",
                  files)
              .keySet(),
          0);
    }
    String reader =
        "read_parquet("
            + Sql.literalList(files)
            + ", union_by_name = true"
            + PartitionColumns.readerOptions(parts)
            + ")";
    Map<String, String> columns = describe(source, reader, files);
    TimeColumn time = timeColumn(source, columns);
    db.execute("CREATE TEMP VIEW " + Sql.ident(view) + " AS SELECT * FROM " + reader);
    return new BoundSource(source, view, files, DataFormat.PARQUET, columns, time, null, null);
  }

  private BoundSource bindCsv(
      DataSource source, String view, List<String> files, int n, Map<String, String> parts) {
    // Sniff once, with ignore_errors so that a few malformed lines cannot defeat the sniffer; every
    // later query reads through an explicit dialect and column list and never sniffs again.
    String sniffOptions = dialectOptions(source.csv(), files) + ", ignore_errors = true";
    Map<String, String> sniffed =
        describe(
            source,
            "read_csv("
                + Sql.literalList(files)
                + sniffOptions
                + PartitionColumns.readerOptions(Map.of())
                + ")",
            files);
    // partition columns come from the folders, never from the files' column list
    PartitionColumns.checkNoClash(source, parts, sniffed.keySet(), 0);
    String dialect =
        sniffDialect(source, files.get(0), sniffOptions) + PartitionColumns.readerOptions(parts);
    String raw =
        "read_csv("
            + Sql.literalList(files)
            + dialect
            + ", columns = "
            + struct(sniffed.keySet(), c -> "VARCHAR")
            + ", ignore_errors = true, null_padding = true)";
    long rows =
        db.one("SELECT count(*) FROM (SELECT 1 FROM " + raw + " LIMIT 1)", r -> r.getLong(1));
    if (rows == 0) {
      throw SloException.data(
          "source '"
              + source.name()
              + "': no data rows in "
              + (files.size() == 1 ? files.get(0) : "any of " + files.size() + " files"),
          "the export is empty (a header at most); check the path");
    }
    String tsCol = source.time().column();
    String tsType = sniffed.get(tsCol);
    if (tsType == null) {
      throw SloException.data(
          "source '"
              + source.name()
              + "': timestamp column '"
              + tsCol
              + "' not found in "
              + files.get(0)
              + "; columns: "
              + String.join(", ", sniffed.keySet()),
          sniffed.size() == 1
              ? "the CSV sniffer found a single column: set csv: {delimiter: ',', header: true} on the source"
              : "set timestamp: to one of the columns");
    }
    // Declare the types a bad value must be caught in: DuckDB then reports each malformed row with
    // its
    // line in the rejects table, instead of failing the whole scan or reading the column as text.
    Map<String, String> types = new LinkedHashMap<>(sniffed);
    types.putAll(mostlyTyped(raw, sniffed, tsCol));
    EventTime t = source.time();
    switch (t.encoding()) {
      case AUTO -> {
        if (tsType.equals("VARCHAR")
            && t.naiveZone().normalized().equals(java.time.ZoneOffset.UTC)) {
          types.put(tsCol, "TIMESTAMPTZ");
        }
      }
      case EPOCH_S -> types.put(tsCol, "DOUBLE");
      case EPOCH_MS, EPOCH_US -> types.put(tsCol, "BIGINT");
      // read_csv cannot type a column as TIMESTAMPTZ through a pattern with %z (every row fails
      // to convert): such text stays text, and try_strptime in TimeColumn reads its offsets.
      case PATTERN -> types.put(tsCol, zonedPattern(t) ? "VARCHAR" : "TIMESTAMP");
    }
    StringBuilder opts =
        new StringBuilder(dialect)
            .append(", columns = ")
            .append(struct(types.keySet(), types::get));
    if (t.encoding() == EventTime.Encoding.PATTERN && !zonedPattern(t))
      opts.append(", timestampformat = ").append(Sql.literal(t.pattern()));
    String rejects = "slo_rejects_" + n;
    String scans = "slo_reject_scans_" + n;
    opts.append(", store_rejects = true, rejects_table = ")
        .append(Sql.literal(rejects))
        .append(", rejects_scan = ")
        .append(Sql.literal(scans));
    String reader = "read_csv(" + Sql.literalList(files) + opts + ")";
    Map<String, String> columns = describe(source, reader, files);
    TimeColumn time = timeColumn(source, columns);
    db.execute("CREATE TEMP VIEW " + Sql.ident(view) + " AS SELECT * FROM " + reader);
    return new BoundSource(source, view, files, DataFormat.CSV, columns, time, rejects, scans);
  }

  /**
   * The dialect the sniffer found in the first file, as explicit read_csv options (auto_detect
   * off).
   */
  private String sniffDialect(DataSource source, String file, String sniffOptions) {
    try {
      return db.one(
          "SELECT Delimiter, Quote, Escape, HasHeader, SkipRows, Comment, DateFormat, TimestampFormat FROM sniff_csv("
              + Sql.literal(file)
              + sniffOptions
                  .replace(", union_by_name = true", "")
                  .replace(", union_by_name = false", "")
              + ")",
          r -> {
            StringBuilder b = new StringBuilder(", auto_detect = false");
            b.append(", delim = ").append(Sql.literal(r.getString(1)));
            b.append(", quote = ").append(Sql.literal(unempty(r.getString(2))));
            b.append(", escape = ").append(Sql.literal(unempty(r.getString(3))));
            b.append(", header = ").append(r.getBoolean(4));
            b.append(", skip = ").append(r.getLong(5));
            String comment = unempty(r.getString(6));
            if (!comment.isEmpty()) b.append(", comment = ").append(Sql.literal(comment));
            if (r.getString(7) != null)
              b.append(", dateformat = ").append(Sql.literal(r.getString(7)));
            if (r.getString(8) != null)
              b.append(", timestampformat = ").append(Sql.literal(r.getString(8)));
            if (source.csv().nullString() != null)
              b.append(", nullstr = ").append(Sql.literal(source.csv().nullString()));
            return b.toString();
          });
    } catch (Database.QueryFailed e) {
      throw SloException.data(
          "source '" + source.name() + "': cannot read " + file + " as CSV: " + e.getMessage(),
          "set csv: {delimiter: ..., quote: ..., header: ...} on the source",
          e);
    }
  }

  private static boolean zonedPattern(EventTime t) {
    return t.pattern().contains("%z") || t.pattern().contains("%Z");
  }

  /** DuckDB prints an absent quote or escape character as {@code (empty)}. */
  private static String unempty(String s) {
    return s == null || s.equals("(empty)") ? "" : s;
  }

  private static String struct(
      java.util.Collection<String> names, java.util.function.Function<String, String> type) {
    StringBuilder b = new StringBuilder("{");
    boolean first = true;
    for (String c : names) {
      b.append(first ? "" : ", ")
          .append(Sql.literal(c))
          .append(": ")
          .append(Sql.literal(type.apply(c)));
      first = false;
    }
    return b.append('}').toString();
  }

  /**
   * Text columns whose sampled values nearly all read as one type (at most one in a hundred, or
   * one, does not): the sniffer chose text because of a few bad values. Declaring the type turns
   * those values into rejected rows with their line numbers, instead of silently changing the
   * column's type.
   */
  private Map<String, String> mostlyTyped(
      String reader, Map<String, String> sniffed, String tsCol) {
    List<String> text =
        sniffed.entrySet().stream()
            .filter(e -> e.getValue().equals("VARCHAR"))
            .map(Map.Entry::getKey)
            .filter(c -> !c.equals(tsCol))
            .toList();
    Map<String, String> types = new LinkedHashMap<>();
    if (text.isEmpty()) return types;
    String[] candidates = {"BIGINT", "DOUBLE", "BOOLEAN"};
    StringBuilder q = new StringBuilder("SELECT ");
    for (int i = 0; i < text.size(); i++) {
      String c = Sql.ident(text.get(i));
      q.append(i == 0 ? "" : ", ").append("count(").append(c).append(")");
      for (String t : candidates)
        q.append(", count(TRY_CAST(").append(c).append(" AS ").append(t).append("))");
    }
    q.append(" FROM (SELECT * FROM ").append(reader).append(" LIMIT 20000)");
    db.query(
        q.toString(),
        r -> {
          for (int i = 0; i < text.size(); i++) {
            long n = r.getLong(1 + i * (candidates.length + 1));
            for (int k = 0; k < candidates.length; k++) {
              long ok = r.getLong(2 + i * (candidates.length + 1) + k);
              if (n >= 5 && ok < n && n - ok <= Math.max(1, n / 100)) {
                types.put(text.get(i), candidates[k]);
                break;
              }
            }
          }
          return null;
        });
    return types;
  }

  private static String dialectOptions(CsvDialect d, List<String> files) {
    StringBuilder b =
        new StringBuilder(", auto_detect = true, union_by_name = " + (files.size() > 1));
    b.append(", header = ").append(d.header() == null || d.header());
    if (d.delimiter() != null) b.append(", delim = ").append(Sql.literal(d.delimiter()));
    if (d.quote() != null) b.append(", quote = ").append(Sql.literal(d.quote()));
    if (d.escape() != null) b.append(", escape = ").append(Sql.literal(d.escape()));
    if (d.nullString() != null) b.append(", nullstr = ").append(Sql.literal(d.nullString()));
    return b.toString();
  }

  private Map<String, String> describe(DataSource source, String reader, List<String> files) {
    try {
      Map<String, String> columns = new LinkedHashMap<>();
      db.query(
          "DESCRIBE SELECT * FROM " + reader, r -> columns.put(r.getString(1), r.getString(2)));
      return columns;
    } catch (Database.QueryFailed e) {
      String msg = e.getMessage();
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
    return new TimeColumn(Sql.ident(t.column()), kind, t.naiveZone(), t.pattern());
  }
}
