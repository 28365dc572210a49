package io.slotoolkit.spec;

import io.slotoolkit.model.Recurrence;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the RFC 5545 recurrence rules of exclusions ({@code FREQ=MONTHLY;BYDAY=1TU}), refusing
 * every part outside the subset {@link Recurrence} implements by name.
 */
final class RecurrenceParser {
  /** The subset, for messages and docs. */
  static final String SUBSET =
      "FREQ (DAILY, WEEKLY, MONTHLY, YEARLY), INTERVAL, BYDAY (ordinals such as 1TU or -1FR in"
          + " MONTHLY and YEARLY), BYMONTHDAY, BYMONTH, COUNT or UNTIL, and WKST=MO";

  private static final Map<String, DayOfWeek> DAYS =
      Map.of(
          "MO", DayOfWeek.MONDAY,
          "TU", DayOfWeek.TUESDAY,
          "WE", DayOfWeek.WEDNESDAY,
          "TH", DayOfWeek.THURSDAY,
          "FR", DayOfWeek.FRIDAY,
          "SA", DayOfWeek.SATURDAY,
          "SU", DayOfWeek.SUNDAY);

  private static final Pattern WEEKDAY = Pattern.compile("([+-]?[0-9]{1,2})?([A-Z]{2})");
  private static final Pattern UNTIL = Pattern.compile("([0-9]{8})(?:T([0-9]{6})(Z)?)?");

  private RecurrenceParser() {}

  /**
   * Reads a rule; a leading {@code RRULE:} is allowed.
   *
   * @param zone the source's zone, to read an UNTIL in UTC ({@code ...Z}) as a local time
   */
  static Recurrence parse(String text, ZoneId zone) throws InvalidValueException {
    String t = text.strip();
    if (t.toUpperCase(Locale.ROOT).startsWith("RRULE:")) t = t.substring(6);
    if (t.isEmpty()) throw invalid("the rrule is empty", null);
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : t.split(";", -1)) {
      int eq = part.indexOf('=');
      if (eq <= 0 || eq == part.length() - 1) {
        throw invalid("'" + part + "' in rrule '" + text.strip() + "' is not NAME=VALUE", null);
      }
      String name = part.substring(0, eq).strip().toUpperCase(Locale.ROOT);
      String value = part.substring(eq + 1).strip().toUpperCase(Locale.ROOT);
      if (parts.put(name, value) != null) {
        throw invalid("rrule '" + text.strip() + "' gives " + name + " twice", null);
      }
    }
    for (String name : parts.keySet()) {
      switch (name) {
        case "FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "COUNT", "UNTIL", "WKST" -> {}
        case "BYSETPOS", "BYWEEKNO", "BYYEARDAY", "BYHOUR", "BYMINUTE", "BYSECOND" ->
            throw invalid(name + " is outside the rrule subset slo reads", null);
        default -> throw invalid("rrule part " + name + " is not an RFC 5545 rule part", null);
      }
    }
    String f = parts.get("FREQ");
    if (f == null) throw invalid("rrule '" + text.strip() + "' has no FREQ", null);
    Recurrence.Frequency freq;
    switch (f) {
      case "DAILY", "WEEKLY", "MONTHLY", "YEARLY" -> freq = Recurrence.Frequency.valueOf(f);
      case "SECONDLY", "MINUTELY", "HOURLY" ->
          throw invalid("FREQ=" + f + " is outside the rrule subset slo reads", null);
      default -> throw invalid("FREQ=" + f + " is not a frequency", null);
    }
    if (parts.containsKey("WKST") && !parts.get("WKST").equals("MO")) {
      throw invalid(
          "WKST=" + parts.get("WKST") + " is outside the rrule subset slo reads",
          "weeks start on Monday (ISO); leave WKST out");
    }
    int interval = parts.containsKey("INTERVAL") ? positive("INTERVAL", parts.get("INTERVAL")) : 1;
    Integer count = parts.containsKey("COUNT") ? positive("COUNT", parts.get("COUNT")) : null;
    if (count != null && parts.containsKey("UNTIL")) {
      throw invalid("an rrule has COUNT or UNTIL, not both", "RFC 5545 forbids both");
    }
    LocalDateTime until = parts.containsKey("UNTIL") ? until(parts.get("UNTIL"), zone) : null;
    List<Recurrence.WeekdayNum> byDay = new ArrayList<>();
    if (parts.containsKey("BYDAY")) {
      for (String d : parts.get("BYDAY").split(",", -1)) byDay.add(weekday(d.strip(), freq));
    }
    List<Integer> byMonthDay = new ArrayList<>();
    if (parts.containsKey("BYMONTHDAY")) {
      if (freq == Recurrence.Frequency.WEEKLY) {
        throw invalid("BYMONTHDAY does not go with FREQ=WEEKLY", "RFC 5545 does not allow it");
      }
      for (String d : parts.get("BYMONTHDAY").split(",", -1)) {
        int n = number("BYMONTHDAY", d.strip());
        if (n == 0 || n < -31 || n > 31) {
          throw invalid(
              "BYMONTHDAY=" + d.strip() + " is not a day of a month",
              "1 to 31, or -1 (the last day) to -31");
        }
        byMonthDay.add(n);
      }
    }
    List<Integer> byMonth = new ArrayList<>();
    if (parts.containsKey("BYMONTH")) {
      for (String m : parts.get("BYMONTH").split(",", -1)) {
        int n = number("BYMONTH", m.strip());
        if (n < 1 || n > 12) throw invalid("BYMONTH=" + m.strip() + " is not a month", "1 to 12");
        byMonth.add(n);
      }
    }
    return new Recurrence(
        freq, interval, byDay, byMonthDay, byMonth, count, until, String.join(";", rebuilt(parts)));
  }

  private static List<String> rebuilt(Map<String, String> parts) {
    List<String> out = new ArrayList<>();
    parts.forEach((k, v) -> out.add(k + "=" + v));
    return out;
  }

  private static Recurrence.WeekdayNum weekday(String text, Recurrence.Frequency freq)
      throws InvalidValueException {
    Matcher m = WEEKDAY.matcher(text);
    if (!m.matches() || !DAYS.containsKey(m.group(2))) {
      throw invalid(
          "BYDAY value '" + text + "' is not a weekday", "MO, TU, WE, TH, FR, SA or SU, as in 1TU");
    }
    int ordinal = m.group(1) == null ? 0 : Integer.parseInt(m.group(1).replace("+", ""));
    if (m.group(1) != null) {
      if (freq == Recurrence.Frequency.DAILY || freq == Recurrence.Frequency.WEEKLY) {
        throw invalid(
            "BYDAY=" + text + ": an ordinal only goes with FREQ=MONTHLY or YEARLY",
            "write " + m.group(2) + " for every such day");
      }
      int max = freq == Recurrence.Frequency.MONTHLY ? 5 : 53;
      if (ordinal == 0 || Math.abs(ordinal) > max) {
        throw invalid(
            "BYDAY=" + text + ": the ordinal must be 1 to " + max + " or -1 to -" + max, null);
      }
    }
    return new Recurrence.WeekdayNum(ordinal, DAYS.get(m.group(2)));
  }

  private static LocalDateTime until(String text, ZoneId zone) throws InvalidValueException {
    Matcher m = UNTIL.matcher(text);
    String hint = "write a date 20261231, a local time 20261231T235959, or UTC 20261231T235959Z";
    if (!m.matches()) throw invalid("UNTIL=" + text + " is not a date or date-time", hint);
    try {
      LocalDate d = LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE);
      if (m.group(2) == null) return d.atTime(23, 59, 59, 999_999_999);
      LocalDateTime t =
          d.atTime(java.time.LocalTime.parse(m.group(2), DateTimeFormatter.ofPattern("HHmmss")));
      return m.group(3) == null
          ? t
          : t.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime();
    } catch (DateTimeParseException e) {
      throw invalid("UNTIL=" + text + " is not a date or date-time", hint);
    }
  }

  private static int positive(String name, String value) throws InvalidValueException {
    int n = number(name, value);
    if (n < 1) throw invalid(name + "=" + value + " must be 1 or more", null);
    return n;
  }

  private static int number(String name, String value) throws InvalidValueException {
    if (!value.matches("[+-]?[0-9]{1,9}")) {
      throw invalid(name + "=" + value + " is not a whole number", null);
    }
    return Integer.parseInt(value.replace("+", ""));
  }

  private static InvalidValueException invalid(String message, String hint) {
    return new InvalidValueException(message, hint == null ? "slo reads " + SUBSET : hint);
  }
}
