package io.slotoolkit.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.model.AlertInterval;
import io.slotoolkit.model.AlertPolicy;
import io.slotoolkit.model.AlertRule;
import io.slotoolkit.model.AlertStatus;
import io.slotoolkit.model.Counts;
import io.slotoolkit.model.FiringInterval;
import io.slotoolkit.model.MinuteSeries;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.ReplayResult;
import io.slotoolkit.model.Window;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code for:} and {@code cool_down:} on a crafted flapping history, and the time-to-exhaustion
 * rule worked out by hand.
 *
 * <p>History: 150 minutes from 12:00Z, 100 valid events a minute, objective 99%. Three single
 * minutes fail completely (minutes 60, 70 and 80: a flapping dependency), then a 10-minute outage
 * (minutes 100 to 109). One pair: page 10x over 10m/2m, so both windows need an error rate of 10 x
 * 1% = 10%:
 *
 * <ul>
 *   <li>one bad minute m: the 10m window holds 100 bad of 1000 (10%) at instants m + 1 .. m + 10,
 *       the 2m window 100 of 200 (50%) at instants m + 1 and m + 2: the pair fires at exactly m + 1
 *       and m + 2, so each flap is a page of two minutes, [m + 1, m + 3);
 *   <li>the outage: the 2m window holds a bad minute at instants 101 .. 111, the 10m window at
 *       least 100 bad of 1000 at 101 .. 119: it fires over [101, 112).
 * </ul>
 *
 * Without refinements that is 4 pages. With {@code for: 2m} a flap never holds long enough (its run
 * of instants is 61, 62: 1 minute), and the outage fires from 103 (held since 101), so 1 page and 3
 * saved. With {@code cool_down: 15m} the flaps are one page that stays open until 15 minutes after
 * its last firing instant, 82 + 15 = 97, and the outage is a second page: 2 pages.
 */
class AlertRefinementsTest {
  static final Objective O = Objective.of("0.99");
  static final Instant START = Instant.parse("2026-03-04T12:00:00Z");
  static final Window W = new Window.Rolling(Duration.ofDays(1));
  static final AlertRule PAIR =
      AlertRule.burnRatePair(
          Duration.ofMinutes(10), Duration.ofMinutes(2), BigDecimal.TEN, "page", null);

  static MinuteSeries flapping() {
    long[] total = new long[150];
    long[] good = new long[150];
    Arrays.fill(total, 100);
    Arrays.fill(good, 100);
    good[60] = 0;
    good[70] = 0;
    good[80] = 0;
    Arrays.fill(good, 100, 110, 0);
    return new MinuteSeries(START, good, total);
  }

  static Instant minute(int k) {
    return START.plus(Duration.ofMinutes(k));
  }

  static ReplayResult replay(AlertRule rule) {
    return AlertReplay.replay(
        AlertPolicy.of(List.of(rule)), O, flapping(), minute(30), ZoneOffset.UTC, W, 0);
  }

  @Test
  void without_refinements_every_flap_pages() {
    ReplayResult r = replay(PAIR);
    assertThat(r.alerts())
        .extracting(AlertInterval::start, AlertInterval::end)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(minute(61), minute(63)),
            org.assertj.core.groups.Tuple.tuple(minute(71), minute(73)),
            org.assertj.core.groups.Tuple.tuple(minute(81), minute(83)),
            org.assertj.core.groups.Tuple.tuple(minute(101), minute(112)));
    assertThat(r.unrefinedAlerts()).isEqualTo(r.alerts());
  }

  @Test
  void for_suppresses_the_flapping_pages_and_delays_the_outage_page() {
    ReplayResult r = replay(PAIR.withRefinements(Duration.ofMinutes(2), Duration.ZERO));
    assertThat(r.alerts()).containsExactly(new AlertInterval("page", minute(103), minute(112)));
    assertThat(r.count("page")).isEqualTo(1);
    assertThat(r.unrefinedCount("page")).isEqualTo(4); // 3 pages saved
    FiringInterval f = r.rules().get(0).intervals().get(0);
    // bad since minute 100: detected 3 minutes later (1 for the 2m window to see it, 2 for for:)
    assertThat(f.badSince()).isEqualTo(minute(100));
    assertThat(f.detectionDelay()).isEqualTo(Duration.ofMinutes(3));
    // last bad minute ends at 110, the 2m window is clean at 112
    assertThat(f.resetTime()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void cool_down_merges_the_flaps_into_one_page() {
    ReplayResult r = replay(PAIR.withRefinements(Duration.ZERO, Duration.ofMinutes(15)));
    // last firing instant of the flaps is 82: open while t - 82 < 15, closed at 97; the outage
    // fires 101..111 and stays open until 111 + 15 = 126
    assertThat(r.alerts())
        .containsExactly(
            new AlertInterval("page", minute(61), minute(97)),
            new AlertInterval("page", minute(101), minute(126)));
    assertThat(r.unrefinedCount("page")).isEqualTo(4);
  }

  @Test
  void a_check_between_minutes_agrees_with_the_replay_at_the_minute() {
    AlertPolicy policy =
        AlertPolicy.of(List.of(PAIR.withRefinements(Duration.ofMinutes(2), Duration.ZERO)));
    // at 104 the condition has held since 101: firing. The history ends at the last whole minute
    // at or before --at, 104; the exact counts at 104:30 (still in the outage) give true.
    Instant at = minute(104).plusSeconds(30);
    MinuteSeries all = flapping();
    MinuteSeries upTo104 =
        new MinuteSeries(START, Arrays.copyOf(all.good(), 104), Arrays.copyOf(all.total(), 104));
    AlertStatus.Hold h =
        AlertReplay.holdsAt(policy, O, upTo104, ZoneOffset.UTC, W, 0, at, List.of(true)).get(0);
    assertThat(h.firing()).isTrue();
    // the check looks back for: + cool_down: (2m) from the last whole minute (104), so the run it
    // sees starts at 102 (it began at 101): enough, 104:30 - 102:00 >= 2m
    assertThat(h.holdingSince()).isEqualTo(minute(102));
    assertThat(h.lastHeld()).isEqualTo(at);
    // at 102:30 it has held since 101 only (1m30s < 2m): pending
    MinuteSeries upTo102 =
        new MinuteSeries(START, Arrays.copyOf(all.good(), 102), Arrays.copyOf(all.total(), 102));
    AlertStatus.Hold p =
        AlertReplay.holdsAt(
                policy,
                O,
                upTo102,
                ZoneOffset.UTC,
                W,
                0,
                minute(102).plusSeconds(30),
                List.of(true))
            .get(0);
    assertThat(p.firing()).isFalse();
    assertThat(p.pending()).isTrue();
    // at 62:30, right after the first flap, the condition held at 61 and 62 only: never 2m
    MinuteSeries upTo62 =
        new MinuteSeries(START, Arrays.copyOf(all.good(), 62), Arrays.copyOf(all.total(), 62));
    AlertStatus.Hold q =
        AlertReplay.holdsAt(
                policy, O, upTo62, ZoneOffset.UTC, W, 0, minute(62).plusSeconds(30), List.of(true))
            .get(0);
    assertThat(q.firing()).isFalse();
  }

  @Test
  void a_check_in_the_cool_down_still_fires() {
    AlertPolicy policy =
        AlertPolicy.of(List.of(PAIR.withRefinements(Duration.ZERO, Duration.ofMinutes(15))));
    // at 90 the last flap's last firing instant is 82: 8 minutes ago, within 15
    MinuteSeries all = flapping();
    MinuteSeries upTo90 =
        new MinuteSeries(START, Arrays.copyOf(all.good(), 90), Arrays.copyOf(all.total(), 90));
    AlertStatus.Hold h =
        AlertReplay.holdsAt(policy, O, upTo90, ZoneOffset.UTC, W, 0, minute(90), List.of(false))
            .get(0);
    assertThat(h.condition()).isFalse();
    assertThat(h.firing()).isTrue();
    assertThat(h.lastHeld()).isEqualTo(minute(82));
    assertThat(h.coolingDown(minute(90))).isTrue();
  }

  /**
   * Time to exhaustion, 30-day window (W = 2,592,000 s), objective 99.9%. The SLO window holds T =
   * 1,000,000 valid events and b = 400 bad: 1,000 allowed, 600 left. The 6h window holds t = 10,000
   * events and x = 50 bad (burn 5), the 30m window 1,000 and 5 (burn 5). At burn 5 the 600 left
   * last 600 x W x t / (T x x) = 600 x 2,592,000 x 10,000 / (1,000,000 x 50) = 311,040 s = 3d 14h
   * 24m. A 3d horizon (259,200 s) is not reached; a 4d one (345,600 s) is.
   */
  @Test
  void time_to_exhaustion_worked_example() {
    Window month = new Window.Rolling(Duration.ofDays(30));
    Objective o = Objective.of("0.999");
    Counts slo = new Counts(1_000_000 - 400, 1_000_000);
    Counts longW = new Counts(10_000 - 50, 10_000);
    Counts shortW = new Counts(1_000 - 5, 1_000);
    assertThat(AlertEvaluator.timeToExhaustion(o, month, slo, longW))
        .isEqualTo(Duration.ofSeconds(311_040));
    for (int days : new int[] {3, 4}) {
      AlertRule rule =
          AlertRule.exhausting(
              Duration.ofDays(days), Duration.ofHours(6), Duration.ofMinutes(30), "ticket", null);
      List<AlertStatus> s =
          AlertEvaluator.evaluate(
              AlertPolicy.of(List.of(rule)),
              o,
              month,
              slo,
              d -> d.equals(Duration.ofHours(6)) ? longW : shortW);
      assertThat(s.get(0).fired()).as(days + "d").isEqualTo(days == 4);
      assertThat(s.get(0).burning()).isEqualTo(days == 4);
    }
    // exactly at the horizon fires: 311,040 s <= 311,040 s
    assertThat(
            AlertEvaluator.exhausts(
                o, Duration.ofDays(30), Duration.ofSeconds(311_040), slo, longW))
        .isTrue();
    assertThat(
            AlertEvaluator.exhausts(
                o, Duration.ofDays(30), Duration.ofSeconds(311_039), slo, longW))
        .isFalse();
    // a spent budget is gone now; a window without bad events never exhausts it
    assertThat(
            AlertEvaluator.exhausts(
                o, Duration.ofDays(30), Duration.ofHours(1), new Counts(998_000, 1_000_000), longW))
        .isTrue();
    assertThat(
            AlertEvaluator.exhausts(
                o, Duration.ofDays(30), Duration.ofDays(365), slo, new Counts(10, 10)))
        .isFalse();
  }

  /**
   * The same rule replayed: 100 events a minute over a 1-day window (W = 86,400 s), objective 90%,
   * exhaustion within 2h (7,200 s) over 10m/2m. Nothing fails before minute 60; from minute 60 on,
   * 20 of every 100 fail. At instant 60 + m with m >= 10 both windows lie inside the failures (burn
   * 0.2 / 0.1 = 2), and the SLO window holds every minute so far: T = 100 (60 + m), b = 20 m, left
   * = 0.1 T - b = 600 - 10 m. Time to exhaustion = left x W x t / (T x x) = left x 86,400 / (T x
   * 0.2) = 432,000 left / T, at most 7,200 when 60 left <= T: 36,000 - 600 m <= 6,000 + 100 m, m >=
   * 42.86. At m = 42: 60 x 180 = 10,800 > 10,200, no; at m = 43: 60 x 170 = 10,200 <= 10,300, yes:
   * it fires from instant 103 and stays firing (the budget only shrinks) to the end.
   */
  @Test
  void time_to_exhaustion_replayed() {
    long[] total = new long[120];
    long[] good = new long[120];
    Arrays.fill(total, 100);
    Arrays.fill(good, 100);
    Arrays.fill(good, 60, 120, 80);
    MinuteSeries h = new MinuteSeries(START, good, total);
    AlertRule rule =
        AlertRule.exhausting(
            Duration.ofHours(2), Duration.ofMinutes(10), Duration.ofMinutes(2), "ticket", null);
    ReplayResult r =
        AlertReplay.replay(
            AlertPolicy.of(List.of(rule)),
            Objective.of("0.9"),
            h,
            minute(10),
            ZoneOffset.UTC,
            W,
            0);
    assertThat(r.alerts()).containsExactly(new AlertInterval("ticket", minute(103), null));
  }
}
