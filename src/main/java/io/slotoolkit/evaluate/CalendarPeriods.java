package io.slotoolkit.evaluate;

import io.slotoolkit.model.PeriodChoice;
import io.slotoolkit.model.Window;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Calendar periods in a zone: where the one holding a day starts, the ones before it, and their
 * names. Years and quarters start on the calendar's year start (1 January, or a fiscal start such
 * as 1 April); quarters every three months from it. A period starts at the first instant of its
 * first local day (a DST gap at midnight moves it forward).
 */
public final class CalendarPeriods {
  private CalendarPeriods() {}

  /**
   * One period: {@code [start, end)}.
   *
   * @param label its name: {@code 2026-02}, {@code 2026-Q1}, {@code FY2026-Q1}, {@code 2026-W07}
   * @param first its first local day
   * @param start first instant
   * @param end first instant of the next period
   */
  public record Span(String label, LocalDate first, Instant start, Instant end) {}

  /** The first local day of the period holding {@code day}. */
  public static LocalDate firstDay(Window.Calendar c, LocalDate day) {
    return switch (c.period()) {
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
      case QUARTER -> {
        LocalDate year = yearStart(c.yearStart(), day);
        LocalDate q = year;
        for (int k = 1; k < 4 && !year.plusMonths(3L * k).isAfter(day); k++) {
          q = year.plusMonths(3L * k);
        }
        yield q;
      }
      case YEAR -> yearStart(c.yearStart(), day);
    };
  }

  /** The latest start of a (fiscal) year on or before {@code day}. */
  private static LocalDate yearStart(MonthDay start, LocalDate day) {
    LocalDate y = start.atYear(day.getYear());
    return y.isAfter(day) ? start.atYear(day.getYear() - 1) : y;
  }

  /** {@code 04-01}: how a year start is written in a spec. */
  public static String monthDay(MonthDay d) {
    return String.format(Locale.ROOT, "%02d-%02d", d.getMonthValue(), d.getDayOfMonth());
  }

  /** The first day of the period after the one starting on {@code first}. */
  public static LocalDate next(Window.Calendar c, LocalDate first) {
    return switch (c.period()) {
      case WEEK -> first.plusWeeks(1);
      case MONTH -> first.plusMonths(1);
      case QUARTER -> first.plusMonths(3);
      case YEAR -> first.plusYears(1);
    };
  }

  /** The first day of the period before the one starting on {@code first}. */
  public static LocalDate previous(Window.Calendar c, LocalDate first) {
    return switch (c.period()) {
      case WEEK -> first.minusWeeks(1);
      case MONTH -> first.minusMonths(1);
      case QUARTER -> first.minusMonths(3);
      case YEAR -> first.minusYears(1);
    };
  }

  /** The period starting on {@code first} (a first day of {@code c}) in {@code zone}. */
  public static Span span(Window.Calendar c, LocalDate first, ZoneId zone) {
    return new Span(
        label(c, first),
        first,
        first.atStartOfDay(zone).toInstant(),
        next(c, first).atStartOfDay(zone).toInstant());
  }

  /**
   * The last {@code n} periods that ended at or before {@code at}, oldest first: the periods before
   * the one holding {@code at} (at the very start of a period, the one before it is complete and is
   * the last listed).
   */
  public static List<Span> lastComplete(Window.Calendar c, Instant at, ZoneId zone, int n) {
    LocalDate current = firstDay(c, at.atZone(zone).toLocalDate());
    if (current.atStartOfDay(zone).toInstant().isAfter(at)) current = previous(c, current);
    List<Span> out = new ArrayList<>();
    LocalDate first = current;
    for (int i = 0; i < n; i++) {
      first = previous(c, first);
      out.add(0, span(c, first, zone));
    }
    return out;
  }

  /**
   * Names a period: months {@code 2026-02}, ISO weeks {@code 2026-W07}, quarters {@code 2026-Q1},
   * years {@code 2026}. A fiscal year is named by the civil year it starts in ({@code FY2026} from
   * 1 April 2026 to 31 March 2027), and its quarters after it ({@code FY2026-Q1}).
   */
  public static String label(Window.Calendar c, LocalDate first) {
    String fy = c.fiscal() ? "FY" : "";
    return switch (c.period()) {
      case WEEK ->
          String.format(
              Locale.ROOT,
              "%04d-W%02d",
              first.get(IsoFields.WEEK_BASED_YEAR),
              first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> String.format(Locale.ROOT, "%04d-%02d", first.getYear(), first.getMonthValue());
      case QUARTER -> {
        LocalDate year = yearStart(c.yearStart(), first);
        long q = java.time.temporal.ChronoUnit.MONTHS.between(year, first) / 3 + 1;
        yield String.format(Locale.ROOT, "%s%04d-Q%d", fy, year.getYear(), q);
      }
      case YEAR -> String.format(Locale.ROOT, "%s%04d", fy, first.getYear());
    };
  }

  /**
   * The period a user named, in {@code zone}; a fiscal one with {@code yearStart}.
   *
   * @throws IllegalArgumentException for an ISO week 53 of a year that has 52
   */
  public static Span resolve(PeriodChoice p, MonthDay yearStart, ZoneId zone) {
    Window.Calendar c =
        new Window.Calendar(p.period(), p.fiscal() ? yearStart : Window.Calendar.JANUARY_1);
    LocalDate year = c.yearStart().atYear(p.year());
    LocalDate first =
        switch (p.period()) {
          case YEAR -> year;
          case QUARTER -> year.plusMonths(3L * (p.index() - 1));
          case MONTH -> LocalDate.of(p.year(), p.index(), 1);
          case WEEK -> {
            LocalDate jan4 = LocalDate.of(p.year(), 1, 4);
            if (p.index() > jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
              throw new IllegalArgumentException(p.year() + " has no ISO week " + p.index());
            }
            yield jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, p.index())
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          }
        };
    return span(c, first, zone);
  }
}
