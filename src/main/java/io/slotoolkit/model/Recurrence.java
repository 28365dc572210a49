package io.slotoolkit.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The subset of an RFC 5545 recurrence rule ({@code RRULE}) that exclusions use: {@code FREQ}
 * (DAILY, WEEKLY, MONTHLY, YEARLY), {@code INTERVAL}, {@code BYDAY} (with ordinals in MONTHLY and
 * YEARLY), {@code BYMONTHDAY}, {@code BYMONTH}, {@code COUNT} and {@code UNTIL}, weeks starting on
 * Monday. It yields local date-times; turning them into instants in a zone is the caller's.
 *
 * <p>As RFC 5545 says: BYMONTH limits DAILY, WEEKLY and MONTHLY and expands YEARLY; BYMONTHDAY
 * limits DAILY and expands MONTHLY and YEARLY; BYDAY limits DAILY, expands WEEKLY, and expands
 * MONTHLY and YEARLY unless BYMONTHDAY is given, which it then limits; without BY parts the
 * recurrence repeats the start's weekday (WEEKLY), day of month (MONTHLY) or day of year (YEARLY).
 * Dates that do not exist (30 February) are skipped. COUNT counts occurrences from the start.
 *
 * @param frequency how often the rule's period repeats
 * @param interval every how many periods, 1 or more
 * @param byDay weekdays, each with an ordinal (0: every such day; 1: the first, -1: the last)
 * @param byMonthDay days of the month, 1 to 31 or -31 to -1 (from the end)
 * @param byMonth months, 1 to 12
 * @param count how many occurrences there are; null when unbounded
 * @param until the last local date-time an occurrence may start at; null when unbounded
 * @param text the rule as written
 */
public record Recurrence(
    Frequency frequency,
    int interval,
    List<WeekdayNum> byDay,
    List<Integer> byMonthDay,
    List<Integer> byMonth,
    Integer count,
    LocalDateTime until,
    String text) {

  /** The periods a rule repeats over. */
  public enum Frequency {
    DAILY,
    WEEKLY,
    MONTHLY,
    YEARLY
  }

  /**
   * A weekday with an optional ordinal: {@code TU} (every Tuesday), {@code 1TU}, {@code -1FR}.
   *
   * @param ordinal 0 for every such day of the period, else its position from the start (1..) or
   *     the end (-1..)
   * @param day the weekday
   */
  public record WeekdayNum(int ordinal, DayOfWeek day) {}

  public Recurrence {
    if (frequency == null) throw new IllegalArgumentException("FREQ missing");
    if (interval < 1) throw new IllegalArgumentException("INTERVAL must be 1 or more");
    byDay = List.copyOf(byDay);
    byMonthDay = List.copyOf(byMonthDay);
    byMonth = List.copyOf(byMonth);
    if (count != null && count < 1) throw new IllegalArgumentException("COUNT must be 1 or more");
    if (count != null && until != null) {
      throw new IllegalArgumentException("COUNT and UNTIL cannot both be given");
    }
  }

  /**
   * The local start times of the occurrences from {@code start} (the rule's DTSTART, whose time of
   * day every occurrence has) that start at or before {@code last}, in order.
   *
   * @param notBefore occurrences starting before this may be left out (a hint to skip ahead; with
   *     COUNT every occurrence from the start is still counted)
   */
  public List<LocalDateTime> occurrences(
      LocalDateTime start, LocalDateTime notBefore, LocalDateTime last) {
    List<LocalDateTime> out = new ArrayList<>();
    LocalDate base = periodStart(start.toLocalDate());
    long k = 0;
    if (count == null && notBefore.isAfter(start)) {
      // skip whole periods that end before notBefore; the rule repeats every `interval` of them
      long periods = unit().between(base, periodStart(notBefore.toLocalDate()));
      k = Math.max(0, periods / interval - 1);
    }
    int seen = 0;
    while (true) {
      LocalDate period = base.plus(k * interval, unit());
      if (period.atStartOfDay().isAfter(last)) return out;
      for (LocalDate d : dates(period, start.toLocalDate())) {
        LocalDateTime t = d.atTime(start.toLocalTime());
        if (t.isBefore(start)) continue;
        if (until != null && t.isAfter(until)) return out;
        if (t.isAfter(last)) return out;
        seen++;
        if (!t.isBefore(notBefore) || count != null) out.add(t);
        if (count != null && seen >= count) return out;
      }
      k++;
    }
  }

  private ChronoUnit unit() {
    return switch (frequency) {
      case DAILY -> ChronoUnit.DAYS;
      case WEEKLY -> ChronoUnit.WEEKS;
      case MONTHLY -> ChronoUnit.MONTHS;
      case YEARLY -> ChronoUnit.YEARS;
    };
  }

  private LocalDate periodStart(LocalDate d) {
    return switch (frequency) {
      case DAILY -> d;
      case WEEKLY -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTHLY -> d.withDayOfMonth(1);
      case YEARLY -> d.withDayOfYear(1);
    };
  }

  /** The candidate dates of one period, in order. */
  private List<LocalDate> dates(LocalDate period, LocalDate start) {
    TreeSet<LocalDate> out = new TreeSet<>();
    switch (frequency) {
      case DAILY -> {
        if (inMonths(period) && dayOfMonthMatches(period) && weekdayMatches(period)) {
          out.add(period);
        }
      }
      case WEEKLY -> {
        for (int i = 0; i < 7; i++) {
          LocalDate d = period.plusDays(i);
          boolean day =
              byDay.isEmpty()
                  ? d.getDayOfWeek() == start.getDayOfWeek()
                  : byDay.stream().anyMatch(w -> w.day() == d.getDayOfWeek());
          if (day && inMonths(d)) out.add(d);
        }
      }
      case MONTHLY -> {
        if (inMonths(period)) out.addAll(inMonth(period, start));
      }
      case YEARLY -> {
        if (byMonth.isEmpty() && byMonthDay.isEmpty() && !byDay.isEmpty()) {
          // ordinals count within the year: 20MO is the year's 20th Monday
          out.addAll(weekdays(period, period.plusYears(1)));
        } else {
          List<Integer> months =
              !byMonth.isEmpty()
                  ? byMonth
                  : byMonthDay.isEmpty() && byDay.isEmpty()
                      ? List.of(start.getMonthValue())
                      : List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
          for (int m : months) out.addAll(inMonth(period.withMonth(m), start));
        }
      }
    }
    return List.copyOf(out);
  }

  /** The dates of one month (starting on {@code first}) the BYMONTHDAY and BYDAY parts give. */
  private List<LocalDate> inMonth(LocalDate first, LocalDate start) {
    List<LocalDate> out = new ArrayList<>();
    LocalDate next = first.plusMonths(1);
    if (byMonthDay.isEmpty() && byDay.isEmpty()) {
      if (start.getDayOfMonth() <= first.lengthOfMonth()) {
        out.add(first.withDayOfMonth(start.getDayOfMonth()));
      }
      return out;
    }
    if (byMonthDay.isEmpty()) return weekdays(first, next);
    List<LocalDate> matching = weekdays(first, next);
    for (int n : byMonthDay) {
      int len = first.lengthOfMonth();
      int day = n > 0 ? n : len + n + 1;
      if (day < 1 || day > len) continue;
      LocalDate d = first.withDayOfMonth(day);
      if (byDay.isEmpty() || matching.contains(d)) out.add(d);
    }
    return out;
  }

  /** The days in {@code [from, to)} that BYDAY names, ordinals counted within that span. */
  private List<LocalDate> weekdays(LocalDate from, LocalDate to) {
    List<LocalDate> out = new ArrayList<>();
    for (WeekdayNum w : byDay) {
      List<LocalDate> all = new ArrayList<>();
      for (LocalDate d = from.with(TemporalAdjusters.nextOrSame(w.day()));
          d.isBefore(to);
          d = d.plusWeeks(1)) {
        all.add(d);
      }
      if (w.ordinal() == 0) out.addAll(all);
      else {
        int i = w.ordinal() > 0 ? w.ordinal() - 1 : all.size() + w.ordinal();
        if (i >= 0 && i < all.size()) out.add(all.get(i));
      }
    }
    return out;
  }

  private boolean inMonths(LocalDate d) {
    return byMonth.isEmpty() || byMonth.contains(d.getMonthValue());
  }

  private boolean dayOfMonthMatches(LocalDate d) {
    if (byMonthDay.isEmpty()) return true;
    int len = d.lengthOfMonth();
    for (int n : byMonthDay) if ((n > 0 ? n : len + n + 1) == d.getDayOfMonth()) return true;
    return false;
  }

  private boolean weekdayMatches(LocalDate d) {
    return byDay.isEmpty() || byDay.stream().anyMatch(w -> w.day() == d.getDayOfWeek());
  }
}
