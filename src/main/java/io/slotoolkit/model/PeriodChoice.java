package io.slotoolkit.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named calendar period chosen on the command line ({@code slo report --period 2026-02}): a year,
 * a quarter, a month or an ISO week, of the civil calendar or of the SLOs' fiscal calendar.
 *
 * @param period the kind of period
 * @param fiscal whether the year and quarter are those of the SLOs' {@code calendar.start} (named
 *     by the civil year in which the fiscal year starts)
 * @param year the (fiscal, or ISO week-based) year
 * @param index the quarter (1-4), month (1-12) or ISO week (1-53); 0 for a year
 */
public record PeriodChoice(Window.Period period, boolean fiscal, int year, int index) {
  private static final Pattern FORM =
      Pattern.compile("(FY)?([0-9]{4})(?:-(?:Q([1-4])|W([0-9]{2})|([0-9]{2})))?");

  /** The forms {@link #parse} accepts, for messages. */
  public static final String FORMS =
      "2026 (a year), 2026-Q1 (a quarter), 2026-02 (a month), 2026-W07 (an ISO week), FY2026 or"
          + " FY2026-Q1 (a fiscal year or quarter, from the SLOs' calendar start)";

  public PeriodChoice {
    if (period == null) throw new IllegalArgumentException("period missing");
    if (fiscal && period != Window.Period.YEAR && period != Window.Period.QUARTER) {
      throw new IllegalArgumentException("only years and quarters are fiscal");
    }
  }

  /**
   * Reads {@code 2026}, {@code 2026-Q1}, {@code 2026-02}, {@code 2026-W07}, {@code FY2026} or
   * {@code FY2026-Q1}.
   *
   * @throws IllegalArgumentException with a sentence saying what is wrong
   */
  public static PeriodChoice parse(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT);
    Matcher m = FORM.matcher(t);
    if (!m.matches()) throw new IllegalArgumentException("'" + text + "' is not a period");
    boolean fiscal = m.group(1) != null;
    int year = Integer.parseInt(m.group(2));
    if (year < 1) throw new IllegalArgumentException("'" + text + "': there is no year 0000");
    if (m.group(3) != null) {
      return new PeriodChoice(Window.Period.QUARTER, fiscal, year, Integer.parseInt(m.group(3)));
    }
    if (m.group(4) != null || m.group(5) != null) {
      if (fiscal) {
        throw new IllegalArgumentException(
            "'" + text + "': only years and quarters are fiscal (FY2026, FY2026-Q1)");
      }
      boolean week = m.group(4) != null;
      int n = Integer.parseInt(week ? m.group(4) : m.group(5));
      if (n < 1 || n > (week ? 53 : 12)) {
        throw new IllegalArgumentException(
            "'" + text + "': there is no " + (week ? "week " : "month ") + n);
      }
      return new PeriodChoice(week ? Window.Period.WEEK : Window.Period.MONTH, false, year, n);
    }
    return new PeriodChoice(Window.Period.YEAR, fiscal, year, 0);
  }

  /** How the user writes it: {@code 2026-02}, {@code FY2026-Q1}. */
  public String label() {
    String y = (fiscal ? "FY" : "") + String.format(Locale.ROOT, "%04d", year);
    return switch (period) {
      case YEAR -> y;
      case QUARTER -> y + "-Q" + index;
      case MONTH -> y + String.format(Locale.ROOT, "-%02d", index);
      case WEEK -> y + String.format(Locale.ROOT, "-W%02d", index);
    };
  }
}
