package io.slotoolkit.spec;

import io.slotoolkit.model.Objective;
import java.math.BigDecimal;

/** Reads an objective written as a percent ({@code 99.5%}) or a ratio ({@code 0.995}), exactly. */
final class ObjectiveParser {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private ObjectiveParser() {}

  static Objective parse(String text) throws InvalidValueException {
    String t = text.strip();
    if (t.endsWith("%")) {
      BigDecimal percent = decimal(t.substring(0, t.length() - 1).strip(), text);
      return inRange(percent.movePointLeft(2), text);
    }
    BigDecimal ratio = decimal(t, text);
    if (ratio.compareTo(BigDecimal.ONE) > 0 && ratio.compareTo(HUNDRED) < 0) {
      // 99.5 is almost certainly a percent without its sign; as a ratio it would mean 9950%.
      String asPercent = ratio.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
      throw new InvalidValueException(
          "objective " + t + " is read as " + asPercent,
          "write " + ratio.stripTrailingZeros().toPlainString() + "% for a percent");
    }
    return inRange(ratio, text);
  }

  private static BigDecimal decimal(String number, String text) throws InvalidValueException {
    try {
      return new BigDecimal(number);
    } catch (NumberFormatException e) {
      throw new InvalidValueException(
          "objective '" + text + "' is not a percent or a ratio", "write it like 99.5% or 0.995");
    }
  }

  private static Objective inRange(BigDecimal ratio, String text) throws InvalidValueException {
    if (ratio.signum() > 0 && ratio.compareTo(BigDecimal.ONE) < 0) return new Objective(ratio);
    String hint =
        ratio.compareTo(BigDecimal.ONE) == 0
            ? "100% leaves no error budget; write 99.9% or the like"
            : "write it like 99.5% or 0.995";
    throw new InvalidValueException(
        "objective " + text.strip() + " must be between 0% and 100%, exclusive", hint);
  }
}
