package io.slotoolkit.report;

import io.slotoolkit.model.Decimals;
import io.slotoolkit.model.ErrorBudget;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.Percent;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** How numbers are shown to people. */
public final class Numbers {
  private Numbers() {}

  /**
   * An SLI as a percent with one more decimal than the objective has (at least two), rounded down
   * so that a breached SLI never prints as if it met the objective.
   */
  public static String sliPercent(Double sli, Objective objective) {
    if (sli == null) return "-";
    int decimals =
        Math.max(
            2, Math.max(0, objective.target().movePointRight(2).stripTrailingZeros().scale()) + 1);
    // valueOf, not new BigDecimal(double): 34/40 is stored as 0.84999999999999997779..., and
    // flooring that binary expansion would print 84.99% for an SLI of exactly 85%
    return Percent.of(BigDecimal.valueOf(sli), decimals, RoundingMode.FLOOR);
  }

  /** {@code 62.4%} of the budget left. */
  public static String budgetPercent(Double remaining) {
    if (remaining == null) return "-";
    return Percent.fixed(remaining * 100, 1, false);
  }

  /** Bad events the budget still allows, rounded down: {@code 469 left}, {@code -9 left}. */
  public static long badEventsLeft(ErrorBudget b) {
    return b.allowed().subtract(b.spent()).setScale(0, RoundingMode.FLOOR).longValue();
  }

  public static String burn(Double burn) {
    return burn == null ? "-" : Decimals.fixed(burn, 2);
  }

  /** {@code 1,234,567}. */
  public static String count(long n) {
    return Decimals.grouped(n);
  }
}
