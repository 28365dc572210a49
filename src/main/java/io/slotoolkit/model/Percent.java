package io.slotoolkit.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place a number is written as a percent ({@code 99.95%}), for every renderer, message and
 * drafted spec: from an exact ratio with a chosen rounding, or from a percent value with a fixed
 * number of decimals.
 */
public final class Percent {
  private Percent() {}

  /** {@code ratio} as a percent with exactly {@code decimals} places: 0.93288 -> {@code 93.28%}. */
  public static String of(BigDecimal ratio, int decimals, RoundingMode mode) {
    return ratio.movePointRight(2).setScale(decimals, mode).toPlainString() + "%";
  }

  /**
   * {@code ratio} as a percent with at most {@code maxDecimals} places (rounded by {@code mode}
   * only when it has more) and no trailing zeros: 0.25 -> {@code 25%}, 0.125 -> {@code 12.5%}.
   */
  public static String trimmed(BigDecimal ratio, int maxDecimals, RoundingMode mode) {
    BigDecimal p = ratio.movePointRight(2);
    if (p.scale() > maxDecimals) p = p.setScale(maxDecimals, mode);
    p = p.stripTrailingZeros();
    return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + "%";
  }

  /** {@code ratio} as a percent with every decimal it has: 0.9995 -> {@code 99.95%}. */
  public static String exact(BigDecimal ratio) {
    return trimmed(ratio, Integer.MAX_VALUE, RoundingMode.UNNECESSARY);
  }

  /**
   * A value that already is a percent, with {@code decimals} places (half-up, as printf rounds),
   * and a sign when {@code signed}: 62.44 -> {@code 62.4%}, {@code +12.0%}.
   */
  public static String fixed(double percent, int decimals, boolean signed) {
    String digits = Decimals.fixed(percent, decimals);
    // printf's + flag: a plus before every value that has no minus, except NaN
    return (signed && !digits.startsWith("-") && !Double.isNaN(percent) ? "+" : "") + digits + "%";
  }
}
