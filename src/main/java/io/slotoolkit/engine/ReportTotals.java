package io.slotoolkit.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reading a bound source file by file for the report's cache ({@code slo report --cache}): one
 * file's rows of the report scan table ({@link ScanCompiler#compile(BoundSource, List,
 * java.time.Instant, java.time.Instant, ScanCompiler.Extras, String, ExpressionChecker)}) over all
 * its rows, without the segment column, and the filling of a report scan table with such rows.
 *
 * <p>The rows use the report scan's own count columns ({@link ScanCompiler#reportColumns}), keys,
 * grouping sets and time bucket: for a file whose events all lie in the scanned range, in one
 * segment and outside every exclusion, they are exactly the rows the report scan would write for
 * that file, in that segment.
 */
final class ReportTotals {
  private final Database db;
  private final ExpressionChecker checker;
  private final FileTotals files;

  ReportTotals(Database db, ExpressionChecker checker, FileTotals files) {
    this.db = db;
    this.checker = checker;
    this.files = files;
  }

  /** Whether the source can be read file by file (as for the check's totals). */
  boolean supports(BoundSource src, List<ScanCompiler.SloWindow> slos) {
    return files.supports(src, slos);
  }

  /** What the rows of a file depend on besides the file (see {@link FileTotals#fingerprint}). */
  String fingerprint(
      BoundSource src, List<ScanCompiler.SloWindow> slos, ScanCompiler.Extras extras) {
    return files.fingerprint(
        src, "report:" + rowsSql(src.withView("__file", src.columns()), slos, extras));
  }

  /** One file's report rows, time range and row accounting. */
  Engine.ReportFile rows(
      BoundSource src,
      List<ScanCompiler.SloWindow> slos,
      ScanCompiler.Extras extras,
      Engine.FileIdentity file) {
    BoundSource one = files.narrowed(src, List.of(file.path()));
    long watermark = BadRows.watermark(db, src);
    int keys = keys(slos, extras).size();
    int columns = ScanCompiler.reportColumns(open(slos), new ScanTerms(), checker).size();
    // the statistics follow the SLOs' a, b, m columns
    int nullTimeColumn = 3 * slos.size() + 2;
    List<Engine.ReportRow> rows = new ArrayList<>();
    Long[] range = new Long[2];
    long[] nullTime = new long[1];
    try {
      db.query(
          rowsSql(one, slos, extras),
          r -> {
            long gid = r.getLong(1);
            List<String> values = new ArrayList<>(keys);
            for (int j = 0; j < keys; j++) values.add(r.getString(2 + j));
            Long bucket = r.getObject(2 + keys) == null ? null : r.getLong(2 + keys);
            long[] counts = new long[columns];
            for (int c = 0; c < columns; c++) counts[c] = r.getLong(3 + keys + c);
            rows.add(new Engine.ReportRow(gid, values, bucket, 0, counts));
            if (gid == overall(keys)) {
              nullTime[0] += counts[nullTimeColumn];
              Object min = r.getObject(3 + keys + columns);
              if (min != null) {
                long lo = r.getLong(3 + keys + columns);
                long hi = r.getLong(4 + keys + columns);
                if (range[0] == null || lo < range[0]) range[0] = lo;
                if (range[1] == null || hi > range[1]) range[1] = hi;
              }
            }
            return null;
          });
    } catch (Database.QueryFailed e) {
      throw e.asDataError(src.label(), null);
    } finally {
      files.drop(one);
    }
    BadRows.ScannedRejects rejects = BadRows.scannedRejects(db, src, watermark);
    return new Engine.ReportFile(
        file, range[0], range[1], nullTime[0], rejects.rows(), rejects.first(), rows);
  }

  /**
   * The query of one file's report rows: per grouping set of the report scan (the overall set per
   * time bucket, each SLO's per set, each dimension) the count columns over every row with a time
   * in {@code [EARLIEST, END)} or none, then the earliest and latest event time (epoch us).
   */
  String rowsSql(BoundSource src, List<ScanCompiler.SloWindow> slos, ScanCompiler.Extras extras) {
    ScanTerms terms = new ScanTerms();
    List<ScanCompiler.CountColumn> columns = ScanCompiler.reportColumns(open(slos), terms, checker);
    List<String> keys = keys(slos, extras);
    List<String> quoted = keys.stream().map(Sql::ident).toList();
    String flags =
        FileTotals.perRow(
            src,
            src.view(),
            quoted,
            "__t, __t // " + extras.bucket().toNanos() / 1_000 + " AS __b",
            columns,
            terms,
            checker);
    StringBuilder sql = new StringBuilder("SELECT ");
    sql.append(keys.isEmpty() ? "0" : "GROUPING(" + String.join(", ", quoted) + ")")
        .append(" AS gid");
    for (int j = 0; j < keys.size(); j++)
      sql.append(", CAST(").append(quoted.get(j)).append(" AS VARCHAR) AS k").append(j);
    sql.append(", __b");
    for (ScanCompiler.CountColumn c : columns)
      sql.append(", coalesce(sum(").append(c.name()).append("), 0)::BIGINT");
    sql.append(", min(__t), max(__t)\nFROM (").append(flags).append(")\nGROUP BY GROUPING SETS (");
    List<String> groupings = new ArrayList<>();
    for (Set<String> set : sets(slos, extras)) {
      List<String> cols = new ArrayList<>(set.stream().map(Sql::ident).toList());
      // as in the report scan: only the overall set is bucketed
      if (set.isEmpty()) cols.add("__b");
      groupings.add("(" + String.join(", ", cols) + ")");
    }
    return sql.append(String.join(", ", groupings)).append(")").toString();
  }

  /**
   * Creates the table of {@code scan} (a report scan whose statements are not run) without rows,
   * with the columns its statements would give it.
   */
  void createEmpty(ScanCompiler.CompiledScan scan) {
    StringBuilder sql =
        new StringBuilder("CREATE OR REPLACE TEMP TABLE ")
            .append(Sql.ident(scan.table()))
            .append(" (gid BIGINT");
    for (int j = 0; j < scan.keys().size(); j++) sql.append(", k").append(j).append(" VARCHAR");
    sql.append(", __b BIGINT, __seg INTEGER");
    for (ScanCompiler.CountColumn c : scan.columns())
      sql.append(", ").append(c.name()).append(" BIGINT");
    db.execute(sql.append(")").toString());
  }

  /**
   * Adds {@code rows} to the table of a report scan (its columns in {@link #createEmpty}'s order).
   */
  void insert(ScanCompiler.CompiledScan scan, List<Engine.ReportRow> rows) {
    for (Engine.ReportRow row : rows)
      if (row.keys().size() != scan.keys().size() || row.counts().length != scan.columns().size())
        throw new IllegalArgumentException("a row of another layout: " + row);
    if (rows.isEmpty()) return;
    db.append(
        scan.table(),
        a -> {
          for (Engine.ReportRow row : rows) {
            a.beginRow().append(row.gid());
            for (String k : row.keys()) {
              if (k == null) a.appendNull();
              else a.append(k);
            }
            if (row.bucket() == null) a.appendNull();
            else a.append(row.bucket().longValue());
            a.append(row.segment());
            for (long c : row.counts()) a.append(c);
            a.endRow();
          }
        });
  }

  /** The GROUPING() bitmask of the overall set: every key rolled up. */
  private static long overall(int keys) {
    return keys == 0 ? 0 : (1L << keys) - 1;
  }

  /** The SLOs with no exclusion: a file the rows stand in for overlaps none. */
  private static List<ScanCompiler.SloWindow> open(List<ScanCompiler.SloWindow> slos) {
    return slos.stream()
        .map(w -> new ScanCompiler.SloWindow(w.slo(), TimeColumn.EARLIEST))
        .toList();
  }

  /**
   * The report scan's keys: every per column and dimension, sorted (as the compiler sorts them).
   */
  private static List<String> keys(List<ScanCompiler.SloWindow> slos, ScanCompiler.Extras extras) {
    TreeSet<String> keys =
        new TreeSet<>(slos.stream().flatMap(s -> s.slo().per().stream()).toList());
    keys.addAll(extras.dimensions());
    return List.copyOf(keys);
  }

  /** The report scan's grouping sets: the overall set, each SLO's per set, each dimension. */
  private static List<Set<String>> sets(
      List<ScanCompiler.SloWindow> slos, ScanCompiler.Extras extras) {
    LinkedHashSet<Set<String>> sets = new LinkedHashSet<>();
    sets.add(new TreeSet<>());
    for (ScanCompiler.SloWindow s : slos) sets.add(new TreeSet<>(s.slo().per()));
    for (String d : extras.dimensions()) sets.add(new TreeSet<>(List.of(d)));
    return List.copyOf(sets);
  }
}
