package io.slotoolkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.model.Recurrence.Frequency;
import io.slotoolkit.model.Recurrence.WeekdayNum;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceTest {
  static final LocalDateTime FAR = LocalDateTime.parse("2030-01-01T00:00");

  static List<String> dates(Recurrence r, String start, int n) {
    LocalDateTime s = LocalDateTime.parse(start);
    return r.occurrences(s, s, FAR).stream().limit(n).map(t -> t.toLocalDate().toString()).toList();
  }

  static Recurrence rule(
      Frequency f,
      int interval,
      List<WeekdayNum> byDay,
      List<Integer> byMonthDay,
      List<Integer> byMonth,
      Integer count) {
    return new Recurrence(f, interval, byDay, byMonthDay, byMonth, count, null, "test");
  }

  static WeekdayNum day(int ordinal, DayOfWeek d) {
    return new WeekdayNum(ordinal, d);
  }

  @Test
  void the_first_tuesday_of_each_month() {
    // 2026: 1 Jan is a Thursday -> 6 Jan; 1 Feb Sunday -> 3 Feb; 1 Mar Sunday -> 3 Mar;
    // 1 Apr Wednesday -> 7 Apr
    Recurrence r =
        rule(Frequency.MONTHLY, 1, List.of(day(1, DayOfWeek.TUESDAY)), List.of(), List.of(), null);
    assertThat(dates(r, "2026-01-06T02:00", 4))
        .containsExactly("2026-01-06", "2026-02-03", "2026-03-03", "2026-04-07");
  }

  @Test
  void the_last_friday_and_the_last_day_of_the_month() {
    Recurrence lastFriday =
        rule(Frequency.MONTHLY, 1, List.of(day(-1, DayOfWeek.FRIDAY)), List.of(), List.of(), null);
    assertThat(dates(lastFriday, "2026-01-30T22:00", 3))
        .containsExactly("2026-01-30", "2026-02-27", "2026-03-27");
    Recurrence lastDay = rule(Frequency.MONTHLY, 1, List.of(), List.of(-1), List.of(), null);
    assertThat(dates(lastDay, "2026-01-31T22:00", 3))
        .containsExactly("2026-01-31", "2026-02-28", "2026-03-31");
  }

  @Test
  void a_31st_skips_the_months_without_one() {
    Recurrence r = rule(Frequency.MONTHLY, 1, List.of(), List.of(), List.of(), null);
    assertThat(dates(r, "2026-01-31T01:00", 3))
        .containsExactly("2026-01-31", "2026-03-31", "2026-05-31");
  }

  @Test
  void thanksgiving_is_the_fourth_thursday_of_november() {
    Recurrence r =
        rule(
            Frequency.YEARLY, 1, List.of(day(4, DayOfWeek.THURSDAY)), List.of(), List.of(11), null);
    // 1 Nov 2026 is a Sunday -> Thursdays 5, 12, 19, 26; 1 Nov 2027 a Monday -> 4, 11, 18, 25
    assertThat(dates(r, "2026-11-26T00:00", 2)).containsExactly("2026-11-26", "2027-11-25");
  }

  @Test
  void every_other_week_on_monday_and_thursday() {
    Recurrence r =
        rule(
            Frequency.WEEKLY,
            2,
            List.of(day(0, DayOfWeek.MONDAY), day(0, DayOfWeek.THURSDAY)),
            List.of(),
            List.of(),
            null);
    // weeks of 5 Jan, 19 Jan, 2 Feb (the weeks of 12 and 26 Jan are skipped)
    assertThat(dates(r, "2026-01-05T03:00", 5))
        .containsExactly("2026-01-05", "2026-01-08", "2026-01-19", "2026-01-22", "2026-02-02");
  }

  @Test
  void count_and_until_end_the_rule() {
    Recurrence three = rule(Frequency.DAILY, 1, List.of(), List.of(), List.of(), 3);
    assertThat(dates(three, "2026-01-05T02:00", 10))
        .containsExactly("2026-01-05", "2026-01-06", "2026-01-07");
    Recurrence until =
        new Recurrence(
            Frequency.DAILY,
            1,
            List.of(),
            List.of(),
            List.of(),
            null,
            LocalDateTime.parse("2026-01-07T02:00"),
            "x");
    // UNTIL is inclusive: the occurrence starting exactly at it is the last
    assertThat(dates(until, "2026-01-05T02:00", 10))
        .containsExactly("2026-01-05", "2026-01-06", "2026-01-07");
  }

  @Test
  void skipping_ahead_gives_the_same_occurrences_as_walking_from_the_start() {
    Recurrence r =
        rule(
            Frequency.MONTHLY, 5, List.of(day(2, DayOfWeek.WEDNESDAY)), List.of(), List.of(), null);
    LocalDateTime start = LocalDateTime.parse("2026-01-14T02:00");
    LocalDateTime from = LocalDateTime.parse("2029-03-01T00:00");
    List<LocalDateTime> all =
        r.occurrences(start, start, FAR).stream().filter(t -> !t.isBefore(from)).toList();
    assertThat(r.occurrences(start, from, FAR)).isEqualTo(all).isNotEmpty();
  }
}
