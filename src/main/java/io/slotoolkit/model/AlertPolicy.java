package io.slotoolkit.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The burn-rate alerts of one SLO: its rules and the traffic below which none of them fires.
 *
 * @param rules the rules, in the order they are shown
 * @param minEvents a rule does not fire while its long window holds fewer valid events than this
 *     (0: any event counts)
 */
public record AlertPolicy(List<AlertRule> rules, long minEvents) {

  /**
   * The Google SRE Workbook multi-window, multi-burn-rate policy as data: each row spends a share
   * of the error budget within its long window (2% in 1h pages at 14.4 for a 30-day window).
   */
  public static final List<BudgetRow> WORKBOOK =
      List.of(
          new BudgetRow(new BigDecimal("0.02"), Duration.ofHours(1), Duration.ofMinutes(5), "page"),
          new BudgetRow(
              new BigDecimal("0.05"), Duration.ofHours(6), Duration.ofMinutes(30), "page"),
          new BudgetRow(new BigDecimal("0.10"), Duration.ofDays(1), Duration.ofHours(2), "ticket"),
          new BudgetRow(new BigDecimal("0.10"), Duration.ofDays(3), Duration.ofHours(6), "ticket"));

  /**
   * One row of a budget-based policy.
   *
   * @param budgetShare share of the SLO window's error budget spent within the long window, a ratio
   * @param longWindow the long window
   * @param shortWindow the short window (about 1/12 of the long one)
   * @param severity page or ticket
   */
  public record BudgetRow(
      BigDecimal budgetShare, Duration longWindow, Duration shortWindow, String severity) {
    /**
     * The burn rate that spends the share within the long window of a 30-day SLO: 14.4 for 2% in
     * 1h.
     */
    public BigDecimal workbookFactor() {
      return budgetShare
          .multiply(BigDecimal.valueOf(WORKBOOK_WINDOW.toMinutes()))
          .divide(
              BigDecimal.valueOf(longWindow.toMinutes()),
              new MathContext(16, RoundingMode.HALF_EVEN))
          .stripTrailingZeros();
    }
  }

  public AlertPolicy {
    rules = List.copyOf(rules);
    if (minEvents < 0) throw new IllegalArgumentException("min_events must be >= 0: " + minEvents);
  }

  /** A policy without a traffic guard. */
  public static AlertPolicy of(List<AlertRule> rules) {
    return new AlertPolicy(rules, 0);
  }

  /**
   * The Workbook policy scaled to an SLO window of nominal length W: every window is scaled by W /
   * 30 days (rounded to whole minutes, at least one minute) and every factor is kept (14.4, 6, 3,
   * 1). Scaling the windows keeps both meanings of each rule: its factor (at 14.4x the budget is
   * gone in W / 14.4) and its budget share (2% of the budget spent within the long window). Scaling
   * the factors instead would make the slow tickets of short windows fire below 1x, while the
   * budget would last the whole window. A factor above the highest burn rate the objective allows
   * is lowered to it (the rule then fires only when every event fails).
   */
  public static AlertPolicy defaultFor(Window sloWindow, Objective objective) {
    Duration w = WindowLengths.nominal(sloWindow);
    BigDecimal max = maxFactor(objective);
    List<AlertRule> rules = new ArrayList<>();
    for (BudgetRow row : WORKBOOK) {
      Duration longWindow = scaled(row.longWindow(), w);
      Duration shortWindow = scaled(row.shortWindow(), w);
      if (shortWindow.compareTo(longWindow) >= 0) continue;
      BigDecimal factor = row.workbookFactor();
      rules.add(
          AlertRule.burnRatePair(
              longWindow,
              shortWindow,
              factor.compareTo(max) > 0 ? max : factor,
              row.severity(),
              null));
    }
    return of(rules);
  }

  /** {@code d x w / 30 days}, rounded to the nearest whole minute, at least one minute. */
  static Duration scaled(Duration d, Duration w) {
    long minutes = Math.round((double) d.toMinutes() * w.toMinutes() / WORKBOOK_WINDOW.toMinutes());
    return Duration.ofMinutes(Math.max(1, minutes));
  }

  /** The SLO window the Workbook's table is written for. */
  static final Duration WORKBOOK_WINDOW = Duration.ofDays(30);

  /**
   * The highest burn rate an objective allows, reached when every event is bad: {@code 1 / (1 -
   * objective)}, rounded down where it does not end (so that a rule at this factor can fire).
   */
  public static BigDecimal maxFactor(Objective objective) {
    return BigDecimal.ONE
        .divide(objective.errorBudget(), new MathContext(16, RoundingMode.DOWN))
        .stripTrailingZeros();
  }

  /**
   * The policy an SLO's spec asks for: its own pairs, or the default policy for its window and
   * objective, with its {@code min_events} guard.
   */
  public static AlertPolicy forSlo(Slo slo) {
    Alerting a = slo.alerting();
    if (!a.isDefault()) return new AlertPolicy(a.rules(), a.minEvents());
    AlertPolicy p = defaultFor(slo.window(), slo.objective()).withMinEvents(a.minEvents());
    if (a.holdFor().isZero() && a.coolDown().isZero()) return p;
    // policy-wide for: and cool_down: apply to the default pairs too
    return new AlertPolicy(
        p.rules().stream().map(r -> r.withRefinements(a.holdFor(), a.coolDown())).toList(),
        p.minEvents());
  }

  /** Whether a rule has {@code for:} or {@code cool_down:}: its state needs the past minutes. */
  public boolean refined() {
    return rules.stream().anyMatch(AlertRule::refined);
  }

  /** Whether a rule is a time-to-exhaustion rule: it needs the SLO window's counts over time. */
  public boolean hasExhaustion() {
    return rules.stream().anyMatch(AlertRule::isExhaustion);
  }

  /** The longest {@code for:} plus {@code cool_down:} of any rule; zero when none has them. */
  public Duration lead() {
    Duration out = Duration.ZERO;
    for (AlertRule r : rules) if (r.lead().compareTo(out) > 0) out = r.lead();
    return out;
  }

  /** The same rules without {@code for:} and {@code cool_down:}: what a replay compares with. */
  public AlertPolicy unrefined() {
    return new AlertPolicy(
        rules.stream().map(r -> r.withRefinements(Duration.ZERO, Duration.ZERO)).toList(),
        minEvents);
  }

  /** The same rules with another traffic guard. */
  public AlertPolicy withMinEvents(long n) {
    return new AlertPolicy(rules, n);
  }

  /** Every window length the rules look at, long and short, shortest first. */
  public SortedSet<Duration> windowLengths() {
    SortedSet<Duration> out = new TreeSet<>();
    for (AlertRule r : rules) {
      out.add(r.longWindow());
      out.add(r.shortWindow());
    }
    return out;
  }

  /** The longest window of any rule; zero for a policy without rules. */
  public Duration longestWindow() {
    return windowLengths().isEmpty() ? Duration.ZERO : windowLengths().last();
  }

  /**
   * The coarsest time bucket that still cuts every window exactly: the greatest common divisor of
   * the window lengths (5m for the Workbook policy); one minute for a policy without rules.
   */
  public Duration bucketSize() {
    long g = 0;
    for (Duration d : windowLengths()) g = gcd(g, d.getSeconds());
    return g == 0 ? Duration.ofMinutes(1) : Duration.ofSeconds(g);
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** The severity names the rules use, in rule order, each once. */
  public List<String> severities() {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (AlertRule r : rules) out.add(r.severity());
    return List.copyOf(out);
  }

  /**
   * What is wrong with these rules for an SLO: a factor that can never fire for the objective, a
   * long window longer than the SLO window. Each problem is located at its rule, or at {@code
   * where} (the SLO) for a default rule.
   */
  public List<Problem> check(Objective objective, Window sloWindow, SourceLocation where) {
    List<Problem> out = new ArrayList<>();
    BigDecimal max = maxFactor(objective);
    Duration w = WindowLengths.nominal(sloWindow);
    for (AlertRule r : rules) {
      SourceLocation at = r.location() != null ? r.location() : where;
      if (!r.isExhaustion()
          && r.errorRateThreshold(objective.errorBudget()).compareTo(BigDecimal.ONE) > 0) {
        out.add(
            new Problem(
                at,
                "alert "
                    + r.label()
                    + " can never fire: with objective "
                    + objective.percent()
                    + " the highest possible burn rate is "
                    + max.toPlainString()
                    + " (every event bad)",
                "use a factor of at most " + max.toPlainString()));
      }
      if (r.longWindow().compareTo(w) > 0) {
        out.add(
            new Problem(
                at,
                "alert "
                    + r.label()
                    + " looks back "
                    + WindowLengths.label(r.longWindow())
                    + ", longer than the SLO window "
                    + WindowLengths.describe(sloWindow),
                "use a long window of at most " + WindowLengths.label(w)));
      }
    }
    return out;
  }
}
