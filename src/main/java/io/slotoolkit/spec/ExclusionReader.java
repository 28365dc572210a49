package io.slotoolkit.spec;

import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.Exclusion;
import io.slotoolkit.model.ExclusionScope;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.Recurrence;
import io.slotoolkit.model.SloException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code exclude:} of sources and SLOs and the {@code exclusions_file:}, and collects every
 * exclusion of the file.
 */
final class ExclusionReader {
  private final Path file;
  private final List<Problem> problems;
  private final ValueReader values;

  ExclusionReader(ValueReader values) {
    this.file = values.file;
    this.problems = values.problems;
    this.values = values;
  }

  final List<Exclusion> collectedExclusions = new ArrayList<>();

  static final Map<String, DayOfWeek> DAYS = days();

  private static Map<String, DayOfWeek> days() {
    Map<String, DayOfWeek> m = new LinkedHashMap<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      String full = d.name().toLowerCase(Locale.ROOT);
      m.put(full.substring(0, 3), d);
      m.put(full, d);
    }
    return m;
  }

  /** {@code exclude:} of an SLO or a source. */
  List<Exclusion> exclusions(Fields owner, ExclusionScope scope, ZoneId zone) {
    YamlNode v = owner.value("exclude");
    if (v == null) return List.of();
    if (!(v instanceof YamlNode.Sequence list)) {
      values.wrongType(
          owner,
          "exclude",
          v,
          "a list of exclusions, each with start/end, weekly or rrule, and a reason");
      return List.of();
    }
    return values.eachMap(
        list,
        "an exclusion must be a map, found ",
        "such as {start: 2026-03-01T02:00Z, end: 2026-03-01T04:00Z, reason: db upgrade}",
        map -> exclusion(map, scope, zone));
  }

  private Exclusion exclusion(YamlNode.Mapping map, ExclusionScope owner, ZoneId zone) {
    int before = problems.size();
    Fields f = new Fields(map, SpecLevel.EXCLUSION, "this exclusion", map.location(), problems);
    ExclusionScope scope = tagged(f, owner);
    String reason =
        values.requiredText(f, "reason", "text", "say why, such as 'planned database upgrade'");
    YamlNode weekly = f.value("weekly");
    if (f.value("rrule") != null) return recurring(f, map, scope, zone, reason, before);
    if (f.value("duration") != null && weekly == null && f.value("start") == null) {
      problems.add(
          new Problem(
              f.keyLocation("duration"),
              "'duration' needs a 'start' (and, for a recurring period, an 'rrule')",
              "such as {rrule: \"FREQ=MONTHLY;BYDAY=1TU\", start: \"2026-01-06T02:00\","
                  + " duration: 2h, reason: patch window}"));
      return null;
    }
    boolean once = f.value("start") != null || f.value("end") != null;
    if (weekly != null && once) {
      problems.add(
          new Problem(
              map.location(),
              "an exclusion has either start and end, or weekly, not both",
              "split it into two exclusions"));
      return null;
    }
    if (weekly == null) {
      if (f.value("duration") != null && f.value("end") != null) {
        problems.add(
            new Problem(
                f.keyLocation("duration"),
                "an exclusion has either end or duration, not both",
                "keep one of them"));
        return null;
      }
      if (f.value("start") != null && f.value("end") == null && f.value("duration") == null) {
        problems.add(
            new Problem(
                map.location(),
                "this exclusion has a start but neither end nor duration",
                "add end: (exclusive) for a one-off period, or duration: such as 2h; with rrule:"
                    + " it repeats"));
        return null;
      }
      Instant start = instant(f, "start", zone);
      if (f.value("duration") != null) {
        java.time.Duration d = positiveLength(f);
        if (problems.size() > before) return null;
        return new Exclusion.Once(start, start.plus(d), scope, reason, map.location());
      }
      Instant end = instant(f, "end", zone);
      if (problems.size() > before) return null;
      if (!end.isAfter(start)) {
        problems.add(
            new Problem(
                f.value("end").location(),
                "the exclusion ends at "
                    + end
                    + (end.equals(start)
                        ? ", the instant it starts"
                        : ", before it starts at " + start),
                "the end is exclusive and must come after the start"));
        return null;
      }
      return new Exclusion.Once(start, end, scope, reason, map.location());
    }
    if (!(weekly instanceof YamlNode.Mapping wm)) {
      values.wrongType(f, "weekly", weekly, "a map with days, from and to");
      return null;
    }
    Fields w = new Fields(wm, SpecLevel.WEEKLY, "'weekly'", f.keyLocation("weekly"), problems);
    Set<DayOfWeek> days = weekDays(w);
    LocalTime from = localTime(w, "from");
    LocalTime to = localTime(w, "to");
    if (problems.size() > before) return null;
    return new Exclusion.Weekly(days, from, to, zone, scope, reason, map.location());
  }

  /**
   * {@code tags: [critical]} on a source's exclusion: only the source's SLOs with one of the tags.
   */
  private ExclusionScope tagged(Fields f, ExclusionScope owner) {
    YamlNode v = f.value("tags");
    if (v == null) return owner;
    if (owner instanceof ExclusionScope.SloNamed) {
      problems.add(
          new Problem(
              f.keyLocation("tags"),
              "'tags' selects SLOs of a source; this exclusion is on one SLO already",
              "move it to the source's exclude: to apply it to the source's SLOs with these tags"));
      return owner;
    }
    List<YamlNode> items;
    if (v instanceof YamlNode.Scalar s && !s.isNull()) items = List.of(s);
    else if (v instanceof YamlNode.Sequence list && !list.items().isEmpty()) items = list.items();
    else {
      values.wrongType(f, "tags", v, "a list of SLO tags such as [critical]");
      return owner;
    }
    List<String> tags = new ArrayList<>();
    for (YamlNode item : items) {
      if (item instanceof YamlNode.Scalar s
          && !s.isNull()
          && SloReader.TAG.matcher(s.text()).matches()) {
        if (!tags.contains(s.text())) tags.add(s.text());
      } else {
        problems.add(
            new Problem(
                item.location(),
                "a tag must be a lower-case word, found " + item.describe(),
                "the tags of the SLOs it applies to, such as [critical]"));
      }
    }
    return tags.isEmpty() ? owner : new ExclusionScope.Tagged(owner, tags);
  }

  /**
   * {@code {rrule, start, duration, reason}}: a period repeating by an RFC 5545 rule from a local
   * start in the source's timezone.
   */
  private Exclusion recurring(
      Fields f,
      YamlNode.Mapping map,
      ExclusionScope scope,
      ZoneId zone,
      String reason,
      int before) {
    for (String other : List.of("weekly", "end")) {
      if (f.value(other) != null) {
        problems.add(
            new Problem(
                f.keyLocation(other),
                "a recurring exclusion (rrule) has start and duration, not '" + other + "'",
                other.equals("end")
                    ? "write how long each occurrence lasts as duration:, such as 2h"
                    : "split it into two exclusions"));
      }
    }
    YamlNode.Scalar ruleText =
        values.scalar(f, "rrule", "an RFC 5545 rule such as \"FREQ=MONTHLY;BYDAY=1TU\"");
    LocalDateTime start = localStart(f);
    if (f.value("duration") == null) {
      values.missing(f, "duration", "how long each occurrence lasts, such as duration: 2h");
    }
    java.time.Duration duration = f.value("duration") == null ? null : positiveLength(f);
    if (problems.size() > before || ruleText == null) return null;
    Recurrence rule;
    try {
      rule = RecurrenceParser.parse(ruleText.text(), zone);
    } catch (InvalidValueException e) {
      values.invalid(ruleText, e);
      return null;
    }
    List<LocalDateTime> first = rule.occurrences(start, start, start);
    if (first.isEmpty() || !first.get(0).equals(start)) {
      List<LocalDateTime> next = rule.occurrences(start, start, start.plusYears(10));
      problems.add(
          new Problem(
              f.value("start").location(),
              "start "
                  + start
                  + " is not an occurrence of '"
                  + ruleText.text().strip()
                  + "'"
                  + (next.isEmpty() ? "" : ": the first one after it is " + next.get(0)),
              "start is the first occurrence (RFC 5545's DTSTART): "
                  + (next.isEmpty()
                      ? "this rule has no occurrence in the ten years after it"
                      : "write start: \"" + next.get(0) + "\"")));
      return null;
    }
    return new Exclusion.Recurring(rule, start, duration, zone, scope, reason, map.location());
  }

  /** An rrule's start: a local date and time (no offset), read in the source's timezone. */
  private LocalDateTime localStart(Fields f) {
    YamlNode.Scalar s =
        values.requiredScalar(
            f,
            "start",
            "a local date and time such as \"2026-01-06T02:00\"",
            "the first occurrence's local start, such as start: \"2026-01-06T02:00\"");
    if (s == null) return null;
    String t = s.text().strip();
    if (t.length() > 10 && t.charAt(10) == ' ') t = t.substring(0, 10) + "T" + t.substring(11);
    try {
      return LocalDateTime.parse(t);
    } catch (DateTimeParseException e) {
      boolean offset = t.matches(".*(Z|[+-][0-9]{2}:?[0-9]{2})$");
      problems.add(
          new Problem(
              s.location(),
              offset
                  ? "the start of a recurring exclusion is a local time, found '" + s.text() + "'"
                  : "'" + s.text() + "' is not a local date and time",
              offset
                  ? "write it without an offset: occurrences follow the source's timezone, daylight"
                      + " saving time included"
                  : "write it as 2026-01-06T02:00, in the source's timezone"));
      return null;
    }
  }

  private java.time.Duration positiveLength(Fields f) {
    java.time.Duration d = values.length(f, "duration", true);
    if (d != null && d.isZero()) {
      problems.add(
          new Problem(
              f.value("duration").location(),
              "'duration' must be longer than zero",
              "such as 2h or 90m"));
      return null;
    }
    return d;
  }

  private Instant instant(Fields f, String key, ZoneId zone) {
    YamlNode.Scalar s =
        values.requiredScalar(
            f, key, "a date and time such as 2026-03-01T02:00Z", "such as 2026-03-01T02:00Z");
    if (s == null) return null;
    try {
      return ExclusionsCsv.parseTime(s.text().strip(), zone);
    } catch (DateTimeParseException e) {
      problems.add(
          new Problem(
              s.location(),
              "'" + s.text() + "' is not a date and time",
              "write ISO-8601 such as 2026-03-01T02:00Z or 2026-03-01 02:00 (in the source's"
                  + " timezone)"));
      return null;
    }
  }

  private Set<DayOfWeek> weekDays(Fields w) {
    YamlNode v = w.value("days");
    if (v == null) {
      values.missing(w, "days", "such as days: [sat, sun]");
      return null;
    }
    List<YamlNode> items;
    if (v instanceof YamlNode.Scalar s && !s.isNull()) items = List.of(s);
    else if (v instanceof YamlNode.Sequence list && !list.items().isEmpty()) items = list.items();
    else {
      values.wrongType(w, "days", v, "a list of days such as [sat, sun]");
      return null;
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (YamlNode item : items) {
      DayOfWeek d =
          item instanceof YamlNode.Scalar s
              ? DAYS.get(s.text().strip().toLowerCase(Locale.ROOT))
              : null;
      if (d == null) {
        problems.add(
            new Problem(
                item.location(),
                "unknown day " + item.describe(),
                "write mon, tue, wed, thu, fri, sat or sun"));
      } else {
        days.add(d);
      }
    }
    return days;
  }

  private LocalTime localTime(Fields w, String key) {
    YamlNode.Scalar s =
        values.requiredScalar(w, key, "a time such as \"02:00\"", "such as \"02:00\"");
    if (s == null) return null;
    String t = s.text().strip();
    if (t.matches("[0-9]:[0-9]{2}")) t = "0" + t;
    if (t.equals("24:00")) t = "00:00";
    try {
      return LocalTime.parse(t);
    } catch (DateTimeParseException e) {
      problems.add(
          new Problem(
              s.location(),
              "'" + s.text() + "' is not a time of day",
              "write HH:MM in quotes, such as \"02:00\""));
      return null;
    }
  }

  /** {@code exclusions_file:} read now, so its problems are reported with the specs'. */
  void exclusionsFile(Fields top, java.util.Collection<DataSource> sources) {
    YamlNode.Scalar s = values.scalar(top, "exclusions_file", "a CSV file path");
    if (s == null) return;
    Path path;
    try {
      path = file.toAbsolutePath().getParent().resolve(s.text().strip()).normalize();
    } catch (InvalidPathException e) {
      problems.add(new Problem(s.location(), "'" + s.text() + "' is not a valid path", null));
      return;
    }
    List<ZoneId> zones = sources.stream().map(DataSource::zone).distinct().toList();
    ZoneId zone = zones.size() == 1 ? zones.get(0) : ZoneParser.UTC;
    if (!java.nio.file.Files.isRegularFile(path)) {
      problems.add(
          new Problem(
              s.location(),
              "exclusions file " + s.text() + " does not exist",
              "a CSV with the columns start,end,slo,reason, relative to this spec file"));
      return;
    }
    try {
      collectedExclusions.addAll(
          ExclusionsCsv.read(file.resolveSibling(s.text().strip()).normalize(), zone));
    } catch (SloException e) {
      if (e.problems().isEmpty()) problems.add(new Problem(s.location(), e.getMessage(), e.hint()));
      else problems.addAll(e.problems());
    }
  }
}
