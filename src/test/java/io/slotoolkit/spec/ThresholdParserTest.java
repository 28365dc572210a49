package io.slotoolkit.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotoolkit.model.LatencyUnit;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdParserTest {

  @ParameterizedTest(name = "{0} in a column of {1} is {2}")
  @CsvSource({
    "300ms, MS, 300",
    "300ms, S, 0.3", // 300 x 1 000 us / 1 000 000 us
    "300ms, US, 300000", // 300 x 1 000 us / 1 us
    "1.5s, US, 1500000", // 1.5 x 1 000 000 us / 1 us
    "1.5s, MS, 1500", // 1.5 x 1 000 000 us / 1 000 us
    "250us, MS, 0.25", // 250 x 1 us / 1 000 us
    "250us, S, 0.00025", // 250 / 1 000 000
    "250, MS, 250", // a bare number is in the column's unit
    "0.5, S, 0.5",
    "'300 ms', MS, 300",
    "2.50s, MS, 2500", // 2.5 x 1 000, trailing zero dropped
    "1e3us, MS, 1", // 1 000 us = 1 ms
    "300\u00b5s, MS, 0.3" // the micro sign for us
  })
  void threshold_is_converted_into_the_column_unit_exactly(
      String text, LatencyUnit column, String expected) throws InvalidValueException {
    BigDecimal threshold = ThresholdParser.parse(text, column);

    assertThat(threshold).isEqualByComparingTo(expected);
    // Printed as plain digits, so that SQL built from it never sees an exponent like 3E+2.
    assertThat(threshold.toString()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"0ms", "-5ms", "0", "0.0s"})
  void threshold_must_be_positive(String text) {
    assertThatThrownBy(() -> ThresholdParser.parse(text, LatencyUnit.MS))
        .hasMessage("threshold '" + text + "' must be greater than zero");
  }

  @ParameterizedTest
  @CsvSource({"1m, m", "300 sec, sec", "2min, min", "5S, S"})
  void other_units_are_refused(String text, String unit) {
    assertThatThrownBy(() -> ThresholdParser.parse(text, LatencyUnit.S))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo("threshold '" + text + "' has an unknown unit '" + unit + "'");
              assertThat(e.hint())
                  .isEqualTo(
                      "write a number with ms, s or us, such as 300ms; a bare number is in the"
                          + " column's unit, s");
            });
  }

  @ParameterizedTest
  @CsvSource({"fast", "ms", "'300 ms extra'", "1.2.3s"})
  void non_numbers_are_refused(String text) {
    assertThatThrownBy(() -> ThresholdParser.parse(text, LatencyUnit.MS))
        .hasMessageStartingWith("threshold '" + text + "' ");
  }
}
