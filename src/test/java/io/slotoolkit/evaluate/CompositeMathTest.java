package io.slotoolkit.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.slotoolkit.model.Composite;
import io.slotoolkit.model.CompositeResult;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.Status;
import io.slotoolkit.model.Window;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeMathTest {
  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant END = Instant.parse("2026-03-29T00:00:00Z");
  private static final Slo LOGIN = TestSlos.slo("shop", "login", "0.99", List.of(), 0, 3);
  private static final Slo SEARCH = TestSlos.slo("shop", "search", "0.95", List.of(), 0, 9);
  private static final Slo CHECKOUT = TestSlos.slo("shop", "checkout", "0.999", List.of(), 0, 15);

  private static Composite composite(Composite.Method method, BigDecimal... weights) {
    return new Composite(
        "journey",
        "shop",
        null,
        method,
        Objective.of("0.98"),
        new Window.Rolling(Duration.ofDays(28)),
        List.of(
            new Composite.Component(LOGIN, weights[0]),
            new Composite.Component(SEARCH, weights[1]),
            new Composite.Component(CHECKOUT, weights[2])),
        null);
  }

  private static SloResult result(Slo slo, long good, long total) {
    return SloMath.result(slo, null, START, END, good, total, 0);
  }

  // login 990/1000 = 0.99, search 950/1000 = 0.95, checkout 1000/1000 = 1
  private static final List<SloResult> RESULTS =
      List.of(result(LOGIN, 990, 1000), result(SEARCH, 950, 1000), result(CHECKOUT, 1000, 1000));

  @Test
  void weighted_mean_of_the_component_slis() {
    // weights 2, 1, 1: (2 x 0.99 + 0.95 + 1) / 4 = 3.93 / 4 = 0.9825 >= 0.98: OK;
    // burn (1 - 0.9825) / 0.02 = 0.875, budget left 0.125
    CompositeResult c =
        CompositeMath.evaluate(
            composite(
                Composite.Method.WEIGHTED_MEAN, new BigDecimal(2), BigDecimal.ONE, BigDecimal.ONE),
            START,
            END,
            RESULTS);
    assertThat(c.sli()).isCloseTo(0.9825, within(1e-15));
    assertThat(c.burnRate()).isCloseTo(0.875, within(1e-12));
    assertThat(c.remaining()).isCloseTo(0.125, within(1e-12));
    assertThat(c.status()).isEqualTo(Status.OK);
    assertThat(c.components())
        .extracting(CompositeResult.ComponentResult::share)
        .containsExactly(0.5, 0.25, 0.25);
  }

  @Test
  void least_healthy_component_decides() {
    // the lowest SLI is search's 0.95 < 0.98: BREACHED; burn 0.05 / 0.02 = 2.5, left -1.5
    CompositeResult c =
        CompositeMath.evaluate(
            composite(
                Composite.Method.LEAST_HEALTHY, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE),
            START,
            END,
            RESULTS);
    assertThat(c.sli()).isEqualTo(0.95);
    assertThat(c.burnRate()).isCloseTo(2.5, within(1e-12));
    assertThat(c.remaining()).isCloseTo(-1.5, within(1e-12));
    assertThat(c.status()).isEqualTo(Status.BREACHED);
    assertThat(c.components())
        .extracting(CompositeResult.ComponentResult::decisive)
        .containsExactly(false, true, false);
  }

  @Test
  void components_without_data_take_no_part() {
    // checkout has no events: the mean is over login and search, weights 2 and 1:
    // (2 x 0.99 + 0.95) / 3 = 2.93 / 3 = 0.97667 < 0.98: BREACHED
    List<SloResult> results =
        List.of(result(LOGIN, 990, 1000), result(SEARCH, 950, 1000), result(CHECKOUT, 0, 0));
    CompositeResult c =
        CompositeMath.evaluate(
            composite(
                Composite.Method.WEIGHTED_MEAN, new BigDecimal(2), BigDecimal.ONE, BigDecimal.ONE),
            START,
            END,
            results);
    assertThat(c.sli()).isCloseTo(2.93 / 3, within(1e-15));
    assertThat(c.status()).isEqualTo(Status.BREACHED);
    assertThat(c.components().get(2).share()).isEqualTo(0.0);
    // none with data: NO_DATA, nothing defined
    CompositeResult none =
        CompositeMath.evaluate(
            composite(
                Composite.Method.LEAST_HEALTHY, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE),
            START,
            END,
            List.of(result(LOGIN, 0, 0), result(SEARCH, 0, 0), result(CHECKOUT, 0, 0)));
    assertThat(none.status()).isEqualTo(Status.NO_DATA);
    assertThat(none.sli()).isNull();
    assertThat(none.burnRate()).isNull();
  }
}
