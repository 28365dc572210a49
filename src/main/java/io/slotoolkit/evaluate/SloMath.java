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
    Double remaining =
        total == 0
            ? null
            : BigDecimal.ONE
                .subtract(BigDecimal.valueOf(bad).divide(allowed, PRECISE))
                .doubleValue();
    Double burn =
        total == 0 ? null : BigDecimal.valueOf(bad).divide(allowed, PRECISE).doubleValue();
    return new SloResult(
        slo,
        group,
        start,
        end,
        good,
        total,
        skippedNull,
        sli,
        new ErrorBudget(allowed, bad, remaining),
        burn,
        status(objective, slo.minEvents(), good, total));
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

  /** {@code a / b} as the nearest double (both are exact integers below 2^53 in practice). */
  public static double ratio(long a, long b) {
    return BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), PRECISE).doubleValue();
  }

  /**
   * Bad events the budget still allows: {@code allowed - bad}, rounded down (negative when
   * overspent).
   */
  public static long badEventsLeft(ErrorBudget budget) {
    return budget
        .allowed()
        .subtract(BigDecimal.valueOf(budget.bad()))
        .setScale(0, java.math.RoundingMode.FLOOR)
        .longValueExact();
  }
}
