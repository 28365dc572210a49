package io.slotoolkit.engine;

import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32C;

/**
 * Reading a bound source file by file, for the scan cache ({@code slo check --cache}): each file's
 * identity, its per-file totals (good, valid and skipped events per SLO and group over all its
 * rows, its event time range and its row accounting), and a view of the source over a subset of its
 * files, so that the check scan reads only the files whose totals cannot stand in for it.
 *
 * <p>The totals use the check scan's own count columns ({@link ScanCompiler#sloColumns}) with every
 * window open from {@link TimeColumn#EARLIEST}: for a file whose events all lie inside an SLO's
 * window, before its alert windows and outside its exclusions, they are exactly what the scan would
 * count of that file.
 */
final class FileTotals {
  /** Bytes hashed at each end of a file for its identity. */
  static final int HASHED = 64 * 1024;

  private final Database db;
  private final ExpressionChecker checker;
  private int views;

  FileTotals(Database db, ExpressionChecker checker) {
    this.db = db;
    this.checker = checker;
  }

  /**
   * Whether the source can be read file by file: a CSV source read as one group of files with one
   * header and no re-read lines, or a Parquet source; no time-slice SLO among {@code slos}.
   */
  boolean supports(BoundSource src, List<ScanCompiler.SloWindow> slos) {
    if (src.format() != DataFormat.CSV && src.format() != DataFormat.PARQUET) return false;
    if (!src.lineOrigins().isEmpty()) return false;
    if (slos.stream().anyMatch(w -> w.slo().timeslices() != null)) return false;
    return readerSql(src) != null;
  }

  /**
   * What the totals of a file depend on besides the file: the totals query, the source's columns
   * and types, how its files are read (the reader's options, files left out), the DuckDB version.
   */
  String fingerprint(BoundSource src, List<ScanCompiler.SloWindow> slos) {
    return fingerprint(src, "totals:" + totalsQuery(src, slos, "__file").sql());
  }

  /**
   * What a per-file {@code query} of the source depends on besides the file: the query itself, the
   * source's columns and types, how its files are read, the DuckDB version.
   */
  String fingerprint(BoundSource src, String query) {
    StringBuilder b = new StringBuilder();
    b.append(query).append('\n');
    b.append("columns:").append(src.columns()).append('\n');
    b.append("time:").append(src.time().epochMicros()).append('\n');
    // a per-file query reads one file: reading by name or not is the same then, and a source
    // whose files all had the same footer columns is read without it (see ParquetSource)
    String reader =
        readerSql(src)
            .replace(fileList(src.files()), "__files")
            .replace(ParquetSource.UNION_BY_NAME, "");
    b.append("reader:").append(reader).append('\n');
    String derived = derivedSql(src);
    if (derived != null) b.append("derived:").append(derived).append('\n');
    b.append("duckdb:").append(db.version());
    return sha256(b.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The identity of each file of the source: path, size, modification time, head and tail hash;
   * those {@code memo} (when not null) already took in this run are not hashed again.
   */
  static List<Engine.FileIdentity> identities(BoundSource src, BindMemo memo) {
    List<Engine.FileIdentity> out = new ArrayList<>();
    String label = src.label();
    byte[] scratch = memo == null ? new byte[HASHED] : null;
    for (String f : src.files())
      out.add(memo == null ? identity(f, label, scratch) : memo.identity(f, label));
    return out;
  }

  /**
   * A file's identity; a data error naming it (and {@code label}, its source) when unreadable.
   * {@code scratch} ({@link #HASHED} bytes) holds what is hashed: one buffer for all of a source's
   * files rather than two new ones per file (11 MB over 91 files, a tenth of the young heap).
   */
  static Engine.FileIdentity identity(String file, String label, byte[] scratch) {
    Path p = Path.of(file);
    try (RandomAccessFile in = new RandomAccessFile(p.toFile(), "r")) {
      long size = in.length();
      long modified = Files.getLastModifiedTime(p).toMillis();
      // CRC32C, not a cryptographic hash: it detects a changed file, which is all the identity is
      // for (anyone who can write the files or the cache folder can change the counts anyway), and
      // costs nothing next to SHA-256 (about 170 ms for 91 files' 128 KiB on the launcher's C1 JIT)
      int first = (int) Math.min(HASHED, size);
      in.readFully(scratch, 0, first);
      CRC32C head = new CRC32C();
      head.update(scratch, 0, first);
      CRC32C end = new CRC32C();
      if (size > HASHED) {
        long tail = Math.max(HASHED, size - HASHED);
        int last = (int) (size - tail);
        in.seek(tail);
        in.readFully(scratch, 0, last);
        end.update(scratch, 0, last);
      }
      String hash = String.format("%08x%08x", head.getValue(), end.getValue());
      return new Engine.FileIdentity(file, size, modified, hash);
    } catch (IOException e) {
      throw SloException.data(
          label + ": cannot read " + DuckDbEngine.display(file) + ": " + e.getMessage(),
          "check the file's permissions");
    }
  }

  /** The per-file totals of one file of the source. */
  Engine.FileCounts totals(
      BoundSource src, List<ScanCompiler.SloWindow> slos, Engine.FileIdentity file) {
    BoundSource one = narrowed(src, List.of(file.path()));
    long watermark = BadRows.watermark(db, src);
    List<String> keys = keys(slos);
    // the rows of one grouping set hold every row once: the statistics, the time range and the
    // overall SLOs' totals are summed over them (the query has no overall set of its own)
    long whole = gid(keys, sets(slos).get(0));
    List<List<Engine.GroupTotal>> groups = new ArrayList<>();
    for (int i = 0; i < slos.size(); i++) groups.add(new ArrayList<>());
    long[] overall = new long[3 * slos.size()];
    long[] stats = new long[3];
    Long[] range = new Long[2];
    Totals q = totalsQuery(one, slos, one.view());
    try {
      db.query(
          q.sql(),
          r -> {
            long gid = r.getLong(1);
            int c = 2 + keys.size();
            for (int i = 0; i < slos.size(); i++) {
              Slo slo = slos.get(i).slo();
              if (slo.per().isEmpty()) {
                if (gid != whole) continue;
                for (int j = 0; j < 3; j++) overall[3 * i + j] += r.getLong(c + q.at(3 * i + j));
                continue;
              }
              if (gid != gid(keys, new TreeSet<>(slo.per()))) continue;
              List<String> values = new ArrayList<>();
              for (String col : slo.per()) values.add(r.getString(2 + keys.indexOf(col)));
              groups
                  .get(i)
                  .add(
                      new Engine.GroupTotal(
                          values,
                          r.getLong(c + q.at(3 * i)),
                          r.getLong(c + q.at(3 * i + 1)),
                          r.getLong(c + q.at(3 * i + 2))));
            }
            if (gid == whole) {
              int s = c + q.at(3 * slos.size());
              for (int j = 0; j < 3; j++) stats[j] += r.getLong(s + j);
              int m = c + q.distinct();
              if (r.getObject(m) != null) {
                long lo = r.getLong(m);
                long hi = r.getLong(m + 1);
                if (range[0] == null || lo < range[0]) range[0] = lo;
                if (range[1] == null || hi > range[1]) range[1] = hi;
              }
            }
            return null;
          });
    } catch (Database.QueryFailed e) {
      throw e.asDataError(src.label(), null);
    } finally {
      drop(one);
    }
    addOverall(slos, overall, groups);
    BadRows.ScannedRejects rejects = BadRows.scannedRejects(db, src, watermark);
    return new Engine.FileCounts(
        file,
        range[0],
        range[1],
        stats[0],
        stats[1],
        stats[2],
        rejects.rows(),
        rejects.first(),
        groups);
  }

  /**
   * A Parquet file's readable event times ({@link Engine.FileByFile#span}): its time column (and
   * the columns of the source's row check) read alone, about a fifth of what its totals cost on the
   * benchmark's file; empty for other formats, whose files are parsed whole for any column.
   */
  java.util.Optional<Engine.FileSpan> span(BoundSource src, Engine.FileIdentity file) {
    if (src.format() != DataFormat.PARQUET) return java.util.Optional.empty();
    BoundSource one = narrowed(src, List.of(file.path()));
    String rows = perRow(one, one.view(), List.of(), "__t", List.of(), new ScanTerms(), checker);
    try {
      Engine.FileSpan whole = wholeSpan(one);
      if (whole != null) return java.util.Optional.of(whole);
      return java.util.Optional.of(
          db.one(
              "SELECT min(__t), max(__t), count(*) FILTER (WHERE __t IS NULL) FROM (" + rows + ")",
              r ->
                  new Engine.FileSpan(
                      r.getObject(1) == null ? null : r.getLong(1),
                      r.getObject(2) == null ? null : r.getLong(2),
                      r.getLong(3))));
    } catch (Database.QueryFailed e) {
      throw e.asDataError(src.label(), null);
    } finally {
      drop(one);
    }
  }

  /**
   * A Parquet file's span when every row of it has a readable time in a column read as it is (a
   * TIMESTAMPTZ, or epoch microseconds): the column's own least and greatest value, which DuckDB
   * takes from the file's statistics, and a count of the rows whose time is not read (none). This
   * reads the column and the row check's columns without working out each row's time: 4 ms against
   * 20 for a file of 1M rows (docs/benchmarks.md). Null when it cannot tell: another kind of time
   * column, or a row without a readable time (the span is then read row by row).
   */
  private Engine.FileSpan wholeSpan(BoundSource one) {
    TimeColumn time = one.time();
    String readable = time.readAsIs();
    if (readable == null) return null;
    String view = Sql.ident(one.view());
    return db.one(
        "SELECT (SELECT count(*) FROM "
            + view
            + " WHERE ("
            + readable
            + ") IS NOT TRUE), "
            + time.rawMinOf(time.column())
            + ", "
            + time.rawMaxOf(time.column())
            + " FROM "
            + view,
        r ->
            r.getLong(1) > 0
                ? null
                : new Engine.FileSpan(
                    r.getObject(2) == null ? null : r.getLong(2),
                    r.getObject(3) == null ? null : r.getLong(3),
                    0));
  }

  /**
   * Adds each overall SLO's one group to a file's totals, from its sums {@code overall} (good,
   * valid and skipped per SLO): in every file, as the scan's overall row is, empty or not.
   */
  static void addOverall(
      List<ScanCompiler.SloWindow> slos, long[] overall, List<List<Engine.GroupTotal>> groups) {
    for (int i = 0; i < slos.size(); i++)
      if (slos.get(i).slo().per().isEmpty())
        groups
            .get(i)
            .add(
                new Engine.GroupTotal(
                    null, overall[3 * i], overall[3 * i + 1], overall[3 * i + 2]));
  }

  /**
   * A file's totals query and where its sums are: the count column {@code n} ({@link
   * ScanCompiler#sloColumns} order: each SLO's good, valid and skipped, then the row statistics) is
   * the sum at position {@code at(n)} after the group keys; columns with the same predicate (two
   * SLOs counting the same events, their windows open alike) share one sum. The earliest and latest
   * event time follow the {@code distinct} sums.
   */
  record Totals(String sql, int[] positions, int distinct) {
    int at(int column) {
      return positions[column];
    }
  }

  /**
   * The query of one file's totals: per group of each SLO's per set its g, t and n over every row
   * (window start {@link TimeColumn#EARLIEST}, no alert window, no exclusion), the row statistics,
   * and the earliest and latest event time (epoch us); see {@link Totals}. The overall SLOs' totals
   * and the statistics are the sums over one set's groups: an overall grouping set of its own costs
   * the aggregation a fifth more on the benchmark's file.
   */
  Totals totalsQuery(BoundSource src, List<ScanCompiler.SloWindow> slos, String view) {
    List<ScanCompiler.SloWindow> open =
        slos.stream().map(w -> new ScanCompiler.SloWindow(w.slo(), TimeColumn.EARLIEST)).toList();
    ScanTerms terms = new ScanTerms();
    List<ScanCompiler.CountColumn> columns = ScanCompiler.sloColumns(open, null, terms, checker);
    List<String> keys = keys(slos);
    List<String> quoted = keys.stream().map(Sql::ident).toList();
    // each predicate summed once
    Map<String, Integer> first = new LinkedHashMap<>();
    List<ScanCompiler.CountColumn> distinct = new ArrayList<>();
    int[] positions = new int[columns.size()];
    for (int n = 0; n < columns.size(); n++) {
      ScanCompiler.CountColumn c = columns.get(n);
      Integer at = first.get(c.predicate());
      if (at == null) {
        at = distinct.size();
        first.put(c.predicate(), at);
        distinct.add(c);
      }
      positions[n] = at;
    }
    String flags = perRow(src, view, quoted, "__t", distinct, terms, checker);
    StringBuilder sql = new StringBuilder("SELECT ");
    sql.append(keys.isEmpty() ? "0" : "GROUPING(" + String.join(", ", quoted) + ")")
        .append(" AS gid");
    for (int j = 0; j < keys.size(); j++)
      sql.append(", CAST(").append(quoted.get(j)).append(" AS VARCHAR) AS k").append(j);
    for (ScanCompiler.CountColumn c : distinct)
      sql.append(", coalesce(sum(").append(c.name()).append("), 0)::BIGINT");
    sql.append(", min(__t), max(__t)\nFROM (").append(flags).append(")");
    if (!keys.isEmpty()) {
      List<String> groupings = new ArrayList<>();
      for (Set<String> set : sets(slos))
        groupings.add("(" + String.join(", ", set.stream().map(Sql::ident).toList()) + ")");
      sql.append("\nGROUP BY GROUPING SETS (").append(String.join(", ", groupings)).append(")");
    }
    return new Totals(sql.toString(), positions, distinct.size());
  }

  /**
   * The per-row layer of a per-file query ({@link #totalsQuery}, {@code ReportTotals}): the group
   * keys, {@code items} (the event time, a bucket), each count column's flag, over every row of
   * {@code view} with a time in {@code [EARLIEST, END)} or none.
   */
  static String perRow(
      BoundSource src,
      String view,
      List<String> quotedKeys,
      String items,
      List<ScanCompiler.CountColumn> columns,
      ScanTerms terms,
      ExpressionChecker checker) {
    StringBuilder flags = new StringBuilder("SELECT ");
    for (String k : quotedKeys) flags.append(k).append(", ");
    flags.append(items);
    for (ScanCompiler.CountColumn c : columns)
      flags.append(",\n    (").append(c.predicate()).append(") AS ").append(c.name());
    flags
        .append("\n  FROM (SELECT *")
        .append(terms.definitions())
        .append("\n    FROM (SELECT *, ")
        .append(src.time().epochMicros())
        .append(" AS __t, ")
        .append(ScanCompiler.keep(src, checker))
        .append(" AS __keep FROM ")
        .append(Sql.ident(view))
        .append(")\n    WHERE __t IS NULL OR (__t >= ")
        .append(TimeColumn.micros(TimeColumn.EARLIEST))
        .append(" AND __t < ")
        .append(TimeColumn.micros(TimeColumn.END))
        .append("))");
    return flags.toString();
  }

  private static List<String> keys(List<ScanCompiler.SloWindow> slos) {
    return List.copyOf(new TreeSet<>(slos.stream().flatMap(w -> w.slo().per().stream()).toList()));
  }

  /**
   * The grouping sets of the totals: every SLO's per set but the overall one, in SLO order; only
   * the overall set when no SLO has a per.
   */
  private static List<Set<String>> sets(List<ScanCompiler.SloWindow> slos) {
    LinkedHashSet<Set<String>> sets = new LinkedHashSet<>();
    for (ScanCompiler.SloWindow w : slos)
      if (!w.slo().per().isEmpty()) sets.add(new TreeSet<>(w.slo().per()));
    if (sets.isEmpty()) sets.add(new TreeSet<>());
    return List.copyOf(sets);
  }

  private static long gid(List<String> keys, Set<String> set) {
    long gid = 0;
    for (int j = 0; j < keys.size(); j++)
      if (!set.contains(keys.get(j))) gid |= 1L << (keys.size() - 1 - j);
    return gid;
  }

  /** Files per query of {@link #latestByFile}: a UNION ALL nests one level per file. */
  static final int LATEST_FILES_PER_QUERY = 100;

  /**
   * The rows a source's files must hold on average for {@link #latestByFile} to read them file by
   * file. Each file costs about 0.34 ms on its own (its reader bound and planned) and about 0.06 ms
   * in the list, where each row's time then costs about 7 ns: even at about 40,000 rows a file.
   */
  static final long LATEST_MIN_ROWS_PER_FILE = 50_000;

  /**
   * The row count and {@code rawMax} (a {@link TimeColumn#rawMaxOf} aggregate, epoch microseconds)
   * of a Parquet source of several files, each file read on its own: DuckDB answers {@code
   * count(*)} and {@code max} of one Parquet file from its statistics, of a list of files only by
   * reading the column (on the benchmark's 91 files of 1M rows, 27 ms against 0.66 s). Null when
   * the source is not one reader call over Parquet files without derived columns, has one file
   * (DuckDB answers that one from its statistics already), has files too small for it to pay
   * ({@link #readsFileByFile}), or has a file that cannot be read on its own.
   */
  Engine.LatestEvent latestByFile(BoundSource src, String rawMax) {
    List<String> files = src.files();
    if (src.format() != DataFormat.PARQUET || files.size() < 2) return null;
    String reader = readerSql(src);
    if (reader == null || derivedSql(src) != null || !reader.contains("read_parquet(")) return null;
    String list = fileList(files);
    try {
      // the footers' row counts (read already to bind the source, and kept)
      long listed =
          db.one(
              "SELECT coalesce(sum(num_rows), 0)::BIGINT FROM parquet_file_metadata(" + list + ")",
              r -> r.getLong(1));
      if (!readsFileByFile(files.size(), listed)) return null;
      Engine.LatestEvent all = new Engine.LatestEvent(0, null);
      for (int from = 0; from < files.size(); from += LATEST_FILES_PER_QUERY) {
        StringBuilder sql = new StringBuilder("SELECT sum(c)::BIGINT, max(m)::BIGINT FROM (");
        List<String> part =
            files.subList(from, Math.min(files.size(), from + LATEST_FILES_PER_QUERY));
        for (int i = 0; i < part.size(); i++) {
          if (i > 0) sql.append(" UNION ALL ");
          sql.append("SELECT count(*) AS c, ")
              .append(rawMax)
              .append(" AS m FROM (")
              .append(readerOver(reader, src, List.of(part.get(i))))
              .append(')');
        }
        all = all.and(DuckDbEngine.latestEvent(db, sql.append(')').toString()));
      }
      return all;
    } catch (Database.QueryFailed e) {
      // a file without the time column (missing_columns: null) does not bind on its own: the
      // list, read by name, does; a file that cannot be read is named by the list's query
      return null;
    }
  }

  /** Whether {@code files} Parquet files of {@code rows} rows in all are read file by file. */
  static boolean readsFileByFile(int files, long rows) {
    return files > 1 && rows >= LATEST_MIN_ROWS_PER_FILE * files;
  }

  /**
   * The source read through views over only {@code files} (which must be some of its files): the
   * reader view with its file list cut, and the derived columns' view over it when the source has
   * one. The caller drops both views ({@link #drop}).
   */
  BoundSource narrowed(BoundSource src, List<String> files) {
    String reader = readerSql(src);
    String base = "cache_" + (++views);
    db.execute(
        "CREATE OR REPLACE TEMP VIEW " + Sql.ident(base) + " AS " + readerOver(reader, src, files));
    String derived = derivedSql(src);
    if (derived == null) return src.withView(base, src.columns());
    String top = base + "_derived";
    String from = " FROM " + Sql.ident(baseOf(src.view()));
    db.execute(
        "CREATE OR REPLACE TEMP VIEW "
            + Sql.ident(top)
            + " AS "
            + derived.substring(0, derived.length() - from.length())
            + " FROM "
            + Sql.ident(base));
    return src.withView(top, src.columns());
  }

  /** Drops the views of {@link #narrowed}. */
  void drop(BoundSource narrowed) {
    db.execute("DROP VIEW IF EXISTS " + Sql.ident(narrowed.view()));
    String base = baseOf(narrowed.view());
    if (!base.equals(narrowed.view())) db.execute("DROP VIEW IF EXISTS " + Sql.ident(base));
  }

  private static String baseOf(String view) {
    return view.endsWith("_derived")
        ? view.substring(0, view.length() - "_derived".length())
        : view;
  }

  /**
   * The SELECT of the source's reader view as DuckDB keeps it, when it reads the source's files
   * through exactly one file list; null otherwise (then the source is not read file by file).
   */
  private String readerSql(BoundSource src) {
    String sql = viewSql(baseOf(src.view()));
    if (sql == null) return null;
    String list = fileList(src.files());
    int at = sql.indexOf(list);
    if (at < 0 || sql.indexOf(list, at + 1) >= 0) return null;
    // one reader call: a source read in groups of files has one per group
    if (readers(sql) != 1) return null;
    if (derivedSql(src) == null && !baseOf(src.view()).equals(src.view())) return null;
    return sql;
  }

  /** A reader's SELECT ({@link #readerSql}) over only {@code files}, some of the source's. */
  private static String readerOver(String reader, BoundSource src, List<String> files) {
    return reader.replace(fileList(src.files()), fileList(files));
  }

  /** The SELECT of the derived columns' view, ending {@code FROM <reader view>}; else null. */
  private String derivedSql(BoundSource src) {
    if (baseOf(src.view()).equals(src.view())) return null;
    String sql = viewSql(src.view());
    return sql != null && sql.endsWith(" FROM " + Sql.ident(baseOf(src.view()))) ? sql : null;
  }

  /** How many reader calls ({@code read_csv(}, {@code read_parquet(}) a view's SELECT makes. */
  private static int readers(String sql) {
    int n = 0;
    for (String call : List.of("read_csv(", "read_parquet("))
      for (int at = sql.indexOf(call); at >= 0; at = sql.indexOf(call, at + 1)) n++;
    return n;
  }

  /**
   * The SELECT a source's view was created with ({@link Database#createTempView}, as the CSV and
   * Parquet readers and the derived columns make theirs); null for any other view.
   */
  private String viewSql(String view) {
    return db.viewSelect(view);
  }

  /** A file list as the readers write it in their views ({@link Sql#literalList}). */
  private static String fileList(List<String> files) {
    return Sql.literalList(files);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The totals of many files, in order. */
  Map<String, Engine.FileCounts> totals(
      BoundSource src, List<ScanCompiler.SloWindow> slos, List<Engine.FileIdentity> files) {
    Map<String, Engine.FileCounts> out = new LinkedHashMap<>();
    for (Engine.FileIdentity f : files) out.put(f.path(), totals(src, slos, f));
    return out;
  }
}
