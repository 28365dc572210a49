package io.slotoolkit.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotoolkit.model.AlertInterval;
import io.slotoolkit.model.AlertPolicy;
import io.slotoolkit.model.FiringInterval;
import io.slotoolkit.model.MinuteSeries;
import io.slotoolkit.model.MonthlyAlerts;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.ReplayResult;
import io.slotoolkit.model.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A crafted 3-day history: 100 valid events every minute from 2026-01-29T00:00Z (4320 minutes), no
 * errors except a 30-minute total outage over minutes [2000, 2030) (Jan 30 09:20Z to 09:50Z) and a
 * 2-minute total outage over minutes [4000, 4002) (Jan 31 18:40Z, which is Feb 1 03:40 in Tokyo).
 * Objective 99.9%, Workbook policy for 30 days. Minute k means the instant start + k minutes.
 *
 * <p>Per rule, with 100 events a minute (6000 an hour) and 100 bad in each outage minute:
 *
 * <ul>
 *   <li>page 14.4 over 1h/5m, error rate 0.0144: long needs 86.4 bad (1 outage minute), short needs
 *       7.2 of 500 (1 minute). Fires at 2001; clears when the 5m window is clean, 2030 + 5 = 2035.
 *       Burst: fires 4001, clears 4002 + 5 = 4007.
 *   <li>page 6 over 6h/30m, error rate 0.006: long needs 216 of 36,000 (3 outage minutes), short 18
 *       of 3000 (1). Fires at 2003, clears at 2030 + 30 = 2060. The 2-minute burst (200 bad) stays
 *       below 216 and does not fire it.
 *   <li>ticket 3 over 1d/2h, error rate 0.003: long needs 432 of 144,000 (5 outage minutes). Fires
 *       at 2005, clears at 2030 + 120 = 2150. The burst does not reach 432.
 *   <li>ticket 1 over 3d/6h, error rate 0.001: the 3d window holds every minute so far, [0, k), so
 *       at k = 2000 + m it needs 100m >= 0.1 x (2000 + m): m >= 2.002, fires at 2003; clears at
 *       2030 + 360 = 2390. At the burst the long window still holds 3100 bad >= 400.1 and the 6h
 *       window 100 >= 36: it fires again at 4001, and would clear only at 4002 + 360 = 4362, after
 *       the history's end (4320): still open.
 * </ul>
 */
class AlertReplayTest {
  static final Objective O = Objective.of("0.999");
  static final AlertPolicy POLICY =
      AlertPolicy.defaultFor(new Window.Rolling(Duration.ofDays(30)), O);
  static final Instant START = Instant.parse("2026-01-29T00:00:00Z");

  static MinuteSeries crafted() {
    long[] total = new long[4320];
    long[] good = new long[4320];
    Arrays.fill(total, 100);
    Arrays.fill(good, 100);
    Arrays.fill(good, 2000, 2030, 0);
    Arrays.fill(good, 4000, 4002, 0);
    return new MinuteSeries(START, good, total);
  }

  static Instant minute(int k) {
    return START.plus(Duration.ofMinutes(k));
  }

  static FiringInterval closed(int from, int to, int badSince, int badUntil) {
    return new FiringInterval(
        minute(from),
        minute(to),
        minute(badSince),
        Duration.ofMinutes(from - badSince),
        minute(badUntil),
        Duration.ofMinutes(to - badUntil));
  }

  @Test
  void replay_lists_every_firing_interval_with_detection_delay_and_reset_time() {
    ReplayResult r = AlertReplay.replay(POLICY, O, crafted(), START, ZoneOffset.UTC);

    assertThat(r.rules().get(0).intervals())
        .containsExactly(closed(2001, 2035, 2000, 2030), closed(4001, 4007, 4000, 4002));
    assertThat(r.rules().get(1).intervals()).containsExactly(closed(2003, 2060, 2000, 2030));
    assertThat(r.rules().get(2).intervals()).containsExactly(closed(2005, 2150, 2000, 2030));
    assertThat(r.rules().get(3).intervals())
        .containsExactly(
            closed(2003, 2390, 2000, 2030),
            new FiringInterval(
                minute(4001), null, minute(4000), Duration.ofMinutes(1), null, null));

    // detection delay 1m for the fast page, 3m for 6h/30m, 5m for 1d/2h; reset 5m, 30m, 120m
    assertThat(r.rules().get(1).intervals().get(0).detectionDelay())
        .isEqualTo(Duration.ofMinutes(3));
    assertThat(r.rules().get(2).intervals().get(0).resetTime()).isEqualTo(Duration.ofMinutes(120));
    assertThat(r.rules().get(3).intervals().get(1).open()).isTrue();
    assertThat(r.from()).isEqualTo(START);
    assertThat(r.to()).isEqualTo(minute(4320));
  }

  @Test
  void rules_of_one_severity_merge_into_the_alerts_people_receive() {
    ReplayResult r = AlertReplay.replay(POLICY, O, crafted(), START, ZoneOffset.UTC);
    // pages [2001, 2035) and [2003, 2060) -> [2001, 2060); [4001, 4007) alone
    // tickets [2005, 2150) and [2003, 2390) -> [2003, 2390); [4001, open)
    assertThat(r.alerts())
        .containsExactly(
            new AlertInterval("page", minute(2001), minute(2060)),
            new AlertInterval("ticket", minute(2003), minute(2390)),
            new AlertInterval("page", minute(4001), minute(4007)),
            new AlertInterval("ticket", minute(4001), null));
    assertThat(r.count("page")).isEqualTo(2);
    assertThat(r.count("ticket")).isEqualTo(2);
  }

  @Test
  void pages_and_tickets_are_counted_per_month_in_the_given_zone() {
    // in UTC the history is Jan 29 to Feb 1 00:00: every alert starts in January
    ReplayResult utc = AlertReplay.replay(POLICY, O, crafted(), START, ZoneOffset.UTC);
    assertThat(utc.months())
        .containsExactly(
            new MonthlyAlerts(YearMonth.of(2026, 1), "page", 2),
            new MonthlyAlerts(YearMonth.of(2026, 1), "ticket", 2));
    // in Tokyo (+9) the burst at Jan 31 18:41Z is Feb 1 03:41: one of each in each month
    ReplayResult tokyo = AlertReplay.replay(POLICY, O, crafted(), START, ZoneId.of("Asia/Tokyo"));
    assertThat(tokyo.months())
        .containsExactly(
            new MonthlyAlerts(YearMonth.of(2026, 1), "page", 1),
            new MonthlyAlerts(YearMonth.of(2026, 1), "ticket", 1),
            new MonthlyAlerts(YearMonth.of(2026, 2), "page", 1),
            new MonthlyAlerts(YearMonth.of(2026, 2), "ticket", 1));
  }

  @Test
  void a_partial_outage_pages_once_the_long_window_has_burnt_two_percent() {
    // one day of 100 events a minute; from minute 600 on, 2 bad a minute (2% errors, burn 20).
    // page 14.4 over 1h/5m needs 86.4 bad in the hour: 44 minutes of 2 bad (88). Each such
    // minute is bad for the rule (2 >= 1.44), so the run starts at 600 and the delay is 44m.
    long[] total = new long[1440];
    long[] good = new long[1440];
    Arrays.fill(total, 100);
    Arrays.fill(good, 100);
    Arrays.fill(good, 600, 1440, 98);
    AlertPolicy fastPage = AlertPolicy.of(List.of(POLICY.rules().get(0)));
    ReplayResult r =
        AlertReplay.replay(
            fastPage, O, new MinuteSeries(START, good, total), START, ZoneOffset.UTC);
    FiringInterval f = r.rules().get(0).intervals().get(0);
    assertThat(f.start()).isEqualTo(minute(644));
    assertThat(f.badSince()).isEqualTo(minute(600));
    assertThat(f.detectionDelay()).isEqualTo(Duration.ofMinutes(44));
    assertThat(f.open()).isTrue();
  }

  @Test
  void minutes_without_events_do_not_break_a_bad_run() {
    // 100 events a minute; minutes 100 and 102 have 50 bad each, 101 has no traffic: one run from
    // 100 (each is bad for the rule: 0.5 >= 0.0144). Page 14.4 over 1h/5m, error rate 0.0144:
    // at 101 the hour [41, 101) holds 50 bad of 6000 = 0.0083; at 102, [42, 102) 50 of 5900;
    // at 103, [43, 103) 100 of 5900 = 0.0169 >= 0.0144 and the 5m window 100 of 400: fires at 103,
    // detection delay 3m from minute 100
    long[] total = new long[200];
    long[] good = new long[200];
    Arrays.fill(total, 100);
    Arrays.fill(good, 100);
    good[100] = 50;
    total[101] = 0;
    good[101] = 0;
    good[102] = 50;
    AlertPolicy fastPage = AlertPolicy.of(List.of(POLICY.rules().get(0)));
    FiringInterval f =
        AlertReplay.replay(fastPage, O, new MinuteSeries(START, good, total), START, ZoneOffset.UTC)
            .rules()
            .get(0)
            .intervals()
            .get(0);
    assertThat(f.start()).isEqualTo(minute(103));
    assertThat(f.badSince()).isEqualTo(minute(100));
    assertThat(f.detectionDelay()).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void min_events_silences_a_replay_of_thin_traffic() {
    // the fast page's hour holds 6000 events; a guard of 6001 never lets it fire
    AlertPolicy guarded = AlertPolicy.of(List.of(POLICY.rules().get(0))).withMinEvents(6001);
    ReplayResult r = AlertReplay.replay(guarded, O, crafted(), START, ZoneOffset.UTC);
    assertThat(r.rules().get(0).intervals()).isEmpty();
    assertThat(r.months()).containsExactly(new MonthlyAlerts(YearMonth.of(2026, 1), "page", 0));
  }

  @Test
  void a_group_that_is_no_data_for_its_slo_never_fires_in_a_replay() {
    // 200 minutes, one event in all, at minute 150, and it failed. Page 14.4x over 1h/5m fires
    // from 151 (1 bad of 1 in both windows) until the 5m window [151, 156) is empty, unless the SLO
    // window (rolling 1d, reaching back past the history's start) is NO_DATA: 1 event < 30.
    long[] total = new long[200];
    long[] good = new long[200];
    total[150] = 1;
    AlertPolicy fastPage = AlertPolicy.of(List.of(POLICY.rules().get(0)));
    MinuteSeries one = new MinuteSeries(START, good, total);
    Window day = new Window.Rolling(Duration.ofDays(1));

    FiringInterval unguarded =
        AlertReplay.replay(fastPage, O, one, START, ZoneOffset.UTC, day, 0)
            .rules()
            .get(0)
            .intervals()
            .get(0);
    assertThat(unguarded.start()).isEqualTo(minute(151));
    assertThat(unguarded.end()).isEqualTo(minute(156));

    ReplayResult guarded = AlertReplay.replay(fastPage, O, one, START, ZoneOffset.UTC, day, 30);
    assertThat(guarded.rules().get(0).intervals()).isEmpty();
    assertThat(guarded.alerts()).isEmpty();

    // 30 events in the window is data again: the same burst with 29 good events before it fires
    long[] total30 = total.clone();
    long[] good30 = good.clone();
    total30[10] = 29;
    good30[10] = 29;
    // at 151 the hour [91, 151) holds 1 bad of 1 and the day [0, 151) 30 events: fires
    assertThat(
            AlertReplay.replay(
                    fastPage,
                    O,
                    new MinuteSeries(START, good30, total30),
                    START,
                    ZoneOffset.UTC,
                    day,
                    30)
                .rules()
                .get(0)
                .intervals()
                .get(0)
                .start())
        .isEqualTo(minute(151));
  }

  @Test
  void a_warm_up_before_from_is_evaluated_but_not_reported() {
    // start reporting at minute 2010: the fast page already fires then, so its first interval is
    // reported from 2010 with the onset it had (minute 2000)
    ReplayResult r = AlertReplay.replay(POLICY, O, crafted(), minute(2010), ZoneOffset.UTC);
    assertThat(r.rules().get(0).intervals().get(0))
        .isEqualTo(
            new FiringInterval(
                minute(2010),
                minute(2035),
                minute(2000),
                Duration.ofMinutes(10),
                minute(2030),
                Duration.ofMinutes(5)));
  }

  @Test
  void a_start_off_the_minute_grid_is_refused() {
    assertThatThrownBy(
            () -> AlertReplay.replay(POLICY, O, crafted(), START.plusSeconds(30), ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a whole minute boundary");
  }
}
