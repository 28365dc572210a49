package io.slotoolkit.evaluate;

import io.slotoolkit.model.ErrorBudget;
import io.slotoolkit.model.Group;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.Status;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;

/**
 * The contract's arithmetic from integer counts to SLI, error budget, burn rate and status. Ratios
 * of integers are computed once, in decimal, and rounded to the nearest double only at the end.
 */
public final class SloMath {
  private static final MathContext PRECISE = MathContext.DECIMAL128;

  private SloMath() {}

  /** Builds the result for one SLO (or one group of it) from its window counts. */
  public static SloResult result(
      Slo slo, Group group, Instant start, Instant end, long good, long total, long skippedNull) {
    Objective objective = slo.objective();
    long bad = total - good;
    BigDecimal allowed = objective.errorBudget().multiply(BigDecimal.valueOf(total));
    Double sli = total == 0 ? null : ratio(good, total);
    Double remaining = null;
    Double burn = null;
    if (total > 0) {
      // bad / allowed = bad x 10^s / (u x total) for the error budget u x 10^-s
      BigDecimal budget = objective.errorBudget();
      long[] q = integerRatio(bad, budget, total);
      if (q != null) {
        burn = (double) q[0] / q[1];
        remaining = (double) (q[1] - q[0]) / q[1];
      } else {
        BigDecimal b = BigDecimal.valueOf(bad).divide(allowed, PRECISE);
        burn = b.doubleValue();
        remaining = BigDecimal.ONE.subtract(b).doubleValue();
      }
    }
    return new SloResult(
        slo,
        group,
        start,
        end,
        good,
        total,
        skippedNull,
        sli,
        new ErrorBudget(allowed, bad, remaining, BigDecimal.valueOf(bad)),
        burn,
        status(objective, slo.minEvents(), good, total),
        null);
  }

  /**
   * NO_DATA when {@code total < max(1, minEvents)}; BREACHED when {@code good/total < objective},
   * decided exactly as {@code good < objective x total}; OK otherwise.
   */
  public static Status status(Objective objective, long minEvents, long good, long total) {
    if (total < Math.max(1, minEvents)) return Status.NO_DATA;
    BigDecimal needed = objective.target().multiply(BigDecimal.valueOf(total));
    return BigDecimal.valueOf(good).compareTo(needed) < 0 ? Status.BREACHED : Status.OK;
  }

  /**
   * {@code a / b} as the nearest double. Integers below 2^53 are exact doubles, and IEEE division
   * rounds the exact quotient to the nearest double, so one division is exact; larger counts go
   * through decimal.
   */
  public static double ratio(long a, long b) {
    if (exactDouble(a) && exactDouble(b)) return (double) a / b;
    return BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), PRECISE).doubleValue();
  }

  /**
   * {@code n / (budget x total)} as a ratio of two integers that are exact doubles, {@code {n x
   * 10^s, u x total}} for {@code budget = u x 10^-s}; null when they would not be.
   */
  private static long[] integerRatio(long n, BigDecimal budget, long total) {
    int s = budget.scale();
    if (s < 0 || s >= POWERS_OF_TEN.length || budget.unscaledValue().bitLength() > 52) return null;
    try {
      long num = Math.multiplyExact(n, POWERS_OF_TEN[s]);
      long den = Math.multiplyExact(budget.unscaledValue().longValueExact(), total);
      return exactDouble(num) && exactDouble(den) && exactDouble(den - num)
          ? new long[] {num, den}
          : null;
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private static final long[] POWERS_OF_TEN = {
    1L,
    10L,
    100L,
    1_000L,
    10_000L,
    100_000L,
    1_000_000L,
    10_000_000L,
    100_000_000L,
    1_000_000_000L,
    10_000_000_000L,
    100_000_000_000L,
    1_000_000_000_000L
  };

  private static boolean exactDouble(long v) {
    return Math.abs(v) < (1L << 53);
  }

  /** 10^0 to 10^22: each an exact double. */
  private static final double[] EXACT_POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  /**
   * {@code d.doubleValue()}: the double nearest {@code d}. When its unscaled value is below 2^53
   * and its scale 0 to 22, both are exact doubles and one IEEE division rounds their exact quotient
   * to the nearest double, which is what parsing the decimal gives; Java 17's {@code doubleValue}
   * takes that path only below 2^52 and otherwise parses the decimal's text, as it did for most of
   * the 16-digit quotients of a check's burn rates (about 1 us each on the launcher's JIT).
   */
  static double toDouble(BigDecimal d) {
    int scale = d.scale();
    if (scale >= 0 && scale < EXACT_POWERS_OF_TEN.length && d.precision() <= 16) {
      long u = d.unscaledValue().longValue();
      if (exactDouble(u)) return u / EXACT_POWERS_OF_TEN[scale];
    }
    return d.doubleValue();
  }

  /**
   * Bad events the budget still allows: {@code allowed - bad}, rounded down (negative when
   * overspent).
   */
  public static long badEventsLeft(ErrorBudget budget) {
    return budget
        .allowed()
        .subtract(budget.spent())
        .setScale(0, java.math.RoundingMode.FLOOR)
        .longValueExact();
  }
}
