package io.slotoolkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class PercentTest {
  @Test
  void fixed_places_keep_trailing_zeros_and_round_by_the_mode() {
    // 0.932885 -> 93.2885 -> floor to 2 places 93.28
    assertThat(Percent.of(new BigDecimal("0.932885"), 2, RoundingMode.FLOOR)).isEqualTo("93.28%");
    assertThat(Percent.of(new BigDecimal("0.85"), 2, RoundingMode.FLOOR)).isEqualTo("85.00%");
  }

  @Test
  void trimmed_drops_trailing_zeros_and_rounds_only_past_the_limit() {
    assertThat(Percent.trimmed(new BigDecimal("0.25"), 2, RoundingMode.HALF_EVEN)).isEqualTo("25%");
    assertThat(Percent.trimmed(new BigDecimal("1"), 2, RoundingMode.HALF_EVEN)).isEqualTo("100%");
    // 0.123456 -> 12.3456 -> half-even at 2 places 12.35
    assertThat(Percent.trimmed(new BigDecimal("0.123456"), 2, RoundingMode.HALF_EVEN))
        .isEqualTo("12.35%");
    assertThat(Percent.trimmed(new BigDecimal("-0.4"), 2, RoundingMode.HALF_EVEN))
        .isEqualTo("-40%");
    assertThat(Percent.exact(new BigDecimal("0.9995"))).isEqualTo("99.95%");
  }

  @Test
  void fixed_percent_values_print_with_the_given_places_and_sign() {
    assertThat(Percent.fixed(62.44, 1, false)).isEqualTo("62.4%");
    assertThat(Percent.fixed(12, 1, true)).isEqualTo("+12.0%");
    assertThat(Percent.fixed(-3.25, 0, false)).isEqualTo("-3%");
  }
}
