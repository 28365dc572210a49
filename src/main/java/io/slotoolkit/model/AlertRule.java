package io.slotoolkit.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One multi-window burn-rate alert: it fires when the long and the short window both burn the error
 * budget at least {@code factor} times as fast as the objective allows.
 *
 * @param longWindow how far back the long window looks from the evaluation instant; whole minutes
 * @param shortWindow how far back the short window looks; whole minutes, shorter than {@code
 *     longWindow}
 * @param factor the burn-rate threshold, a multiple of the sustainable rate (1 spends the budget
 *     exactly over the SLO window); positive
 * @param severity what firing means to people, such as {@code page} or {@code ticket}; lower case
 * @param location where the rule is written; null for a default rule
 */
public record AlertRule(
    Duration longWindow,
    Duration shortWindow,
    BigDecimal factor,
    String severity,
    SourceLocation location) {

  /** Precision of factors derived by division (scaled defaults): 16 significant digits. */
  public static final MathContext FACTOR_PRECISION = MathContext.DECIMAL64;

  public AlertRule {
    List<String> problems = problems(longWindow, shortWindow, factor, severity);
    if (!problems.isEmpty()) throw new IllegalArgumentException(problems.get(0));
    factor = factor.stripTrailingZeros();
  }

  /** A rule written nowhere (a default). */
  public AlertRule(Duration longWindow, Duration shortWindow, BigDecimal factor, String severity) {
    this(longWindow, shortWindow, factor, severity, null);
  }

  /**
   * Everything wrong with a rule taken on its own, one sentence each (empty when it is valid), so a
   * spec loader can report them all before building the rule.
   */
  public static List<String> problems(
      Duration longWindow, Duration shortWindow, BigDecimal factor, String severity) {
    List<String> out = new ArrayList<>();
    checkWindow("long", longWindow, out);
    checkWindow("short", shortWindow, out);
    if (out.isEmpty() && shortWindow.compareTo(longWindow) >= 0) {
      out.add(
          "the short window "
              + WindowLengths.label(shortWindow)
              + " must be shorter than the long window "
              + WindowLengths.label(longWindow));
    }
    if (factor == null) out.add("the burn-rate factor is missing");
    else if (factor.signum() <= 0)
      out.add("the burn-rate factor must be positive, not " + factor.toPlainString());
    if (severity == null || !severity.matches("[a-z][a-z0-9_-]*")) {
      out.add(
          "the alert severity must be a lower-case name such as page or ticket, not '"
              + severity
              + "'");
    }
    return out;
  }

  private static void checkWindow(String which, Duration window, List<String> out) {
    if (window == null) out.add("the " + which + " window is missing");
    else if (window.isNegative() || window.isZero())
      out.add("the " + which + " window must be positive, not " + window);
    else if (window.getNano() != 0 || window.getSeconds() % 60 != 0)
      out.add("the " + which + " window must be whole minutes, not " + WindowLengths.label(window));
  }

  /**
   * The rule that fires when {@code budgetShare} of the SLO window's error budget is spent within
   * {@code longWindow}: {@code factor = budgetShare x W / longWindow}, W being the SLO window's
   * nominal length (see {@link WindowLengths#nominal}).
   *
   * @param budgetShare share of the SLO window's error budget, a ratio such as 0.02 (not a percent)
   */
  public static AlertRule consuming(
      BigDecimal budgetShare,
      Duration longWindow,
      Duration shortWindow,
      String severity,
      Window sloWindow,
      SourceLocation location) {
    if (budgetShare.signum() <= 0 || budgetShare.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(
          "budget share must be in (0, 1]: " + budgetShare.toPlainString());
    }
    BigDecimal w = BigDecimal.valueOf(WindowLengths.nominal(sloWindow).getSeconds());
    BigDecimal l = BigDecimal.valueOf(longWindow.getSeconds());
    BigDecimal factor = budgetShare.multiply(w).divide(l, FACTOR_PRECISION);
    return new AlertRule(longWindow, shortWindow, factor, severity, location);
  }

  /**
   * The share of the SLO window's error budget this rule lets the long window spend before it
   * fires: {@code factor x longWindow / W}; the inverse of {@link #consuming}.
   */
  public BigDecimal budgetShare(Window sloWindow) {
    BigDecimal w = BigDecimal.valueOf(WindowLengths.nominal(sloWindow).getSeconds());
    BigDecimal l = BigDecimal.valueOf(longWindow.getSeconds());
    return factor.multiply(l).divide(w, FACTOR_PRECISION).stripTrailingZeros();
  }

  /** The error rate both windows must reach: {@code factor x (1 - objective)}, exact. */
  public BigDecimal errorRateThreshold(BigDecimal errorBudget) {
    return factor.multiply(errorBudget);
  }

  /** {@code page 14.4x over 1h/5m}. */
  public String label() {
    return severity
        + " "
        + factor.toPlainString()
        + "x over "
        + WindowLengths.label(longWindow)
        + "/"
        + WindowLengths.label(shortWindow);
  }

  /** The same rule with another factor (used to cap a default factor at what can fire). */
  public AlertRule withFactor(BigDecimal newFactor) {
    return new AlertRule(longWindow, shortWindow, newFactor, severity, location);
  }
}
