package io.slotoolkit.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How often a series has one value: one step of its regular date grid. */
public enum Frequency {
  DAILY("day", 365, 364),
  WEEKLY("week", 52, 52),
  MONTHLY("month", 12, 12);

  private final String unit;
  private final int stepsPerYear;
  private final int seasonalLag;

  Frequency(String unit, int stepsPerYear, int seasonalLag) {
    this.unit = unit;
    this.stepsPerYear = stepsPerYear;
    this.seasonalLag = seasonalLag;
  }

  /** The step's name in messages: {@code day}, {@code week}, {@code month}. */
  public String unit() {
    return unit;
  }

  /** Steps in one yearly season (365 days, 52 weeks, 12 months). */
  public int stepsPerYear() {
    return stepsPerYear;
  }

  /**
   * The lag of the seasonal-naive baseline: one year back, for daily data 364 days so that the
   * weekday matches (a Monday is compared with a Monday).
   */
  public int seasonalLag() {
    return seasonalLag;
  }

  /** The date {@code n} steps after {@code d} (n may be negative). */
  public LocalDate plus(LocalDate d, long n) {
    return switch (this) {
      case DAILY -> d.plusDays(n);
      case WEEKLY -> d.plusWeeks(n);
      case MONTHLY -> d.plusMonths(n);
    };
  }

  /** Whole steps from {@code from} to {@code to} on this grid. */
  public long between(LocalDate from, LocalDate to) {
    return switch (this) {
      case DAILY -> ChronoUnit.DAYS.between(from, to);
      case WEEKLY -> ChronoUnit.WEEKS.between(from, to);
      case MONTHLY -> ChronoUnit.MONTHS.between(from, to);
    };
  }

  /** The step's length in days, on average: to turn step counts into years. */
  public double days() {
    return switch (this) {
      case DAILY -> 1;
      case WEEKLY -> 7;
      case MONTHLY -> 365.25 / 12;
    };
  }

  /** The last day a step starting on {@code d} covers. */
  public LocalDate lastDayOf(LocalDate d) {
    return plus(d, 1).minusDays(1);
  }
}
