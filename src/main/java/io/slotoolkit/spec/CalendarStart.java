package io.slotoolkit.spec;

import io.slotoolkit.model.Problem;
import io.slotoolkit.model.Window;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an SLO's {@code calendar: {start: MM-DD}}: the first day of its fiscal year, for {@code
 * year} and {@code quarter} windows.
 */
final class CalendarStart {
  private static final Pattern MONTH_DAY = Pattern.compile("([0-9]{2})-([0-9]{2})");

  private CalendarStart() {}

  /**
   * The window with the SLO's {@code calendar.start} applied; the window itself when there is none,
   * null (with a problem added) when it is wrong or does not fit the window.
   */
  static Window read(Window window, Fields slo, ValueReader values) {
    YamlNode v = slo.value("calendar");
    if (v == null) return window;
    if (!(v instanceof YamlNode.Mapping map)) {
      values.wrongType(slo, "calendar", v, "a map such as {start: 04-01}");
      return null;
    }
    Fields f =
        new Fields(
            map, SpecLevel.CALENDAR, "'calendar'", slo.keyLocation("calendar"), values.problems);
    YamlNode.Scalar s =
        values.requiredScalar(
            f, "start", "a month and day such as 04-01", "such as start: 04-01 (1 April)");
    if (s == null) return null;
    MonthDay start;
    try {
      start = parse(s.text().strip());
    } catch (InvalidValueException e) {
      values.invalid(s, e);
      return null;
    }
    if (!(window instanceof Window.Calendar c)
        || (c.period() != Window.Period.YEAR && c.period() != Window.Period.QUARTER)) {
      values.problems.add(
          new Problem(
              slo.keyLocation("calendar"),
              "'calendar' applies to year and quarter windows, and this SLO's window is "
                  + window.label(),
              "write window: year or window: quarter, or remove 'calendar'"));
      return null;
    }
    return new Window.Calendar(c.period(), start);
  }

  /** {@code 04-01}: month and day; days 29 to 31 are refused (not every month has them). */
  static MonthDay parse(String text) throws InvalidValueException {
    Matcher m = MONTH_DAY.matcher(text);
    String hint = "write the first day of the fiscal year as MM-DD, such as 04-01 for 1 April";
    if (!m.matches())
      throw new InvalidValueException("'" + text + "' is not a month and day", hint);
    MonthDay d;
    try {
      d = MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    } catch (DateTimeException e) {
      throw new InvalidValueException("'" + text + "' is not a day of the year", hint);
    }
    if (d.getDayOfMonth() > 28) {
      throw new InvalidValueException(
          "a year or quarter cannot start on day " + d.getDayOfMonth() + " of a month",
          "not every month has it: pick a day from 1 to 28");
    }
    return d;
  }
}
