package io.slotoolkit.model;

import java.time.Duration;

/** Lengths of time as the alert maths uses and prints them. */
public final class WindowLengths {
  /** Nominal length of a week window. */
  public static final Duration WEEK = Duration.ofDays(7);

  /** Nominal length of a month window: 30 days, whatever the month, so factors do not jump. */
  public static final Duration MONTH = Duration.ofDays(30);

  /** Nominal length of a quarter window. */
  public static final Duration QUARTER = Duration.ofDays(90);

  /** Nominal length of a year window. */
  public static final Duration YEAR = Duration.ofDays(365);

  private WindowLengths() {}

  /**
   * The length an SLO window stands for when budgets are spread over time: a rolling window's
   * length, or the nominal length of a calendar period (week 7d, month 30d, quarter 90d, year
   * 365d).
   */
  public static Duration nominal(Window window) {
    if (window instanceof Window.Rolling rolling) return rolling.length();
    Window.Period period = ((Window.Calendar) window).period();
    return switch (period) {
      case WEEK -> WEEK;
      case MONTH -> MONTH;
      case QUARTER -> QUARTER;
      case YEAR -> YEAR;
    };
  }

  /**
   * {@code 3d}, {@code 6h}, {@code 5h36m}, {@code 2d19h12m}: days, hours, minutes and seconds, the
   * zero parts left out.
   */
  public static String label(Duration d) {
    long s = d.getSeconds();
    if (s == 0 && d.getNano() == 0) return "0s";
    if (s < 0 || d.getNano() != 0) return d.toString();
    StringBuilder b = new StringBuilder();
    long[] sizes = {86_400, 3_600, 60, 1};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (s >= sizes[i]) {
        b.append(s / sizes[i]).append(units[i]);
        s %= sizes[i];
      }
    }
    return b.toString();
  }

  /** Describes a calendar window with its nominal length: {@code month (30d nominal)}. */
  public static String describe(Window window) {
    return window instanceof Window.Calendar
        ? window.label() + " (" + label(nominal(window)) + " nominal)"
        : window.label();
  }
}
