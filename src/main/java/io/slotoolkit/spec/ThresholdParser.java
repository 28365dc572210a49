package io.slotoolkit.spec;

import io.slotoolkit.model.LatencyUnit;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a latency threshold ({@code 300ms}, {@code 1.5s}, {@code 250us}, or a bare number). */
final class ThresholdParser {
  private static final Pattern NUMBER_AND_UNIT =
      Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)\\s*(\\S*)");

  private ThresholdParser() {}

  /**
   * The threshold in the column's unit, exact; a bare number is already in the column's unit.
   *
   * @return a positive decimal without trailing zeros and with a scale of at least 0, so that it
   *     prints as plain digits ({@code 300}, not {@code 3E+2})
   */
  static BigDecimal parse(String text, LatencyUnit columnUnit) throws InvalidValueException {
    String t = text.strip();
    Matcher m = NUMBER_AND_UNIT.matcher(t);
    String hint =
        "write a number with ms, s or us, such as 300ms; a bare number is in the column's unit, "
            + columnUnit.symbol();
    if (!m.matches()) throw new InvalidValueException("threshold '" + t + "' is not a time", hint);
    LatencyUnit written = m.group(2).isEmpty() ? columnUnit : unit(m.group(2));
    if (written == null) {
      throw new InvalidValueException(
          "threshold '" + t + "' has an unknown unit '" + m.group(2) + "'", hint);
    }
    BigDecimal value = new BigDecimal(m.group(1));
    if (value.signum() <= 0) {
      throw new InvalidValueException("threshold '" + t + "' must be greater than zero", hint);
    }
    // Units are powers of ten apart, so the division always terminates.
    BigDecimal converted =
        value.multiply(written.micros()).divide(columnUnit.micros()).stripTrailingZeros();
    return converted.scale() < 0 ? converted.setScale(0) : converted;
  }

  private static LatencyUnit unit(String symbol) {
    // The micro sign is what many people type for microseconds.
    return LatencyUnit.fromSymbol(symbol.replace('\u00b5', 'u').replace('\u03bc', 'u'));
  }
}
