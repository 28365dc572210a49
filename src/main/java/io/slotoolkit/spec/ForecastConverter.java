package io.slotoolkit.spec;

import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.DurationText;
import io.slotoolkit.model.ForecastEntry;
import io.slotoolkit.model.LatencyUnit;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.SqlExpression;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a spec file's {@code forecasts:} list into {@link ForecastEntry} records, reporting every
 * problem with its place, like {@link SloReader} does for SLOs (with the same {@link ValueReader}).
 */
final class ForecastConverter {
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
  static final Pattern SEASON = Pattern.compile("(\\d{2})-(\\d{2})\\.\\.(\\d{2})-(\\d{2})");
  private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
  static final List<String> UNITS = List.of("ms", "s", "us");
  static final List<String> STATISTICS = List.of("p50", "p90", "p95", "p99", "mean");
  private static final String SEASON_HINT =
      "write MM-DD..MM-DD, such as 03-15..04-10; 12-15..01-10 wraps over the new year";

  private final ValueReader c;
  private final SloReader sloReader;
  private final List<Problem> problems;
  private final Map<String, SourceLocation> names = new HashMap<>();

  ForecastConverter(ValueReader values, SloReader sloReader, List<Problem> problems) {
    this.c = values;
    this.sloReader = sloReader;
    this.problems = problems;
  }

  List<ForecastEntry> forecasts(
      Fields top, String service, Map<String, DataSource> built, Set<String> sourceNames) {
    YamlNode v = top.value("forecasts");
    if (v == null) return List.of();
    if (!(v instanceof YamlNode.Sequence list)) {
      c.wrongType(top, "forecasts", v, "a list of forecasts, each starting with '- name:'");
      return List.of();
    }
    return c.eachMap(
        list,
        "a forecast must be a map of keys, found ",
        "start each forecast with '- name: ...'",
        map -> forecast(map, service, built, sourceNames));
  }

  private ForecastEntry forecast(
      YamlNode.Mapping map, String service, Map<String, DataSource> built, Set<String> sources) {
    int before = problems.size();
    Fields f = new Fields(map, SpecLevel.FORECAST, "this forecast", map.location(), problems);
    YamlNode.Scalar nameNode =
        c.requiredScalar(f, "name", "a name such as sync-volume", "such as sync-volume");
    String name = nameNode == null ? null : nameNode.text();
    if (name != null && !NAME.matcher(name).matches()) {
      problems.add(
          new Problem(
              nameNode.location(),
              "forecast name '" + name + "' is not allowed",
              "use lowercase letters, digits and '-', not starting with '-', such as '"
                  + SloReader.slug(name)
                  + "'"));
      name = null;
    }
    if (name != null) {
      SourceLocation earlier = names.putIfAbsent(name, nameNode.location());
      if (earlier != null) {
        problems.add(
            new Problem(
                nameNode.location(),
                "forecast name '" + name + "' is already used at line " + earlier.line(),
                "forecast names are unique within a file"));
      }
      f = f.named("forecast '" + name + "'");
    }
    String description = c.text(f, "description", "text");
    DataSource source = sloReader.sourceReference(f, built, sources);
    ForecastEntry.Volume volume = volume(f);
    SqlExpression where = c.expression(f, "where", false);
    ForecastEntry.DailyLatency latency = latency(f);
    MonthDay[] season = season(f);
    ForecastEntry.JobCapacity capacity = capacity(f);
    ForecastEntry.LatencySlo slo = latencySlo(f, latency);
    if (f.value("latency") == null && !f.suggests("latency")) {
      for (String key : List.of("capacity", "latency_slo")) {
        if (f.value(key) != null) {
          problems.add(
              new Problem(
                  f.keyLocation(key),
                  "'" + key + "' needs 'latency' in " + f.owner(),
                  "the check uses the per-item latency statistic per day, such as latency:"
                      + " {column: latency_ms, statistic: p95}"));
        }
      }
    }
    if (problems.size() > before || source == null) return null;
    return new ForecastEntry(
        name,
        service,
        description,
        source,
        volume,
        where,
        latency,
        season[0],
        season[1],
        capacity,
        slo,
        map.location());
  }

  private ForecastEntry.Volume volume(Fields f) {
    String expected = "count, or {sum: COLUMN}";
    YamlNode v = f.value("volume");
    if (v == null) {
      c.missing(
          f, "volume", "write count for events per day, or {sum: COLUMN} to sum a column per day");
      return null;
    }
    if (v instanceof YamlNode.Scalar s && !s.isNull()) {
      if (s.text().equals("count")) return new ForecastEntry.Volume.Count();
      problems.add(
          new Problem(
              s.location(),
              "unknown volume '" + s.text() + "'",
              "write count for events per day, or {sum: COLUMN} to sum a column per day"));
      return null;
    }
    if (!(v instanceof YamlNode.Mapping map)) {
      c.wrongType(f, "volume", v, expected);
      return null;
    }
    Fields vf = new Fields(map, SpecLevel.VOLUME, "'volume'", f.keyLocation("volume"), problems);
    YamlNode.Scalar column =
        c.requiredScalar(vf, "sum", "a column name", "the column summed per day, such as records");
    return column == null
        ? null
        : new ForecastEntry.Volume.Sum(column.text(), column.textLocation());
  }

  private ForecastEntry.DailyLatency latency(Fields f) {
    YamlNode v = f.value("latency");
    if (v == null) return null;
    if (!(v instanceof YamlNode.Mapping map)) {
      c.wrongType(f, "latency", v, "a map with 'column', 'statistic' and optionally 'unit'");
      return null;
    }
    Fields lf =
        new Fields(
            map, SpecLevel.FORECAST_LATENCY, "'latency'", f.keyLocation("latency"), problems);
    YamlNode.Scalar column =
        c.requiredScalar(lf, "column", "a column name", "the column with each event's latency");
    String unit = c.oneOf(lf, "unit", UNITS, "ms");
    ForecastEntry.Statistic statistic = statistic(lf, true);
    if (column == null || unit == null || statistic == null) return null;
    return new ForecastEntry.DailyLatency(
        column.text(), LatencyUnit.fromSymbol(unit), statistic, column.textLocation());
  }

  private ForecastEntry.Statistic statistic(Fields f, boolean required) {
    if (required && f.value("statistic") == null) {
      c.missing(f, "statistic", "one of " + String.join(", ", STATISTICS) + ", per day");
      return null;
    }
    String s = c.oneOf(f, "statistic", STATISTICS, null);
    return s == null ? null : ForecastEntry.Statistic.fromSymbol(s);
  }

  /** The season's first and last day; nulls when missing or wrong (reported). */
  private MonthDay[] season(Fields f) {
    MonthDay[] none = new MonthDay[2];
    YamlNode.Scalar s =
        c.requiredScalar(f, "season", "a date range such as 03-15..04-10", SEASON_HINT);
    if (s == null) return none;
    String t = s.text().strip();
    Matcher m = SEASON.matcher(t);
    if (!m.matches()) {
      problems.add(
          new Problem(s.location(), "season '" + t + "' is not a date range", SEASON_HINT));
      return none;
    }
    MonthDay from = monthDay(s, t, m.group(1), m.group(2));
    MonthDay to = monthDay(s, t, m.group(3), m.group(4));
    return from == null || to == null ? none : new MonthDay[] {from, to};
  }

  private MonthDay monthDay(YamlNode.Scalar s, String whole, String mm, String dd) {
    try {
      return MonthDay.of(Integer.parseInt(mm), Integer.parseInt(dd));
    } catch (DateTimeException e) {
      problems.add(
          new Problem(
              s.location(),
              "season '" + whole + "': " + mm + "-" + dd + " is not a day of the year",
              SEASON_HINT));
      return null;
    }
  }

  private ForecastEntry.JobCapacity capacity(Fields f) {
    YamlNode v = f.value("capacity");
    if (v == null) return null;
    if (!(v instanceof YamlNode.Mapping map)) {
      c.wrongType(f, "capacity", v, "a map with 'window' and optionally 'workers', 'headroom'");
      return null;
    }
    Fields cf =
        new Fields(map, SpecLevel.CAPACITY, "'capacity'", f.keyLocation("capacity"), problems);
    Duration window = null;
    YamlNode.Scalar w =
        c.requiredScalar(
            cf,
            "window",
            "a duration such as 2h",
            "the time the daily job must finish in, such as 2h");
    if (w != null) window = duration(w);
    int workers = 1;
    if (cf.value("workers") != null) {
      long n = c.wholeNumber(cf, "workers");
      if (n < 1 || n > 100_000) {
        if (cf.value("workers") instanceof YamlNode.Scalar s
            && s.kind() == YamlNode.Kind.INTEGER
            && s.number().signum() >= 0) {
          problems.add(
              new Problem(
                  s.location(), "'workers' must be between 1 and 100000, found " + s.text(), null));
        }
        workers = 0;
      } else {
        workers = (int) n;
      }
    }
    double headroom = 0;
    YamlNode.Scalar h = c.scalar(cf, "headroom", "a percentage such as 20%");
    if (h != null) headroom = percent(h);
    if (window == null || workers < 1 || Double.isNaN(headroom)) return null;
    return new ForecastEntry.JobCapacity(window, workers, headroom);
  }

  private ForecastEntry.LatencySlo latencySlo(Fields f, ForecastEntry.DailyLatency latency) {
    YamlNode v = f.value("latency_slo");
    if (v == null) return null;
    if (!(v instanceof YamlNode.Mapping map)) {
      c.wrongType(f, "latency_slo", v, "a map with 'threshold' and optionally 'statistic'");
      return null;
    }
    Fields sf =
        new Fields(
            map, SpecLevel.LATENCY_SLO, "'latency_slo'", f.keyLocation("latency_slo"), problems);
    ForecastEntry.Statistic statistic = statistic(sf, false);
    if (statistic != null && latency != null && statistic != latency.statistic()) {
      problems.add(
          new Problem(
              sf.value("statistic").location(),
              "latency_slo is on "
                  + statistic.symbol()
                  + " but the forecast's latency statistic is "
                  + latency.statistic().symbol(),
              "a forecast models one latency statistic; write statistic: "
                  + latency.statistic().symbol()
                  + ", or add another forecast entry for "
                  + statistic.symbol()));
      return null;
    }
    YamlNode.Scalar t =
        c.requiredScalar(sf, "threshold", "a time such as 300ms", "such as threshold: 300ms");
    if (t == null) return null;
    BigDecimal ms;
    try {
      ms = ThresholdParser.parse(t.value(), LatencyUnit.MS);
    } catch (InvalidValueException e) {
      c.invalid(t, e);
      return null;
    }
    if (latency == null) return null;
    return new ForecastEntry.LatencySlo(latency.statistic(), ms.doubleValue(), t.text().strip());
  }

  /** {@code 2h}, {@code 1h30m}, {@code 90m}, {@code 45s}; null (reported) when it is not one. */
  private Duration duration(YamlNode.Scalar s) {
    Duration d = DurationText.parse(s.text());
    if (d == null) {
      problems.add(
          new Problem(
              s.location(),
              "'" + s.text().strip() + "' is not a positive duration",
              "such as 2h, 1h30m or 90m; units ms, s, m, h"));
      return null;
    }
    if (d.compareTo(Duration.ofDays(1)) > 0) {
      problems.add(
          new Problem(
              s.location(),
              "window '" + s.text().strip() + "' is longer than a day",
              "the job runs daily: its window is at most 24h"));
      return null;
    }
    return d;
  }

  /** {@code 20%} as 0.2; NaN (reported) when not a percentage in [0%, 100%). */
  private double percent(YamlNode.Scalar s) {
    Matcher m = PERCENT.matcher(s.text().strip());
    if (!m.matches()) {
      problems.add(
          new Problem(
              s.location(),
              "headroom '" + s.text().strip() + "' is not a percentage",
              "such as 20%: the share of the window to keep free"));
      return Double.NaN;
    }
    double share = Double.parseDouble(m.group(1)) / 100;
    if (share >= 1) {
      problems.add(
          new Problem(
              s.location(),
              "headroom '" + s.text().strip() + "' must be below 100%",
              "such as 20%: the share of the window to keep free"));
      return Double.NaN;
    }
    return share;
  }
}
