package io.slotoolkit.evaluate;

import io.slotoolkit.model.AlertPolicy;
import io.slotoolkit.model.AlertRule;
import io.slotoolkit.model.AlertStatus;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.SliceSummary;
import io.slotoolkit.model.Window;
import io.slotoolkit.model.WindowLengths;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Burn-rate alert pairs of a time-slice SLO: as {@link AlertEvaluator} for events, with each
 * window's slices (clipped at the window's start) in place of its events. A pair fires when both
 * windows spend at least {@code factor x (1 - objective)} of their counted slices; the traffic
 * guard ({@code alerts: min_events}) and NO_DATA still look at valid events.
 */
public final class SliceAlerts {
  private SliceAlerts() {}

  /**
   * Evaluates every rule of a policy.
   *
   * @param sloWindow the SLO window's slices
   * @param sloWindowEvents valid events in the SLO window
   * @param slicesOver the slices of {@code [at - d, at)} for each alert window length d
   * @param eventsOver valid events in {@code [at - d, at)}
   */
  public static List<AlertStatus> evaluate(
      AlertPolicy policy,
      Objective objective,
      Window window,
      long minEvents,
      SliceSummary sloWindow,
      long sloWindowEvents,
      Function<Duration, SliceSummary> slicesOver,
      Function<Duration, Long> eventsOver) {
    boolean noData = sloWindowEvents < Math.max(1, minEvents) || sloWindow.counted() == 0;
    BigDecimal budget = objective.errorBudget();
    List<AlertStatus> out = new ArrayList<>();
    for (AlertRule rule : policy.rules()) {
      SliceSummary lw = slicesOver.apply(rule.longWindow());
      SliceSummary sw = slicesOver.apply(rule.shortWindow());
      BigDecimal rate = rule.errorRateThreshold(budget);
      boolean belowMin = eventsOver.apply(rule.longWindow()) < policy.minEvents();
      boolean fired =
          !belowMin
              && !noData
              && TimeSliceMath.reaches(lw, rate)
              && TimeSliceMath.reaches(sw, rate);
      Double longBurn = TimeSliceMath.burnRate(lw, objective);
      Double shortBurn = TimeSliceMath.burnRate(sw, objective);
      // the condition as the two burn rates show it against the pair's factor
      boolean condition =
          rule.factor() != null
              && longBurn != null
              && shortBurn != null
              && longBurn >= rule.factor().doubleValue()
              && shortBurn >= rule.factor().doubleValue();
      out.add(
          new AlertStatus(
              rule,
              TimeSliceMath.asCounts(lw),
              TimeSliceMath.asCounts(sw),
              longBurn,
              shortBurn,
              fired,
              belowMin,
              consumed(lw, objective, sloWindow),
              consumed(sw, objective, sloWindow),
              timeToExhaustion(objective, window, sloWindow, lw),
              noData,
              condition,
              null));
    }
    return out;
  }

  /** {@code spent / ((1 - objective) x SLO window's counted slices)}; null without any. */
  private static Double consumed(SliceSummary w, Objective objective, SliceSummary slo) {
    if (slo.counted() == 0) return null;
    return w.spent()
        .divide(
            objective.errorBudget().multiply(BigDecimal.valueOf(slo.counted())),
            MathContext.DECIMAL64)
        .doubleValue();
  }

  /**
   * How long the SLO window's remaining slice budget lasts at the long window's burn: {@code ((1 -
   * objective) x N - spent) x W x n / (N x s)} for N counted slices in the SLO window, n and s
   * counted and spent slices in the burning window, W the nominal window length.
   */
  static Duration timeToExhaustion(
      Objective objective, Window window, SliceSummary slo, SliceSummary burning) {
    if (slo.counted() == 0) return null;
    BigDecimal allowed = objective.errorBudget().multiply(BigDecimal.valueOf(slo.counted()));
    BigDecimal left = allowed.subtract(slo.spent());
    if (left.signum() <= 0) return Duration.ZERO;
    if (burning.spent().signum() == 0) return null;
    BigDecimal seconds =
        left.multiply(BigDecimal.valueOf(WindowLengths.nominal(window).getSeconds()))
            .multiply(BigDecimal.valueOf(burning.counted()))
            .divide(
                BigDecimal.valueOf(slo.counted()).multiply(burning.spent()), 0, RoundingMode.DOWN);
    return Duration.ofSeconds(seconds.longValueExact());
  }
}
