package io.slotoolkit.evaluate;

import io.slotoolkit.model.Counts;
import io.slotoolkit.model.ErrorBudget;
import io.slotoolkit.model.Group;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.SliceCalendar;
import io.slotoolkit.model.SliceSummary;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.Status;
import io.slotoolkit.model.TimeSlices;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Collection;

/**
 * The arithmetic of time-slice budgeting: which slices are good, the slice SLI, the budget in
 * slices, the burn rate and the status. Slice ratios and their comparisons with the target are
 * exact (decimal), as for events in {@link SloMath}.
 */
public final class TimeSliceMath {
  private static final MathContext PRECISE = MathContext.DECIMAL128;

  private TimeSliceMath() {}

  /**
   * Tallies the slices of one window.
   *
   * @param slices the window's slices, the empty ones included ({@link SliceCalendar#count})
   * @param withEvents good and valid events of every slice with valid events (each total > 0)
   */
  public static SliceSummary tally(TimeSlices ts, long slices, Collection<Counts> withEvents) {
    long nonEmpty = 0;
    long good = 0;
    BigDecimal spent = BigDecimal.ZERO;
    for (Counts c : withEvents) {
      if (c.total() == 0) continue;
      nonEmpty++;
      if (ts.budgeting() == TimeSlices.Budgeting.TIMESLICES) {
        boolean ok =
            BigDecimal.valueOf(c.good())
                    .compareTo(ts.target().multiply(BigDecimal.valueOf(c.total())))
                >= 0;
        if (ok) good++;
        else spent = spent.add(BigDecimal.ONE);
      } else {
        if (c.good() == c.total()) good++;
        else
          spent =
              spent.add(BigDecimal.valueOf(c.bad()).divide(BigDecimal.valueOf(c.total()), PRECISE));
      }
    }
    long empty = Math.max(0, slices - nonEmpty);
    long counted = nonEmpty;
    switch (ts.empty()) {
      case SKIP -> {}
      case GOOD -> {
        counted += empty;
        good += empty;
      }
      case BAD -> {
        counted += empty;
        spent = spent.add(BigDecimal.valueOf(empty));
      }
    }
    return new SliceSummary(Math.max(slices, nonEmpty), counted, good, empty, spent);
  }

  /**
   * The result of a time-slice SLO (or group) over its window: SLI, budget, burn rate and status
   * from its slices; good and total stay its events.
   */
  public static SloResult result(
      Slo slo,
      Group group,
      Instant start,
      Instant end,
      long good,
      long total,
      long skippedNull,
      SliceSummary s) {
    Objective objective = slo.objective();
    BigDecimal allowed = objective.errorBudget().multiply(BigDecimal.valueOf(s.counted()));
    Double sli = sli(s);
    Double burn = null;
    Double remaining = null;
    if (s.counted() > 0) {
      BigDecimal b = s.spent().divide(allowed, PRECISE);
      burn = b.doubleValue();
      remaining = BigDecimal.ONE.subtract(b).doubleValue();
    }
    Status status;
    if (total < Math.max(1, slo.minEvents()) || s.counted() == 0) status = Status.NO_DATA;
    else status = s.spent().compareTo(allowed) > 0 ? Status.BREACHED : Status.OK;
    return new SloResult(
        slo,
        group,
        start,
        end,
        good,
        total,
        skippedNull,
        sli,
        new ErrorBudget(allowed, s.bad(), remaining, s.spent()),
        burn,
        status,
        s);
  }

  /** {@code 1 - spent / counted}: good/counted for timeslices, the mean ratio otherwise. */
  public static Double sli(SliceSummary s) {
    if (s.counted() == 0) return null;
    if (s.spent().compareTo(BigDecimal.valueOf(s.bad())) == 0)
      return SloMath.ratio(s.good(), s.counted()); // whole slices: one exact division
    return BigDecimal.ONE
        .subtract(s.spent().divide(BigDecimal.valueOf(s.counted()), PRECISE))
        .doubleValue();
  }

  /**
   * Whether a window's slices burn at least {@code rate} (an error rate, {@code factor x (1 -
   * objective)}): {@code spent >= rate x counted}; never without counted slices.
   */
  public static boolean reaches(SliceSummary s, BigDecimal rate) {
    return s.counted() > 0
        && s.spent().compareTo(rate.multiply(BigDecimal.valueOf(s.counted()))) >= 0;
  }

  /** {@code (spent / counted) / (1 - objective)}; null without counted slices. */
  public static Double burnRate(SliceSummary s, Objective objective) {
    if (s.counted() == 0) return null;
    return s.spent()
        .divide(objective.errorBudget().multiply(BigDecimal.valueOf(s.counted())), PRECISE)
        .doubleValue();
  }

  /** The slices as counts for the outputs: good and counted slices. */
  public static Counts asCounts(SliceSummary s) {
    return new Counts(s.good(), s.counted());
  }
}
