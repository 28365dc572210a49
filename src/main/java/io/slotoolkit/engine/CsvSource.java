package io.slotoolkit.engine;

import io.slotoolkit.model.CsvDialect;
import io.slotoolkit.model.CsvRecord;
import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.EventTime;
import io.slotoolkit.model.SloException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a CSV source: sniffs the dialect once (on a clean sample when a broken quote defeats the
 * sniffer), reads files with differing headers group by group, declares the types a bad value must
 * be caught in so that DuckDB's rejects table names its line, and re-reads the lines an
 * unterminated quote swallowed. What is read of the files as raw lines (the clean sample, the
 * swallowed lines) is {@link CsvLines}'s; with the scan cache, what each file told is kept in a
 * {@link BindMemo}.
 *
 * <p>Why this class is still large: every step works around one behaviour of DuckDB's CSV reader
 * and hands the next step the same dialect, in an order that matters.
 */
final class CsvSource {
  private final Database db;
  private final CsvLines rawLines;

  /**
   * How to read a sample of each bound source's last lines (see {@link LatestEventEstimate}): per
   * group of files with one header, the read_csv options of its rows without a header line, with
   * malformed lines skipped rather than recorded. Absent for partitioned sources, whose columns
   * come from the folders.
   */
  private final Map<DataSource, List<LatestEventEstimate.Reader>> tailReaders = new HashMap<>();

  /** What binding learned from each file in earlier runs (slo check --cache); null without. */
  private BindMemo memo;

  CsvSource(Database db) {
    this.db = db;
    this.rawLines = new CsvLines(db);
  }

  /** Binds from now on with {@code memo} (see {@link BindMemo}). */
  void bindMemo(BindMemo memo) {
    this.memo = memo;
  }

  BoundSource bind(
      DataSource source, String view, List<String> files, int n, Map<String, String> parts) {
    // Sniff once, with ignore_errors so that a few malformed lines cannot defeat the sniffer; every
    // later query reads through an explicit dialect and column list and never sniffs again.
    String sniffOptions = dialectOptions(source.csv(), files) + ", ignore_errors = true";
    // with the cache, the memo may know the dialect the first file gave in an earlier run (it keeps
    // it only when that file needed no clean sample)
    BindMemo.SourceFiles memoed = memoOf(source, files, sniffOptions);
    BindMemo.Dialect remembered = memoed == null ? null : memoed.dialect(files.get(0));
    // the sniffer's answer for a file, asked once in this bind: the clean-sample check reads its
    // quote and the dialect all of it (one sniff_csv less, 33 ms on a 700 MB file, measured)
    Map<String, Sniffing> sniffs = new HashMap<>();
    String sample =
        source.csv().quote() == null && remembered == null
            ? rawLines.cleanSample(
                files.get(0), n, () -> sniff(files.get(0), sniffOptions, sniffs).quote())
            : null;
    List<String> sniffFiles = sample == null ? files : List.of(sample);
    BindMemo.SourceFiles known = sample == null ? memoed : null;
    Map<String, String> sniffed =
        sample == null && files.size() > 1 ? sniffEach(source, files, sniffOptions, known) : null;
    // one file to sniff (the dialect below asks the sniffer anyway): its columns are those
    // DESCRIBE would give (the same sniffer, the same options) without sniffing it once more
    // (33 ms of a 700 MB file's bind, measured)
    if (sniffed == null && sniffFiles.size() == 1 && remembered == null)
      sniffed = sniffedColumnsOf(sniffFiles.get(0), sniffOptions, sniffs);
    if (sniffed == null)
      sniffed =
          SourceBinder.describe(
              db,
              source,
              "read_csv("
                  + Sql.literalList(sniffFiles)
                  + sniffOptions
                  + PartitionColumns.readerOptions(Map.of())
                  + ")",
              files);
    // partition columns come from the folders, never from the files' column list
    PartitionColumns.checkNoClash(source, parts, sniffed.keySet(), 0);
    String partitionOptions = PartitionColumns.readerOptions(parts);
    Dialect sniffedDialect;
    if (remembered != null)
      sniffedDialect =
          new Dialect(
              remembered.options(),
              remembered.quote(),
              remembered.delim(),
              remembered.header(),
              remembered.skip());
    else {
      sniffedDialect = sniffDialect(source, sniffFiles.get(0), sniffOptions, sniffs);
      if (known != null)
        known.dialect(
            files.get(0),
            new BindMemo.Dialect(
                sniffedDialect.options(),
                sniffedDialect.quote(),
                sniffedDialect.delim(),
                sniffedDialect.header(),
                sniffedDialect.skip()));
    }
    // every read of the files names the partition columns (or turns DuckDB's detection off)
    Dialect dialect =
        new Dialect(
            sniffedDialect.options() + partitionOptions,
            sniffedDialect.quote(),
            sniffedDialect.delim(),
            sniffedDialect.header(),
            sniffedDialect.skip());
    // files whose header lines differ are read group by group, each with its own column order,
    // and joined by column name
    Map<List<String>, List<String>> groups = headerGroups(files, dialect, sniffed.keySet(), known);
    List<String> notes =
        groups.size() > 1 ? missingColumns(source, groups, dialect) : new ArrayList<>();
    var firstGroup = groups.entrySet().iterator().next();
    // parallel = false: DuckDB's parallel reader cannot combine null_padding with a quoted newline;
    // this read only samples the first rows
    String raw =
        "read_csv("
            + Sql.literalList(firstGroup.getValue())
            + dialect.options()
            + ", columns = "
            + struct(firstGroup.getKey(), c -> "VARCHAR")
            + ", ignore_errors = true, null_padding = true, parallel = false)";
    String tsCol = source.time().column();
    Map<String, String> sampled = new LinkedHashMap<>(sniffed);
    sampled.keySet().retainAll(firstGroup.getKey());
    // one read of the first rows: whether there is one, and the text columns' types
    Sample firstRows = sample(raw, sampled, tsCol);
    if (firstRows.rows() == 0) {
      throw SloException.data(
          "source '"
              + source.name()
              + "': no data rows in "
              + (files.size() == 1
                  ? DuckDbEngine.display(files.get(0))
                  : "any of " + files.size() + " files"),
          "the export is empty (a header at most); check the path");
    }
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
    // its line in the rejects table, instead of failing the whole scan or reading the column as
    // text.
    Map<String, String> types = new LinkedHashMap<>(sniffed);
    types.putAll(firstRows.types());
    EventTime t = source.time();
    switch (t.encoding()) {
      case AUTO -> {
        if (tsType.equals("VARCHAR") || tsType.startsWith("TIMESTAMP") || tsType.equals("DATE")) {
          // UTC: DuckDB's TIMESTAMPTZ reads offsets, zone names (2026-02-27T20:00:00 UTC) and
          // dates alone, and rejects the rest with their lines. Another naive zone: text, which
          // TimeColumn reads row by row (a zone in the text wins; a date alone is local midnight).
          types.put(
              tsCol,
              t.naiveZone().normalized().equals(java.time.ZoneOffset.UTC)
                  ? "TIMESTAMPTZ"
                  : "VARCHAR");
        }
      }
      case EPOCH_S -> types.put(tsCol, "DOUBLE");
      case EPOCH_MS, EPOCH_US -> types.put(tsCol, "BIGINT");
      // read_csv cannot type a column as TIMESTAMPTZ through a pattern with %z (every row fails
      // to convert): such text stays text, and try_strptime in TimeColumn reads its offsets.
      case PATTERN -> types.put(tsCol, zonedPattern(t) ? "VARCHAR" : "TIMESTAMP");
    }
    StringBuilder tail = new StringBuilder();
    String timestampFormat =
        t.encoding() == EventTime.Encoding.PATTERN && !zonedPattern(t)
            ? ", timestampformat = " + Sql.literal(t.pattern())
            : "";
    tail.append(timestampFormat);
    String rejects = "slo_rejects_" + n;
    String scans = "slo_reject_scans_" + n;
    tail.append(", store_rejects = true, rejects_table = ")
        .append(Sql.literal(rejects))
        .append(", rejects_scan = ")
        .append(Sql.literal(scans));
    List<String> selects = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    Map<String, String> origins = new LinkedHashMap<>();
    for (var g : groups.entrySet()) {
      texts.add(
          "SELECT *, filename AS __file FROM read_csv("
              + Sql.literalList(g.getValue())
              + dialect.options()
              + ", columns = "
              + struct(g.getKey(), c -> "VARCHAR")
              + ", filename = true, ignore_errors = true)");
      String opts =
          dialect.options()
              + ", columns = "
              + struct(g.getKey(), c -> types.getOrDefault(c, "VARCHAR"))
              + tail;
      selects.add("SELECT * FROM read_csv(" + Sql.literalList(g.getValue()) + opts + ")");
      if (parts.isEmpty())
        tailReaders
            .computeIfAbsent(source, k -> new ArrayList<>())
            .add(
                new LatestEventEstimate.Reader(
                    g.getValue(),
                    withoutHeader(
                            dialect.options()
                                + ", columns = "
                                + struct(g.getKey(), c -> types.getOrDefault(c, "VARCHAR")))
                        + timestampFormat
                        + ", ignore_errors = true"));
      Map<String, String> swallowed =
          dialect.quote().isEmpty()
              ? Map.of()
              : rawLines.swallowedLines(
                  source, g.getValue(), dialect, g.getKey(), n, origins.size(), known);
      if (!swallowed.isEmpty() && !parts.isEmpty()) {
        // a copied line has lost its folder, so its partition columns could not be read: name it
        var first = swallowed.values().iterator().next();
        throw SloException.data(
            "source '"
                + source.name()
                + "': "
                + first
                + ": an unterminated quote swallows the lines after it, and lines of a partitioned"
                + " folder cannot be re-read alone",
            "close the quote on that line, or set csv: {quote: ''} if the file does not quote values");
      }
      if (!swallowed.isEmpty()) {
        // the lines an unterminated quote swallowed, each from a file of its own (no header)
        String one = withoutHeader(opts);
        selects.add(
            "SELECT * FROM read_csv("
                + Sql.literalList(new java.util.TreeSet<>(swallowed.keySet()))
                + one
                + ")");
        origins.putAll(swallowed);
      }
    }
    String select = String.join(groups.size() > 1 ? " UNION ALL BY NAME " : " UNION ALL ", selects);
    Map<String, String> columns = SourceBinder.describe(db, source, "(" + select + ")", files);
    TimeColumn time = SourceBinder.timeColumn(source, columns);
    db.createTempView(view, select);
    return new BoundSource(
        source,
        view,
        files,
        DataFormat.CSV,
        columns,
        time,
        rejects,
        scans,
        notes,
        origins,
        String.join(" UNION ALL BY NAME ", texts),
        null);
  }

  /** read_csv options for lines of the same dialect with no header line or skipped lines. */
  private static String withoutHeader(String options) {
    return options
        .replaceFirst(", header = (true|false)", ", header = false")
        .replaceFirst(", skip = [0-9]+", ", skip = 0");
  }

  /** How to read samples of the source's last lines; empty when they cannot be read alone. */
  List<LatestEventEstimate.Reader> tailReaders(DataSource source) {
    return tailReaders.getOrDefault(source, List.of());
  }

  /**
   * The files grouped by their header line (column names in file order), in file order; one group
   * of every file when the dialect has no header, or a header cannot be read here (then DuckDB's
   * reader reports it).
   */
  private Map<List<String>, List<String>> headerGroups(
      List<String> files,
      Dialect dialect,
      java.util.Collection<String> sniffed,
      BindMemo.SourceFiles known) {
    Map<List<String>, List<String>> groups = new LinkedHashMap<>();
    if (!dialect.header() || files.size() == 1) {
      groups.put(List.copyOf(sniffed), files);
      return groups;
    }
    List<String> first = null;
    for (String f : files) {
      List<String> names = header(f, dialect, known);
      if (names == null) names = first == null ? List.copyOf(sniffed) : first;
      if (first == null) first = names;
      groups.computeIfAbsent(names, k -> new ArrayList<>()).add(f);
    }
    if (groups.size() == 1) {
      // the same header everywhere: DuckDB's names (it renames blank and repeated ones)
      Map<List<String>, List<String>> one = new LinkedHashMap<>();
      one.put(List.copyOf(sniffed), files);
      return one;
    }
    return groups;
  }

  /** {@link #headerOf}, from the memo when it knows the file's header in this dialect. */
  private List<String> header(String file, Dialect dialect, BindMemo.SourceFiles known) {
    if (known == null) return headerOf(file, dialect);
    String key = dialect.delim() + "\n" + dialect.quote() + "\n" + dialect.skip();
    if (known.knowsHeader(file, key)) return known.header(file);
    List<String> names = headerOf(file, dialect);
    known.header(file, key, names);
    return names;
  }

  /** The column names on a file's header line, or null when it cannot be read here. */
  private List<String> headerOf(String file, Dialect dialect) {
    String line;
    try {
      line =
          db.one(
              "SELECT line FROM (SELECT line FROM "
                  + CsvLines.lines(List.of(file), false)
                  + " LIMIT "
                  + (dialect.skip() + 1)
                  + ") OFFSET "
                  + dialect.skip(),
              r -> r.getString(1));
    } catch (Database.QueryFailed | IllegalStateException e) {
      return null;
    }
    if (line == null) return null;
    if (line.startsWith("\uFEFF")) line = line.substring(1);
    return CsvRecord.split(line, dialect.delim(), dialect.quote()).texts();
  }

  /**
   * A column that some files of the source lack would be NULL in every row of those files: a data
   * error naming the column and the files.
   */
  private List<String> missingColumns(
      DataSource source, Map<List<String>, List<String>> groups, Dialect dialect) {
    java.util.Set<String> all = new java.util.LinkedHashSet<>();
    groups.keySet().forEach(all::addAll);
    List<String> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<List<String>, Long> rows = new HashMap<>();
    for (String c : all) {
      List<String> lacking = new ArrayList<>();
      String present = null;
      long nullRows = 0;
      for (var g : groups.entrySet()) {
        if (g.getKey().contains(c)) {
          if (present == null) present = g.getValue().get(0);
        } else {
          lacking.addAll(g.getValue());
          if (source.missingColumnsNull())
            nullRows += rows.computeIfAbsent(g.getKey(), k -> csvRows(g.getValue(), k, dialect));
        }
      }
      if (!lacking.isEmpty() && source.missingColumnsNull()) {
        java.util.Collections.sort(lacking);
        notes.add(SourceBinder.nullNote(c, lacking, nullRows));
      } else if (!lacking.isEmpty()) {
        java.util.Collections.sort(lacking);
        problems.add(
            "column '"
                + c
                + "' is missing from "
                + SourceBinder.fileList(lacking)
                + " (present in "
                + DuckDbEngine.display(present)
                + ")");
      }
    }
    if (!problems.isEmpty()) throw SourceBinder.filesDiffer(source, problems);
    return notes;
  }

  /** Rows of CSV files (one pass over them, only when missing columns are read as NULL). */
  private long csvRows(List<String> files, List<String> names, Dialect dialect) {
    return db.one(
        "SELECT count(*) FROM read_csv("
            + Sql.literalList(files)
            + dialect.options()
            + ", columns = "
            + struct(names, c -> "VARCHAR")
            + ", ignore_errors = true)",
        r -> r.getLong(1));
  }

  /**
   * The memo of the source's files (slo check --cache) for these sniff options; null without a
   * memo, or when a file cannot be identified (then it is bound as without the memo, and the reader
   * names the problem).
   */
  private BindMemo.SourceFiles memoOf(DataSource source, List<String> files, String sniffOptions) {
    if (memo == null) return null;
    return memo.forFiles(
        source, files, "sniff:" + sniffOne(sniffOptions) + "\nduckdb:" + db.version());
  }

  /** The options of one file's own sniff: the source's sniff options without union_by_name. */
  private static String sniffOne(String sniffOptions) {
    return withoutUnion(sniffOptions) + PartitionColumns.readerOptions(Map.of());
  }

  /**
   * The union sniff of the files, from each file's own sniff (the memo's, or one DESCRIBE of that
   * file alone, which the memo, when there is one, then keeps): when every file sniffs to the same
   * names, order and types, the sniff over all of them with union_by_name gives exactly those. Null
   * when a file differs or cannot be sniffed alone: then the files are sniffed together. One file
   * at a time is also what keeps memory low: DuckDB's sniff over all files together held about 1 GB
   * for 91 files of 53 MB, and took longer than the 91 sniffs one by one.
   */
  private Map<String, String> sniffEach(
      DataSource source, List<String> files, String sniffOptions, BindMemo.SourceFiles known) {
    BindMemo.Sniff first = null;
    for (String f : files) {
      BindMemo.Sniff one = known == null ? null : known.sniff(f);
      if (one == null) {
        try {
          one =
              BindMemo.Sniff.of(
                  SourceBinder.describe(
                      db,
                      source,
                      "read_csv(" + Sql.literalList(List.of(f)) + sniffOne(sniffOptions) + ")",
                      List.of(f)));
        } catch (SloException e) {
          return null;
        }
        if (known != null) known.sniff(f, one);
      }
      if (first == null) first = one;
      else if (!first.equals(one)) return null;
    }
    return first.asMap();
  }

  /**
   * A CSV dialect as explicit read_csv options (auto detection off), and its quote character (empty
   * for none).
   */
  record Dialect(String options, String quote, String delim, boolean header, long skip) {}

  static String withoutUnion(String options) {
    return options.replace(", union_by_name = true", "").replace(", union_by_name = false", "");
  }

  /**
   * What DuckDB's sniffer says of a file: its dialect and date formats (absent ones empty), and its
   * columns with their types, as {@code DESCRIBE} of a {@code read_csv} with the same options gives
   * them (null when the answer could not be read).
   */
  private record Sniffed(
      String delim,
      String quote,
      String escape,
      boolean header,
      long skip,
      String comment,
      String dateFormat,
      String timestampFormat,
      Map<String, String> columns) {}

  /** The sniffer's {@code Columns} (a JSON list of name and type), in order; null if unreadable. */
  private static Map<String, String> sniffedColumns(String json) {
    if (json == null) return null;
    Object parsed;
    try {
      parsed = Json.parse(json);
    } catch (Json.Malformed e) {
      return null;
    }
    if (!(parsed instanceof List<?> list) || list.isEmpty()) return null;
    Map<String, String> columns = new LinkedHashMap<>();
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> m)
          || !(m.get("name") instanceof String name)
          || !(m.get("type") instanceof String type)
          || columns.put(name, type) != null) return null;
    }
    return columns;
  }

  /**
   * The sniffer's answer for {@code file} with {@code sniffOptions}, asked of DuckDB once per
   * {@code sniffs} (one bind); its failure is kept and thrown again as well.
   */
  private Sniffed sniff(String file, String sniffOptions, Map<String, Sniffing> sniffs) {
    String sql =
        "SELECT Delimiter, Quote, Escape, HasHeader, SkipRows, Comment, DateFormat,"
            + " TimestampFormat, to_json(Columns)::VARCHAR FROM sniff_csv("
            + Sql.literal(file)
            + withoutUnion(sniffOptions)
            + ")";
    Sniffing known = sniffs.get(sql);
    if (known == null) {
      try {
        known =
            new Sniffing(
                db.one(
                    sql,
                    r ->
                        new Sniffed(
                            r.getString(1),
                            unempty(r.getString(2)),
                            unempty(r.getString(3)),
                            r.getBoolean(4),
                            r.getLong(5),
                            unempty(r.getString(6)),
                            r.getString(7),
                            r.getString(8),
                            sniffedColumns(r.getString(9)))),
                null);
      } catch (Database.QueryFailed e) {
        known = new Sniffing(null, e);
      }
      sniffs.put(sql, known);
    }
    if (known.failure() != null) throw known.failure();
    return known.answer();
  }

  /** One sniff: its answer, or how it failed. */
  private record Sniffing(Sniffed answer, Database.QueryFailed failure) {}

  /** The columns the sniffer gives {@code file}; null when it fails or they cannot be read. */
  private Map<String, String> sniffedColumnsOf(
      String file, String sniffOptions, Map<String, Sniffing> sniffs) {
    try {
      return sniff(file, sniffOptions, sniffs).columns();
    } catch (Database.QueryFailed e) {
      return null; // DESCRIBE reports what it cannot read
    }
  }

  /**
   * The dialect the sniffer found in the first file, as explicit read_csv options (auto_detect
   * off).
   */
  private Dialect sniffDialect(
      DataSource source, String file, String sniffOptions, Map<String, Sniffing> sniffs) {
    Sniffed r;
    try {
      r = sniff(file, sniffOptions, sniffs);
    } catch (Database.QueryFailed e) {
      throw SloException.data(
          "source '" + source.name() + "': cannot read " + file + " as CSV: " + e.getMessage(),
          "set csv: {delimiter: ..., quote: ..., header: ...} on the source",
          e);
    }
    StringBuilder b = new StringBuilder(", auto_detect = false");
    b.append(", delim = ").append(Sql.literal(r.delim()));
    b.append(", quote = ").append(Sql.literal(r.quote()));
    b.append(", escape = ").append(Sql.literal(r.escape()));
    b.append(", header = ").append(r.header());
    b.append(", skip = ").append(r.skip());
    if (!r.comment().isEmpty()) b.append(", comment = ").append(Sql.literal(r.comment()));
    if (r.dateFormat() != null) b.append(", dateformat = ").append(Sql.literal(r.dateFormat()));
    if (r.timestampFormat() != null)
      b.append(", timestampformat = ").append(Sql.literal(r.timestampFormat()));
    if (source.csv().nullString() != null)
      b.append(", nullstr = ").append(Sql.literal(source.csv().nullString()));
    return new Dialect(b.toString(), r.quote(), r.delim(), r.header(), r.skip());
  }

  private static boolean zonedPattern(EventTime t) {
    return t.pattern().contains("%z") || t.pattern().contains("%Z");
  }

  /** DuckDB prints an absent quote or escape character as {@code (empty)}. */
  static String unempty(String s) {
    return s == null || s.equals("(empty)") ? "" : s;
  }

  static String struct(
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
   * What the first 20,000 rows tell: how many there are (0: no data row at all), and the text
   * columns whose values nearly all read as one type ({@code types}).
   */
  private record Sample(long rows, Map<String, String> types) {}

  /**
   * The first rows of {@code reader} (every column text), read once: their number, and the text
   * columns (other than the timestamp) whose sampled values nearly all read as one type (at most
   * one in a hundred, or one, does not): the sniffer chose text because of a few bad values.
   * Declaring the type turns those values into rejected rows with their line numbers, instead of
   * silently changing the column's type.
   */
  private Sample sample(String reader, Map<String, String> sniffed, String tsCol) {
    List<String> text =
        sniffed.entrySet().stream()
            .filter(e -> e.getValue().equals("VARCHAR"))
            .map(Map.Entry::getKey)
            .filter(c -> !c.equals(tsCol))
            .toList();
    Map<String, String> types = new LinkedHashMap<>();
    String[] candidates = {"BIGINT", "DOUBLE", "BOOLEAN"};
    StringBuilder q = new StringBuilder("SELECT count(*)");
    for (int i = 0; i < text.size(); i++) {
      String c = Sql.ident(text.get(i));
      q.append(", count(").append(c).append(")");
      for (String t : candidates)
        q.append(", count(TRY_CAST(").append(c).append(" AS ").append(t).append("))");
    }
    q.append(" FROM (SELECT * FROM ").append(reader).append(" LIMIT 20000)");
    long rows =
        db.one(
            q.toString(),
            r -> {
              for (int i = 0; i < text.size(); i++) {
                long n = r.getLong(2 + i * (candidates.length + 1));
                for (int k = 0; k < candidates.length; k++) {
                  long ok = r.getLong(3 + i * (candidates.length + 1) + k);
                  if (n >= 5 && ok < n && n - ok <= Math.max(1, n / 100)) {
                    types.put(text.get(i), candidates[k]);
                    break;
                  }
                }
              }
              return r.getLong(1);
            });
    return new Sample(rows, types);
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
}
