package io.slotoolkit.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotoolkit.model.ExcludedInterval;
import io.slotoolkit.model.Exclusion;
import io.slotoolkit.model.ExclusionScope;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.Recurrence;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SourceLocation;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExclusionsTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Path SPEC = Path.of("specs/api.yaml");
  static final ExclusionScope ALL = new ExclusionScope.AllSlos();

  static Instant t(String iso) {
    return Instant.parse(iso);
  }

  static Exclusion.Weekly weekly(
      Set<DayOfWeek> days, String from, String to, ZoneId zone, String reason, int line) {
    return new Exclusion.Weekly(
        days,
        LocalTime.parse(from),
        LocalTime.parse(to),
        zone,
        ALL,
        reason,
        new SourceLocation(SPEC, line, 7));
  }

  static Exclusion.Once once(
      String from, String to, ExclusionScope scope, String reason, int line) {
    return new Exclusion.Once(t(from), t(to), scope, reason, new SourceLocation(SPEC, line, 7));
  }

  static List<String> spans(List<ExcludedInterval> intervals) {
    return intervals.stream().map(i -> i.start() + ".." + i.end()).toList();
  }

  @Test
  void a_weekly_window_follows_new_york_across_the_spring_change() {
    // Sundays 01:00-03:00 New York; clocks go from 02:00 EST to 03:00 EDT on Sunday 2026-03-08.
    // Mar 1 (EST, -5): 06:00Z-08:00Z. Mar 8: 01:00 EST = 06:00Z, 03:00 EDT = 07:00Z: one hour.
    // Mar 15 (EDT, -4): 05:00Z-07:00Z.
    Exclusion.Weekly w = weekly(Set.of(DayOfWeek.SUNDAY), "01:00", "03:00", NEW_YORK, "backup", 30);
    assertThat(spans(Exclusions.expand(w, t("2026-03-01T00:00:00Z"), t("2026-03-22T00:00:00Z"))))
        .containsExactly(
            "2026-03-01T06:00:00Z..2026-03-01T08:00:00Z",
            "2026-03-08T06:00:00Z..2026-03-08T07:00:00Z",
            "2026-03-15T05:00:00Z..2026-03-15T07:00:00Z");
  }

  @Test
  void a_start_inside_the_skipped_hour_moves_to_the_end_of_the_gap() {
    // 02:30 does not exist on 2026-03-08 in New York: the first wall time at or after it is 03:00
    // EDT = 07:00Z; 04:00 EDT = 08:00Z
    Exclusion.Weekly w = weekly(Set.of(DayOfWeek.SUNDAY), "02:30", "04:00", NEW_YORK, "deploy", 31);
    assertThat(spans(Exclusions.expand(w, t("2026-03-08T00:00:00Z"), t("2026-03-09T00:00:00Z"))))
        .containsExactly("2026-03-08T07:00:00Z..2026-03-08T08:00:00Z");
  }

  @Test
  void a_range_in_the_repeated_hour_covers_both_passes() {
    // 2026-11-01: 02:00 EDT becomes 01:00 EST. 01:00-01:30 starts at the first 01:00 (EDT, 05:00Z)
    // and ends at the last 01:30 (EST, 06:30Z). A week later, plain EST: 06:00Z-06:30Z.
    Exclusion.Weekly w = weekly(Set.of(DayOfWeek.SUNDAY), "01:00", "01:30", NEW_YORK, "rotate", 32);
    assertThat(spans(Exclusions.expand(w, t("2026-10-31T00:00:00Z"), t("2026-11-09T00:00:00Z"))))
        .containsExactly(
            "2026-11-01T05:00:00Z..2026-11-01T06:30:00Z",
            "2026-11-08T06:00:00Z..2026-11-08T06:30:00Z");
  }

  @Test
  void an_overnight_window_runs_into_the_next_day_across_the_berlin_change() {
    // Saturdays 22:00-02:00 Berlin. Mar 21: 22:00 CET = 21:00Z to 02:00 CET = 01:00Z.
    // Mar 28: 02:00 on Sunday Mar 29 is skipped (02:00 CET -> 03:00 CEST at 01:00Z): ends 01:00Z.
    // Apr 4: 22:00 CEST = 20:00Z to 02:00 CEST = 00:00Z.
    Exclusion.Weekly w = weekly(Set.of(DayOfWeek.SATURDAY), "22:00", "02:00", BERLIN, "batch", 33);
    assertThat(spans(Exclusions.expand(w, t("2026-03-21T00:00:00Z"), t("2026-04-06T00:00:00Z"))))
        .containsExactly(
            "2026-03-21T21:00:00Z..2026-03-22T01:00:00Z",
            "2026-03-28T21:00:00Z..2026-03-29T01:00:00Z",
            "2026-04-04T20:00:00Z..2026-04-05T00:00:00Z");
  }

  @Test
  void windows_are_clipped_to_the_range_and_equal_times_mean_a_whole_day() {
    // Mondays 00:00-00:00 Berlin = all of Monday; 2026-01-05 00:00 CET = Jan 4 23:00Z
    Exclusion.Weekly w = weekly(Set.of(DayOfWeek.MONDAY), "00:00", "00:00", BERLIN, "freeze", 34);
    assertThat(spans(Exclusions.expand(w, t("2026-01-05T12:00:00Z"), t("2026-01-13T00:00:00Z"))))
        .containsExactly(
            "2026-01-05T12:00:00Z..2026-01-05T23:00:00Z",
            "2026-01-11T23:00:00Z..2026-01-12T23:00:00Z");
  }

  @Test
  void a_whole_day_period_on_consecutive_days_joins_across_the_repeated_hour() {
    // Saturdays and Sundays 01:30-01:30 New York (24 hours each). Saturday Oct 31 runs from 01:30
    // EDT (05:30Z) to the last 01:30 of Sunday Nov 1, which is EST (06:30Z); Sunday's own period
    // starts at the first 01:30 (EDT, 05:30Z) and ends Monday 01:30 EST (06:30Z). They overlap for
    // an hour, so the exclusion's own intervals are joined instead of counting events twice.
    Exclusion.Weekly w =
        weekly(
            Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), "01:30", "01:30", NEW_YORK, "freeze", 35);
    assertThat(spans(Exclusions.expand(w, t("2026-10-30T00:00:00Z"), t("2026-11-03T00:00:00Z"))))
        .containsExactly("2026-10-31T05:30:00Z..2026-11-02T06:30:00Z");
    assertThat(
            Exclusions.intervalsFor(
                List.of(w), API, t("2026-10-30T00:00:00Z"), t("2026-11-03T00:00:00Z")))
        .hasSize(1);
  }

  @Test
  void a_one_off_window_must_end_after_it_starts() {
    assertThat(Exclusion.Once.problems(t("2026-03-01T04:00:00Z"), t("2026-03-01T02:00:00Z"), "x"))
        .containsExactly(
            "the exclusion ends at 2026-03-01T02:00:00Z, before it starts at 2026-03-01T04:00:00Z");
    assertThat(Exclusion.Once.problems(t("2026-03-01T04:00:00Z"), t("2026-03-01T04:00:00Z"), " "))
        .containsExactly(
            "the exclusion ends at 2026-03-01T04:00:00Z, the instant it starts",
            "the exclusion has no reason");
    assertThatThrownBy(
            () -> once("2026-03-01T04:00:00Z", "2026-03-01T02:00:00Z", ALL, "upgrade", 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Exclusion.Weekly.problems(Set.of(), LocalTime.NOON, LocalTime.MIDNIGHT, BERLIN, "x"))
        .containsExactly("the weekly exclusion names no day");
  }

  static final Slo API = TestSlos.slo("homehub", "api-availability", "0.999", List.of(), 0, 10);
  static final Slo LATENCY = TestSlos.slo("homehub", "api-latency", "0.99", List.of(), 0, 20);

  @Test
  void overlapping_one_offs_for_the_same_slo_name_both() {
    Exclusion a = once("2026-03-01T02:00:00Z", "2026-03-01T04:00:00Z", ALL, "db upgrade", 40);
    Exclusion b =
        once(
            "2026-03-01T03:00:00Z",
            "2026-03-01T05:00:00Z",
            new ExclusionScope.SloNamed("api-availability"),
            "load test",
            44);
    assertThat(Exclusions.check(List.of(a, b), List.of(API, LATENCY)))
        .extracting(Problem::render)
        .containsExactly(
            "specs/api.yaml:44:7: exclusion 'load test' (specs/api.yaml:44:7) overlaps exclusion"
                + " 'db upgrade' (specs/api.yaml:40:7) from 2026-03-01T03:00:00Z to"
                + " 2026-03-01T04:00:00Z (an event would be excluded twice: merge them or shorten"
                + " one)");
    // the same times for two different SLOs do not overlap
    Exclusion c =
        once(
            "2026-03-01T03:00:00Z",
            "2026-03-01T05:00:00Z",
            new ExclusionScope.SloNamed("homehub/api-latency"),
            "load test",
            44);
    Exclusion d =
        once(
            "2026-03-01T02:00:00Z",
            "2026-03-01T04:00:00Z",
            new ExclusionScope.SloNamed("api-availability"),
            "db upgrade",
            40);
    assertThat(Exclusions.check(List.of(d, c), List.of(API, LATENCY))).isEmpty();
  }

  @Test
  void a_one_off_inside_a_weekly_window_overlaps_it() {
    // weekly Sunday 01:00-03:00 New York is 06:00Z-07:00Z on 2026-03-08 (spring change)
    Exclusion w = weekly(Set.of(DayOfWeek.SUNDAY), "01:00", "03:00", NEW_YORK, "backup", 30);
    Exclusion o = once("2026-03-08T06:30:00Z", "2026-03-08T09:00:00Z", ALL, "migration", 50);
    assertThat(Exclusions.check(List.of(w, o), List.of(API)).get(0).message())
        .isEqualTo(
            "exclusion 'migration' (specs/api.yaml:50:7) overlaps exclusion 'backup'"
                + " (specs/api.yaml:30:7) from 2026-03-08T06:30:00Z to 2026-03-08T07:00:00Z");
    Exclusion after = once("2026-03-08T07:00:00Z", "2026-03-08T09:00:00Z", ALL, "migration", 50);
    assertThat(Exclusions.check(List.of(w, after), List.of(API))).isEmpty();
  }

  @Test
  void weekly_windows_in_different_zones_are_compared_in_real_time() {
    // Mondays 10:00-12:00 Berlin and 09:30-10:00 London: the first Monday of 2026, Jan 5, is
    // 09:00Z-11:00Z and 09:30Z-10:00Z
    Exclusion berlin = weekly(Set.of(DayOfWeek.MONDAY), "10:00", "12:00", BERLIN, "batch", 30);
    Exclusion london =
        weekly(Set.of(DayOfWeek.MONDAY), "09:30", "10:00", ZoneId.of("Europe/London"), "sync", 31);
    assertThat(Exclusions.check(List.of(berlin, london), List.of(API)).get(0).message())
        .endsWith("from 2026-01-05T09:30:00Z to 2026-01-05T10:00:00Z");
    // 11:00-12:00 Berlin and 09:00-10:00 London (= 10:00-11:00 Berlin all year) touch, no overlap
    Exclusion late = weekly(Set.of(DayOfWeek.MONDAY), "11:00", "12:00", BERLIN, "batch", 30);
    Exclusion early =
        weekly(Set.of(DayOfWeek.MONDAY), "09:00", "10:00", ZoneId.of("Europe/London"), "sync", 31);
    assertThat(Exclusions.check(List.of(late, early), List.of(API))).isEmpty();
  }

  @Test
  void an_exclusion_for_an_unknown_slo_is_reported() {
    Exclusion o =
        once(
            "2026-03-01T02:00:00Z",
            "2026-03-01T04:00:00Z",
            new ExclusionScope.SloNamed("checkout"),
            "db upgrade",
            40);
    assertThat(Exclusions.check(List.of(o), List.of(API, LATENCY)))
        .extracting(Problem::render)
        .containsExactly(
            "specs/api.yaml:40:7: exclusion 'db upgrade' (specs/api.yaml:40:7) is for SLO"
                + " checkout, which no spec defines (known SLOs: homehub/api-availability,"
                + " homehub/api-latency)");
  }

  @Test
  void intervals_for_an_slo_merge_its_exclusions_in_time_order() {
    Exclusion w = weekly(Set.of(DayOfWeek.SUNDAY), "01:00", "03:00", NEW_YORK, "backup", 30);
    Exclusion mine =
        once(
            "2026-03-02T10:00:00Z",
            "2026-03-02T11:00:00Z",
            new ExclusionScope.SloNamed("api-availability"),
            "load test",
            40);
    Exclusion other =
        once(
            "2026-03-03T10:00:00Z",
            "2026-03-03T11:00:00Z",
            new ExclusionScope.SourceNamed("db", SPEC),
            "reindex",
            41);
    List<ExcludedInterval> got =
        Exclusions.intervalsFor(
            List.of(w, mine, other), API, t("2026-03-01T00:00:00Z"), t("2026-03-09T00:00:00Z"));
    assertThat(spans(got))
        .containsExactly(
            "2026-03-01T06:00:00Z..2026-03-01T08:00:00Z",
            "2026-03-02T10:00:00Z..2026-03-02T11:00:00Z",
            "2026-03-08T06:00:00Z..2026-03-08T07:00:00Z");
    assertThat(got.get(1).exclusion()).isSameAs(mine);
    // the SLO reads source "api" of specs/homehub.yaml, so a source-wide exclusion of it applies
    Exclusion apiSource =
        once(
            "2026-03-04T10:00:00Z",
            "2026-03-04T11:00:00Z",
            new ExclusionScope.SourceNamed("api", TestSlos.SPEC),
            "reindex",
            42);
    assertThat(
            Exclusions.intervalsFor(
                List.of(apiSource), API, t("2026-03-01T00:00:00Z"), t("2026-03-09T00:00:00Z")))
        .hasSize(1);
  }

  @Test
  void intervals_that_overlap_in_the_range_are_a_spec_error() {
    Exclusion a = once("2026-03-01T02:00:00Z", "2026-03-01T04:00:00Z", ALL, "db upgrade", 40);
    Exclusion b = once("2026-03-01T03:00:00Z", "2026-03-01T05:00:00Z", ALL, "load test", 44);
    assertThatThrownBy(
            () ->
                Exclusions.intervalsFor(
                    List.of(a, b), API, t("2026-03-01T00:00:00Z"), t("2026-03-02T00:00:00Z")))
        .isInstanceOf(SloException.class)
        .hasMessageContaining(
            "exclusion 'load test' (specs/api.yaml:44:7) overlaps exclusion 'db upgrade'");
  }

  static Exclusion.Recurring recurring(
      Recurrence.Frequency f,
      List<Recurrence.WeekdayNum> byDay,
      Integer count,
      String start,
      Duration d,
      ZoneId zone,
      int line) {
    return new Exclusion.Recurring(
        new Recurrence(f, 1, byDay, List.of(), List.of(), count, null, "rule"),
        LocalDateTime.parse(start),
        d,
        zone,
        ALL,
        "patch window",
        new SourceLocation(SPEC, line, 7));
  }

  @Test
  void a_monthly_first_tuesday_keeps_its_local_time_across_the_new_york_spring_change() {
    Exclusion e =
        recurring(
            Recurrence.Frequency.MONTHLY,
            List.of(new Recurrence.WeekdayNum(1, DayOfWeek.TUESDAY)),
            null,
            "2026-01-06T02:00",
            Duration.ofHours(2),
            NEW_YORK,
            3);
    // 02:00-04:00 local on the first Tuesdays: EST (UTC-5) until 8 March, then EDT (UTC-4):
    // 6 Jan, 3 Feb, 3 Mar at 07:00Z; 7 April at 06:00Z
    assertThat(spans(Exclusions.expand(e, t("2026-01-01T00:00:00Z"), t("2026-05-01T00:00:00Z"))))
        .containsExactly(
            "2026-01-06T07:00:00Z..2026-01-06T09:00:00Z",
            "2026-02-03T07:00:00Z..2026-02-03T09:00:00Z",
            "2026-03-03T07:00:00Z..2026-03-03T09:00:00Z",
            "2026-04-07T06:00:00Z..2026-04-07T08:00:00Z");
    // an occurrence running into the range is clipped to it
    assertThat(spans(Exclusions.expand(e, t("2026-04-07T07:00:00Z"), t("2026-05-01T00:00:00Z"))))
        .containsExactly("2026-04-07T07:00:00Z..2026-04-07T08:00:00Z");
  }

  @Test
  void a_daily_start_in_the_skipped_hour_moves_forward_by_the_gap_and_count_ends_it() {
    Exclusion e =
        recurring(
            Recurrence.Frequency.DAILY,
            List.of(),
            3,
            "2026-03-07T02:30",
            Duration.ofMinutes(30),
            NEW_YORK,
            3);
    // 7 March 02:30 EST = 07:30Z; 8 March 02:30 does not exist: 03:30 EDT = 07:30Z (RFC 5545
    // moves it by the gap's length); 9 March 02:30 EDT = 06:30Z; COUNT=3 ends it there
    assertThat(spans(Exclusions.expand(e, t("2026-03-01T00:00:00Z"), t("2026-04-01T00:00:00Z"))))
        .containsExactly(
            "2026-03-07T07:30:00Z..2026-03-07T08:00:00Z",
            "2026-03-08T07:30:00Z..2026-03-08T08:00:00Z",
            "2026-03-09T06:30:00Z..2026-03-09T07:00:00Z");
  }

  @Test
  void a_start_in_the_repeated_hour_takes_its_first_pass_and_lasts_real_time() {
    Exclusion e =
        recurring(
            Recurrence.Frequency.DAILY,
            List.of(),
            null,
            "2026-10-31T01:30",
            Duration.ofHours(1),
            NEW_YORK,
            3);
    // 1 November 01:30 happens twice; the first is EDT (05:30Z); one real hour later is 06:30Z
    assertThat(spans(Exclusions.expand(e, t("2026-11-01T00:00:00Z"), t("2026-11-02T00:00:00Z"))))
        .containsExactly("2026-11-01T05:30:00Z..2026-11-01T06:30:00Z");
  }

  @Test
  void a_recurring_period_overlapping_a_one_off_is_refused_with_both_lines() {
    Exclusion r =
        recurring(
            Recurrence.Frequency.MONTHLY,
            List.of(new Recurrence.WeekdayNum(1, DayOfWeek.TUESDAY)),
            null,
            "2026-01-06T02:00",
            Duration.ofHours(2),
            NEW_YORK,
            3);
    Exclusion o = once("2026-04-07T07:30:00Z", "2026-04-07T10:00:00Z", ALL, "deploy", 9);
    List<Problem> p = Exclusions.check(List.of(r, o), List.of(API));
    assertThat(p).hasSize(1);
    assertThat(p.get(0).message())
        .isEqualTo(
            "exclusion 'deploy' (specs/api.yaml:9:7) overlaps exclusion 'patch window'"
                + " (specs/api.yaml:3:7) from 2026-04-07T07:30:00Z to 2026-04-07T08:00:00Z");
  }
}
