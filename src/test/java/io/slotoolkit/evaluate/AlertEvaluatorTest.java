package io.slotoolkit.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.slotoolkit.model.AlertPolicy;
import io.slotoolkit.model.AlertStatus;
import io.slotoolkit.model.Counts;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.Window;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked burn rates for the four Workbook pairs. Objective 99.9% (1 - objective = 0.001),
 * 30-day window, 1000 valid events a minute unless said otherwise.
 */
class AlertEvaluatorTest {
  static final Objective O = Objective.of("0.999");
  static final Window W30 = new Window.Rolling(Duration.ofDays(30));
  static final AlertPolicy POLICY = AlertPolicy.defaultFor(W30, O);
  static final Duration M5 = Duration.ofMinutes(5);
  static final Duration M30 = Duration.ofMinutes(30);
  static final Duration H1 = Duration.ofHours(1);
  static final Duration H2 = Duration.ofHours(2);
  static final Duration H6 = Duration.ofHours(6);
  static final Duration D1 = Duration.ofDays(1);
  static final Duration D3 = Duration.ofDays(3);

  /** Counts for {@code minutes} minutes of 1000 events with {@code bad} bad ones. */
  static Counts perMinute1000(long minutes, long bad) {
    return new Counts(minutes * 1000 - bad, minutes * 1000);
  }

  static List<AlertStatus> evaluate(AlertPolicy policy, Counts window, Map<Duration, Counts> c) {
    return AlertEvaluator.evaluate(policy, O, W30, window, c::get);
  }

  // 30 days of 1000 events a minute: 43,200,000 events; allowed bad = 0.001 x that = 43,200
  static final long MONTH_TOTAL = 43_200_000;

  @Test
  void a_total_outage_pages_after_its_first_minute() {
    // one minute of 100% errors (1000 bad), then evaluated: it is in every window
    Map<Duration, Counts> c =
        Map.of(
            M5, perMinute1000(5, 1000), // 1000/5000 = 0.2 -> burn 200
            M30, perMinute1000(30, 1000), // 1000/30000 -> 33.33
            H1, perMinute1000(60, 1000), // 1000/60000 -> 16.67 >= 14.4
            H2, perMinute1000(120, 1000), // 8.33
            H6, perMinute1000(360, 1000), // 2.78 < 6
            D1, perMinute1000(1440, 1000), // 0.694 < 3
            D3, perMinute1000(4320, 1000)); // 0.231 < 1
    List<AlertStatus> s = evaluate(POLICY, new Counts(MONTH_TOTAL - 1000, MONTH_TOTAL), c);

    assertThat(s).extracting(AlertStatus::fired).containsExactly(true, false, false, false);
    assertThat(s.get(0).longBurnRate()).isCloseTo(1000.0 / 60000 / 0.001, within(1e-9));
    assertThat(s.get(0).shortBurnRate()).isCloseTo(200.0, within(1e-9));
    assertThat(s.get(1).longBurnRate()).isCloseTo(1000.0 / 360000 / 0.001, within(1e-9));
    // the 1h window's 1000 bad events are 1000 / 43,200 of the month's budget; so are the 5m's
    assertThat(s.get(0).longBudgetConsumed()).isCloseTo(1000.0 / 43_200, within(1e-12));
    assertThat(s.get(0).shortBudgetConsumed()).isCloseTo(1000.0 / 43_200, within(1e-12));
    // left: 43,200 - 1000 = 42,200 bad events; the 1h window burns 1000 an hour -> 42.2h = 151,920s
    assertThat(s.get(0).timeToExhaustion()).isEqualTo(Duration.ofSeconds(151_920));
    // the 3d window burns 1000 per 3 days -> 42.2 x 72h = 3038.4h = 10,938,240s
    assertThat(s.get(3).timeToExhaustion()).isEqualTo(Duration.ofSeconds(10_938_240));
  }

  @Test
  void a_burst_of_three_minutes_pages_on_both_page_pairs_but_does_not_ticket() {
    Map<Duration, Counts> c =
        Map.of(
            M5, perMinute1000(5, 3000), // 0.6 -> 600
            M30, perMinute1000(30, 3000), // 0.1 -> 100 >= 6
            H1, perMinute1000(60, 3000), // 0.05 -> 50 >= 14.4
            H2, perMinute1000(120, 3000), // 0.025 -> 25
            H6, perMinute1000(360, 3000), // 3000/360000 -> 8.33 >= 6
            D1, perMinute1000(1440, 3000), // 3000/1,440,000 -> 2.083 < 3
            D3, perMinute1000(4320, 3000)); // 0.694 < 1
    List<AlertStatus> s = evaluate(POLICY, new Counts(MONTH_TOTAL - 3000, MONTH_TOTAL), c);

    assertThat(s).extracting(AlertStatus::fired).containsExactly(true, true, false, false);
    assertThat(s.get(1).longBurnRate()).isCloseTo(3000.0 / 360 / 1000 / 0.001, within(1e-9));
    assertThat(s.get(2).longBurnRate()).isCloseTo(3000.0 / 1_440_000 / 0.001, within(1e-9));
    assertThat(s.get(2).shortBurnRate()).isCloseTo(25.0, within(1e-9));
    assertThat(AlertEvaluator.anyFired(s)).isTrue();
  }

  @Test
  void a_slow_burn_only_tickets() {
    // 0.4% errors (4 bad a minute, burn 4) for the last 36 hours, clean before
    Map<Duration, Counts> c =
        Map.of(
            M5, perMinute1000(5, 20), // 4
            M30, perMinute1000(30, 120), // 4 < 6
            H1, perMinute1000(60, 240), // 4 < 14.4
            H2, perMinute1000(120, 480), // 4 >= 3
            H6, perMinute1000(360, 1440), // 4 >= 1
            D1, perMinute1000(1440, 5760), // 4 >= 3
            D3, perMinute1000(4320, 8640)); // 36h x 60 x 4 = 8640 bad / 4,320,000 -> 2 >= 1
    List<AlertStatus> s = evaluate(POLICY, new Counts(MONTH_TOTAL - 8640, MONTH_TOTAL), c);

    assertThat(s).extracting(AlertStatus::fired).containsExactly(false, false, true, true);
    assertThat(s.get(3).longBurnRate()).isCloseTo(2.0, within(1e-9));
    assertThat(s.get(3).shortBurnRate()).isCloseTo(4.0, within(1e-9));
    // the 1d window's 5760 bad events are 5760 / 43,200 = 0.1333 of the budget
    assertThat(s.get(2).longBudgetConsumed()).isCloseTo(5760.0 / 43_200, within(1e-12));
    // left 43,200 - 8640 = 34,560 bad events at the 1d window's 5760 a day -> 6 days
    assertThat(s.get(2).timeToExhaustion()).isEqualTo(Duration.ofDays(6));
  }

  @Test
  void a_recovery_resets_the_fast_page_as_soon_as_the_short_window_is_clean() {
    // a 20-minute total outage that ended 10 minutes ago: 20,000 bad events
    Map<Duration, Counts> c =
        Map.of(
            M5, perMinute1000(5, 0), // clean: 0 < 14.4
            M30, perMinute1000(30, 20_000), // 0.667 -> 666.7
            H1, perMinute1000(60, 20_000), // 0.333 -> 333.3, still far above 14.4
            H2, perMinute1000(120, 20_000), // 166.7
            H6, perMinute1000(360, 20_000), // 55.6
            D1, perMinute1000(1440, 20_000), // 13.9
            D3, perMinute1000(4320, 20_000)); // 4.63
    List<AlertStatus> s = evaluate(POLICY, new Counts(MONTH_TOTAL - 20_000, MONTH_TOTAL), c);

    assertThat(s.get(0).longBurnRate()).isCloseTo(20_000.0 / 60_000 / 0.001, within(1e-9));
    assertThat(s.get(0).shortBurnRate()).isCloseTo(0.0, within(1e-9));
    // the short window drops first: the 1h/5m page has reset, the 30m window still holds the outage
    assertThat(s).extracting(AlertStatus::fired).containsExactly(false, true, true, true);
  }

  @Test
  void a_burn_rate_exactly_at_the_factor_fires() {
    // 72 bad of 5000 = 0.0144 = 14.4 x 0.001 exactly (in binary, 72/5000/0.001 is not exactly 14.4)
    Counts atFactor = new Counts(5000 - 72, 5000);
    Counts below = new Counts(5000 - 71, 5000);
    AlertPolicy one = AlertPolicy.of(List.of(POLICY.rules().get(0)));
    assertThat(evaluate(one, atFactor, Map.of(H1, atFactor, M5, atFactor)).get(0).fired()).isTrue();
    assertThat(evaluate(one, atFactor, Map.of(H1, below, M5, atFactor)).get(0).fired()).isFalse();
  }

  @Test
  void min_events_keeps_a_quiet_window_from_paging() {
    // 10 events in the hour, 1 bad: 0.1 -> burn 100; 1 event in 5 minutes, bad: burn 1000
    Map<Duration, Counts> c = Map.of(H1, new Counts(9, 10), M5, new Counts(0, 1));
    AlertPolicy one = AlertPolicy.of(List.of(POLICY.rules().get(0)));
    Counts window = new Counts(9_999, 10_000);

    AlertStatus unguarded = evaluate(one, window, c).get(0);
    assertThat(unguarded.fired()).isTrue();
    assertThat(unguarded.belowMinEvents()).isFalse();

    AlertStatus guarded = evaluate(one.withMinEvents(100), window, c).get(0);
    assertThat(guarded.fired()).isFalse();
    assertThat(guarded.belowMinEvents()).isTrue();
    assertThat(guarded.longBurnRate()).isCloseTo(100.0, within(1e-9));

    // exactly min_events valid events is enough
    assertThat(evaluate(one.withMinEvents(10), window, c).get(0).fired()).isTrue();
  }

  @Test
  void windows_without_events_have_no_burn_rate_and_do_not_fire() {
    AlertPolicy one = AlertPolicy.of(List.of(POLICY.rules().get(0)));
    AlertStatus s = evaluate(one, Counts.NONE, Map.of(H1, Counts.NONE, M5, Counts.NONE)).get(0);
    assertThat(s.fired()).isFalse();
    assertThat(s.longBurnRate()).isNull();
    assertThat(s.shortBurnRate()).isNull();
    assertThat(s.longBudgetConsumed()).isNull();
    assertThat(s.timeToExhaustion()).isNull();
  }

  @Test
  void time_to_exhaustion_is_zero_once_the_budget_is_spent_and_null_without_burn() {
    // allowed 0.001 x 100,000 = 100 bad; 150 bad already
    Counts spent = new Counts(100_000 - 150, 100_000);
    assertThat(AlertEvaluator.timeToExhaustion(O, W30, spent, new Counts(90, 100)))
        .isEqualTo(Duration.ZERO);
    Counts healthy = new Counts(100_000 - 50, 100_000);
    assertThat(AlertEvaluator.timeToExhaustion(O, W30, healthy, new Counts(100, 100))).isNull();
    // remaining 0.5 of the budget at burn 10 over a 30-day window: 0.5 x 30d / 10 = 1.5d
    // (burning window: 10 bad of 1000 = 0.01 -> burn 10)
    assertThat(AlertEvaluator.timeToExhaustion(O, W30, healthy, new Counts(990, 1000)))
        .isEqualTo(Duration.ofHours(36));
  }

  @Test
  void calendar_windows_spread_the_budget_over_their_nominal_length() {
    // month = 30d: remaining 0.5 at burn 10 -> 0.5 x 30d / 10 = 36h, as for a rolling 30d
    Counts healthy = new Counts(100_000 - 50, 100_000);
    assertThat(
            AlertEvaluator.timeToExhaustion(
                O, Window.Calendar.civil(Window.Period.MONTH), healthy, new Counts(990, 1000)))
        .isEqualTo(Duration.ofHours(36));
  }

  @Test
  void each_window_length_is_asked_for_once() {
    int[] asks = {0};
    AlertEvaluator.evaluate(
        POLICY,
        O,
        W30,
        Counts.NONE,
        d -> {
          asks[0]++;
          return Counts.NONE;
        });
    // 8 windows but 7 lengths: 6h is the long window of one page pair and the short of a ticket
    assertThat(asks[0]).isEqualTo(7);
  }

  @Test
  void a_missing_window_is_a_programming_error() {
    assertThatThrownBy(
            () ->
                AlertEvaluator.evaluate(
                    POLICY, O, W30, Counts.NONE, d -> d.equals(M5) ? null : Counts.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no counts for the 5m window");
  }

  @Test
  void burn_rate_is_exact_from_integers() {
    // 139 good of 149 at 99%: 10/149 / 0.01 = 6.711409395973154
    assertThat(AlertEvaluator.burnRate(new Counts(139, 149), Objective.of("0.99")))
        .isCloseTo(1000.0 / 149, within(1e-12));
    assertThat(new BigDecimal("14.4").multiply(O.errorBudget())).isEqualByComparingTo("0.0144");
  }

  @Test
  void no_bad_event_is_a_zero_burn_and_zero_budget_consumed_and_no_event_is_none() {
    // 0 bad of 149: 0/149/0.01 = 0, the value the decimal division gave (a positive zero)
    assertThat(AlertEvaluator.burnRate(new Counts(149, 149), Objective.of("0.99")))
        .isEqualTo(0.0)
        .isEqualTo(
            new BigDecimal(0)
                .divide(new BigDecimal("1.49"), java.math.MathContext.DECIMAL64)
                .doubleValue());
    assertThat(AlertEvaluator.budgetConsumed(0, Objective.of("0.999"), 5)).isEqualTo(0.0);
    assertThat(
            Double.doubleToRawLongBits(AlertEvaluator.budgetConsumed(0, Objective.of("0.999"), 5)))
        .isZero();
    assertThat(AlertEvaluator.burnRate(new Counts(0, 0), Objective.of("0.99"))).isNull();
    assertThat(AlertEvaluator.budgetConsumed(0, Objective.of("0.99"), 0)).isNull();
    // one bad event of 1,000 at 99.9%: 1/1000/0.001 = 1, and of an SLO window of 500: 1/0.5 = 2
    assertThat(AlertEvaluator.burnRate(new Counts(999, 1000), Objective.of("0.999")))
        .isEqualTo(1.0);
    assertThat(AlertEvaluator.budgetConsumed(1, Objective.of("0.999"), 500)).isEqualTo(2.0);
  }

  @Test
  void a_group_that_is_no_data_for_its_slo_does_not_page() {
    // one request in the whole SLO window, and it failed: 1/1 bad in every alert window, burn
    // (1/1)/0.001 = 1000 >= every factor; the SLO's min_events 30 makes the group NO_DATA
    Counts oneBad = new Counts(0, 1);
    Map<Duration, Counts> c =
        Map.of(M5, oneBad, M30, oneBad, H1, oneBad, H2, oneBad, H6, oneBad, D1, oneBad, D3, oneBad);

    List<AlertStatus> held = AlertEvaluator.evaluate(POLICY, O, W30, 30, oneBad, c::get);
    assertThat(held).extracting(AlertStatus::fired).containsOnly(false);
    assertThat(held).extracting(AlertStatus::heldByNoData).containsOnly(true);
    assertThat(held).extracting(AlertStatus::burning).containsOnly(true);
    assertThat(held.get(0).longBurnRate()).isCloseTo(1000.0, within(1e-9));

    // without min_events one valid event is enough data: every pair fires
    List<AlertStatus> fired = AlertEvaluator.evaluate(POLICY, O, W30, 0, oneBad, c::get);
    assertThat(fired).extracting(AlertStatus::fired).containsOnly(true);
    assertThat(fired).extracting(AlertStatus::heldByNoData).containsOnly(false);

    // exactly min_events valid events is data again (NO_DATA is total < min_events)
    Counts thirty = new Counts(0, 30);
    Map<Duration, Counts> c30 =
        Map.of(M5, thirty, M30, thirty, H1, thirty, H2, thirty, H6, thirty, D1, thirty, D3, thirty);
    assertThat(AlertEvaluator.evaluate(POLICY, O, W30, 30, thirty, c30::get))
        .extracting(AlertStatus::fired)
        .containsOnly(true);
  }
}
