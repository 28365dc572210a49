package io.slotoolkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Decimals writes what printf writes: worked examples, then printf itself on many values. */
class DecimalsTest {
  @Test
  void fixed_rounds_half_up_from_the_shortest_decimal() {
    // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875; printf rounds its
    // shortest decimal, 2.675, half-up
    assertThat(Decimals.fixed(2.675, 2)).isEqualTo("2.68");
    assertThat(Decimals.fixed(0.125, 2)).isEqualTo("0.13");
    assertThat(Decimals.fixed(-3.25, 0)).isEqualTo("-3");
    assertThat(Decimals.fixed(37.35, 1)).isEqualTo("37.4");
    assertThat(Decimals.fixed(-0.0004, 2)).isEqualTo("-0.00");
    assertThat(Decimals.fixed(-0.0, 1)).isEqualTo("-0.0");
    assertThat(Decimals.fixed(0, 2)).isEqualTo("0.00");
    assertThat(Decimals.fixed(12345678.125, 2)).isEqualTo("12345678.13");
    assertThat(Decimals.fixed(Double.NaN, 2)).isEqualTo("NaN");
    assertThat(Decimals.fixed(Double.NEGATIVE_INFINITY, 2)).isEqualTo("-Infinity");
  }

  @Test
  void grouped_puts_a_comma_between_groups_of_three() {
    assertThat(Decimals.grouped(0)).isEqualTo("0");
    assertThat(Decimals.grouped(999)).isEqualTo("999");
    assertThat(Decimals.grouped(1000)).isEqualTo("1,000");
    assertThat(Decimals.grouped(-41_582)).isEqualTo("-41,582");
    assertThat(Decimals.grouped(-100_000)).isEqualTo("-100,000");
    assertThat(Decimals.grouped(27_930_418)).isEqualTo("27,930,418");
    assertThat(Decimals.grouped(Long.MIN_VALUE)).isEqualTo("-9,223,372,036,854,775,808");
  }

  @Test
  void fixed_and_percent_write_what_printf_writes() {
    Random random = new Random(20261203);
    List<Double> values = new ArrayList<>();
    for (double v :
        new double[] {
          0,
          -0.0,
          0.005,
          -0.005,
          0.015,
          1.005,
          0.0005,
          0.00049,
          1e-3,
          0.00099999,
          9_999_999.995,
          1e7,
          1e7 - 0.005,
          99.95,
          99.949999,
          Double.MIN_VALUE,
          Double.MAX_VALUE,
          Double.NaN,
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY
        }) values.add(v);
    for (int i = 0; i < 10_000; i++) {
      double v = random.nextDouble() * 200 - 100;
      values.add(v);
      values.add(Math.round(v * 1000) / 1000.0); // ties at the third place
      values.add(Math.round(v * 200) / 200.0); // ties at the second place
      values.add(v * Math.pow(10, random.nextInt(16) - 6)); // 1e-6 .. 1e11, both sides of the range
    }
    List<String> differ = new ArrayList<>();
    int checked = 0;
    for (double v : values) {
      for (int d = 0; d <= 3; d++) {
        String plain = String.format(Locale.ROOT, "%." + d + "f", v);
        if (!Decimals.fixed(v, d).equals(plain)) differ.add(v + " at " + d + ": " + plain);
        String signed = String.format(Locale.ROOT, "%+." + d + "f%%", v);
        if (!Percent.fixed(v, d, true).equals(signed)) differ.add(v + " signed: " + signed);
        checked++;
      }
    }
    assertThat(differ).isEmpty();
    assertThat(checked).isEqualTo(4 * (20 + 4 * 10_000));
  }

  @Test
  void grouped_writes_what_printf_writes() {
    Random random = new Random(20261203);
    List<String> differ = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      long n = random.nextLong() >> random.nextInt(64); // every length of number, both signs
      String printf = String.format(Locale.ROOT, "%,d", n);
      if (!Decimals.grouped(n).equals(printf)) differ.add(printf);
    }
    assertThat(differ).isEmpty();
  }
}
