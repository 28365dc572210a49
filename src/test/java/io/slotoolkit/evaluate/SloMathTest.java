package io.slotoolkit.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.slotoolkit.model.Alerting;
import io.slotoolkit.model.CsvDialect;
import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.EventTime;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.Sli;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloMetadata;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.SqlExpression;
import io.slotoolkit.model.Status;
import io.slotoolkit.model.Window;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloMathTest {
  private static final SourceLocation HERE = new SourceLocation(Path.of("t.yaml"), 1, 1);

  static Slo slo(String objective, long minEvents) {
    DataSource src =
        new DataSource(
            "api",
            Path.of("t.yaml"),
            List.of("/x.csv"),
            DataFormat.CSV,
            new EventTime("ts", EventTime.Encoding.AUTO, null, ZoneId.of("UTC")),
            ZoneId.of("UTC"),
            CsvDialect.SNIFF,
            null,
            0,
            HERE,
            List.of(),
            false,
            null,
            null,
            null);
    return new Slo(
        "s",
        "svc",
        null,
        src,
        new Sli.Ratio(new SqlExpression("status < 500", HERE), null),
        Objective.of(objective),
        new Window.Rolling(Duration.ofDays(28)),
        List.of(),
        minEvents,
        HERE,
        List.of(),
        Alerting.DEFAULT,
        List.of(),
        SloMetadata.EMPTY,
        null);
  }

  private static SloResult result(String objective, long minEvents, long good, long total) {
    Instant at = Instant.parse("2026-02-28T00:00:00Z");
    return SloMath.result(
        slo(objective, minEvents), null, at.minus(Duration.ofDays(28)), at, good, total, 0);
  }

  @Test
  void contract_example_139_of_149_at_99_percent() {
    SloResult r = result("0.99", 0, 139, 149);
    // sli = 139/149 = 0.932885906040268...
    assertThat(r.sli()).isCloseTo(0.93288590604, within(1e-11));
    // allowed = 0.01 x 149 = 1.49 exactly (no binary drift)
    assertThat(r.budget().allowed()).isEqualByComparingTo("1.49");
    assertThat(r.budget().allowed().toPlainString()).isEqualTo("1.49");
    assertThat(r.budget().bad()).isEqualTo(10);
    // remaining = 1 - 10/1.49 = -5.711409396; burn = (10/149)/0.01 = 6.711409396
    assertThat(r.budget().remaining()).isCloseTo(-5.711409396, within(1e-9));
    assertThat(r.burnRate()).isCloseTo(6.711409396, within(1e-9));
    assertThat(r.status()).isEqualTo(Status.BREACHED);
  }

  @Test
  void exactly_at_the_objective_is_ok_not_breached() {
    // 995/1000 = 0.995 exactly: good >= 0.995 x 1000 -> OK; budget fully spent: 1 - 5/5 = 0
    SloResult r = result("0.995", 0, 995, 1000);
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(r.budget().remaining()).isCloseTo(0.0, within(1e-12));
    assertThat(r.burnRate()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void one_event_short_of_the_objective_is_breached() {
    SloResult r = result("0.995", 0, 994, 1000);
    assertThat(r.status()).isEqualTo(Status.BREACHED);
    // 1 - 6/5 = -0.2
    assertThat(r.budget().remaining()).isCloseTo(-0.2, within(1e-12));
  }

  @Test
  void no_events_is_no_data_with_undefined_ratios() {
    SloResult r = result("0.99", 0, 0, 0);
    assertThat(r.status()).isEqualTo(Status.NO_DATA);
    assertThat(r.sli()).isNull();
    assertThat(r.budget().remaining()).isNull();
    assertThat(r.burnRate()).isNull();
    assertThat(r.budget().allowed()).isEqualByComparingTo("0");
  }

  @Test
  void fewer_events_than_min_events_is_no_data_even_when_all_bad() {
    assertThat(result("0.99", 30, 0, 29).status()).isEqualTo(Status.NO_DATA);
    assertThat(result("0.99", 30, 0, 30).status()).isEqualTo(Status.BREACHED);
  }

  @Test
  void untouched_budget_is_one_and_burn_zero() {
    SloResult r = result("0.9", 0, 50, 50);
    assertThat(r.budget().remaining()).isCloseTo(1.0, within(1e-12));
    assertThat(r.burnRate()).isCloseTo(0.0, within(1e-12));
    assertThat(r.sli()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void ratios_are_the_nearest_double_whether_computed_in_binary_or_in_decimal() {
    // 139/149 and the burn 10/1.49 = 1000/149: one IEEE division of exact integers is the
    // correctly rounded quotient, the same double the 34-digit decimal rounds to
    SloResult r = result("0.99", 0, 139, 149);
    assertThat(r.sli())
        .isEqualTo(
            new BigDecimal(139).divide(new BigDecimal(149), MathContext.DECIMAL128).doubleValue());
    assertThat(r.burnRate()).isEqualTo(1000.0 / 149);
    assertThat(r.budget().remaining()).isEqualTo(-851.0 / 149);
    // an objective with many decimals: budget 0.0000001 x total
    SloResult fine = result("0.9999999", 0, 29_999_999, 30_000_000);
    assertThat(fine.burnRate()).isEqualTo(10_000_000.0 / 30_000_000);
    // counts beyond 2^53 are not exact doubles: the decimal path gives the nearest double
    long big = (1L << 53) + 1;
    SloResult huge = result("0.5", 0, big - 1, big);
    assertThat(huge.sli())
        .isEqualTo(
            new BigDecimal(big - 1)
                .divide(new BigDecimal(big), MathContext.DECIMAL128)
                .doubleValue());
    assertThat(huge.burnRate())
        .isEqualTo(
            BigDecimal.ONE
                .divide(new BigDecimal(big).multiply(new BigDecimal("0.5")), MathContext.DECIMAL128)
                .doubleValue());
  }

  /**
   * toDouble is doubleValue, bit for bit: on the quotients a check's burn rates divide out (16
   * digits, DECIMAL64), on any decimal of up to 19 digits and scale -3 to 25, on the edges of its
   * fast path (2^53 - 1 and 2^53, scales 22 and 23), and on zero and negatives.
   */
  @org.junit.jupiter.api.Test
  void to_double_is_double_value_bit_for_bit() {
    java.util.Random random = new java.util.Random(53);
    java.util.List<java.math.BigDecimal> values = new java.util.ArrayList<>();
    for (long u :
        new long[] {0, 1, -1, (1L << 53) - 1, 1L << 53, -((1L << 53) - 1), 9_999_999_999_999_999L})
      for (int scale : new int[] {0, 1, 15, 16, 22, 23, -1})
        values.add(java.math.BigDecimal.valueOf(u, scale));
    for (int i = 0; i < 300_000; i++) {
      long bad = 1 + random.nextInt(1_000_000);
      long total = bad + random.nextInt(100_000_000);
      java.math.BigDecimal budget = java.math.BigDecimal.valueOf(1 + random.nextInt(9999), 4);
      values.add(
          java.math.BigDecimal.valueOf(bad)
              .divide(
                  budget.multiply(java.math.BigDecimal.valueOf(total)),
                  java.math.MathContext.DECIMAL64));
      values.add(java.math.BigDecimal.valueOf(random.nextLong(), random.nextInt(29) - 3));
    }
    for (java.math.BigDecimal d : values)
      assertThat(Double.doubleToRawLongBits(SloMath.toDouble(d)))
          .as("%s", d)
          .isEqualTo(Double.doubleToRawLongBits(d.doubleValue()));
  }
}
