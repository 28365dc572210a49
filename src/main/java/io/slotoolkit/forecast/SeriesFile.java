package io.slotoolkit.forecast;

import io.slotoolkit.model.DuplicateRule;
import io.slotoolkit.model.EditDistance;
import io.slotoolkit.model.Observation;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.Series;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, tolerant CSV reader for series files: a header row, then one row per date. Accepts
 * {@code \n}, {@code \r\n} and old-Mac {@code \r} line ends, quoted fields, a comma, semicolon or
 * tab delimiter (sniffed from the header), extra fields beyond the header, and dates written {@code
 * YYYY-MM-DD}, {@code YYYY/MM/DD}, {@code YYYY-MM} (monthly), {@code M/D/YYYY} or {@code D/M/YYYY}
 * (told apart by the data), optionally followed by a midnight time. Every error names {@code
 * file:line}.
 */
public final class SeriesFile {
  private static final int MAX_LISTED = 20;
  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})[-/](\\d{1,2})(?:[-/](\\d{1,2}))?(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?");
  private static final Pattern SLASH =
      Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})(?: (\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
  private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");

  private final Path path;
  private final List<String> header;
  private final List<String[]> rows;
  private final int[] lines;

  private SeriesFile(Path path, List<String> header, List<String[]> rows, int[] lines) {
    this.path = path;
    this.header = header;
    this.rows = rows;
    this.lines = lines;
  }

  /**
   * Reads and splits the whole file (series files are small: 10 years of days is 3,650 rows).
   *
   * @throws SloException (data) when the file cannot be read, is empty or has an open quote
   */
  public static SeriesFile read(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw SloException.data("series file " + path + " does not exist", null, e);
    } catch (IOException e) {
      throw SloException.data("cannot read series file " + path + ": " + e.getMessage(), null, e);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      text = new String(bytes, StandardCharsets.ISO_8859_1);
    }
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    char delimiter = SeriesCsv.sniff(text);
    List<String[]> records = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    SeriesCsv.split(path, text, delimiter, records, starts);
    if (records.isEmpty()) {
      throw SloException.data(
          "series file " + path + " is empty", "it needs a header row and one row per date");
    }
    List<String> header = new ArrayList<>();
    for (String h : records.get(0)) header.add(h.trim());
    int[] lines = new int[records.size() - 1];
    for (int i = 1; i < records.size(); i++) lines[i - 1] = starts.get(i);
    return new SeriesFile(path, header, records.subList(1, records.size()), lines);
  }

  /** The column names of the header row. */
  public List<String> columns() {
    return List.copyOf(header);
  }

  /** Data rows (the header excluded). */
  public int rowCount() {
    return rows.size();
  }

  /** The date column: the one named, or else the first column whose first value reads as a date. */
  public String dateColumn(String requested) {
    if (requested != null) return header.get(index(requested, "--date-column"));
    for (int c = 0; c < header.size(); c++) {
      String v = firstValue(c);
      if (v != null && looksLikeDate(v)) return header.get(c);
    }
    throw SloException.data(
        path + " has no date column: no column's first value reads as a date",
        "name it with --date-column; dates are written YYYY-MM-DD, YYYY-MM or M/D/YYYY");
  }

  /**
   * The value column: the one named, or else the first numeric column after the date column (an
   * index or row-number column usually comes first), or else the first numeric column before it.
   */
  public String valueColumn(String requested, String dateColumn) {
    if (requested != null) return header.get(index(requested, "--value-column"));
    int d = header.indexOf(dateColumn);
    for (int c = d + 1; c < header.size(); c++) if (numeric(c)) return header.get(c);
    for (int c = 0; c < d; c++) if (numeric(c)) return header.get(c);
    throw SloException.data(
        path + " has no numeric column besides the date column " + dateColumn,
        "name the value column with --value-column");
  }

  /** The numeric columns besides {@code dateColumn}, in file order: the --value-column choices. */
  public List<String> numericColumns(String dateColumn) {
    List<String> out = new ArrayList<>();
    for (int c = 0; c < header.size(); c++)
      if (!header.get(c).equals(dateColumn) && numeric(c)) out.add(header.get(c));
    return out;
  }

  /**
   * One column as a series over the date column.
   *
   * @throws SloException (data) naming every row whose date or value cannot be read
   */
  public Series series(String dateColumn, String valueColumn, DuplicateRule duplicates) {
    int dc = index(dateColumn, "--date-column");
    int vc = index(valueColumn, "--value-column");
    boolean dayFirst = dayFirst(dc);
    List<Problem> problems = new ArrayList<>();
    List<Observation> obs = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      SourceLocation at = new SourceLocation(path, lines[r], 0);
      if (row.length == 1 && row[0].isBlank()) continue;
      if (dc >= row.length || vc >= row.length) {
        problems.add(
            Problem.of(
                at,
                "row has "
                    + row.length
                    + " fields; the "
                    + (dc >= row.length ? "date column " + dateColumn : "column " + valueColumn)
                    + " is field "
                    + (Math.max(dc, vc) + 1)));
        continue;
      }
      String dateText = row[dc].trim();
      LocalDate date;
      try {
        date = parseDate(dateText, dayFirst);
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(at, e.getMessage(), null));
        continue;
      }
      String valueText = row[vc].trim();
      double value;
      try {
        value = parseValue(valueText);
      } catch (NumberFormatException e) {
        problems.add(
            Problem.of(at, valueColumn + " '" + abbreviate(valueText) + "' is not a number"));
        continue;
      }
      obs.add(new Observation(date, value, at.toString()));
    }
    if (!problems.isEmpty()) {
      String hint = "dates YYYY-MM-DD, YYYY-MM or M/D/YYYY; values plain numbers, empty if missing";
      if (problems.size() == 1) throw SloException.data(problems.get(0).render(), hint);
      throw SloException.dataProblems(
          problems.size()
              + " rows of "
              + path
              + " cannot be read"
              + (problems.size() > MAX_LISTED ? " (the first " + MAX_LISTED + " below)" : ""),
          problems.subList(0, Math.min(MAX_LISTED, problems.size())));
    }
    if (obs.isEmpty()) {
      throw SloException.data(path + " has no data rows", "it needs one row per date");
    }
    if (obs.stream().allMatch(o -> Double.isNaN(o.value()))) {
      throw SloException.data(
          "column " + valueColumn + " of " + path + " is empty on every row",
          "choose a column with values");
    }
    return Series.of(valueColumn, obs, duplicates);
  }

  private int index(String name, String option) {
    int i = header.indexOf(name);
    if (i >= 0) return i;
    for (int c = 0; c < header.size(); c++) if (header.get(c).equalsIgnoreCase(name)) return c;
    String nearest = null;
    int best = Integer.MAX_VALUE;
    for (String h : header) {
      if (h.isEmpty()) continue;
      int d = EditDistance.between(name, h);
      if (d < best) {
        best = d;
        nearest = h;
      }
    }
    String hint =
        "columns: "
            + String.join(", ", header.stream().filter(h -> !h.isEmpty()).toList())
            + (nearest != null && best <= Math.max(2, name.length() / 3)
                ? "; did you mean " + nearest + "?"
                : "");
    throw SloException.data(path + " has no column '" + name + "' (" + option + ")", hint);
  }

  private String firstValue(int c) {
    for (String[] row : rows) {
      if (c < row.length && !row[c].isBlank()) return row[c].trim();
    }
    return null;
  }

  /**
   * Whether most of the column's first 50 values are numbers: a stray bad cell should be reported
   * on its line, not make the column disappear from the defaults.
   */
  private boolean numeric(int c) {
    int numbers = 0;
    int others = 0;
    for (String[] row : rows) {
      if (c >= row.length || row[c].isBlank()) continue;
      try {
        if (!Double.isNaN(parseValue(row[c].trim()))) numbers++;
      } catch (NumberFormatException e) {
        others++;
      }
      if (numbers + others >= 50) break;
    }
    return numbers > 0 && numbers >= 4 * others;
  }

  /** For slash dates: day-first when some first part is above 12, month-first otherwise. */
  private boolean dayFirst(int dc) {
    boolean firstOver12 = false;
    boolean secondOver12 = false;
    String ambiguous = null;
    int ambiguousLine = 0;
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      if (dc >= row.length) continue;
      Matcher m = SLASH.matcher(row[dc].trim());
      if (!m.matches()) continue;
      if (Integer.parseInt(m.group(1)) > 12) firstOver12 = true;
      if (Integer.parseInt(m.group(2)) > 12) secondOver12 = true;
      if (ambiguous == null) {
        ambiguous = row[dc].trim();
        ambiguousLine = lines[r];
      }
    }
    if (firstOver12 && secondOver12) {
      throw SloException.data(
          path + ": the date column mixes D/M/YYYY and M/D/YYYY dates",
          "write dates as YYYY-MM-DD");
    }
    if (ambiguous != null && !firstOver12 && !secondOver12) {
      throw SloException.data(
          path
              + ":"
              + ambiguousLine
              + ": dates like "
              + ambiguous
              + " could be month/day or day/month, and no date in the file tells which",
          "write dates as YYYY-MM-DD");
    }
    return firstOver12;
  }

  private static boolean looksLikeDate(String v) {
    try {
      parseDate(v, false);
      return true;
    } catch (IllegalArgumentException e) {
      try {
        parseDate(v, true);
        return true;
      } catch (IllegalArgumentException e2) {
        return false;
      }
    }
  }

  static LocalDate parseDate(String text, boolean dayFirst) {
    Matcher m = ISO.matcher(text);
    try {
      if (m.matches()) {
        checkMidnight(text, m.group(4), m.group(5), m.group(6));
        int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), day);
      }
      m = SLASH.matcher(text);
      if (m.matches()) {
        checkMidnight(text, m.group(4), m.group(5), m.group(6));
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        int y = Integer.parseInt(m.group(3));
        return dayFirst ? LocalDate.of(y, b, a) : LocalDate.of(y, a, b);
      }
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + abbreviate(text) + "' is not a valid date");
    }
    throw new IllegalArgumentException(
        "'" + abbreviate(text) + "' is not a date (YYYY-MM-DD, YYYY-MM or M/D/YYYY)");
  }

  private static void checkMidnight(String text, String h, String m, String s) {
    boolean midnight =
        (h == null || Integer.parseInt(h) == 0)
            && (m == null || Integer.parseInt(m) == 0)
            && (s == null || Integer.parseInt(s) == 0);
    if (!midnight) {
      throw new IllegalArgumentException(
          "'"
              + abbreviate(text)
              + "' has a time of day; a series has one value per day, week or month (aggregate"
              + " events per day first)");
    }
  }

  static double parseValue(String t) {
    if (t.isEmpty()) return Double.NaN;
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.equals("na") || lower.equals("nan") || lower.equals("null") || lower.equals("n/a"))
      return Double.NaN;
    if (THOUSANDS.matcher(t).matches()) t = t.replace(",", "");
    if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
      throw new NumberFormatException(t);
    }
    return Double.parseDouble(t);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
