package io.slotoolkit.run;

import static io.slotoolkit.engine.Fixtures.days;
import static io.slotoolkit.engine.Fixtures.ratio;
import static io.slotoolkit.engine.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.slotoolkit.engine.DuckDbEngine;
import io.slotoolkit.engine.EngineOptions;
import io.slotoolkit.engine.Fixtures;
import io.slotoolkit.model.Breakdown;
import io.slotoolkit.model.BudgetPoint;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.DailyCounts;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.FailOn;
import io.slotoolkit.model.GroupView;
import io.slotoolkit.model.Health;
import io.slotoolkit.model.Report;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SloReport;
import io.slotoolkit.model.Status;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code report.csv} (times UTC), evaluated at 2026-03-10T12:30:00Z with 28d windows, so the window
 * is [02-10 12:30, 03-10 12:30) and the last 7 days are [03-03 12:30, 03-10 12:30):
 *
 * <pre>
 * 02-10 06:00  acme    2.0  500   before the window, on its first day
 * 03-03 12:00  acme    1.0  500   in the window, 30 min before the last 7 days (same hour bucket)
 * 03-03 12:45  acme    1.0  200
 * 03-05 10:00  acme    2.0  200 x 20
 * 03-06 10:00  globex  1.0  200 x 9, 503 x 1
 * 03-07 10:00  initech 1.0  200 x 2, 500 x 2
 * 03-09 00:00  acme    2.0  200   yesterday's first instant
 * 03-09 23:59:59 globex 2.0 500   yesterday's last second
 * 03-10 00:00  acme    2.0  200   today
 * 03-10 12:29:59 initech 1.0 500
 * 03-10 12:30  acme    2.0  200   at: out
 * </pre>
 *
 * In the window: 1+1+20+10+4+1+1+1+1 = 40 events, bad 1+1+2+1+1 = 6, good 34.
 */
class ReportEvaluatorTest {
  static final Instant AT = Instant.parse("2026-03-10T12:30:00Z");

  private static Report run(
      List<Slo> slos, List<String> by, int top, List<String> mask, byte[] key) {
    Catalog c =
        new Catalog(
            List.of(Fixtures.specFile(Fixtures.SPEC, "shop", List.of(slos.get(0).source()), slos)));
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      new Evaluator(engine).prepare(c);
      ReportEvaluator r = new ReportEvaluator(engine);
      ReportEvaluator.Options o = new ReportEvaluator.Options(by, top, mask, key, null, 0);
      r.checkColumns(c, o);
      return r.evaluate(c, AT, new FailOn.OnBreach(), o);
    }
  }

  private static DataSource utc() {
    return source("report.csv", null, ZoneId.of("UTC"));
  }

  private static Slo availability(DataSource src) {
    Slo s = ratio("availability", src, "status < 500", null, "0.8", days(28), List.of());
    return withDimensions(s, List.of("app_version"));
  }

  private static Slo perCustomer(DataSource src) {
    return ratio(
        "availability-per-customer",
        src,
        "status < 500",
        null,
        "0.8",
        days(28),
        List.of("customer_id"));
  }

  static Slo withDimensions(Slo s, List<String> dims) {
    return new Slo(
        s.name(),
        s.service(),
        s.description(),
        s.source(),
        s.sli(),
        s.objective(),
        s.window(),
        s.per(),
        s.minEvents(),
        s.location(),
        dims,
        s.alerting(),
        s.tags(),
        s.metadata(),
        s.timeslices());
  }

  @Test
  void window_yesterday_and_last_7_days_are_exact() {
    SloReport s = run(List.of(availability(utc())), List.of(), 10, List.of(), null).slos().get(0);

    assertThat(s.window().good()).isEqualTo(34);
    assertThat(s.window().total()).isEqualTo(40);
    // yesterday = 03-09 00:00 to 03-10 00:00: the 200 at 00:00 and the 500 at 23:59:59
    assertThat(s.yesterday().start()).isEqualTo(Instant.parse("2026-03-09T00:00:00Z"));
    assertThat(s.yesterday().good()).isEqualTo(1);
    assertThat(s.yesterday().total()).isEqualTo(2);
    // last 7 days: the window without the 500 at 03-03 12:00, which shares its hour bucket with
    // the 200 at 12:45 that is in: 39 events, 34 good
    assertThat(s.last7Days().start()).isEqualTo(Instant.parse("2026-03-03T12:30:00Z"));
    assertThat(s.last7Days().good()).isEqualTo(34);
    assertThat(s.last7Days().total()).isEqualTo(39);
    // allowed = 0.2 x 40 = 8, bad 6: remaining 1 - 6/8 = 0.25 (not below 0.25), last 7 days
    // 34/39 = 0.872 >= 0.8: the budget alone would be green; but a burn-rate pair of the default
    // policy fires on the recent 500s, so the status is ALERT as slo check judges it, and amber
    assertThat(s.window().budget().remaining()).isCloseTo(0.25, within(1e-9));
    assertThat(s.status()).isEqualTo(io.slotoolkit.model.Status.ALERT);
    assertThat(s.health()).isEqualTo(Health.AMBER);
  }

  @Test
  void daily_trend_counts_whole_days_and_burn_down_only_the_window() {
    SloReport s = run(List.of(availability(utc())), List.of(), 10, List.of(), null).slos().get(0);

    // the window starts 02-10 12:30, so the trend runs 02-10 .. 03-10: 29 days
    assertThat(s.trend()).hasSize(29);
    assertThat(s.trend().get(0))
        .isEqualTo(new DailyCounts(LocalDate.parse("2026-02-10"), 0, 1)); // the 06:00 500
    assertThat(s.trend().get(21)).isEqualTo(new DailyCounts(LocalDate.parse("2026-03-03"), 1, 2));
    assertThat(s.trend().get(28)).isEqualTo(new DailyCounts(LocalDate.parse("2026-03-10"), 1, 2));
    assertThat(s.trend().get(1).sli()).isNull();

    // budget 8 bad events; cumulative bad: 03-03 1, 03-06 2, 03-07 4, 03-09 5, 03-10 6
    List<BudgetPoint> b = s.burnDown();
    assertThat(b).hasSize(29);
    assertThat(b.get(0).bad()).isZero(); // the 06:00 500 is before the window
    assertThat(b.get(0).remaining()).isCloseTo(1.0, within(1e-9));
    assertThat(b.get(21).remaining()).isCloseTo(1 - 1 / 8.0, within(1e-9));
    assertThat(b.get(24).remaining()).isCloseTo(1 - 2 / 8.0, within(1e-9));
    assertThat(b.get(25).remaining()).isCloseTo(1 - 4 / 8.0, within(1e-9));
    assertThat(b.get(27).remaining()).isCloseTo(1 - 5 / 8.0, within(1e-9));
    assertThat(b.get(28).remaining()).isCloseTo(0.25, within(1e-9));
  }

  @Test
  void breakdown_puts_the_biggest_contributors_to_burn_first() {
    SloReport s = run(List.of(availability(utc())), List.of(), 10, List.of(), null).slos().get(0);

    Breakdown b = s.breakdowns().get(0);
    assertThat(b.dimension()).isEqualTo("app_version");
    assertThat(b.values()).isEqualTo(2);
    // 1.0: 03-03 x2, globex x10, initech x4, 03-10 initech = 17 events, bad 1+1+2+1 = 5
    // 2.0: 20 + 03-09 x2 + 03-10 00:00 = 23 events, bad 1
    assertThat(b.rows())
        .containsExactly(new Breakdown.Row("1.0", 1, 12, 17), new Breakdown.Row("2.0", 1, 22, 23));
    assertThat(b.other()).isNull();
    assertThat(b.volumeShare(b.rows().get(0))).isCloseTo(17 / 40.0, within(1e-9));
    assertThat(b.badShare(b.rows().get(0))).isCloseTo(5 / 6.0, within(1e-9));
    assertThat(b.badShare(b.rows().get(1))).isCloseTo(1 / 6.0, within(1e-9));
  }

  @Test
  void top_folds_the_rest_into_other_and_counts_them() {
    Report r = run(List.of(availability(utc())), List.of("user_id"), 3, List.of(), null);
    Breakdown users = r.slos().get(0).breakdowns().get(1);

    assertThat(users.dimension()).isEqualTo("user_id");
    // 36 users in the window (acme 22, globex 10, initech 4); six have one bad event each, and
    // three of those have two events: u-acme-1, u-globex-1, u-initech-1 come first (by name)
    assertThat(users.values()).isEqualTo(36);
    assertThat(users.rows())
        .extracting(Breakdown.Row::value)
        .containsExactly("u-acme-1", "u-globex-1", "u-initech-1");
    // the other 33 users: 40 - 6 = 34 events, 6 - 3 = 3 bad
    assertThat(users.other()).isEqualTo(new Breakdown.Row(null, 33, 31, 34));
  }

  @Test
  void per_customer_view_shows_shares_concentration_and_what_the_aggregate_hides() {
    Report r = run(List.of(perCustomer(utc())), List.of(), 2, List.of(), null);
    SloReport s = r.slos().get(0);
    GroupView g = s.groups();

    // acme 1+1+20+1+1 = 24 (1 bad), globex 10+1 = 11 (2 bad), initech 4+1 = 5 (3 bad)
    assertThat(g.groups()).isEqualTo(3);
    assertThat(g.total()).isEqualTo(40);
    assertThat(g.top())
        .containsExactly(
            new GroupView.Share("acme", 1, 23, 24, 24 / 40.0, Status.OK),
            new GroupView.Share("globex", 1, 9, 11, 11 / 40.0, Status.OK));
    // initech: 2/5 = 0.4 < 0.8, folded into the tail by --top 2
    assertThat(g.tail())
        .isEqualTo(new GroupView.Share("1 other customer", 1, 2, 5, 5 / 40.0, Status.BREACHED));
    assertThat(g.top1()).isCloseTo(0.6, within(1e-9));
    assertThat(g.top5()).isCloseTo(1.0, within(1e-9));
    assertThat(g.top10()).isCloseTo(1.0, within(1e-9));
    // the aggregate 34/40 = 0.85 meets 0.8 and hides initech, 5/40 = 12.5% of traffic
    assertThat(g.aggregate().status()).isEqualTo(Status.OK);
    assertThat(g.breached()).extracting(GroupView.Share::label).containsExactly("initech");
    assertThat(g.breachedGroups()).isEqualTo(1);
    assertThat(g.aggregateHidesBreaches()).isTrue();
    assertThat(g.breachedShare()).isCloseTo(0.125, within(1e-9));
    assertThat(s.status()).isEqualTo(Status.BREACHED);
    assertThat(s.health()).isEqualTo(Health.RED);
    assertThat(r.passed()).isFalse();
  }

  @Test
  void masked_columns_never_carry_raw_values() {
    byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    Report r =
        run(
            List.of(availability(utc()), perCustomer(utc())),
            List.of("customer_id"),
            10,
            List.of("customer_id"),
            key);
    List<String> shown =
        r.slos().get(1).groups().top().stream().map(GroupView.Share::label).toList();
    assertThat(shown).hasSize(3).allMatch(l -> l.matches("cust-[0-9a-f]{6}"));
    assertThat(shown).doesNotContain("acme", "globex", "initech");
    Breakdown byCustomer = r.slos().get(0).breakdowns().get(1);
    assertThat(byCustomer.masked()).isTrue();
    // the same key and value give the same pseudonym in every table
    assertThat(byCustomer.rows())
        .extracting(Breakdown.Row::value)
        .containsExactlyInAnyOrderElementsOf(shown);
    assertThat(r.masked()).containsExactly("customer_id");
  }

  @Test
  void local_days_follow_a_half_hour_zone() {
    // Asia/Kolkata is +05:30: local midnight is 18:30 UTC, inside an hour bucket, so the report
    // uses 30-minute buckets. Yesterday (IST 03-09) = [03-08 18:30Z, 03-09 18:30Z): the 200 at
    // 18:45Z and the 500 at 18:15Z the next evening, not the rows 15 minutes outside it.
    DataSource src = source("report-kolkata.csv", null, ZoneId.of("Asia/Kolkata"));
    Slo s = ratio("availability", src, "status < 500", null, "0.8", days(28), List.of());
    SloReport r = run(List.of(s), List.of(), 10, List.of(), null).slos().get(0);
    assertThat(r.yesterday().good()).isEqualTo(1);
    assertThat(r.yesterday().total()).isEqualTo(2);
    DailyCounts today = r.trend().get(r.trend().size() - 1);
    assertThat(today).isEqualTo(new DailyCounts(LocalDate.parse("2026-03-10"), 1, 1));
  }

  @Test
  void unknown_by_column_is_a_data_error_listing_the_columns() {
    assertThatThrownBy(
            () -> run(List.of(availability(utc())), List.of("region"), 10, List.of(), null))
        .isInstanceOf(SloException.class)
        .hasMessage("--by region: no source of the selected SLOs has a column 'region'")
        .satisfies(
            e -> {
              SloException x = (SloException) e;
              assertThat(x.exitCode()).isEqualTo(ExitCode.DATA);
              assertThat(x.hint())
                  .isEqualTo("columns: api: ts, customer_id, app_version, status, user_id");
            });
  }
}
