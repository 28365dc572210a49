package io.slotoolkit.engine;

import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.SourceStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Malformed-row accounting of the scans: the rows DuckDB's CSV reader rejected (from its rejects
 * tables, after a watermark), the lines the JSON lines and access log readers could not read, the
 * rows of counts SLOs that are not counts, and the rows without a readable event time; checked
 * against the source's {@code max_bad_rows}.
 */
final class BadRows {
  private final Database db;
  private final SourceBinder binder;

  /** Rows of counts SLOs that are not counts, by bound view. */
  private final Map<String, MalformedLines> notCounts = new HashMap<>();

  BadRows(Database db, SourceBinder binder) {
    this.db = db;
    this.binder = binder;
  }

  /** Records the rows of the view {@code view} that counts SLOs found not to be counts. */
  void notCounts(String view, MalformedLines lines) {
    notCounts.put(view, lines);
  }

  /**
   * The source's statistics for a scan that counted {@code nullTime} rows without an event time,
   * with the rows rejected or found malformed since {@code watermark}; a data error (exit 3) naming
   * the first of them when there are more than the source allows.
   */
  SourceStats check(BoundSource src, long watermark, long inRange, long excluded, long nullTime) {
    return check(src, watermark, inRange, excluded, nullTime, Engine.SettledRows.NONE);
  }

  /**
   * As {@link #check(BoundSource, long, long, long, long)} for a scan that read only some of the
   * source's files, with the row accounting of the others ({@code settled}) added: the same
   * statistics, samples and errors as a scan of every file.
   */
  SourceStats check(
      BoundSource src,
      long watermark,
      long scannedInRange,
      long scannedExcluded,
      long scannedNullTime,
      Engine.SettledRows settled) {
    long inRange = scannedInRange + settled.inRange();
    long excluded = scannedExcluded + settled.excluded();
    long nullTime = scannedNullTime + settled.nullTime();
    Rejects rejects = rejects(src, watermark, settled);
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
      out.add(new Reject(DuckDbEngine.display(f.file()), csv ? line : 0, reason));
    }
    return out;
  }

  /**
   * The last scan whose rejects are already counted: rejects of later scans are the next scan's.
   */
  long watermark(BoundSource src) {
    return watermark(db, src);
  }

  /** {@link #watermark(BoundSource)} on {@code db}. */
  static long watermark(Database db, BoundSource src) {
    if (src.format() != DataFormat.CSV) return Long.MIN_VALUE;
    try {
      return db.one(
          "SELECT coalesce(max(scan_id), -1) FROM " + Sql.ident(src.rejectScansTable()),
          r -> r.getLong(1));
    } catch (Database.QueryFailed e) {
      return -1; // no scan has written rejects yet: the table does not exist
    }
  }

  /**
   * What the CSV reader rejected in the scans after {@code watermark}: the rejected lines (each
   * file line once) and the first 10 of them in file and line order, with their messages.
   */
  record ScannedRejects(long rows, List<Engine.FileReject> first) {}

  /** The rejects of a CSV source's scans after {@code watermark} (none for other formats). */
  static ScannedRejects scannedRejects(Database db, BoundSource src, long watermark) {
    if (src.format() != DataFormat.CSV) return new ScannedRejects(0, List.of());
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
      if (rows == 0) return new ScannedRejects(0, List.of());
      return new ScannedRejects(
          rows,
          db.query(
              "SELECT s.file_path, e.line, string_agg(e.error_message, '; ' ORDER BY"
                  + " e.column_idx) FROM "
                  + e
                  + " e JOIN "
                  + s
                  + " s USING (scan_id, file_id) WHERE e.scan_id > "
                  + watermark
                  + " GROUP BY s.file_path, e.line ORDER BY s.file_path, e.line LIMIT 10",
              r -> new Engine.FileReject(r.getString(1), r.getLong(2), r.getString(3))));
    } catch (Database.QueryFailed ex) {
      return new ScannedRejects(0, List.of()); // no rejects table: no scan rejected anything
    }
  }

  private record Reject(String file, int line, String message) {}

  private record Rejects(long rows, List<Reject> first, List<String> samples) {}

  private Rejects rejects(BoundSource src, long watermark, Engine.SettledRows settled) {
    Rejects own = csvRejects(src, watermark, settled);
    List<MalformedLines> more = new ArrayList<>();
    more.add(binder.malformed(src));
    more.add(notCounts.getOrDefault(src.view(), MalformedLines.NONE));
    long rows = own.rows;
    List<Reject> first = new ArrayList<>(own.first);
    for (MalformedLines m : more) {
      rows += m.rows();
      for (MalformedLines.Line l : m.first())
        if (first.size() < 10)
          first.add(new Reject(DuckDbEngine.display(l.file()), (int) l.line(), l.message()));
    }
    if (rows == own.rows) return own;
    List<String> samples =
        first.stream().limit(5).map(x -> x.file + ":" + x.line + ": " + x.message).toList();
    return new Rejects(rows, first, samples);
  }

  private Rejects csvRejects(BoundSource src, long watermark, Engine.SettledRows settled) {
    if (src.format() != DataFormat.CSV) return new Rejects(0, List.of(), List.of());
    ScannedRejects scanned = scannedRejects(db, src, watermark);
    long rows = settled.rejectRows() + scanned.rows();
    List<Engine.FileReject> raw = new ArrayList<>(settled.rejects());
    raw.addAll(scanned.first());
    if (rows == 0) return new Rejects(0, List.of(), List.of());
    // the same first rows, in the same order, as one query over every file would give
    raw.sort(
        java.util.Comparator.comparing(Engine.FileReject::file)
            .thenComparingLong(Engine.FileReject::line));
    List<Reject> first =
        raw.stream()
            .limit(10)
            .map(x -> reject(src, x.file(), (int) x.line(), tidy(x.message())))
            .toList();
    List<String> samples =
        first.stream().limit(5).map(x -> x.file + ":" + x.line + ": " + x.message).toList();
    return new Rejects(rows, first, samples);
  }

  /**
   * A rejected row, at its place in the source's own file: a row the binder copied out of a file
   * (see {@link BoundSource#lineOrigins}) is shown at the line it came from.
   */
  private static Reject reject(BoundSource src, String file, int line, String message) {
    String origin = src.lineOrigins().get(file);
    if (origin == null) return new Reject(DuckDbEngine.display(file), line, message);
    int colon = origin.lastIndexOf(':');
    return new Reject(
        origin.substring(0, colon), Integer.parseInt(origin.substring(colon + 1)), message);
  }

  private static String tidy(String duckMessage) {
    return duckMessage
        .replace("Error when converting column", "cannot convert column")
        .replace("Expected Number of Columns:", "expected")
        .replace(" Found:", " columns, found");
  }
}
