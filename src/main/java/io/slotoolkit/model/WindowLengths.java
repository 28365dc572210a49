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

  private WindowLengths() {}

  /**
   * The length an SLO window stands for when budgets are spread over time: a rolling window's
   * length, or the nominal length of a calendar period (week 7d, month 30d, quarter 90d).
   */
  public static Duration nominal(Window window) {
    if (window instanceof Window.Rolling rolling) return rolling.length();
    Window.Period period = ((Window.Calendar) window).period();
    return switch (period) {
      case WEEK -> WEEK;
      case MONTH -> MONTH;
      case QUARTER -> QUARTER;
    };
  }

  /** {@code 3d}, {@code 6h}, {@code 90m}, {@code 45s}: the largest unit that divides evenly. */
  public static String label(Duration d) {
    long s = d.getSeconds();
    if (s != 0 && d.getNano() == 0) {
      if (s % 86_400 == 0) return s / 86_400 + "d";
      if (s % 3_600 == 0) return s / 3_600 + "h";
      if (s % 60 == 0) return s / 60 + "m";
      return s + "s";
    }
    return d.toString();
  }

  /** Describes a calendar window with its nominal length: {@code month (30d nominal)}. */
  public static String describe(Window window) {
    return window instanceof Window.Calendar
        ? window.label() + " (" + label(nominal(window)) + " nominal)"
        : window.label();
  }
}
