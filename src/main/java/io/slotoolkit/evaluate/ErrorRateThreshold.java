package io.slotoolkit.evaluate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

  /** The thresholds built so far, by rate: a check asks for the same few for every group. */
  private static final Map<BigDecimal, ErrorRateThreshold> BUILT = new ConcurrentHashMap<>();

  /** Bounds {@link #BUILT} for a long-lived shell that reloads many specs. */
  private static final int MAX_BUILT = 1024;

  /**
   * The threshold of {@code rate}, built once per distinct rate (the same as {@code new
   * ErrorRateThreshold(rate)}: it holds no state beyond the fraction).
   */
  static ErrorRateThreshold of(BigDecimal rate) {
    ErrorRateThreshold t = BUILT.get(rate);
    if (t != null) return t;
    t = new ErrorRateThreshold(rate);
    if (BUILT.size() >= MAX_BUILT) BUILT.clear();
    BUILT.put(rate, t);
    return t;
  }

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
