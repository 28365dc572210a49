package io.slotoolkit.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers written as {@code printf} writes them ({@code %.2f}, {@code %,d}), without its cost: a
 * scorecard of a thousand groups writes several thousand of them, and {@code String.format} costs
 * about 17 microseconds a call before the JIT has compiled it (more than half of a 1,000-line
 * scorecard's samples in a profile). The text is the same, character for character ({@code
 * DecimalsTest} compares both).
 */
public final class Decimals {
  private Decimals() {}

  /**
   * {@code value} with {@code decimals} places, rounded half-up as {@code %.Nf} rounds it: from the
   * shortest decimal that reads back as the double ({@link Double#toString}), the digits {@code
   * printf} rounds too. Outside 0.001..10,000,000 that string has an exponent: rather than rely on
   * its digits there, printf writes those values (rare in a scorecard), and NaN and infinities.
   */
  public static String fixed(double value, int decimals) {
    double abs = Math.abs(value);
    if (abs != 0 && !(abs >= 1e-3 && abs < 1e7)) {
      return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
    String digits =
        new BigDecimal(Double.toString(abs))
            .setScale(decimals, RoundingMode.HALF_UP)
            .toPlainString();
    // printf writes the sign of every negative value, -0.0 and -0.001 at two places included
    return Double.compare(value, 0.0) < 0 ? "-" + digits : digits;
  }

  /**
   * {@code n} with a comma between each group of three digits, as {@code %,d}: {@code 1,234,567}.
   */
  public static String grouped(long n) {
    String s = Long.toString(n);
    int sign = n < 0 ? 1 : 0;
    int digits = s.length() - sign;
    if (digits <= 3) return s;
    StringBuilder b = new StringBuilder(s.length() + (digits - 1) / 3);
    int first = sign + (digits % 3 == 0 ? 3 : digits % 3);
    b.append(s, 0, first);
    for (int i = first; i < s.length(); i += 3) b.append(',').append(s, i, i + 3);
    return b.toString();
  }
}
