package io.slotoolkit.evaluate;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An error rate held as an exact fraction, so that "bad / total reaches it" is decided from integer
 * counts without rounding: a burn rate exactly at the factor fires.
 */
final class ErrorRateThreshold {
  private final long num;
  private final long den;
  private final BigInteger bigNum;
  private final BigInteger bigDen;
  private final boolean fitsInLongs;

  /**
   * @param rate a positive error rate, {@code factor x (1 - objective)}
   */
  ErrorRateThreshold(BigDecimal rate) {
    if (rate.signum() <= 0) throw new IllegalArgumentException("error rate must be positive");
    BigInteger n = rate.unscaledValue();
    BigInteger d = BigInteger.ONE;
    if (rate.scale() > 0) d = BigInteger.TEN.pow(rate.scale());
    else n = n.multiply(BigInteger.TEN.pow(-rate.scale()));
    BigInteger g = n.gcd(d);
    bigNum = n.divide(g);
    bigDen = d.divide(g);
    fitsInLongs = bigNum.bitLength() < 63 && bigDen.bitLength() < 63;
    num = fitsInLongs ? bigNum.longValueExact() : 0;
    den = fitsInLongs ? bigDen.longValueExact() : 0;
  }

  /** Whether {@code bad / total >= rate}; never with no valid events. */
  boolean reachedBy(long bad, long total) {
    if (total <= 0) return false;
    if (fitsInLongs) return compareProducts(bad, den, num, total) >= 0;
    return BigInteger.valueOf(bad)
            .multiply(bigDen)
            .compareTo(bigNum.multiply(BigInteger.valueOf(total)))
        >= 0;
  }

  /** Compares {@code a x b} with {@code c x d} for non-negative longs, as 128-bit products. */
  static int compareProducts(long a, long b, long c, long d) {
    long hi1 = Math.multiplyHigh(a, b);
    long hi2 = Math.multiplyHigh(c, d);
    if (hi1 != hi2) return Long.compare(hi1, hi2);
    return Long.compareUnsigned(a * b, c * d);
  }
}
