package io.slotoolkit.spark;

import io.slotoolkit.engine.SparkDialect;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A source's {@code timestamp_format} pattern (DuckDB's strptime) as a Spark SQL expression with
 * the same meaning: the event instant, or NULL where DuckDB's {@code try_strptime} gives NULL (the
 * row is then malformed on both engines, as an unreadable event time).
 *
 * <p>Why not Spark's datetime patterns ({@code to_timestamp(col, 'yyyy-MM-dd HH:mm:ss')}): DuckDB
 * reads more than they do, and differently. Measured on DuckDB 2.0: one-digit fields ({@code
 * 2026-3-8 1:2:3}), leading and trailing blanks, any run of blanks where the pattern has one, month
 * names in any case, {@code %z} as {@code +01}, {@code +0130} or {@code +01:30} (but not {@code
 * Z}), {@code %f} with 1 to 6 digits, and fixed widths only where two numbers touch ({@code
 * %Y%m%d}). So the pattern becomes a Java regular expression that accepts exactly that text, and
 * the parts are put together with {@code try_make_timestamp} (NULL for a day that does not exist,
 * such as 02-30) and integer microseconds.
 *
 * <p>Specifiers: {@code %Y %y %m %d %H %I %p %M %S %f %g %z %b %h %B %a %A %%}, each also with
 * {@code -} ({@code %-d}); every other one ({@code %Z} zone names, {@code %j}, {@code %U}, {@code
 * %n} nanoseconds, {@code %c}, ...) is refused, naming it. Fields the pattern lacks default as in
 * DuckDB: 1900-01-01 00:00:00.
 */
final class SparkTimeFormats {
  private SparkTimeFormats() {}

  /** A pattern with a specifier that has no exact translation; the message names it. */
  static final class Unsupported extends RuntimeException {
    Unsupported(String message) {
      super(message);
    }
  }

  private static final List<String> MONTHS =
      List.of(
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december");
  private static final List<String> DAYS =
      List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday");

  /** Specifiers read as digits, and their widest number of digits. */
  private static int digits(char spec) {
    return switch (spec) {
      case 'Y' -> 4;
      case 'y', 'm', 'd', 'H', 'I', 'M', 'S' -> 2;
      case 'f' -> 6;
      case 'g' -> 3;
      default -> 0;
    };
  }

  /**
   * The regular expression of a pattern, and which group holds each field (0: not in the pattern).
   */
  record Parsed(
      String regex,
      int year,
      int year2,
      int month,
      int monthName,
      boolean fullMonthName,
      int day,
      int hour,
      int hour12,
      int ampm,
      int minute,
      int second,
      int fraction,
      int offsetSign,
      int offsetHours,
      int offsetMinutes) {

    boolean hasOffset() {
      return offsetSign > 0;
    }
  }

  /**
   * Reads a strptime pattern.
   *
   * @throws Unsupported naming the first specifier without an exact translation
   */
  static Parsed parse(String pattern) {
    // tokens: a specifier letter ('%' for %%), or a literal character (' ' for a run of blanks)
    List<Character> specs = new ArrayList<>();
    List<Character> literals = new ArrayList<>();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '%') {
        if (i + 1 >= pattern.length())
          throw new Unsupported("the pattern ends with a lone %; write %% for a percent sign");
        char s = pattern.charAt(++i);
        if (s == '-') {
          if (i + 1 >= pattern.length() || digits(pattern.charAt(i + 1)) == 0)
            throw new Unsupported(
                "specifier %-"
                    + (i + 1 < pattern.length() ? pattern.charAt(i + 1) : "")
                    + " is not available with --engine spark");
          s = pattern.charAt(++i);
        }
        if (s == '%') {
          specs.add(null);
          literals.add('%');
        } else {
          specs.add(s);
          literals.add(null);
        }
      } else if (Character.isWhitespace(c)) {
        // a run of blanks in the pattern reads one or more blanks of any kind, as in DuckDB
        int last = literals.size() - 1;
        if (last >= 0 && Character.valueOf(' ').equals(literals.get(last))) continue;
        specs.add(null);
        literals.add(' ');
      } else {
        specs.add(null);
        literals.add(c);
      }
    }
    StringBuilder re = new StringBuilder("^\\s*");
    int group = 0;
    int[] g = new int[17];
    Set<Character> seen = new HashSet<>();
    boolean fullMonth = false;
    for (int t = 0; t < specs.size(); t++) {
      Character s = specs.get(t);
      if (s == null) {
        char c = literals.get(t);
        if (c == ' ') re.append("\\s+");
        else if (Character.isLetterOrDigit(c)) re.append(c);
        else re.append('\\').append(c);
        continue;
      }
      char field =
          switch (s) {
            case 'h' -> 'b';
            case 'B' -> 'b';
            case 'A' -> 'a';
            case 'y' -> 'Y';
            case 'g' -> 'f';
            default -> s;
          };
      if (!seen.add(field))
        throw new Unsupported(
            "specifier %" + s + " reads a field the pattern already reads; give each field once");
      int width = digits(s);
      if (width > 0) {
        Character next = t + 1 < specs.size() ? specs.get(t + 1) : null;
        // where two numbers touch (%Y%m%d), DuckDB reads each with its full width
        boolean touching = next != null && digits(next) > 0;
        re.append(touching ? "(\\d{" + width + "})" : "(\\d{1," + width + "})");
        group++;
        switch (s) {
          case 'Y' -> g[0] = group;
          case 'y' -> g[1] = group;
          case 'm' -> g[2] = group;
          case 'd' -> g[5] = group;
          case 'H' -> g[6] = group;
          case 'I' -> g[7] = group;
          case 'M' -> g[9] = group;
          case 'S' -> g[10] = group;
          // %f: 1 to 6 digits, %g: 1 to 3, both a fraction of a second (.5 is 500 ms)
          case 'f', 'g' -> g[11] = group;
          default -> throw new IllegalStateException("digits of %" + s);
        }
        continue;
      }
      switch (s) {
        case 'b', 'h', 'B' -> {
          fullMonth = s == 'B';
          re.append("((?i:").append(names(MONTHS, fullMonth)).append("))");
          g[3] = ++group;
        }
        case 'a', 'A' ->
            // a weekday name is read and not checked against the date, as in DuckDB
            re.append("(?i:").append(names(DAYS, s == 'A')).append(')');
        case 'p' -> {
          re.append("((?i:am|pm))");
          g[8] = ++group;
        }
        case 'z' -> {
          re.append("([+-])(\\d{2})(?::?(\\d{2}))?");
          g[12] = ++group;
          g[13] = ++group;
          g[14] = ++group;
        }
        default ->
            throw new Unsupported(
                "specifier %"
                    + s
                    + " is not available with --engine spark; it reads %Y %y %m %d %H %I %p %M %S"
                    + " %f %g %z %b %h %B %a %A and %%");
      }
    }
    if (g[8] != 0 && g[7] == 0)
      throw new Unsupported(
          "specifier %p is read with --engine spark only with %I (12-hour clock)");
    if (g[7] != 0 && g[6] != 0)
      throw new Unsupported("specifiers %H and %I both read the hour; give one");
    if (g[2] != 0 && g[3] != 0)
      throw new Unsupported("specifiers %m and %b both read the month; give one");
    re.append("\\s*$");
    return new Parsed(
        re.toString(),
        g[0],
        g[1],
        g[2],
        g[3],
        fullMonth,
        g[5],
        g[6],
        g[7],
        g[8],
        g[9],
        g[10],
        g[11],
        g[12],
        g[13],
        g[14]);
  }

  private static String names(List<String> names, boolean full) {
    List<String> out = new ArrayList<>();
    for (String n : names) out.add(full ? n : n.substring(0, 3));
    return String.join("|", out);
  }

  /**
   * A Spark SQL expression of type TIMESTAMP: the instant the text in {@code column} (a Spark
   * identifier) means in the pattern, a text without an offset read as wall clock time in {@code
   * naiveZone}; NULL where DuckDB's {@code try_strptime} gives NULL.
   *
   * @throws Unsupported naming the first specifier without an exact translation
   */
  static String instant(String column, String pattern, ZoneId naiveZone) {
    Parsed p = parse(pattern);
    String re = SparkDialect.literal(p.regex());
    List<String> valid = new ArrayList<>();
    valid.add(column + " RLIKE " + re);
    String year = "1900";
    if (p.year() != 0) year = part(column, re, p.year());
    if (p.year2() != 0) {
      // DuckDB's pivot: 00-68 are 2000-2068, 69-99 are 1969-1999
      String y = part(column, re, p.year2());
      year = "(CASE WHEN " + y + " < 69 THEN 2000 + " + y + " ELSE 1900 + " + y + " END)";
    }
    String month = "1";
    if (p.month() != 0) month = part(column, re, p.month());
    if (p.monthName() != 0) {
      StringBuilder b = new StringBuilder("(CASE lower(");
      b.append(text(column, re, p.monthName())).append(')');
      for (int i = 0; i < 12; i++) {
        String n = p.fullMonthName() ? MONTHS.get(i) : MONTHS.get(i).substring(0, 3);
        b.append(" WHEN ").append(SparkDialect.literal(n)).append(" THEN ").append(i + 1);
      }
      month = b.append(" END)").toString();
    }
    String day = p.day() == 0 ? "1" : part(column, re, p.day());
    String hour = "0";
    if (p.hour() != 0) hour = part(column, re, p.hour());
    if (p.hour12() != 0) {
      String h = part(column, re, p.hour12());
      valid.add(h + " BETWEEN 1 AND 12");
      hour =
          p.ampm() == 0
              ? h
              : "("
                  + h
                  + " % 12 + CASE lower("
                  + text(column, re, p.ampm())
                  + ")"
                  + " WHEN 'pm' THEN 12 ELSE 0 END)";
    }
    String minute = p.minute() == 0 ? "0" : part(column, re, p.minute());
    String second = p.second() == 0 ? "0" : part(column, re, p.second());
    // Spark's make_timestamp reads second 60 as the next minute; DuckDB refuses it
    valid.add(second + " < 60");
    String micros = "0";
    if (p.fraction() != 0)
      micros = "CAST(rpad(" + text(column, re, p.fraction()) + ", 6, '0') AS BIGINT)";
    String wall =
        "try_make_timestamp(" + String.join(", ", year, month, day, hour, minute, second) + ")";
    String offset = "0";
    if (p.hasOffset()) {
      String mm =
          "coalesce(try_cast(nullif("
              + text(column, re, p.offsetMinutes())
              + ", '') AS BIGINT), 0)";
      offset =
          "(CASE "
              + text(column, re, p.offsetSign())
              + " WHEN '-' THEN -1 ELSE 1 END) * ("
              + part(column, re, p.offsetHours())
              + " * 3600 + "
              + mm
              + " * 60) * 1000000";
    } else if (!naiveZone.normalized().equals(ZoneOffset.UTC)) {
      wall = SparkDialect.wallTimeInZone(wall, SparkDialect.literal(naiveZone.getId()));
    }
    return "(CASE WHEN "
        + String.join(" AND ", valid)
        + " THEN timestamp_micros(unix_micros("
        + wall
        + ") + "
        + micros
        + " - "
        + offset
        + ") END)";
  }

  private static String text(String column, String re, int group) {
    return "regexp_extract(" + column + ", " + re + ", " + group + ")";
  }

  private static String part(String column, String re, int group) {
    return "try_cast(" + text(column, re, group) + " AS INT)";
  }
}
