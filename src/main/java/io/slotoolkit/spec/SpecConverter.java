package io.slotoolkit.spec;

import io.slotoolkit.model.AlertRule;
import io.slotoolkit.model.Alerting;
import io.slotoolkit.model.CsvDialect;
import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.EventTime;
import io.slotoolkit.model.Exclusion;
import io.slotoolkit.model.ExclusionScope;
import io.slotoolkit.model.ForecastEntry;
import io.slotoolkit.model.LatencyUnit;
import io.slotoolkit.model.LogFormat;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SeverityCondition;
import io.slotoolkit.model.SeverityLevel;
import io.slotoolkit.model.SeverityResponse;
import io.slotoolkit.model.Sli;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SloMetadata;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.SpecFile;
import io.slotoolkit.model.SqlExpression;
import io.slotoolkit.model.Window;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns one spec file's YAML tree into a {@link SpecFile}. Every check runs on every part, so one
 * pass reports every problem; a source or SLO with a problem is left out of the result.
 */
final class SpecConverter {
  static final Pattern SLO_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
  static final Pattern DERIVED_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9_][a-z0-9_-]*");
  static final List<String> FORMATS = List.of("auto", "csv", "parquet", "json", "access_log");
  static final List<String> LOG_FORMATS = List.of("common", "combined");
  static final List<String> UNITS = List.of("ms", "s", "us");

  /** The named timestamp formats; anything with a {@code %} is a strptime pattern. */
  static final List<String> TIME_FORMATS = List.of("auto", "epoch_s", "epoch_ms", "epoch_us");

  /**
   * An SLO name as declared, whether or not the rest of the SLO is valid, for the uniqueness
   * checks.
   *
   * @param service the SLO's service
   * @param name its name, valid
   * @param location where the name is written
   */
  record DeclaredSlo(String service, String name, SourceLocation location) {}

  /**
   * What one file gave.
   *
   * @param file its valid sources and SLOs; null when the file is not a map of keys at all
   * @param declared every SLO with a valid name, in file order
   */
  record Converted(SpecFile file, List<DeclaredSlo> declared) {}

  private final Path file;
  private final List<Problem> problems;
  private final List<DeclaredSlo> declared = new ArrayList<>();
  private final List<Exclusion> exclusions = new ArrayList<>();
  // labels, annotations and links of the file, merged into each SLO's own
  private SloMetadata fileMetadata = SloMetadata.EMPTY;

  /**
   * @param file the spec file as the user named it
   * @param problems where problems go
   */
  SpecConverter(Path file, List<Problem> problems) {
    this.file = file;
    this.problems = problems;
  }

  Converted convert(YamlNode root) {
    if (!(root instanceof YamlNode.Mapping map)) {
      problems.add(
          new Problem(
              root.location(),
              "a spec file must be a map of keys, found " + root.describe(),
              "allowed keys: " + String.join(", ", SpecLevel.FILE.keys())));
      return new Converted(null, List.of());
    }
    Fields top = new Fields(map, SpecLevel.FILE, "the spec file", map.location(), problems);
    version(top);
    String service = text(top, "service", "a service name");
    if (service == null) service = defaultService();
    Map<String, DataSource> sources = new LinkedHashMap<>();
    Set<String> sourceNames = new LinkedHashSet<>();
    sources(top, sources, sourceNames);
    fileMetadata = metadata(top);
    List<Slo> slos = slos(top, service, sources, sourceNames);
    checkUniqueNames();
    List<SeverityLevel> severity = severity(top);
    exclusionsFile(top, sources.values());
    List<ForecastEntry> forecasts =
        new ForecastConverter(this, problems).forecasts(top, service, sources, sourceNames);
    return new Converted(
        new SpecFile(
            file,
            service,
            List.copyOf(sources.values()),
            slos,
            List.copyOf(exclusions),
            severity,
            forecasts),
        List.copyOf(declared));
  }

  // ---- top level ----

  private void version(Fields top) {
    YamlNode v = top.value("version");
    if (v == null) {
      missing(top, "version", "add 'version: 1' at the top");
    } else if (v instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.INTEGER) {
      if (s.number().compareTo(BigDecimal.ONE) != 0) {
        problems.add(
            new Problem(
                s.location(), "unsupported version " + s.text(), "this slo reads version 1"));
      }
    } else {
      wrongType(top, "version", v, "1");
    }
  }

  /** The file name without its extension: {@code specs/homehub.yaml} serves {@code homehub}. */
  private String defaultService() {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  // ---- sources ----

  private void sources(Fields top, Map<String, DataSource> built, Set<String> names) {
    YamlNode v = top.value("sources");
    if (v == null) return;
    if (!(v instanceof YamlNode.Mapping map)) {
      wrongType(top, "sources", v, "a map of source names to sources");
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
              at(entry.value(), entry.keyLocation()),
              "source '" + name + "' must be a map of keys, found " + entry.value().describe(),
              "a source needs at least 'path' and 'timestamp'"));
      return null;
    }
    Fields f =
        new Fields(map, SpecLevel.SOURCE, "source '" + name + "'", entry.keyLocation(), problems);
    List<String> paths = paths(f);
    String format = oneOf(f, "format", FORMATS, "auto");
    if ("auto".equals(format) && !paths.isEmpty() && paths.stream().allMatch(SpecConverter::isLog))
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
    ZoneId zone = zone(f, "timezone");
    CsvDialect csv = csv(f);
    SqlExpression where = expression(f, "where", false);
    long maxBadRows = wholeNumber(f, "max_bad_rows");
    List<String> mask = columns(f, "mask");
    boolean missingColumnsNull = missingColumns(f);
    List<Exclusion> excluded = exclusions(f, new ExclusionScope.SourceNamed(name, file), zone);
    if (problems.size() > before) return null;
    exclusions.addAll(excluded);
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
        derived);
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
      String name = oneOf(f, "log_format", LOG_FORMATS, "combined");
      if (name == null) return null;
      return name.equals("common") ? LogFormat.COMMON : LogFormat.COMBINED;
    }
    if (!(v instanceof YamlNode.Mapping map)) {
      wrongType(f, "log_format", v, "common, combined, or {pattern: REGEX}");
      return null;
    }
    Fields p =
        new Fields(
            map, SpecLevel.LOG_FORMAT, "'log_format'", f.keyLocation("log_format"), problems);
    YamlNode.Scalar pattern =
        requiredScalar(
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
      wrongType(f, "columns", v, "a map of column names to SQL expressions");
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
                at(e.value(), e.keyLocation()),
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
      missing(f, "path", "the event log file, such as data/api-*.parquet");
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
      wrongType(f, "path", v, expected);
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
            : requiredText(
                f, "timestamp", "a column name", "the column that holds each event's time");
    YamlNode.Scalar format =
        scalar(f, "timestamp_format", "auto, epoch_s, epoch_ms, epoch_us or a strptime pattern");
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
    ZoneId naiveZone = zone(f, "timestamp_zone");
    return column == null ? null : new EventTime(column, encoding, pattern, naiveZone);
  }

  private CsvDialect csv(Fields source) {
    YamlNode v = source.value("csv");
    if (v == null) return CsvDialect.SNIFF;
    if (!(v instanceof YamlNode.Mapping map)) {
      wrongType(source, "csv", v, "a map of CSV options");
      return CsvDialect.SNIFF;
    }
    Fields f = new Fields(map, SpecLevel.CSV, "'csv'", source.keyLocation("csv"), problems);
    String delimiter = delimiter(f);
    String quote = character(f, "quote");
    String escape = character(f, "escape");
    Boolean header = bool(f, "header");
    YamlNode.Scalar nullString = scalarAllowingEmpty(f, "null", "the text of a missing value");
    return new CsvDialect(
        delimiter, quote, escape, header, nullString == null ? null : nullString.text());
  }

  /** A field separator: any non-empty text, a tab ("\\t") and a space (" ") included. */
  private String delimiter(Fields f) {
    YamlNode.Scalar s =
        scalarAllowingEmpty(f, "delimiter", "a separator such as ';', \"\\t\" or \" \"");
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
    YamlNode.Scalar s = scalarAllowingEmpty(f, key, "one character");
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

  // ---- SLOs ----

  private List<Slo> slos(
      Fields top, String fileService, Map<String, DataSource> built, Set<String> sourceNames) {
    YamlNode v = top.value("slos");
    if (v == null) return List.of();
    if (!(v instanceof YamlNode.Sequence list)) {
      wrongType(top, "slos", v, "a list of SLOs, each starting with '- name:'");
      return List.of();
    }
    List<Slo> slos = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (item instanceof YamlNode.Mapping map) {
        Slo slo = slo(map, fileService, built, sourceNames);
        if (slo != null) slos.add(slo);
      } else {
        problems.add(
            new Problem(
                item.location(),
                "an SLO must be a map of keys, found " + item.describe(),
                "start each SLO with '- name: ...'"));
      }
    }
    return slos;
  }

  private Slo slo(
      YamlNode.Mapping map,
      String fileService,
      Map<String, DataSource> built,
      Set<String> sourceNames) {
    int before = problems.size();
    Fields f = new Fields(map, SpecLevel.SLO, "this SLO", map.location(), problems);
    YamlNode.Scalar nameNode =
        requiredScalar(f, "name", "a name such as api-latency", "such as api-latency");
    String name = nameNode == null ? null : nameNode.text();
    if (name != null && !SLO_NAME.matcher(name).matches()) {
      problems.add(
          new Problem(
              nameNode.location(),
              "SLO name '" + name + "' is not allowed",
              "use lowercase letters, digits and '-', not starting with '-', such as '"
                  + slug(name)
                  + "'"));
      name = null;
    }
    if (name != null) f = f.named("SLO '" + name + "'");
    String description = text(f, "description", "text");
    String service = text(f, "service", "a service name");
    if (service == null) service = fileService;
    if (name != null) declared.add(new DeclaredSlo(service, name, nameNode.location()));

    DataSource source = sourceReference(f, built, sourceNames);
    Sli sli = sli(f);
    Objective objective = objective(f);
    Window window = window(f);
    List<String> per = columns(f, "per");
    long minEvents = wholeNumber(f, "min_events");
    List<String> dimensions = columns(f, "dimensions");
    Alerting alerting = alerting(f);
    List<String> tags = tags(f);
    SloMetadata metadata = SloMetadata.merge(fileMetadata, metadata(f));
    List<Exclusion> excluded =
        exclusions(
            f,
            new ExclusionScope.SloNamed(service + "/" + (name == null ? "-" : name)),
            source == null ? ZoneParser.UTC : source.zone());
    // A broken source has its own problems; the SLO reading it is left out without another one.
    if (problems.size() > before || source == null) return null;
    exclusions.addAll(excluded);
    return new Slo(
        name,
        service,
        description,
        source,
        sli,
        objective,
        window,
        per,
        minEvents,
        map.location(),
        dimensions,
        alerting,
        tags,
        metadata);
  }

  // ---- labels, annotations, links ----

  static final Pattern LABEL_KEY = Pattern.compile("[a-z0-9]([a-z0-9._/-]*[a-z0-9])?");
  static final Pattern URL = Pattern.compile("https?://\\S+");

  /** {@code labels:}, {@code annotations:} and {@code links:} of a file or an SLO. */
  private SloMetadata metadata(Fields f) {
    return new SloMetadata(
        textMap(f, "labels", LABEL_KEY, null),
        textMap(f, "annotations", null, null),
        textMap(f, "links", LABEL_KEY, URL));
  }

  /** A map of keys to text; keys (and values) checked against a pattern when one is given. */
  private Map<String, String> textMap(Fields f, String key, Pattern keys, Pattern values) {
    YamlNode v = f.value(key);
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null) return out;
    if (!(v instanceof YamlNode.Mapping map)) {
      wrongType(
          f,
          key,
          v,
          key.equals("links")
              ? "a map of names to URLs, such as {runbook: https://...}"
              : "a map of keys to text, such as {team: payments}");
      return out;
    }
    for (YamlNode.Entry e : map.entries()) {
      if (keys != null && !keys.matcher(e.key()).matches()) {
        problems.add(
            new Problem(
                e.keyLocation(),
                "'" + e.key() + "' is not allowed as a key of '" + key + "'",
                "use lowercase letters, digits and . _ / -, such as team or runbook"));
        continue;
      }
      if (!(e.value() instanceof YamlNode.Scalar s) || s.isNull()) {
        problems.add(
            new Problem(
                at(e.value(), e.keyLocation()),
                "'"
                    + key
                    + "' value of '"
                    + e.key()
                    + "' must be text, found "
                    + e.value().describe(),
                null));
        continue;
      }
      if (values != null && !values.matcher(s.value().strip()).matches()) {
        problems.add(
            new Problem(
                s.location(),
                "link '" + e.key() + "' must be an http or https URL, found " + s.describe(),
                "such as https://wiki.example.com/runbooks/" + e.key()));
        continue;
      }
      out.put(e.key(), s.value().strip());
    }
    return out;
  }

  /** A valid name close to what was written: {@code API_Latency} becomes {@code api-latency}. */
  static String slug(String name) {
    String s =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "api-latency" : s;
  }

  DataSource sourceReference(Fields f, Map<String, DataSource> built, Set<String> sourceNames) {
    String hint =
        sourceNames.isEmpty()
            ? "this file defines no sources; add them under 'sources'"
            : "this file defines "
                + sourceNames.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    String name = requiredText(f, "source", "the name of a source in this file", hint);
    if (name == null) return null;
    DataSource source = built.get(name);
    if (source == null && !sourceNames.contains(name)) {
      String near = NearestMatch.didYouMean(name, sourceNames).map(d -> "; " + d).orElse("");
      problems.add(
          new Problem(f.value("source").location(), "unknown source '" + name + "'", hint + near));
    }
    return source;
  }

  private Sli sli(Fields slo) {
    YamlNode v = slo.value("sli");
    if (v == null) {
      missing(slo, "sli", "ratio: {good, total} or latency: {column, threshold}");
      return null;
    }
    if (!(v instanceof YamlNode.Mapping map)) {
      wrongType(slo, "sli", v, "a map with 'ratio' or 'latency'");
      return null;
    }
    Fields f = new Fields(map, SpecLevel.SLI, "'sli'", slo.keyLocation("sli"), problems);
    YamlNode ratio = f.value("ratio");
    YamlNode latency = f.value("latency");
    YamlNode counts = f.value("counts");
    if (counts != null) {
      if (ratio != null || latency != null) {
        problems.add(
            new Problem(
                slo.keyLocation("sli"),
                "'sli' has 'counts' and '" + (ratio != null ? "ratio" : "latency") + "'",
                "an SLO measures one of them; split it into two SLOs"));
        return null;
      }
      return counts(f, counts);
    }
    if (ratio != null && latency != null) {
      problems.add(
          new Problem(
              slo.keyLocation("sli"),
              "'sli' has both 'ratio' and 'latency'",
              "an SLO measures one of them; split it into two SLOs"));
    } else if (ratio == null && latency == null && !f.hasUnknownKeys()) {
      // With an unknown key (a misspelt 'ratio', say) that problem already tells what to fix.
      problems.add(
          new Problem(
              slo.keyLocation("sli"),
              "'sli' needs 'ratio', 'latency' or 'counts'",
              "ratio: {good, total} counts good rows; latency: {column, threshold} counts fast ones;"
                  + " counts: {good, total} sums counts the rows already hold"));
    }
    Sli r = ratio == null ? null : ratio(f, ratio);
    Sli l = latency == null ? null : latency(f, latency);
    return r != null && l != null ? null : r != null ? r : l;
  }

  private Sli counts(Fields sli, YamlNode v) {
    if (!(v instanceof YamlNode.Mapping map)) {
      wrongType(sli, "counts", v, "a map with 'good' and 'total'");
      return null;
    }
    Fields f = new Fields(map, SpecLevel.COUNTS, "'counts'", sli.keyLocation("counts"), problems);
    String number = "a SQL numeric expression such as \"requests - errors\"";
    SqlExpression good = expression(f, "good", true, number);
    SqlExpression total = expression(f, "total", true, number);
    return good == null || total == null ? null : new Sli.Counts(good, total);
  }

  private Sli ratio(Fields sli, YamlNode v) {
    if (!(v instanceof YamlNode.Mapping map)) {
      wrongType(sli, "ratio", v, "a map with 'good' and optionally 'total'");
      return null;
    }
    Fields f = new Fields(map, SpecLevel.RATIO, "'ratio'", sli.keyLocation("ratio"), problems);
    SqlExpression good = expression(f, "good", true);
    SqlExpression total = expression(f, "total", false);
    return good == null ? null : new Sli.Ratio(good, total);
  }

  private Sli latency(Fields sli, YamlNode v) {
    if (!(v instanceof YamlNode.Mapping map)) {
      wrongType(
          sli, "latency", v, "a map with 'column', 'threshold' and optionally 'unit', 'total'");
      return null;
    }
    Fields f =
        new Fields(map, SpecLevel.LATENCY, "'latency'", sli.keyLocation("latency"), problems);
    YamlNode.Scalar column =
        requiredScalar(f, "column", "a column name", "the column that holds each event's latency");
    String unitSymbol = oneOf(f, "unit", UNITS, "ms");
    LatencyUnit unit = unitSymbol == null ? LatencyUnit.MS : LatencyUnit.fromSymbol(unitSymbol);
    BigDecimal threshold = null;
    YamlNode.Scalar written =
        requiredScalar(
            f,
            "threshold",
            "a time such as 300ms",
            "good events are at most this slow, such as 300ms");
    if (written != null) {
      try {
        threshold = ThresholdParser.parse(written.value(), unit);
      } catch (InvalidValueException e) {
        invalid(written, e);
      }
    }
    SqlExpression total = expression(f, "total", false);
    if (column == null || threshold == null || unitSymbol == null) return null;
    return new Sli.Latency(
        column.text(), unit, threshold, written.text(), total, column.textLocation());
  }

  private Objective objective(Fields slo) {
    YamlNode.Scalar s =
        requiredScalar(
            slo,
            "objective",
            "a percent such as 99.5% or a ratio such as 0.995",
            "such as 99.5% or 0.995");
    if (s == null) return null;
    if (s.kind() == YamlNode.Kind.TRUE || s.kind() == YamlNode.Kind.FALSE) {
      wrongType(slo, "objective", s, "a percent such as 99.5% or a ratio such as 0.995");
      return null;
    }
    try {
      return ObjectiveParser.parse(s.value());
    } catch (InvalidValueException e) {
      invalid(s, e);
      return null;
    }
  }

  private Window window(Fields slo) {
    YamlNode.Scalar s =
        requiredScalar(
            slo,
            "window",
            "a window such as 28d or month",
            "28d or 36h for a rolling window; week, month or quarter");
    if (s == null) return null;
    try {
      return WindowParser.parse(s.text());
    } catch (InvalidValueException e) {
      invalid(s, e);
      return null;
    }
  }

  /** A column name or a list of them under {@code key} ({@code per}, {@code dimensions}, ...). */
  private List<String> columns(Fields slo, String key) {
    YamlNode v = slo.value(key);
    if (v == null) return List.of();
    String expected = "a column name or a list of them";
    List<YamlNode> items;
    if (v instanceof YamlNode.Scalar s && !s.isNull()) {
      items = List.of(s);
    } else if (v instanceof YamlNode.Sequence list) {
      items = list.items();
    } else {
      wrongType(slo, key, v, expected);
      return List.of();
    }
    List<String> columns = new ArrayList<>();
    for (YamlNode item : items) {
      if (!(item instanceof YamlNode.Scalar s) || s.isNull() || s.text().isBlank()) {
        problems.add(
            new Problem(
                item.location(),
                "a '" + key + "' column must be a name, found " + item.describe(),
                null));
      } else if (columns.contains(s.text())) {
        problems.add(
            new Problem(s.location(), "'" + key + "' lists column '" + s.text() + "' twice", null));
      } else {
        columns.add(s.text());
      }
    }
    return columns;
  }

  private void checkUniqueNames() {
    Map<String, DeclaredSlo> first = new HashMap<>();
    for (DeclaredSlo d : declared) {
      DeclaredSlo earlier = first.putIfAbsent(d.name(), d);
      if (earlier != null) {
        problems.add(
            new Problem(
                d.location(),
                "SLO name '" + d.name() + "' is already used at line " + earlier.location().line(),
                "SLO names are unique within a file"));
      }
    }
  }

  // ---- alerts, tags, exclusions, severity ----

  static final Pattern LENGTH =
      Pattern.compile("(?=[0-9])(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?");
  static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_-]*");
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

  /** {@code alerts:} as a list of pairs, or a map with {@code pairs} and {@code min_events}. */
  private Alerting alerting(Fields slo) {
    YamlNode v = slo.value("alerts");
    if (v == null) return Alerting.DEFAULT;
    SourceLocation at = slo.keyLocation("alerts");
    if (v instanceof YamlNode.Sequence list) return new Alerting(pairs(list), 0, at);
    if (!(v instanceof YamlNode.Mapping map)) {
      wrongType(
          slo,
          "alerts",
          v,
          "a list of window pairs ({long, short, factor, severity}) or a map with 'pairs' and"
              + " 'min_events'");
      return Alerting.DEFAULT;
    }
    Fields f = new Fields(map, SpecLevel.ALERTS, "'alerts'", at, problems);
    long minEvents = wholeNumber(f, "min_events");
    YamlNode p = f.value("pairs");
    List<AlertRule> rules = null;
    if (p instanceof YamlNode.Sequence list) rules = pairs(list);
    else if (p != null) wrongType(f, "pairs", p, "a list of window pairs");
    return new Alerting(rules, minEvents, at);
  }

  private List<AlertRule> pairs(YamlNode.Sequence list) {
    List<AlertRule> rules = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (!(item instanceof YamlNode.Mapping map)) {
        problems.add(
            new Problem(
                item.location(),
                "an alert pair must be a map, found " + item.describe(),
                "such as {long: 1h, short: 5m, factor: 14.4, severity: page}"));
        continue;
      }
      int before = problems.size();
      Fields f = new Fields(map, SpecLevel.ALERT_PAIR, "this alert pair", map.location(), problems);
      Duration longWindow = length(f, "long", true);
      Duration shortWindow = length(f, "short", true);
      BigDecimal factor = null;
      YamlNode.Scalar fs =
          requiredScalar(f, "factor", "a burn-rate factor such as 14.4", "such as factor: 14.4");
      if (fs != null) {
        if (fs.kind() == YamlNode.Kind.INTEGER || fs.kind() == YamlNode.Kind.DECIMAL) {
          factor = fs.number();
        } else {
          wrongType(f, "factor", fs, "a number such as 14.4");
        }
      }
      String severity =
          requiredText(f, "severity", "a lower-case name such as page", "page or ticket");
      if (problems.size() > before) continue;
      List<String> wrong = AlertRule.problems(longWindow, shortWindow, factor, severity);
      for (String w : wrong) problems.add(Problem.of(map.location(), w));
      if (wrong.isEmpty()) {
        rules.add(new AlertRule(longWindow, shortWindow, factor, severity, map.location()));
      }
    }
    return rules;
  }

  /** A length such as {@code 5m}, {@code 1h}, {@code 3d} or {@code 90s}. */
  private Duration length(Fields f, String key, boolean required) {
    String expected = "a length such as 5m, 1h or 3d";
    YamlNode.Scalar s =
        required ? requiredScalar(f, key, expected, expected) : scalar(f, key, expected);
    if (s == null) return null;
    java.util.regex.Matcher m = LENGTH.matcher(s.text().strip());
    if (!m.matches()) {
      problems.add(
          new Problem(
              s.location(),
              "'" + key + "' must be a length, found " + s.describe(),
              "write a number and s, m, h or d, such as 5m, 1h, 3d or 5h36m"));
      return null;
    }
    long seconds = 0;
    long[] unit = {86_400, 3_600, 60, 1};
    for (int g = 1; g <= 4; g++) {
      if (m.group(g) == null) continue;
      long n;
      try {
        n = Long.parseLong(m.group(g));
      } catch (NumberFormatException e) {
        n = Long.MAX_VALUE / unit[0];
      }
      seconds =
          Math.min(
              Long.MAX_VALUE / 2, seconds + Math.min(n, Long.MAX_VALUE / unit[0]) * unit[g - 1]);
    }
    if (seconds > WindowParser.MAX_DAYS * 86_400) {
      problems.add(new Problem(s.location(), "'" + key + "' is too long: " + s.text(), null));
      return null;
    }
    return Duration.ofSeconds(seconds);
  }

  private List<String> tags(Fields slo) {
    YamlNode v = slo.value("tags");
    if (v == null) return List.of();
    List<YamlNode> items;
    if (v instanceof YamlNode.Scalar s && !s.isNull()) items = List.of(s);
    else if (v instanceof YamlNode.Sequence list) items = list.items();
    else {
      wrongType(slo, "tags", v, "a list of tags such as [critical, customer-facing]");
      return List.of();
    }
    List<String> tags = new ArrayList<>();
    for (YamlNode item : items) {
      if (!(item instanceof YamlNode.Scalar s) || s.isNull() || !TAG.matcher(s.text()).matches()) {
        problems.add(
            new Problem(
                item.location(),
                "a tag must be a lower-case word, found " + item.describe(),
                "use lowercase letters, digits, '_' and '-', such as critical"));
      } else if (tags.contains(s.text())) {
        problems.add(new Problem(s.location(), "tag '" + s.text() + "' is listed twice", null));
      } else {
        tags.add(s.text());
      }
    }
    return tags;
  }

  /** {@code exclude:} of an SLO or a source. */
  private List<Exclusion> exclusions(Fields owner, ExclusionScope scope, ZoneId zone) {
    YamlNode v = owner.value("exclude");
    if (v == null) return List.of();
    if (!(v instanceof YamlNode.Sequence list)) {
      wrongType(
          owner, "exclude", v, "a list of exclusions, each with start/end or weekly, and a reason");
      return List.of();
    }
    List<Exclusion> out = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (!(item instanceof YamlNode.Mapping map)) {
        problems.add(
            new Problem(
                item.location(),
                "an exclusion must be a map, found " + item.describe(),
                "such as {start: 2026-03-01T02:00Z, end: 2026-03-01T04:00Z, reason: db upgrade}"));
        continue;
      }
      Exclusion e = exclusion(map, scope, zone);
      if (e != null) out.add(e);
    }
    return out;
  }

  private Exclusion exclusion(YamlNode.Mapping map, ExclusionScope scope, ZoneId zone) {
    int before = problems.size();
    Fields f = new Fields(map, SpecLevel.EXCLUSION, "this exclusion", map.location(), problems);
    String reason =
        requiredText(f, "reason", "text", "say why, such as 'planned database upgrade'");
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
      wrongType(f, "weekly", weekly, "a map with days, from and to");
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
        requiredScalar(
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
      missing(w, "days", "such as days: [sat, sun]");
      return null;
    }
    List<YamlNode> items;
    if (v instanceof YamlNode.Scalar s && !s.isNull()) items = List.of(s);
    else if (v instanceof YamlNode.Sequence list && !list.items().isEmpty()) items = list.items();
    else {
      wrongType(w, "days", v, "a list of days such as [sat, sun]");
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
    YamlNode.Scalar s = requiredScalar(w, key, "a time such as \"02:00\"", "such as \"02:00\"");
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
  private void exclusionsFile(Fields top, java.util.Collection<DataSource> sources) {
    YamlNode.Scalar s = scalar(top, "exclusions_file", "a CSV file path");
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
      exclusions.addAll(
          ExclusionsCsv.read(file.resolveSibling(s.text().strip()).normalize(), zone));
    } catch (SloException e) {
      if (e.problems().isEmpty()) problems.add(new Problem(s.location(), e.getMessage(), e.hint()));
      else problems.addAll(e.problems());
    }
  }

  /** {@code severity:}: the levels, highest first. */
  private List<SeverityLevel> severity(Fields top) {
    YamlNode v = top.value("severity");
    if (v == null) return List.of();
    if (!(v instanceof YamlNode.Sequence list) || list.items().isEmpty()) {
      wrongType(top, "severity", v, "a list of levels, highest first, each with name and when");
      return List.of();
    }
    List<SeverityLevel> levels = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (!(item instanceof YamlNode.Mapping map)) {
        problems.add(
            new Problem(
                item.location(),
                "a severity level must be a map, found " + item.describe(),
                "such as {name: SEV1, when: [{alert: page}], response: {who: on-call}}"));
        continue;
      }
      SeverityLevel l = level(map);
      if (l != null) levels.add(l);
    }
    return levels;
  }

  private SeverityLevel level(YamlNode.Mapping map) {
    int before = problems.size();
    Fields f =
        new Fields(map, SpecLevel.SEVERITY_LEVEL, "this severity level", map.location(), problems);
    YamlNode.Scalar name = requiredScalar(f, "name", "a name such as SEV1", "such as SEV1");
    if (name != null && !name.text().matches("[A-Za-z][A-Za-z0-9_-]*")) {
      problems.add(
          new Problem(
              name.location(),
              "severity level name '" + name.text() + "' is not allowed",
              "start with a letter; use letters, digits, '-' and '_', such as SEV1"));
    }
    List<SeverityCondition> conditions = new ArrayList<>();
    YamlNode when = f.value("when");
    if (when == null) missing(f, "when", "the conditions, any of which selects this level");
    else if (!(when instanceof YamlNode.Sequence list)) {
      wrongType(f, "when", when, "a list of conditions");
    } else {
      for (YamlNode c : list.items()) {
        SeverityCondition cond = condition(c);
        if (cond != null) conditions.add(cond);
      }
    }
    SeverityResponse response = response(f);
    if (problems.size() > before) return null;
    return new SeverityLevel(name.text(), conditions, response, map.location());
  }

  private SeverityCondition condition(YamlNode node) {
    if (!(node instanceof YamlNode.Mapping map)) {
      problems.add(
          new Problem(
              node.location(),
              "a severity condition must be a map, found " + node.describe(),
              "such as {alert: page, tag: critical} or {budget_below: 25%}"));
      return null;
    }
    Fields f = new Fields(map, SpecLevel.CONDITION, "this condition", map.location(), problems);
    List<String> kinds = new ArrayList<>();
    for (String k :
        List.of(
            "alert", "groups_breached_over", "traffic_breached_over", "budget_below", "status")) {
      if (f.value(k) != null) kinds.add(k);
    }
    if (kinds.size() != 1) {
      if (kinds.isEmpty() && f.hasUnknownKeys()) return null;
      problems.add(
          new Problem(
              map.location(),
              kinds.isEmpty()
                  ? "a severity condition needs one of alert, groups_breached_over,"
                      + " traffic_breached_over, budget_below, status"
                  : "a severity condition has one test, found " + String.join(" and ", kinds),
              "write one condition per list item; any of them selects the level"));
      return null;
    }
    if (f.value("tag") != null && !kinds.get(0).equals("alert")) {
      problems.add(
          new Problem(
              f.keyLocation("tag"),
              "'tag' goes only with 'alert'",
              "such as {alert: page, tag: critical}"));
      return null;
    }
    if (f.value("label") != null && !kinds.get(0).equals("alert")) {
      problems.add(
          new Problem(
              f.keyLocation("label"),
              "'label' goes only with 'alert'",
              "such as {alert: page, label: team=payments}"));
      return null;
    }
    if (f.value("tag") != null && f.value("label") != null) {
      problems.add(
          new Problem(
              f.keyLocation("label"),
              "a condition selects SLOs by 'tag' or by 'label', not both",
              "write two conditions"));
      return null;
    }
    switch (kinds.get(0)) {
      case "alert" -> {
        String sev = text(f, "alert", "an alert severity such as page");
        String tag = text(f, "tag", "a tag such as critical");
        String label = text(f, "label", "a label such as team=payments");
        if (label != null) {
          int eq = label.indexOf('=');
          if (eq <= 0 || !LABEL_KEY.matcher(label.substring(0, eq)).matches()) {
            problems.add(
                new Problem(
                    f.keyLocation("label"),
                    "'label' must be key=value, found '" + label + "'",
                    "such as team=payments"));
            return null;
          }
          // an SLO's selectors hold its tags and its labels as key=value (tags have no '=')
          tag = label.substring(0, eq).strip() + "=" + label.substring(eq + 1).strip();
        }
        return sev == null ? null : new SeverityCondition.AlertFired(sev, tag);
      }
      case "groups_breached_over" -> {
        YamlNode.Scalar s = scalar(f, "groups_breached_over", "a whole number of groups");
        if (s == null) return null;
        if (s.kind() != YamlNode.Kind.INTEGER || s.number().signum() < 0) {
          wrongType(f, "groups_breached_over", s, "a whole number of 0 or more");
          return null;
        }
        return new SeverityCondition.GroupsBreachedOver(s.number().longValue());
      }
      case "traffic_breached_over" -> {
        BigDecimal share = share(f, "traffic_breached_over");
        if (share == null) return null;
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) >= 0) {
          problems.add(
              new Problem(
                  f.value("traffic_breached_over").location(),
                  "'traffic_breached_over' must be from 0% to below 100%",
                  null));
          return null;
        }
        return new SeverityCondition.TrafficBreachedOver(share);
      }
      case "budget_below" -> {
        BigDecimal share = share(f, "budget_below");
        if (share == null) return null;
        if (share.compareTo(BigDecimal.ONE) > 0) {
          problems.add(
              new Problem(
                  f.value("budget_below").location(),
                  "'budget_below' must be at most 100%",
                  "such as 25%"));
          return null;
        }
        return new SeverityCondition.BudgetBelow(share);
      }
      default -> {
        String st = text(f, "status", "breached");
        if (st == null) return null;
        if (!st.equalsIgnoreCase("breached")) {
          problems.add(
              new Problem(
                  f.value("status").location(),
                  "unknown status condition '" + st + "'",
                  "the only status condition is 'status: breached'"));
          return null;
        }
        return new SeverityCondition.Breached();
      }
    }
  }

  /** A percent ({@code 25%}) or a ratio ({@code 0.25}) as a ratio. */
  private BigDecimal share(Fields f, String key) {
    YamlNode.Scalar s = scalar(f, key, "a percent such as 25%");
    if (s == null) return null;
    String t = s.text().strip();
    try {
      if (t.endsWith("%"))
        return new BigDecimal(t.substring(0, t.length() - 1).strip()).movePointLeft(2);
      if (s.number() != null) return s.number();
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        new Problem(
            s.location(), "'" + key + "' must be a percent, found " + s.describe(), "such as 25%"));
    return null;
  }

  private SeverityResponse response(Fields level) {
    YamlNode v = level.value("response");
    if (v == null) return null;
    if (v instanceof YamlNode.Scalar s && !s.isNull() && !s.text().isBlank()) {
      return new SeverityResponse(s.text(), false, null);
    }
    if (!(v instanceof YamlNode.Mapping map)) {
      wrongType(level, "response", v, "a map with who, out_of_hours and within");
      return null;
    }
    Fields f =
        new Fields(map, SpecLevel.RESPONSE, "'response'", level.keyLocation("response"), problems);
    String who =
        requiredText(f, "who", "who is called", "who is called, such as 'payments on-call'");
    Boolean outOfHours = bool(f, "out_of_hours");
    Duration within = length(f, "within", false);
    if (within != null && within.isZero()) {
      problems.add(
          new Problem(f.value("within").location(), "'within' must be longer than zero", null));
      return null;
    }
    return who == null ? null : new SeverityResponse(who, Boolean.TRUE.equals(outOfHours), within);
  }

  // ---- values ----

  /**
   * A non-empty scalar, or null: when absent (the caller reports it if required) or wrong (reported
   * here).
   */
  YamlNode.Scalar scalar(Fields f, String key, String expected) {
    YamlNode.Scalar s = scalarAllowingEmpty(f, key, expected);
    if (s != null && s.text().isBlank()) {
      problems.add(new Problem(s.location(), "'" + key + "' is empty", "write " + expected));
      return null;
    }
    return s;
  }

  YamlNode.Scalar scalarAllowingEmpty(Fields f, String key, String expected) {
    YamlNode v = f.value(key);
    if (v == null) return null;
    if (v instanceof YamlNode.Scalar s && !s.isNull()) return s;
    wrongType(f, key, v, expected);
    return null;
  }

  String text(Fields f, String key, String expected) {
    YamlNode.Scalar s = scalar(f, key, expected);
    return s == null ? null : s.text();
  }

  /** Like {@link #scalar}, and an absent key is reported as missing. */
  YamlNode.Scalar requiredScalar(Fields f, String key, String expected, String missingHint) {
    if (f.value(key) == null) {
      missing(f, key, missingHint);
      return null;
    }
    return scalar(f, key, expected);
  }

  private String requiredText(Fields f, String key, String expected, String missingHint) {
    YamlNode.Scalar s = requiredScalar(f, key, expected, missingHint);
    return s == null ? null : s.text();
  }

  /** One of a few words; {@code fallback} when absent, null when wrong. */
  String oneOf(Fields f, String key, List<String> allowed, String fallback) {
    YamlNode.Scalar s = scalar(f, key, String.join(", ", allowed));
    if (s == null) return f.value(key) == null ? fallback : null;
    if (allowed.contains(s.text())) return s.text();
    problems.add(
        new Problem(
            s.location(),
            "unknown " + key + " '" + s.text() + "'",
            NearestMatch.didYouMean(s.text(), allowed)
                .orElse("allowed: " + String.join(", ", allowed))));
    return null;
  }

  /** A SQL boolean expression, located at its first character for the engine's messages. */
  SqlExpression expression(Fields f, String key, boolean required) {
    return expression(f, key, required, "a SQL boolean expression such as \"status < 500\"");
  }

  /** A SQL expression of another kind than a test, described by {@code expected}. */
  SqlExpression expression(Fields f, String key, boolean required, String expected) {
    YamlNode.Scalar s =
        required ? requiredScalar(f, key, expected, expected) : scalar(f, key, expected);
    if (s == null) return null;
    // Only trailing blanks go (a block scalar ends in a newline); leading ones stay so that an
    // offset into the text is also a column offset from the location.
    return new SqlExpression(s.text().stripTrailing(), s.textLocation());
  }

  private ZoneId zone(Fields f, String key) {
    YamlNode.Scalar s = scalar(f, key, "an IANA time zone such as Europe/Berlin");
    if (s == null) return ZoneParser.UTC;
    try {
      return ZoneParser.parse(s.text());
    } catch (InvalidValueException e) {
      invalid(s, e);
      return ZoneParser.UTC;
    }
  }

  /** A whole number of 0 or more; 0 when absent. */
  long wholeNumber(Fields f, String key) {
    String expected = "a whole number of 0 or more";
    YamlNode.Scalar s = scalarAllowingEmpty(f, key, expected);
    if (s == null) return 0;
    if (s.kind() != YamlNode.Kind.INTEGER) {
      wrongType(f, key, s, expected);
      return 0;
    }
    if (s.number().signum() < 0) {
      problems.add(
          new Problem(s.location(), "'" + key + "' must be 0 or more, found " + s.text(), null));
      return 0;
    }
    try {
      return s.number().longValueExact();
    } catch (ArithmeticException e) {
      problems.add(new Problem(s.location(), "'" + key + "' is too large: " + s.text(), null));
      return 0;
    }
  }

  private Boolean bool(Fields f, String key) {
    YamlNode.Scalar s = scalarAllowingEmpty(f, key, "true or false");
    if (s == null) return null;
    if (s.kind() == YamlNode.Kind.TRUE) return true;
    if (s.kind() == YamlNode.Kind.FALSE) return false;
    wrongType(f, key, s, "true or false");
    return null;
  }

  // ---- problems ----

  void missing(Fields f, String key, String hint) {
    if (f.suggests(key)) return;
    problems.add(new Problem(f.ownerLocation(), f.owner() + " is missing '" + key + "'", hint));
  }

  void wrongType(Fields f, String key, YamlNode v, String expected) {
    String hint = null;
    if (v instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.STRING) {
      // "30" in quotes is text to YAML; the fix is to drop the quotes.
      if (s.text().strip().matches("[0-9]+") || s.text().strip().matches("true|false")) {
        hint = "write " + s.text().strip() + " without quotes";
      }
    }
    problems.add(
        new Problem(
            at(v, f.keyLocation(key)),
            "'" + key + "' must be " + expected + ", found " + v.describe(),
            hint));
  }

  void invalid(YamlNode.Scalar s, InvalidValueException e) {
    problems.add(new Problem(s.location(), e.getMessage(), e.hint()));
  }

  /** Where to point at a value: at the key when the value is missing. */
  static SourceLocation at(YamlNode v, SourceLocation keyLocation) {
    return v instanceof YamlNode.Scalar s && s.isNull() ? keyLocation : v.location();
  }
}
