package io.slotoolkit.engine;

import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.SloException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads text files one whole line per row (no delimiter, quote or header), the way JSON lines and
 * access logs are read, and numbers the lines that fail a test.
 *
 * <p>Lines are read without numbers, which keeps the scan parallel; only when some line is
 * malformed does a second pass number the lines (with {@code WITH ORDINALITY}, counted on through
 * the files of a glob, so each file's first number is subtracted) to name the first few.
 */
final class TextLines {
  private TextLines() {}

  /** Lines shown in a message are cut to this many characters. */
  private static final int SHOWN = 80;

  /**
   * A table function giving one VARCHAR column {@code line} per line of {@code files} (blank lines
   * are NULL), with {@code partitions} as Hive partition columns. DuckDB's default longest line (2
   * MB) is kept: raising it to 20 MB made a plain scan of 1M short lines 70 times slower (measured:
   * 14 s against 0.2 s); a longer line is a read error that says so.
   */
  static String reader(List<String> files, Map<String, String> partitions) {
    return "read_csv("
        + Sql.literalList(files)
        + ", columns = {'line': 'VARCHAR'}, delim = '', quote = '', escape = '', header = false,"
        + " auto_detect = false"
        + PartitionColumns.readerOptions(partitions)
        + ")";
  }

  /** Whether a line holds anything but blanks (blank lines are not rows, nor malformed). */
  static String nonBlank(String line) {
    return "(" + line + " IS NOT NULL AND trim(" + line + ") <> '')";
  }

  /**
   * How many non-blank lines fail {@code ok}, and the first ten with their file and line number.
   *
   * @param ok a SQL boolean over {@code line}; NULL counts as a failure
   * @param message what to say about a failing line, before the line itself
   */
  static MalformedLines malformed(
      Database db, DataSource source, List<String> files, String ok, String message) {
    long rows;
    try {
      rows =
          db.one(
              "SELECT count(*) FROM " + reader(files, Map.of()) + " WHERE " + bad(ok),
              r -> r.getLong(1));
    } catch (Database.QueryFailed e) {
      throw unreadable(source, files, e);
    }
    return malformed(db, files, ok, message, rows);
  }

  /** A non-blank line that fails {@code ok}. */
  static String bad(String ok) {
    return nonBlank("line") + " AND NOT coalesce(" + ok + ", FALSE)";
  }

  /** Like {@link #malformed(Database, DataSource, List, String, String)}, the count known. */
  static MalformedLines malformed(
      Database db, List<String> files, String ok, String message, long rows) {
    if (rows == 0) return MalformedLines.NONE;
    String bad = bad(ok);
    String numbered =
        "read_csv("
            + Sql.literalList(files)
            + ", columns = {'line': 'VARCHAR'}, delim = '', quote = '', escape = '', header ="
            + " false, auto_detect = false, filename = true,"
            + " hive_partitioning = false) WITH ORDINALITY";
    List<MalformedLines.Line> first = new ArrayList<>();
    db.query(
        "SELECT filename, ordinality - min(ordinality) OVER (PARTITION BY filename) + 1 AS n,"
            + " line, "
            + bad
            + " AS bad FROM "
            + numbered
            + " QUALIFY bad ORDER BY filename, n LIMIT 10",
        r -> {
          String line = r.getString(3);
          String shown = line.length() > SHOWN ? line.substring(0, SHOWN) + "..." : line;
          first.add(new MalformedLines.Line(r.getString(1), r.getLong(2), message + ": " + shown));
          return null;
        });
    return new MalformedLines(rows, first);
  }

  /**
   * Registers a line reader's {@code select} as the source's view: its columns (partition keys
   * last, never hiding a column of the lines), its event time, and the lines it could not read.
   */
  static SourceBinder.Bound bindView(
      Database db,
      DataSource source,
      String view,
      List<String> files,
      io.slotoolkit.model.DataFormat format,
      String select,
      Map<String, String> parts,
      MalformedLines bad) {
    Map<String, String> columns = new java.util.LinkedHashMap<>();
    try {
      db.query("DESCRIBE " + select, r -> columns.put(r.getString(1), r.getString(2)));
    } catch (Database.QueryFailed e) {
      throw unreadable(source, files, e);
    }
    PartitionColumns.checkNoClash(source, parts, columns.keySet(), parts.size());
    TimeColumn time = SourceBinder.timeColumn(source, columns);
    db.execute("CREATE TEMP VIEW " + Sql.ident(view) + " AS " + select);
    return new SourceBinder.Bound(
        new BoundSource(source, view, files, format, columns, time, null, null), bad);
  }

  /** A data error for files that cannot be read as lines of text at all. */
  static SloException unreadable(DataSource source, List<String> files, Database.QueryFailed e) {
    String m = e.getMessage();
    String hint =
        m.contains("Invalid unicode") || m.contains("UTF-8")
            ? "the file is not UTF-8 text; convert it, for example with iconv -f latin1 -t utf-8"
            : m.contains("Number of Columns")
                ? "the file holds a NUL byte: is it really text?"
                : null;
    return SloException.data(
        "source '"
            + source.name()
            + "': cannot read "
            + (files.size() == 1 ? files.get(0) : files.size() + " files")
            + " as text lines: "
            + m,
        hint,
        e);
  }

  /** The error for a source whose files hold no line at all. */
  static SloException noRows(DataSource source, List<String> files, long malformed) {
    String where =
        files.size() == 1
            ? DuckDbEngine.display(files.get(0))
            : "any of " + files.size() + " files";
    if (malformed > 0) {
      return SloException.data(
          "source '"
              + source.name()
              + "': every line of "
              + where
              + " is malformed ("
              + malformed
              + " line(s))",
          source.format() == io.slotoolkit.model.DataFormat.JSON
              ? "each line must hold one JSON object; is it a JSON array or pretty-printed JSON?"
              : "check log_format: against a line of the file");
    }
    return SloException.data(
        "source '" + source.name() + "': no data rows in " + where,
        "the export is empty; check the path");
  }
}
