package io.slotoolkit.spec;

import io.slotoolkit.model.Window;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a window: rolling {@code 28d} or {@code 36h}, calendar {@code week|month|quarter|year}. */
final class WindowParser {
  static final String ALLOWED =
      "allowed: Nd or Nh for a rolling window, such as 28d or 36h; week, month, quarter or year"
          + " for a calendar window";

  /** The longest rolling window, in days. */
  static final long MAX_DAYS = 36_600;

  private static final Pattern AMOUNT = Pattern.compile("([0-9]+)([A-Za-z]*)");

  private WindowParser() {}

  static Window parse(String text) throws InvalidValueException {
    String t = text.strip();
    for (Window.Period p : Window.Period.values()) {
      String name = p.name().toLowerCase(Locale.ROOT);
      if (t.equals(name)) return Window.Calendar.civil(p);
      if (t.equalsIgnoreCase(name)) {
        throw new InvalidValueException(
            "window '" + t + "' is not a window", "did you mean '" + name + "'?");
      }
    }
    Matcher m = AMOUNT.matcher(t);
    if (!m.matches())
      throw new InvalidValueException("window '" + t + "' is not a window", ALLOWED);
    String digits = m.group(1);
    String unit = m.group(2);
    switch (unit) {
      case "d", "h" -> {
        return rolling(t, digits, unit);
      }
      case "M", "m" ->
          // 1M reads as a month to some and as a minute to others; neither is a rolling unit here.
          throw new InvalidValueException(
              "window '" + t + "' is ambiguous",
              "write 'month' for the calendar month or '30d' for a rolling 30 days");
      case "" ->
          throw new InvalidValueException(
              "window '" + t + "' has no unit",
              "write " + digits + "d for days or " + digits + "h for hours");
      case "w", "W" ->
          // A calendar fortnight has no start everyone agrees on: ISO weeks do not pair evenly
          // (years with 53 weeks), and sprints start wherever a team began counting.
          throw new InvalidValueException(
              "window '"
                  + t
                  + "' is not a window: weeks are not a rolling unit, and a calendar"
                  + " fortnight has no agreed start",
              "write 'week' for the calendar week or a number of days such as '"
                  + (digits.equals("0")
                      ? "7"
                      : new BigInteger(digits).multiply(BigInteger.valueOf(7)))
                  + "d'");
      case "D", "H" ->
          throw new InvalidValueException(
              "window '" + t + "' is not a window",
              "did you mean '" + digits + unit.toLowerCase(Locale.ROOT) + "'?");
      default -> throw new InvalidValueException("window '" + t + "' is not a window", ALLOWED);
    }
  }

  private static Window rolling(String t, String digits, String unit) throws InvalidValueException {
    boolean days = unit.equals("d");
    BigInteger n = new BigInteger(digits);
    if (n.signum() == 0) {
      throw new InvalidValueException("window '" + t + "' must be longer than zero", ALLOWED);
    }
    if (n.compareTo(BigInteger.valueOf(days ? MAX_DAYS : MAX_DAYS * 24)) > 0) {
      // A cap far beyond any real SLO keeps later instant arithmetic from overflowing.
      throw new InvalidValueException(
          "window '" + t + "' is too long",
          "a window may be up to " + MAX_DAYS + "d, about 100 years");
    }
    long count = n.longValueExact();
    return new Window.Rolling(days ? Duration.ofDays(count) : Duration.ofHours(count));
  }
}
