package io.slotoolkit.spec;

import io.slotoolkit.model.CsvDialect;
import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.EventTime;
import io.slotoolkit.model.Exclusion;
import io.slotoolkit.model.ExclusionScope;
import io.slotoolkit.model.LogFormat;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SqlExpression;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code sources:}: paths, format, event time, CSV dialect, access-log format and derived
 * columns of each source.
 */
final class SourceReader {
  static final Pattern DERIVED_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9_][a-z0-9_-]*");

  static final List<String> FORMATS = List.of("auto", "csv", "parquet", "json", "access_log");

  static final List<String> LOG_FORMATS = List.of("common", "combined");

  /** The named timestamp formats; anything with a {@code %} is a strptime pattern. */
  static final List<String> TIME_FORMATS = List.of("auto", "epoch_s", "epoch_ms", "epoch_us");

  private final Path file;
  private final List<Problem> problems;
  private final ValueReader values;
  private final ExclusionReader exclusionReader;

  SourceReader(ValueReader values, ExclusionReader exclusionReader) {
    this.file = values.file;
    this.problems = values.problems;
    this.values = values;
    this.exclusionReader = exclusionReader;
  }

  void sources(Fields top, Map<String, DataSource> built, Set<String> names) {
    YamlNode v = top.value("sources");
    if (v == null) return;
    if (!(v instanceof YamlNode.Mapping map)) {
      values.wrongType(top, "sources", v, "a map of source names to sources");
      return;
    }
    for (YamlNode.Entry e : map.entries()) {
      names.add(e.key());
      DataSource source = source(e);
      if (source != null) built.put(e.key(), source);
    }
  }

  private DataSource source(YamlNode.Entry entry) {
    int before = problems.size();
    String name = entry.key();
    if (!SOURCE_NAME.matcher(name).matches()) {
      problems.add(
          new Problem(
              entry.keyLocation(),
              "source name '" + name + "' is not allowed",
              "use lowercase letters, digits, '_' and '-'"));
    }
    if (!(entry.value() instanceof YamlNode.Mapping map)) {
      problems.add(
          new Problem(
              ValueReader.at(entry.value(), entry.keyLocation()),
              "source '" + name + "' must be a map of keys, found " + entry.value().describe(),
              "a source needs at least 'path' and 'timestamp'"));
      return null;
    }
    Fields f =
        new Fields(map, SpecLevel.SOURCE, "source '" + name + "'", entry.keyLocation(), problems);
    List<String> paths = paths(f);
    String format = values.oneOf(f, "format", FORMATS, "auto");
    if ("auto".equals(format) && !paths.isEmpty() && paths.stream().allMatch(SourceReader::isLog))
      format = "access_log";
    LogFormat logFormat = "access_log".equals(format) ? logFormat(f) : null;
    if (!"access_log".equals(format) && f.value("log_format") != null) {
      problems.add(
          new Problem(
              f.keyLocation("log_format"),
              "'log_format' belongs to access logs",
              "set format: access_log on the source, or remove 'log_format'"));
    }
    EventTime time = eventTime(f, "access_log".equals(format) ? "time" : null);
    Map<String, SqlExpression> derived = derivedColumns(f);
    ZoneId zone = values.zone(f, "timezone");
    CsvDialect csv = csv(f);
    SqlExpression where = values.expression(f, "where", false);
    long maxBadRows = values.wholeNumber(f, "max_bad_rows");
    java.time.Duration maxStaleness = maxStaleness(f);
    List<String> mask = values.columns(f, "mask");
    boolean missingColumnsNull = missingColumns(f);
    List<Exclusion> excluded =
        exclusionReader.exclusions(f, new ExclusionScope.SourceNamed(name, file), zone);
    if (problems.size() > before) return null;
    exclusionReader.collectedExclusions.addAll(excluded);
    return new DataSource(
        name,
        file,
        paths,
        DataFormat.valueOf(format.toUpperCase(Locale.ROOT)),
        time,
        zone,
        csv,
        where,
        maxBadRows,
        entry.keyLocation(),
        mask,
        missingColumnsNull,
        logFormat,
        derived,
        maxStaleness);
  }

  /**
   * {@code max_staleness}: how long after its latest event the source still counts as fresh, a
   * positive length such as 2h; null when absent.
   */
  private java.time.Duration maxStaleness(Fields f) {
    java.time.Duration d = values.length(f, "max_staleness", false);
    if (d != null && d.isZero()) {
      problems.add(
          new Problem(
              f.value("max_staleness").location(),
              "'max_staleness' must be positive, found " + f.value("max_staleness").describe(),
              "such as max_staleness: 2h: the source is STALE when its latest event is older than"
                  + " --at minus 2h"));
      return null;
    }
    return d;
  }

  /**
   * {@code missing_columns}: {@code error} (the default) or {@code null} (a column some files lack
   * reads as NULL there). YAML reads a bare {@code null} as no value; both spellings mean null.
   */
  private boolean missingColumns(Fields f) {
    YamlNode v = f.value("missing_columns");
    if (v == null) return false;
    if (v instanceof YamlNode.Scalar s) {
      if (s.isNull() || s.text().equals("null")) return true;
      if (s.text().equals("error")) return false;
    }
    problems.add(
        new Problem(
            v.location(),
            "missing_columns must be error or null, found " + v.describe(),
            "null reads a column that some files lack as NULL in their rows; error (the default)"
                + " refuses such files"));
    return false;
  }

  /** A path whose extension says access log: {@code .log}, also compressed. */
  private static boolean isLog(String path) {
    String p = path.toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|zst)$", "");
    return p.endsWith(".log");
  }

  /** An access log's line format: a known name, or {pattern: REGEX} with named groups. */
  private LogFormat logFormat(Fields f) {
    YamlNode v = f.value("log_format");
    if (v == null) return LogFormat.COMBINED;
    if (v instanceof YamlNode.Scalar) {
      String name = values.oneOf(f, "log_format", LOG_FORMATS, "combined");
      if (name == null) return null;
      return name.equals("common") ? LogFormat.COMMON : LogFormat.COMBINED;
    }
    if (!(v instanceof YamlNode.Mapping map)) {
      values.wrongType(f, "log_format", v, "common, combined, or {pattern: REGEX}");
      return null;
    }
    Fields p =
        new Fields(
            map, SpecLevel.LOG_FORMAT, "'log_format'", f.keyLocation("log_format"), problems);
    YamlNode.Scalar pattern =
        values.requiredScalar(
            p,
            "pattern",
            "a regular expression with named groups",
            "a regular expression whose named groups (?P<name>...) become the columns");
    if (pattern == null) return null;
    try {
      java.util.regex.Pattern.compile(pattern.text().replace("(?P<", "(?<"));
    } catch (java.util.regex.PatternSyntaxException e) {
      problems.add(
          new Problem(
              pattern.textLocation(),
              "'pattern' is not a valid regular expression: " + e.getDescription(),
              "write RE2 syntax, for example (?P<status>\\d{3})"));
      return null;
    }
    List<String> groups = new ArrayList<>();
    java.util.regex.Matcher m =
        Pattern.compile("\\(\\?P?<([A-Za-z_][A-Za-z0-9_]*)>").matcher(pattern.text());
    while (m.find()) {
      if (groups.contains(m.group(1))) {
        problems.add(
            new Problem(
                pattern.textLocation(), "'pattern' names group '" + m.group(1) + "' twice", null));
        return null;
      }
      groups.add(m.group(1));
    }
    if (groups.isEmpty()) {
      problems.add(
          new Problem(
              pattern.textLocation(),
              "'pattern' has no named group, so it gives no columns",
              "name each part you need: (?P<status>\\d{3})"));
      return null;
    }
    return new LogFormat(LogFormat.Kind.PATTERN, pattern.text(), groups);
  }

  /** A source's derived columns: name to SQL expression over the file's columns. */
  private Map<String, SqlExpression> derivedColumns(Fields f) {
    YamlNode v = f.value("columns");
    if (v == null) return Map.of();
    if (!(v instanceof YamlNode.Mapping map)) {
      values.wrongType(f, "columns", v, "a map of column names to SQL expressions");
      return Map.of();
    }
    Map<String, SqlExpression> derived = new java.util.LinkedHashMap<>();
    for (YamlNode.Entry e : map.entries()) {
      if (!DERIVED_NAME.matcher(e.key()).matches()) {
        problems.add(
            new Problem(
                e.keyLocation(),
                "derived column name '" + e.key() + "' is not allowed",
                "use letters, digits and '_', starting with a letter or '_'"));
        continue;
      }
      if (!(e.value() instanceof YamlNode.Scalar s) || s.isNull() || s.text().isBlank()) {
        problems.add(
            new Problem(
                ValueReader.at(e.value(), e.keyLocation()),
                "derived column '"
                    + e.key()
                    + "' needs an expression, found "
                    + e.value().describe(),
                "write a SQL expression over the file's columns, such as \"regexp_extract(path, '^/[^/]*')\""));
        continue;
      }
      derived.put(e.key(), new SqlExpression(s.text().stripTrailing(), s.textLocation()));
    }
    return derived;
  }

  /** Each pattern resolved against the spec file's folder; globs stay patterns for the engine. */
  private List<String> paths(Fields f) {
    YamlNode v = f.value("path");
    String expected = "a file path or a list of them";
    List<YamlNode.Scalar> written = new ArrayList<>();
    if (v == null) {
      values.missing(f, "path", "the event log file, such as data/api-*.parquet");
    } else if (v instanceof YamlNode.Scalar s && !s.isNull()) {
      written.add(s);
    } else if (v instanceof YamlNode.Sequence list && !list.items().isEmpty()) {
      for (YamlNode item : list.items()) {
        if (item instanceof YamlNode.Scalar s && !s.isNull()) {
          written.add(s);
        } else {
          problems.add(
              new Problem(item.location(), "a path must be text, found " + item.describe(), null));
        }
      }
    } else {
      values.wrongType(f, "path", v, expected);
    }
    List<String> resolved = new ArrayList<>();
    Path folder = file.toAbsolutePath().getParent();
    for (YamlNode.Scalar s : written) {
      if (s.text().isBlank()) {
        problems.add(new Problem(s.location(), "a path must not be empty", null));
        continue;
      }
      try {
        resolved.add(folder.resolve(s.text()).normalize().toString());
      } catch (InvalidPathException e) {
        problems.add(
            new Problem(s.location(), "'" + s.text() + "' is not a valid path", e.getReason()));
      }
    }
    return resolved;
  }

  /** The event time; {@code fallback} is the column when 'timestamp' is absent (null: required). */
  private EventTime eventTime(Fields f, String fallback) {
    String column =
        fallback != null && f.value("timestamp") == null
            ? fallback
            : values.requiredText(
                f, "timestamp", "a column name", "the column that holds each event's time");
    YamlNode.Scalar format =
        values.scalar(
            f, "timestamp_format", "auto, epoch_s, epoch_ms, epoch_us or a strptime pattern");
    EventTime.Encoding encoding = EventTime.Encoding.AUTO;
    String pattern = null;
    if (format != null) {
      String t = format.text();
      if (t.contains("%")) {
        encoding = EventTime.Encoding.PATTERN;
        pattern = t;
      } else if (TIME_FORMATS.contains(t)) {
        encoding = EventTime.Encoding.valueOf(t.toUpperCase(Locale.ROOT));
      } else {
        problems.add(
            new Problem(
                format.location(),
                "unknown timestamp_format '" + t + "'",
                NearestMatch.didYouMean(t, TIME_FORMATS)
                    .orElse(
                        "allowed: auto, epoch_s, epoch_ms, epoch_us, or a strptime pattern such as"
                            + " %Y-%m-%d %H:%M:%S")));
      }
    }
    ZoneId naiveZone = values.zone(f, "timestamp_zone");
    return column == null ? null : new EventTime(column, encoding, pattern, naiveZone);
  }

  private CsvDialect csv(Fields source) {
    YamlNode v = source.value("csv");
    if (v == null) return CsvDialect.SNIFF;
    if (!(v instanceof YamlNode.Mapping map)) {
      values.wrongType(source, "csv", v, "a map of CSV options");
      return CsvDialect.SNIFF;
    }
    Fields f = new Fields(map, SpecLevel.CSV, "'csv'", source.keyLocation("csv"), problems);
    String delimiter = delimiter(f);
    String quote = character(f, "quote");
    String escape = character(f, "escape");
    Boolean header = values.bool(f, "header");
    YamlNode.Scalar nullString =
        values.scalarAllowingEmpty(f, "null", "the text of a missing value");
    return new CsvDialect(
        delimiter, quote, escape, header, nullString == null ? null : nullString.text());
  }

  /** A field separator: any non-empty text, a tab ("\\t") and a space (" ") included. */
  private String delimiter(Fields f) {
    YamlNode.Scalar s =
        values.scalarAllowingEmpty(f, "delimiter", "a separator such as ';', \"\\t\" or \" \"");
    if (s == null) return null;
    if (s.text().isEmpty()) {
      problems.add(
          new Problem(
              s.location(),
              "'delimiter' is empty",
              "write a separator such as ';', \"\\t\" (a tab) or \" \" (a space)"));
      return null;
    }
    return s.text();
  }

  /** One character, such as a quote or escape character. */
  private String character(Fields f, String key) {
    YamlNode.Scalar s = values.scalarAllowingEmpty(f, key, "one character");
    if (s == null) return null;
    int length = s.text().codePointCount(0, s.text().length());
    if (length != 1) {
      problems.add(
          new Problem(
              s.location(),
              "'" + key + "' must be one character, found " + length,
              "such as '\"' or '\\\\'"));
      return null;
    }
    return s.text();
  }
}
