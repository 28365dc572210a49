package io.slotoolkit.model;

import java.time.Duration;
import java.time.MonthDay;

/** How far back an SLO looks from the evaluation instant. */
public sealed interface Window permits Window.Rolling, Window.Calendar {

  /** How the user writes it: {@code 28d}, {@code 36h}, {@code month}. */
  String label();

  /**
   * The last {@code length} before the evaluation instant: {@code [at - length, at)}.
   *
   * @param length positive, whole seconds
   */
  record Rolling(Duration length) implements Window {
    public Rolling {
      if (length == null || length.isNegative() || length.isZero()) {
        throw new IllegalArgumentException("rolling window must be positive: " + length);
      }
    }

    @Override
    public String label() {
      long s = length.getSeconds();
      if (s % 86_400 == 0) return s / 86_400 + "d";
      if (s % 3_600 == 0) return s / 3_600 + "h";
      if (s % 60 == 0) return s / 60 + "m";
      return s + "s";
    }
  }

  /**
   * From the start of the calendar period containing the evaluation instant, in the source's zone.
   *
   * @param period the kind of period
   * @param yearStart the first day of the (fiscal) year: 1 January for the civil calendar, 1 April
   *     for a Japanese fiscal year. Years start on it and quarters on it and every third month
   *     after; only {@code YEAR} and {@code QUARTER} may have another start than 1 January. Days 29
   *     to 31 are refused, as not every month has them
   */
  record Calendar(Period period, MonthDay yearStart) implements Window {
    /** The civil year's first day, 1 January. */
    public static final MonthDay JANUARY_1 = MonthDay.of(1, 1);

    public Calendar {
      if (period == null) throw new IllegalArgumentException("calendar period missing");
      if (yearStart == null) yearStart = JANUARY_1;
      if (yearStart.getDayOfMonth() > 28) {
        throw new IllegalArgumentException(
            "a year cannot start on day " + yearStart.getDayOfMonth());
      }
      if (!yearStart.equals(JANUARY_1) && period != Period.YEAR && period != Period.QUARTER) {
        throw new IllegalArgumentException("only year and quarter windows have a fiscal start");
      }
    }

    /** A period of the civil calendar: years start on 1 January. */
    public static Calendar civil(Period period) {
      return new Calendar(period, JANUARY_1);
    }

    /** Whether the year starts elsewhere than 1 January. */
    public boolean fiscal() {
      return !yearStart.equals(JANUARY_1);
    }

    /** {@code month}, {@code quarter}; a fiscal one {@code year from 04-01}. */
    @Override
    public String label() {
      String name = period.name().toLowerCase(java.util.Locale.ROOT);
      return fiscal()
          ? name
              + " from "
              + String.format(
                  java.util.Locale.ROOT,
                  "%02d-%02d",
                  yearStart.getMonthValue(),
                  yearStart.getDayOfMonth())
          : name;
    }
  }

  /** Calendar periods; weeks start on Monday (ISO). */
  enum Period {
    WEEK,
    MONTH,
    QUARTER,
    YEAR
  }
}
