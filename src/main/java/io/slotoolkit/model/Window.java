package io.slotoolkit.model;

import java.time.Duration;

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
   */
  record Calendar(Period period) implements Window {
    public Calendar {
      if (period == null) throw new IllegalArgumentException("calendar period missing");
    }

    @Override
    public String label() {
      return period.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Calendar periods; weeks start on Monday (ISO). */
  enum Period {
    WEEK,
    MONTH,
    QUARTER
  }
}
