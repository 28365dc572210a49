package io.slotoolkit.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectiveParserTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "99.5%, 0.995", // 99.5 / 100
    "99.95%, 0.9995",
    "99%, 0.99",
    "'99.9 %', 0.999",
    "0.995, 0.995",
    "0.5, 0.5",
    "1e-3, 0.001",
    "0.01%, 0.0001"
  })
  void percent_and_ratio_keep_the_exact_decimal(String text, String expected)
      throws InvalidValueException {
    assertThat(ObjectiveParser.parse(text).target()).isEqualTo(new BigDecimal(expected));
  }

  @Test
  void percent_is_exact_where_a_double_is_not() throws InvalidValueException {
    // 0.995 has no exact double; the BigDecimal built from the double differs from "0.995".
    assertThat(ObjectiveParser.parse("99.5%").target())
        .isEqualTo(new BigDecimal("0.995"))
        .isNotEqualTo(new BigDecimal(0.995));
  }

  @Test
  void number_above_one_without_percent_sign_is_read_as_a_huge_percent() {
    // 99.5 as a ratio is 99.5 x 100% = 9950%
    assertThatThrownBy(() -> ObjectiveParser.parse("99.5"))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("objective 99.5 is read as 9950%");
              assertThat(e.hint()).isEqualTo("write 99.5% for a percent");
            });
    assertThatThrownBy(() -> ObjectiveParser.parse("99"))
        .hasMessage("objective 99 is read as 9900%");
  }

  @ParameterizedTest
  @CsvSource({"100%", "1", "1.0"})
  void hundred_percent_leaves_no_error_budget(String text) {
    assertThatThrownBy(() -> ObjectiveParser.parse(text))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo("objective " + text + " must be between 0% and 100%, exclusive");
              assertThat(e.hint()).startsWith("100% leaves no error budget");
            });
  }

  @ParameterizedTest
  @CsvSource({"0%", "0", "-0.5", "-1%", "150%", "100", "250"})
  void outside_zero_to_hundred_percent_is_refused(String text) {
    assertThatThrownBy(() -> ObjectiveParser.parse(text))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.getMessage()).endsWith("must be between 0% and 100%, exclusive");
              assertThat(e.hint()).isEqualTo("write it like 99.5% or 0.995");
            });
  }

  @ParameterizedTest
  @CsvSource({"three nines", "%", "99.5%%", "high", "0.9.9"})
  void words_are_not_objectives(String text) {
    assertThatThrownBy(() -> ObjectiveParser.parse(text))
        .hasMessage("objective '" + text + "' is not a percent or a ratio");
  }
}
