package io.slotoolkit.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recurring range of days each year, such as the moving season {@code 03-15..04-10}. A range may
 * wrap over the new year ({@code 12-15..01-10}); both ends are inclusive.
 *
 * @param from the first day of the range
 * @param to the last day of the range
 */
public record Season(MonthDay from, MonthDay to) {
  private static final Pattern FORM = Pattern.compile("(\\d{2})-(\\d{2})\\.\\.(\\d{2})-(\\d{2})");

  public Season {
    if (from == null || to == null) throw new IllegalArgumentException("season end missing");
  }

  /**
   * Parses {@code MM-DD..MM-DD}.
   *
   * @throws SloException (usage) naming the part that is wrong
   */
  public static Season parse(String text) {
    String t = text == null ? "" : text.trim();
    String hint = "write the season as MM-DD..MM-DD, such as 03-15..04-10 (12-15..01-10 wraps)";
    Matcher m = FORM.matcher(t);
    if (!m.matches()) {
      throw SloException.spec("--season '" + t + "' is not a date range", hint);
    }
    MonthDay a = monthDay(t, m.group(1), m.group(2), hint);
    MonthDay b = monthDay(t, m.group(3), m.group(4), hint);
    return new Season(a, b);
  }

  private static MonthDay monthDay(String whole, String mm, String dd, String hint) {
    int month = Integer.parseInt(mm);
    int day = Integer.parseInt(dd);
    if (month < 1 || month > 12) {
      throw SloException.spec(
          "--season '" + whole + "': month " + mm + " is not between 01 and 12", hint);
    }
    try {
      return MonthDay.of(month, day);
    } catch (DateTimeException e) {
      throw SloException.spec(
          "--season '" + whole + "': " + mm + "-" + dd + " is not a day of the year", hint);
    }
  }

  /** Whether the range wraps over the new year. */
  public boolean wraps() {
    return to.isBefore(from);
  }

  /** Whether {@code d} falls in the range (Feb 29 counts as inside when Feb 28 and Mar 1 are). */
  public boolean contains(LocalDate d) {
    MonthDay md = MonthDay.from(d);
    boolean afterFrom = !md.isBefore(from);
    boolean beforeTo = !md.isAfter(to);
    return wraps() ? afterFrom || beforeTo : afterFrom && beforeTo;
  }

  /** Whether any day of {@code [start, endInclusive]} falls in the range. */
  public boolean overlaps(LocalDate start, LocalDate endInclusive) {
    for (LocalDate d = start; !d.isAfter(endInclusive); d = d.plusDays(1)) {
      if (contains(d)) return true;
    }
    return false;
  }

  /** The last day of the first occurrence of the range that ends on or after {@code d}. */
  public LocalDate nextEnd(LocalDate d) {
    LocalDate end = atYear(to, d.getYear());
    if (end.isBefore(d)) end = atYear(to, d.getYear() + 1);
    return end;
  }

  private static LocalDate atYear(MonthDay md, int year) {
    return md.isValidYear(year) ? md.atYear(year) : LocalDate.of(year, 2, 28);
  }

  @Override
  public String toString() {
    return String.format(
        "%02d-%02d..%02d-%02d",
        from.getMonthValue(), from.getDayOfMonth(), to.getMonthValue(), to.getDayOfMonth());
  }
}
