package io.slotoolkit.model;

import java.math.BigDecimal;

/**
 * The target share of good events, kept as the exact decimal the user wrote so that budgets
 * computed from integer counts carry no binary rounding ({@code 0.99 x 149 = 1.49}, not
 * 1.4900000000000013).
 *
 * @param target a ratio in (0, 1), not a percent
 */
public record Objective(BigDecimal target) {
  public Objective {
    if (target == null || target.signum() <= 0 || target.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("objective must be in (0,1): " + target);
    }
    target = target.stripTrailingZeros();
  }

  public static Objective of(String decimal) {
    return new Objective(new BigDecimal(decimal));
  }

  public double value() {
    return target.doubleValue();
  }

  /** The allowed share of bad events, {@code 1 - target}, exact. */
  public BigDecimal errorBudget() {
    return BigDecimal.ONE.subtract(target);
  }

  /** As a user writes it: {@code 99.5%}. */
  public String percent() {
    return target.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }
}
