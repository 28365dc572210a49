package io.slotoolkit.model;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * How an SLO with time-slice budgeting judges its window: slice by slice instead of event by event.
 *
 * @param budgeting {@link Budgeting#TIMESLICES} (SLI = good slices / counted slices) or {@link
 *     Budgeting#RATIO_TIMESLICES} (SLI = mean of the counted slices' own ratios)
 * @param length the length of one slice: whole minutes that divide a day (1m, 5m, 1h, 1d, ...);
 *     slices are laid from each local midnight of the source's zone
 * @param target a slice is good when its own ratio is at least this share (0..1); null for {@code
 *     ratio_timeslices}, which has no slice target
 * @param empty what a slice without valid events counts as
 */
public record TimeSlices(
    Budgeting budgeting, Duration length, BigDecimal target, EmptySlices empty) {
  /** One day, which every slice length divides. */
  public static final Duration DAY = Duration.ofDays(1);

  public TimeSlices {
    if (budgeting == null || budgeting == Budgeting.OCCURRENCES)
      throw new IllegalArgumentException("time slices need timeslices or ratio_timeslices");
    if (length == null
        || length.isNegative()
        || length.isZero()
        || length.toSeconds() % 60 != 0
        || length.getNano() != 0
        || DAY.toSeconds() % length.toSeconds() != 0)
      throw new IllegalArgumentException("slice length must divide a day: " + length);
    if (budgeting == Budgeting.TIMESLICES
        && (target == null || target.signum() <= 0 || target.compareTo(BigDecimal.ONE) > 0))
      throw new IllegalArgumentException("slice target must be in (0,1]: " + target);
    if (budgeting == Budgeting.RATIO_TIMESLICES && target != null)
      throw new IllegalArgumentException("ratio_timeslices has no slice target");
    if (empty == null) empty = EmptySlices.SKIP;
  }

  /** How an SLO spends its error budget: on events or on time slices. */
  public enum Budgeting {
    /** Every valid event counts (the default): SLI = good / total events. */
    OCCURRENCES("occurrences"),
    /** SLI = good slices / counted slices; a slice is good when its ratio meets the target. */
    TIMESLICES("timeslices"),
    /** SLI = the mean of the counted slices' ratios. */
    RATIO_TIMESLICES("ratio_timeslices");

    private final String label;

    Budgeting(String label) {
      this.label = label;
    }

    /** How specs spell it. */
    public String label() {
      return label;
    }
  }

  /** What a slice without valid events counts as. */
  public enum EmptySlices {
    /** Neither good nor bad: left out of the SLI (the default); its count is reported. */
    SKIP("skip"),
    /** A good slice (ratio 1). */
    GOOD("good"),
    /** A bad slice (ratio 0). */
    BAD("bad");

    private final String label;

    EmptySlices(String label) {
      this.label = label;
    }

    /** How specs spell it. */
    public String label() {
      return label;
    }
  }

  /** The slice length in whole minutes. */
  public long minutes() {
    return length.toMinutes();
  }
}
