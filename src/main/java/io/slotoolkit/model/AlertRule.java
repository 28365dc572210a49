package io.slotoolkit.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One multi-window alert rule. A burn-rate pair fires when the long and the short window both burn
 * the error budget at least {@code factor} times as fast as the objective allows; a
 * time-to-exhaustion rule ({@code exhaustion} set, no factor) fires when, at the burn rate of each
 * window, the SLO window's remaining budget would be spent within {@code exhaustion}. Either may
 * have to hold {@code holdFor} before it fires, and stays open {@code coolDown} after it last held.
 *
 * @param longWindow how far back the long window looks from the evaluation instant; whole minutes
 * @param shortWindow how far back the short window looks; whole minutes, shorter than {@code
 *     longWindow}
 * @param factor the burn-rate threshold, a multiple of the sustainable rate (1 spends the budget
 *     exactly over the SLO window); positive; null for a time-to-exhaustion rule
 * @param severity what firing means to people, such as {@code page} or {@code ticket}; lower case
 * @param location where the rule is written; null for a default rule
 * @param exhaustion for a time-to-exhaustion rule, how soon the remaining budget must be on course
 *     to run out for the rule to fire; null for a burn-rate pair
 * @param holdFor how long the condition must have held, at every evaluation instant, before the
 *     rule fires ({@code for:}); whole minutes, zero for at once
 * @param coolDown how long the rule stays firing after its condition (with {@code holdFor}) last
 *     held ({@code cool_down:}), so that a flap within it is the same alert; whole minutes, zero
 *     for none
 */
public record AlertRule(
    Duration longWindow,
    Duration shortWindow,
    BigDecimal factor,
    String severity,
    SourceLocation location,
    Duration exhaustion,
    Duration holdFor,
    Duration coolDown) {

  /** Precision of factors derived by division (scaled defaults): 16 significant digits. */
  public static final MathContext FACTOR_PRECISION = MathContext.DECIMAL64;

  public AlertRule {
    if (holdFor == null) holdFor = Duration.ZERO;
    if (coolDown == null) coolDown = Duration.ZERO;
    List<String> problems =
        exhaustion == null
            ? problems(longWindow, shortWindow, factor, severity)
            : exhaustionProblems(exhaustion, longWindow, shortWindow, severity);
    if (exhaustion != null && factor != null)
      problems.add("a time-to-exhaustion rule has no burn-rate factor");
    problems.addAll(refinementProblems(holdFor, coolDown));
    if (!problems.isEmpty()) throw new IllegalArgumentException(problems.get(0));
    if (factor != null) factor = factor.stripTrailingZeros();
  }

  /**
   * A burn-rate pair: fires when the burn rates of both windows reach {@code factor}; it fires at
   * once (no {@code for:}) and has no cool-down, which {@link #withRefinements} adds.
   *
   * @param location where it is written; null for a default
   */
  public static AlertRule burnRatePair(
      Duration longWindow,
      Duration shortWindow,
      BigDecimal factor,
      String severity,
      SourceLocation location) {
    return new AlertRule(
        longWindow, shortWindow, factor, severity, location, null, Duration.ZERO, Duration.ZERO);
  }

  /**
   * A time-to-exhaustion rule: fires when, at the burn rate of the long window and at that of the
   * short window, the remaining budget would be spent within {@code within}.
   */
  public static AlertRule exhausting(
      Duration within,
      Duration longWindow,
      Duration shortWindow,
      String severity,
      SourceLocation location) {
    return new AlertRule(
        longWindow, shortWindow, null, severity, location, within, Duration.ZERO, Duration.ZERO);
  }

  /** Whether this is a time-to-exhaustion rule rather than a burn-rate pair. */
  public boolean isExhaustion() {
    return exhaustion != null;
  }

  /** Whether {@code for:} or {@code cool_down:} applies: its state depends on the past minutes. */
  public boolean refined() {
    return !holdFor.isZero() || !coolDown.isZero();
  }

  /** How far before an instant the rule's state looks: {@code holdFor + coolDown}. */
  public Duration lead() {
    return holdFor.plus(coolDown);
  }

  /** The same rule with another {@code for:} and {@code cool_down:}. */
  public AlertRule withRefinements(Duration newHoldFor, Duration newCoolDown) {
    return new AlertRule(
        longWindow, shortWindow, factor, severity, location, exhaustion, newHoldFor, newCoolDown);
  }

  /** What is wrong with a {@code for:} or {@code cool_down:}, one sentence each. */
  public static List<String> refinementProblems(Duration holdFor, Duration coolDown) {
    List<String> out = new ArrayList<>();
    checkLead("for", holdFor, out);
    checkLead("cool_down", coolDown, out);
    return out;
  }

  private static void checkLead(String which, Duration d, List<String> out) {
    if (d == null) return;
    if (d.isNegative()) out.add("'" + which + "' must be 0 or more, not " + WindowLengths.label(d));
    else if (d.getNano() != 0 || d.getSeconds() % 60 != 0)
      out.add("'" + which + "' must be whole minutes, not " + WindowLengths.label(d));
  }

  /** Everything wrong with a time-to-exhaustion rule taken on its own, one sentence each. */
  public static List<String> exhaustionProblems(
      Duration within, Duration longWindow, Duration shortWindow, String severity) {
    List<String> out = problems(longWindow, shortWindow, BigDecimal.ONE, severity);
    if (within == null) out.add("the exhaustion horizon is missing");
    else if (within.isNegative() || within.isZero())
      out.add("the exhaustion horizon must be positive, not " + WindowLengths.label(within));
    return out;
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
      out.add("the " + which + " window must be positive, not " + WindowLengths.label(window));
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
    return burnRatePair(longWindow, shortWindow, factor, severity, location);
  }

  /**
   * The share of the SLO window's error budget this rule lets the long window spend before it
   * fires: {@code factor x longWindow / W}; the inverse of {@link #consuming}.
   */
  public BigDecimal budgetShare(Window sloWindow) {
    if (factor == null) throw new IllegalStateException("a time-to-exhaustion rule has no factor");
    BigDecimal w = BigDecimal.valueOf(WindowLengths.nominal(sloWindow).getSeconds());
    BigDecimal l = BigDecimal.valueOf(longWindow.getSeconds());
    return factor.multiply(l).divide(w, FACTOR_PRECISION).stripTrailingZeros();
  }

  /** The error rate both windows must reach: {@code factor x (1 - objective)}, exact. */
  public BigDecimal errorRateThreshold(BigDecimal errorBudget) {
    if (factor == null) throw new IllegalStateException("a time-to-exhaustion rule has no factor");
    return factor.multiply(errorBudget);
  }

  /**
   * {@code page 14.4x over 1h/5m}, {@code ticket budget gone within 3d over 6h/30m}, with {@code
   * for 2m, cool-down 30m} after it where they apply.
   */
  public String label() {
    return severity
        + " "
        + condition()
        + " over "
        + WindowLengths.label(longWindow)
        + "/"
        + WindowLengths.label(shortWindow)
        + refinementLabel();
  }

  /** {@code 14.4x} for a pair, {@code budget gone within 3d} for a time-to-exhaustion rule. */
  public String condition() {
    return exhaustion == null
        ? factor.toPlainString() + "x"
        : "budget gone within " + WindowLengths.label(exhaustion);
  }

  /** {@code " for 2m, cool-down 30m"}, the parts that apply; empty for neither. */
  public String refinementLabel() {
    String out = "";
    if (!holdFor.isZero()) out += " for " + WindowLengths.label(holdFor);
    if (!coolDown.isZero())
      out += (out.isEmpty() ? " " : ", ") + "cool-down " + WindowLengths.label(coolDown);
    return out;
  }

  /** The same rule with another factor (used to cap a default factor at what can fire). */
  public AlertRule withFactor(BigDecimal newFactor) {
    return new AlertRule(
        longWindow, shortWindow, newFactor, severity, location, exhaustion, holdFor, coolDown);
  }
}
