package io.slotoolkit.spec;

import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.Exclusion;
import io.slotoolkit.model.ExclusionScope;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SloException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
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
          owner, "exclude", v, "a list of exclusions, each with start/end or weekly, and a reason");
      return List.of();
    }
    return values.eachMap(
        list,
        "an exclusion must be a map, found ",
        "such as {start: 2026-03-01T02:00Z, end: 2026-03-01T04:00Z, reason: db upgrade}",
        map -> exclusion(map, scope, zone));
  }

  private Exclusion exclusion(YamlNode.Mapping map, ExclusionScope scope, ZoneId zone) {
    int before = problems.size();
    Fields f = new Fields(map, SpecLevel.EXCLUSION, "this exclusion", map.location(), problems);
    String reason =
        values.requiredText(f, "reason", "text", "say why, such as 'planned database upgrade'");
    YamlNode weekly = f.value("weekly");
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
      Instant start = instant(f, "start", zone);
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
