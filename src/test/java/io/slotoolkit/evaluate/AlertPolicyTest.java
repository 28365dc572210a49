package io.slotoolkit.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotoolkit.model.AlertPolicy;
import io.slotoolkit.model.AlertRule;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.Window;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertPolicyTest {
  static final Objective NINES3 = Objective.of("0.999");
  static final SourceLocation SLO_AT = new SourceLocation(Path.of("specs/api.yaml"), 12, 5);

  static Window rolling(long days) {
    return new Window.Rolling(Duration.ofDays(days));
  }

  static List<String> factors(AlertPolicy p) {
    return p.rules().stream().map(r -> r.factor().toPlainString()).toList();
  }

  @Test
  void default_for_30d_is_the_workbook_policy() {
    AlertPolicy p = AlertPolicy.defaultFor(rolling(30), NINES3);
    // 2% x 720h / 1h = 14.4; 5% x 720h / 6h = 6; 10% x 720h / 24h = 3; 10% x 720h / 72h = 1
    assertThat(factors(p)).containsExactly("14.4", "6", "3", "1");
    assertThat(p.rules())
        .extracting(AlertRule::label)
        .containsExactly(
            "page 14.4x over 1h/5m",
            "page 6x over 6h/30m",
            "ticket 3x over 1d/2h",
            "ticket 1x over 3d/6h");
    assertThat(p.severities()).containsExactly("page", "ticket");
  }

  static List<String> windows(AlertPolicy p) {
    return p.rules().stream().map(AlertRule::label).toList();
  }

  @Test
  void default_for_28d_scales_the_windows_and_keeps_the_factors() {
    // windows x 28/30: 60m -> 56m, 5m -> 4.67 -> 5m, 6h -> 5h36m, 30m -> 28m, 24h -> 22h24m,
    // 2h -> 1h52m, 72h -> 67h12m, 6h -> 5h36m
    AlertPolicy p = AlertPolicy.defaultFor(rolling(28), NINES3);
    assertThat(factors(p)).containsExactly("14.4", "6", "3", "1");
    assertThat(p.rules())
        .extracting(AlertRule::longWindow)
        .containsExactly(
            Duration.ofMinutes(56),
            Duration.ofMinutes(336),
            Duration.ofMinutes(1344),
            Duration.ofMinutes(4032));
    assertThat(p.rules())
        .extracting(AlertRule::shortWindow)
        .containsExactly(
            Duration.ofMinutes(5),
            Duration.ofMinutes(28),
            Duration.ofMinutes(112),
            Duration.ofMinutes(336));
  }

  @Test
  void default_for_7d_never_fires_below_1x() {
    // windows x 7/30: 60m -> 14m, 5m -> 1.17 -> 1m, 6h -> 84m, 30m -> 7m, 24h -> 336m, 2h -> 28m,
    // 72h -> 1008m, 6h -> 84m; the factors stay 14.4, 6, 3, 1
    AlertPolicy p = AlertPolicy.defaultFor(rolling(7), NINES3);
    assertThat(factors(p)).containsExactly("14.4", "6", "3", "1");
    assertThat(p.rules())
        .extracting(AlertRule::longWindow)
        .containsExactly(
            Duration.ofMinutes(14),
            Duration.ofMinutes(84),
            Duration.ofMinutes(336),
            Duration.ofMinutes(1008));
    assertThat(p.rules())
        .extracting(AlertRule::shortWindow)
        .containsExactly(
            Duration.ofMinutes(1),
            Duration.ofMinutes(7),
            Duration.ofMinutes(28),
            Duration.ofMinutes(84));
  }

  @Test
  void default_for_90d_triples_the_windows() {
    AlertPolicy p = AlertPolicy.defaultFor(rolling(90), NINES3);
    assertThat(factors(p)).containsExactly("14.4", "6", "3", "1");
    assertThat(p.rules())
        .extracting(AlertRule::longWindow)
        .containsExactly(
            Duration.ofHours(3), Duration.ofHours(18), Duration.ofDays(3), Duration.ofDays(9));
    assertThat(p.rules())
        .extracting(AlertRule::shortWindow)
        .containsExactly(
            Duration.ofMinutes(15),
            Duration.ofMinutes(90),
            Duration.ofHours(6),
            Duration.ofHours(18));
  }

  @Test
  void each_scaled_rule_keeps_its_budget_share() {
    // 14.4 x 56m / 28d = 14.4 x 56 / 40320 = 0.02; 1 x 4032m / 40320m = 0.1
    AlertPolicy p = AlertPolicy.defaultFor(rolling(28), NINES3);
    assertThat(p.rules().get(0).budgetShare(rolling(28))).isEqualByComparingTo("0.02");
    assertThat(p.rules().get(3).budgetShare(rolling(28))).isEqualByComparingTo("0.1");
  }

  @Test
  void calendar_windows_scale_with_their_nominal_length() {
    // month = 30d (the Workbook itself), week = 7d, quarter = 90d
    assertThat(windows(AlertPolicy.defaultFor(Window.Calendar.civil(Window.Period.MONTH), NINES3)))
        .containsExactly(
            "page 14.4x over 1h/5m",
            "page 6x over 6h/30m",
            "ticket 3x over 1d/2h",
            "ticket 1x over 3d/6h");
    assertThat(AlertPolicy.defaultFor(Window.Calendar.civil(Window.Period.WEEK), NINES3))
        .isEqualTo(AlertPolicy.defaultFor(rolling(7), NINES3));
    assertThat(AlertPolicy.defaultFor(Window.Calendar.civil(Window.Period.QUARTER), NINES3))
        .isEqualTo(AlertPolicy.defaultFor(rolling(90), NINES3));
  }

  @Test
  void a_short_slo_window_gets_short_alert_windows() {
    // a 2-day window: x 2/30: 60m -> 4m, 5m -> 0.33 -> 1m, 6h -> 24m, 30m -> 2m, 24h -> 96m,
    // 2h -> 8m, 72h -> 288m, 6h -> 24m: every rule fits inside the window
    AlertPolicy p = AlertPolicy.defaultFor(rolling(2), NINES3);
    assertThat(factors(p)).containsExactly("14.4", "6", "3", "1");
    assertThat(p.longestWindow()).isEqualTo(Duration.ofMinutes(288));
    assertThat(p.check(NINES3, rolling(2), SLO_AT)).isEmpty();
  }

  @Test
  void default_caps_factors_a_low_objective_cannot_reach() {
    // objective 90%: the highest burn rate is 1 / 0.1 = 10, so 14.4 becomes 10; 6, 3, 1 stay
    Objective ninety = Objective.of("0.9");
    AlertPolicy p = AlertPolicy.defaultFor(rolling(30), ninety);
    assertThat(factors(p)).containsExactly("10", "6", "3", "1");
    assertThat(p.check(ninety, rolling(30), SLO_AT)).isEmpty();
  }

  @Test
  void max_factor_is_rounded_down_so_it_can_fire() {
    // 1 / (1 - 0.994) = 1 / 0.006 = 166.666...: rounded down, 166.6666666666666 x 0.006 < 1
    Objective o = Objective.of("0.994");
    assertThat(AlertPolicy.maxFactor(o).toPlainString()).isEqualTo("166.6666666666666");
    assertThat(AlertPolicy.maxFactor(NINES3).toPlainString()).isEqualTo("1000");
  }

  @Test
  void window_lengths_and_bucket_size_of_the_default_policy() {
    AlertPolicy p = AlertPolicy.defaultFor(rolling(30), NINES3);
    assertThat(p.windowLengths())
        .containsExactly(
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(1),
            Duration.ofHours(2),
            Duration.ofHours(6),
            Duration.ofDays(1),
            Duration.ofDays(3));
    // gcd(5m, 30m, 1h, 2h, 6h, 1d, 3d) = 5m
    assertThat(p.bucketSize()).isEqualTo(Duration.ofMinutes(5));
    assertThat(p.longestWindow()).isEqualTo(Duration.ofDays(3));
  }

  @Test
  void a_factor_that_cannot_fire_names_the_maximum() {
    AlertRule r =
        AlertRule.burnRatePair(
            Duration.ofHours(1),
            Duration.ofMinutes(5),
            new BigDecimal("25"),
            "page",
            new SourceLocation(Path.of("specs/api.yaml"), 20, 9));
    // objective 95%: 25 x 0.05 = 1.25 > 1; the highest burn rate is 1 / 0.05 = 20
    List<Problem> problems =
        AlertPolicy.of(List.of(r)).check(Objective.of("0.95"), rolling(30), SLO_AT);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).render())
        .isEqualTo(
            "specs/api.yaml:20:9: alert page 25x over 1h/5m can never fire: with objective 95%"
                + " the highest possible burn rate is 20 (every event bad) (use a factor of at most"
                + " 20)");
  }

  @Test
  void a_factor_at_the_maximum_is_accepted() {
    // 20 x 0.05 = 1: fires when every event is bad
    AlertRule r =
        AlertRule.burnRatePair(
            Duration.ofHours(1), Duration.ofMinutes(5), new BigDecimal("20"), "page", null);
    assertThat(AlertPolicy.of(List.of(r)).check(Objective.of("0.95"), rolling(30), SLO_AT))
        .isEmpty();
  }

  @Test
  void a_long_window_longer_than_the_slo_window_is_reported_at_the_slo_for_defaults() {
    AlertRule r =
        AlertRule.burnRatePair(
            Duration.ofDays(3), Duration.ofHours(6), BigDecimal.ONE, "ticket", null);
    List<Problem> problems =
        AlertPolicy.of(List.of(r)).check(NINES3, new Window.Rolling(Duration.ofDays(2)), SLO_AT);
    assertThat(problems)
        .extracting(Problem::render)
        .containsExactly(
            "specs/api.yaml:12:5: alert ticket 1x over 3d/6h looks back 3d, longer than the SLO"
                + " window 2d (use a long window of at most 2d)");
    List<Problem> calendar =
        AlertPolicy.of(
                List.of(
                    AlertRule.burnRatePair(
                        Duration.ofDays(8), Duration.ofHours(6), BigDecimal.ONE, "ticket", null)))
            .check(NINES3, Window.Calendar.civil(Window.Period.WEEK), SLO_AT);
    assertThat(calendar.get(0).message()).contains("longer than the SLO window week (7d nominal)");
  }

  @Test
  void rule_problems_are_all_listed() {
    assertThat(
            AlertRule.problems(
                Duration.ofMinutes(5), Duration.ofHours(1), new BigDecimal("14.4"), "page"))
        .containsExactly("the short window 1h must be shorter than the long window 5m");
    assertThat(AlertRule.problems(Duration.ofHours(1), Duration.ofHours(1), BigDecimal.ONE, "page"))
        .containsExactly("the short window 1h must be shorter than the long window 1h");
    assertThat(AlertRule.problems(Duration.ZERO, Duration.ofSeconds(90), BigDecimal.ZERO, "Page"))
        .containsExactly(
            "the long window must be positive, not 0s",
            "the short window must be whole minutes, not 1m30s",
            "the burn-rate factor must be positive, not 0",
            "the alert severity must be a lower-case name such as page or ticket, not 'Page'");
    assertThatThrownBy(
            () ->
                AlertRule.burnRatePair(
                    Duration.ofMinutes(-5), Duration.ofMinutes(1), BigDecimal.ONE, "page", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the long window must be positive, not PT-5M");
  }
}
