package io.slotoolkit.evaluate;

import io.slotoolkit.model.AlertPolicy;
import io.slotoolkit.model.AlertRule;
import io.slotoolkit.model.AlertStatus;
import io.slotoolkit.model.Counts;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.Window;
import io.slotoolkit.model.WindowLengths;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Evaluates an SLO's burn-rate alerts at one instant from window counts. */
public final class AlertEvaluator {
  private AlertEvaluator() {}

  /**
   * Evaluates every rule of a policy at an instant {@code at}.
   *
   * @param policy the rules and the traffic guard
   * @param objective the SLO's objective
   * @param sloWindow the SLO's window (its nominal length spreads the budget over time)
   * @param sloWindowCounts counts over the SLO window ending at {@code at}; its total sets the
   *     error budget the windows' bad events are measured against
   * @param countsOver counts over {@code [at - d, at)} for each length d of {@link
   *     AlertPolicy#windowLengths()}; asked once per length
   * @return one status per rule, in rule order
   */
  public static List<AlertStatus> evaluate(
      AlertPolicy policy,
      Objective objective,
      Window sloWindow,
      Counts sloWindowCounts,
      Function<Duration, Counts> countsOver) {
    return evaluate(policy, objective, sloWindow, 0, sloWindowCounts, countsOver);
  }

  /**
   * As {@link #evaluate(AlertPolicy, Objective, Window, Counts, Function)}, for an SLO whose {@code
   * min_events} is {@code sloMinEvents}: when the SLO window holds fewer valid events than {@code
   * max(1, sloMinEvents)} the result is NO_DATA, and no rule fires (a group too small to judge
   * neither pages nor opens a ticket).
   */
  public static List<AlertStatus> evaluate(
      AlertPolicy policy,
      Objective objective,
      Window sloWindow,
      long sloMinEvents,
      Counts sloWindowCounts,
      Function<Duration, Counts> countsOver) {
    boolean noData = sloWindowCounts.total() < Math.max(1, sloMinEvents);
    Map<Duration, Counts> cache = new HashMap<>();
    Function<Duration, Counts> counts =
        d ->
            cache.computeIfAbsent(
                d,
                k -> {
                  Counts c = countsOver.apply(k);
                  if (c == null) {
                    throw new IllegalArgumentException(
                        "no counts for the " + WindowLengths.label(k) + " window");
                  }
                  return c;
                });
    BigDecimal budget = objective.errorBudget();
    List<AlertStatus> out = new ArrayList<>();
    for (AlertRule rule : policy.rules()) {
      Counts lw = counts.apply(rule.longWindow());
      Counts sw = counts.apply(rule.shortWindow());
      boolean condition;
      if (rule.isExhaustion()) {
        Duration w = WindowLengths.nominal(sloWindow);
        condition =
            exhausts(objective, w, rule.exhaustion(), sloWindowCounts, lw)
                && exhausts(objective, w, rule.exhaustion(), sloWindowCounts, sw);
      } else {
        ErrorRateThreshold threshold = ErrorRateThreshold.of(rule.errorRateThreshold(budget));
        condition =
            threshold.reachedBy(lw.bad(), lw.total()) && threshold.reachedBy(sw.bad(), sw.total());
      }
      boolean belowMin = lw.total() < policy.minEvents();
      boolean fired = !belowMin && !noData && condition;
      out.add(
          new AlertStatus(
              rule,
              lw,
              sw,
              burnRate(lw, objective),
              burnRate(sw, objective),
              fired,
              belowMin,
              budgetConsumed(lw.bad(), objective, sloWindowCounts.total()),
              budgetConsumed(sw.bad(), objective, sloWindowCounts.total()),
              timeToExhaustion(objective, sloWindow, sloWindowCounts, lw),
              noData,
              condition,
              null));
    }
    return out;
  }

  /**
   * Whether at the burn rate of {@code burning} the SLO window's remaining budget would be spent
   * within {@code horizon}: its {@link #timeToExhaustion} (unrounded) is at most the horizon. A
   * spent budget is (time zero); a window without bad events never is, nor an SLO window without
   * valid events. Exact: with T and b the SLO window's valid and bad events, t and x the burning
   * window's, W the nominal window length and H the horizon, {@code ((1 - objective) x T - b) x W x
   * t <= H x T x x}.
   */
  public static boolean exhausts(
      Objective objective, Duration w, Duration horizon, Counts sloWindowCounts, Counts burning) {
    long total = sloWindowCounts.total();
    if (total == 0) return false;
    BigDecimal left =
        objective
            .errorBudget()
            .multiply(BigDecimal.valueOf(total))
            .subtract(BigDecimal.valueOf(sloWindowCounts.bad()));
    if (left.signum() <= 0) return true;
    if (burning.bad() == 0) return false;
    BigDecimal lhs =
        left.multiply(BigDecimal.valueOf(w.getSeconds()))
            .multiply(BigDecimal.valueOf(burning.total()));
    BigDecimal rhs =
        BigDecimal.valueOf(horizon.getSeconds())
            .multiply(BigDecimal.valueOf(total))
            .multiply(BigDecimal.valueOf(burning.bad()));
    return lhs.compareTo(rhs) <= 0;
  }

  /** Whether any rule fired. */
  public static boolean anyFired(List<AlertStatus> statuses) {
    return statuses.stream().anyMatch(AlertStatus::fired);
  }

  /** {@code (bad / total) / (1 - objective)}; null without valid events. */
  public static Double burnRate(Counts c, Objective objective) {
    if (c.total() == 0) return null;
    // no bad event: zero, without a decimal division (half of a check's alert windows have none)
    if (c.bad() == 0) return 0.0;
    BigDecimal allowed = objective.errorBudget().multiply(BigDecimal.valueOf(c.total()));
    return SloMath.toDouble(BigDecimal.valueOf(c.bad()).divide(allowed, MathContext.DECIMAL64));
  }

  /**
   * The share of the SLO window's error budget that {@code bad} events represent: {@code bad / ((1
   * - objective) x sloWindowTotal)}; null when the SLO window has no valid events.
   */
  public static Double budgetConsumed(long bad, Objective objective, long sloWindowTotal) {
    if (sloWindowTotal == 0) return null;
    if (bad == 0) return 0.0;
    BigDecimal allowed = objective.errorBudget().multiply(BigDecimal.valueOf(sloWindowTotal));
    return SloMath.toDouble(BigDecimal.valueOf(bad).divide(allowed, MathContext.DECIMAL64));
  }

  /**
   * How long the SLO window's remaining budget lasts at the burn rate of {@code burning}: {@code
   * remaining x W / burn rate}, with remaining {@code = 1 - bad / allowed} and W the nominal window
   * length. Exact: with T the SLO window's total, b its bad events, t and x the burning window's
   * total and bad events, it is {@code ((1 - objective) x T - b) x W x t / (T x x)}.
   */
  public static Duration timeToExhaustion(
      Objective objective, Window sloWindow, Counts sloWindowCounts, Counts burning) {
    long total = sloWindowCounts.total();
    if (total == 0) return null;
    BigDecimal allowed = objective.errorBudget().multiply(BigDecimal.valueOf(total));
    BigDecimal left = allowed.subtract(BigDecimal.valueOf(sloWindowCounts.bad()));
    if (left.signum() <= 0) return Duration.ZERO;
    if (burning.bad() == 0) return null;
    BigDecimal seconds =
        left.multiply(BigDecimal.valueOf(WindowLengths.nominal(sloWindow).getSeconds()))
            .multiply(BigDecimal.valueOf(burning.total()))
            .divide(
                BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(burning.bad())),
                0,
                RoundingMode.DOWN);
    return Duration.ofSeconds(seconds.longValueExact());
  }
}
