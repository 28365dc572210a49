package io.slotoolkit.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.slotoolkit.model.BudgetPoint;
import io.slotoolkit.model.DailyCounts;
import io.slotoolkit.model.Group;
import io.slotoolkit.model.GroupView;
import io.slotoolkit.model.Health;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.PeriodCounts;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportMathTest {
  static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
  static final Instant AT = Instant.parse("2026-03-10T12:30:00Z");

  @Test
  void bucket_is_an_hour_for_whole_hour_zones_and_shorter_for_others() {
    assertThat(ReportMath.bucketWidth(FROM, AT, ZoneId.of("Asia/Tokyo")))
        .isEqualTo(Duration.ofHours(1));
    assertThat(ReportMath.bucketWidth(FROM, AT, ZoneId.of("Asia/Kolkata")))
        .isEqualTo(Duration.ofMinutes(30));
    assertThat(ReportMath.bucketWidth(FROM, AT, ZoneId.of("Asia/Kathmandu")))
        .isEqualTo(Duration.ofMinutes(15));
    // across the 8 March 2026 DST change in New York midnight stays on whole hours
    assertThat(ReportMath.bucketWidth(FROM, AT, ZoneId.of("America/New_York")))
        .isEqualTo(Duration.ofHours(1));
  }

  @Test
  void days_cover_the_range_and_a_dst_day_is_23_hours() {
    List<ReportMath.Day> days = ReportMath.days(FROM, AT, ZoneId.of("America/New_York"));
    // 2026-03-01 00:00Z is 28 Feb 19:00 in New York; AT is 10 Mar 08:30 there: 28 Feb .. 10 Mar
    assertThat(days).hasSize(11);
    assertThat(days.get(0).day()).isEqualTo(LocalDate.parse("2026-02-28"));
    ReportMath.Day dst = days.get(8); // 28 Feb is 0, so 8 March is 8: clocks go forward at 02:00
    assertThat(dst.day()).isEqualTo(LocalDate.parse("2026-03-08"));
    assertThat(Duration.between(dst.start(), dst.end())).isEqualTo(Duration.ofHours(23));
  }

  @Test
  void a_range_ending_at_midnight_has_no_empty_last_day() {
    List<ReportMath.Day> days =
        ReportMath.days(FROM, Instant.parse("2026-03-03T00:00:00Z"), ZoneId.of("UTC"));
    assertThat(days)
        .extracting(ReportMath.Day::day)
        .containsExactly(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-02"));
  }

  @Test
  void burn_down_spends_the_whole_windows_budget_day_by_day() {
    // objective 99%, 1,000 events in the window: 10 bad allowed. Day 1: 2 bad, day 2: none,
    // day 3: 13 bad -> left 1 - 2/10 = 0.8, 0.8, 1 - 15/10 = -0.5
    List<BudgetPoint> b =
        ReportMath.burnDown(
            Objective.of("0.99"),
            List.of(
                new DailyCounts(LocalDate.parse("2026-03-01"), 298, 300),
                new DailyCounts(LocalDate.parse("2026-03-02"), 0, 0),
                new DailyCounts(LocalDate.parse("2026-03-03"), 687, 700)),
            1_000);
    assertThat(b).extracting(BudgetPoint::bad).containsExactly(2L, 2L, 15L);
    assertThat(b.get(0).remaining()).isCloseTo(0.8, within(1e-9));
    assertThat(b.get(1).remaining()).isCloseTo(0.8, within(1e-9));
    assertThat(b.get(2).remaining()).isCloseTo(-0.5, within(1e-9));
  }

  @Test
  void health_is_amber_when_budget_is_low_or_the_last_week_is_below() {
    Objective o = Objective.of("0.99");
    PeriodCounts fine = new PeriodCounts(FROM, AT, 995, 1_000); // 99.5%
    PeriodCounts below = new PeriodCounts(FROM, AT, 985, 1_000); // 98.5% < 99%
    assertThat(ReportMath.health(Status.OK, 0.5, fine, o)).isEqualTo(Health.GREEN);
    assertThat(ReportMath.health(Status.OK, 0.24, fine, o)).isEqualTo(Health.AMBER);
    assertThat(ReportMath.health(Status.OK, 0.25, fine, o)).isEqualTo(Health.GREEN);
    assertThat(ReportMath.health(Status.OK, 0.5, below, o)).isEqualTo(Health.AMBER);
    assertThat(ReportMath.health(Status.BREACHED, 0.5, fine, o)).isEqualTo(Health.RED);
    assertThat(ReportMath.health(Status.NO_DATA, null, fine, o)).isEqualTo(Health.GREY);
  }

  @Test
  void group_view_lists_the_largest_breached_groups_and_counts_them_all() {
    // objective 90%; four customers: c1 1000 events 950 good (95%, OK), c2 500/400 (80%),
    // c3 300/200 (66.7%), c4 200/150 (75%): three breached. Total 2000; --top 1.
    Slo slo = SloMathTest.slo("0.9", 0);
    List<SloResult> groups =
        List.of(
            group(slo, "c1", 950, 1_000),
            group(slo, "c2", 400, 500),
            group(slo, "c3", 200, 300),
            group(slo, "c4", 150, 200));
    SloResult aggregate = SloMath.result(slo, null, FROM, AT, 1_700, 2_000, 0);
    GroupView g =
        ReportMath.groupView(
            List.of("customer_id"),
            groups,
            aggregate,
            1,
            r -> r.group().values().get(0),
            "customers");

    assertThat(g.top()).extracting(GroupView.Share::label).containsExactly("c1");
    // the tail: 3 customers, 750 good of 1000, share 0.5, BREACHED (some of it is)
    assertThat(g.tail())
        .isEqualTo(new GroupView.Share("3 other customers", 3, 750, 1_000, 0.5, Status.BREACHED));
    // only the largest breached customer is listed, but all three are counted: (500+300+200)/2000
    assertThat(g.breached()).extracting(GroupView.Share::label).containsExactly("c2");
    assertThat(g.breachedGroups()).isEqualTo(3);
    assertThat(g.breachedShare()).isCloseTo(0.5, within(1e-9));
    // 1700/2000 = 85% < 90%: the aggregate is breached too, so it hides nothing
    assertThat(g.aggregateHidesBreaches()).isFalse();
    // concentration: top 1 = 1000/2000, top 5 and top 10 = everything
    assertThat(g.top1()).isCloseTo(0.5, within(1e-9));
    assertThat(g.top5()).isCloseTo(1.0, within(1e-9));
  }

  private static SloResult group(Slo slo, String id, long good, long total) {
    return SloMath.result(
        slo, new Group(List.of("customer_id"), List.of(id)), FROM, AT, good, total, 0);
  }

  @Test
  void noun_names_groups_after_an_id_column() {
    assertThat(ReportMath.noun(List.of("customer_id"))).isEqualTo("customers");
    assertThat(ReportMath.noun(List.of("device_id"))).isEqualTo("devices");
    assertThat(ReportMath.noun(List.of("firmware"))).isEqualTo("groups");
    assertThat(ReportMath.noun(List.of("lock_model", "app_version"))).isEqualTo("groups");
  }
}
