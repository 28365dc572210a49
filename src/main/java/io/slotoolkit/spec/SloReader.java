package io.slotoolkit.spec;

import io.slotoolkit.model.Alerting;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.Exclusion;
import io.slotoolkit.model.ExclusionScope;
import io.slotoolkit.model.LatencyUnit;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.Sli;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloMetadata;
import io.slotoolkit.model.SqlExpression;
import io.slotoolkit.model.TimeSlices;
import io.slotoolkit.model.Window;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads {@code slos:}: name, source, SLI, objective, window, grouping and tags of each SLO, and
 * keeps every declared name for the uniqueness checks.
 *
 * <p>Why this class is large: it is the reader of one section, {@code slos:}, and every key of an
 * SLO (with labels, annotations and links) is read here; exclusions and alerting already have their
 * own readers.
 */
final class SloReader {
  static final Pattern SLO_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  static final List<String> UNITS = List.of("ms", "s", "us");

  private final Path file;
  private final List<Problem> problems;
  private final ValueReader values;
  private final ExclusionReader exclusionReader;
  private final AlertingReader alertingReader;

  SloReader(ValueReader values, ExclusionReader exclusionReader, AlertingReader alertingReader) {
    this.file = values.file;
    this.problems = values.problems;
    this.values = values;
    this.exclusionReader = exclusionReader;
    this.alertingReader = alertingReader;
  }

  final List<SpecConverter.DeclaredSlo> declared = new ArrayList<>();

  List<Slo> slos(
      Fields top, String fileService, Map<String, DataSource> built, Set<String> sourceNames) {
    YamlNode v = top.value("slos");
    if (v == null) return List.of();
    if (!(v instanceof YamlNode.Sequence list)) {
      values.wrongType(top, "slos", v, "a list of SLOs, each starting with '- name:'");
      return List.of();
    }
    return values.eachMap(
        list,
        "an SLO must be a map of keys, found ",
        "start each SLO with '- name: ...'",
        map -> slo(map, fileService, built, sourceNames));
  }

  private Slo slo(
      YamlNode.Mapping map,
      String fileService,
      Map<String, DataSource> built,
      Set<String> sourceNames) {
    int before = problems.size();
    Fields f = new Fields(map, SpecLevel.SLO, "this SLO", map.location(), problems);
    YamlNode.Scalar nameNode =
        values.requiredScalar(f, "name", "a name such as api-latency", "such as api-latency");
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
    String description = values.text(f, "description", "text");
    String service = values.text(f, "service", "a service name");
    if (service == null) service = fileService;
    if (name != null)
      declared.add(new SpecConverter.DeclaredSlo(service, name, nameNode.location()));

    DataSource source = sourceReference(f, built, sourceNames);
    Sli sli = sli(f);
    Objective objective = objective(f);
    Window window = window(f);
    List<String> per = values.columns(f, "per");
    long minEvents = values.wholeNumber(f, "min_events");
    List<String> dimensions = values.columns(f, "dimensions");
    Alerting alerting = alertingReader.alerting(f);
    TimeSlices timeslices = timeslices(f, window);
    List<String> tags = tags(f);
    SloMetadata metadata = SloMetadata.merge(fileMetadata, metadata(f));
    List<Exclusion> excluded =
        exclusionReader.exclusions(
            f,
            new ExclusionScope.SloNamed(service + "/" + (name == null ? "-" : name)),
            source == null ? ZoneParser.UTC : source.zone());
    // A broken source has its own problems; the SLO reading it is left out without another one.
    if (problems.size() > before || source == null) return null;
    exclusionReader.collectedExclusions.addAll(excluded);
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
        metadata,
        timeslices);
  }

  static final List<String> BUDGETING = List.of("occurrences", "timeslices", "ratio_timeslices");

  static final List<String> EMPTY_SLICES = List.of("skip", "good", "bad");

  /**
   * {@code budgeting:}, {@code timeslice:} and {@code empty_slices:}: null for occurrences (the
   * default); every combination that would be silently ignored is a problem.
   */
  private TimeSlices timeslices(Fields slo, Window window) {
    int before = problems.size();
    String budgeting = values.oneOf(slo, "budgeting", BUDGETING, "occurrences");
    String empty = values.oneOf(slo, "empty_slices", EMPTY_SLICES, "skip");
    YamlNode v = slo.value("timeslice");
    if (problems.size() > before || budgeting == null) return null;
    if (budgeting.equals("occurrences")) {
      for (String key : List.of("timeslice", "empty_slices")) {
        if (slo.value(key) != null)
          problems.add(
              new Problem(
                  slo.keyLocation(key),
                  "'" + key + "' needs budgeting: timeslices or ratio_timeslices",
                  "add budgeting: timeslices, or remove '" + key + "'"));
      }
      return null;
    }
    if (v == null) {
      problems.add(
          new Problem(
              slo.keyLocation("budgeting"),
              "budgeting: " + budgeting + " needs 'timeslice'",
              budgeting.equals("timeslices")
                  ? "such as timeslice: {length: 5m, target: 99%}"
                  : "such as timeslice: {length: 5m}"));
      return null;
    }
    if (!(v instanceof YamlNode.Mapping map)) {
      values.wrongType(slo, "timeslice", v, "a map such as {length: 5m, target: 99%}");
      return null;
    }
    Fields f =
        new Fields(map, SpecLevel.TIMESLICE, "'timeslice'", slo.keyLocation("timeslice"), problems);
    Duration length = values.length(f, "length", true);
    if (length != null) {
      YamlNode.Scalar at = (YamlNode.Scalar) f.value("length");
      if (length.isZero()
          || length.toSeconds() % 60 != 0
          || TimeSlices.DAY.toSeconds() % length.toSeconds() != 0) {
        problems.add(
            new Problem(
                at.location(),
                "slice length " + at.text() + " does not fit a day a whole number of times",
                "use whole minutes that divide 24h, such as 1m, 5m, 15m, 1h or 1d"));
        length = null;
      } else if (window instanceof Window.Rolling r && length.compareTo(r.length()) > 0) {
        problems.add(
            new Problem(
                at.location(),
                "slice length " + at.text() + " is longer than the window " + r.label(),
                "a window must hold at least one slice; shorten the slice or lengthen the window"));
        length = null;
      }
    }
    BigDecimal target = null;
    YamlNode.Scalar t = values.scalar(f, "target", "a percent such as 99%");
    if (budgeting.equals("timeslices")) {
      if (t == null && f.value("target") == null) {
        values.missing(f, "target", "a slice is good when its own SLI meets it, such as 99%");
        return null;
      }
      if (t == null) return null;
      target = sliceTarget(t);
      if (target == null) return null;
    } else if (t != null) {
      problems.add(
          new Problem(
              f.keyLocation("target"),
              "ratio_timeslices has no slice target",
              "it averages the slices' own ratios; remove 'target', or use budgeting: timeslices"));
      return null;
    }
    if (length == null || problems.size() > before) return null;
    return new TimeSlices(
        budgeting.equals("timeslices")
            ? TimeSlices.Budgeting.TIMESLICES
            : TimeSlices.Budgeting.RATIO_TIMESLICES,
        length,
        target,
        TimeSlices.EmptySlices.valueOf(empty.toUpperCase(Locale.ROOT)));
  }

  /** A slice target: like an objective, and 100% allowed (a slice without a bad event). */
  private BigDecimal sliceTarget(YamlNode.Scalar s) {
    String text = s.text().strip();
    if (text.equals("100%") || text.equals("1") || text.equals("1.0")) return BigDecimal.ONE;
    try {
      return ObjectiveParser.parse(text).target();
    } catch (InvalidValueException e) {
      // the objective's own message says "exclusive", but a slice target may be 100%
      problems.add(
          new Problem(
              s.location(),
              "slice target " + text + " must be above 0% and at most 100%",
              "a slice is good when its own SLI meets the target, such as 99% or 100%"));
      return null;
    }
  }

  // ---- labels, annotations, links ----

  static final Pattern LABEL_KEY = Pattern.compile("[a-z0-9]([a-z0-9._/-]*[a-z0-9])?");
  static final Pattern URL = Pattern.compile("https?://\\S+");

  // labels, annotations and links of the file, merged into each SLO's own
  private SloMetadata fileMetadata = SloMetadata.EMPTY;

  /** Reads the file's own {@code labels:}, {@code annotations:} and {@code links:}. */
  void fileMetadata(Fields top) {
    fileMetadata = metadata(top);
  }

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
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (v == null) return out;
    if (!(v instanceof YamlNode.Mapping map)) {
      this.values.wrongType(
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
                ValueReader.at(e.value(), e.keyLocation()),
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
    String name = values.requiredText(f, "source", "the name of a source in this file", hint);
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
      values.missing(slo, "sli", "ratio: {good, total} or latency: {column, threshold}");
      return null;
    }
    if (!(v instanceof YamlNode.Mapping map)) {
      values.wrongType(slo, "sli", v, "a map with 'ratio' or 'latency'");
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
      values.wrongType(sli, "counts", v, "a map with 'good' and 'total'");
      return null;
    }
    Fields f = new Fields(map, SpecLevel.COUNTS, "'counts'", sli.keyLocation("counts"), problems);
    String number = "a SQL numeric expression such as \"requests - errors\"";
    SqlExpression good = values.expression(f, "good", true, number);
    SqlExpression total = values.expression(f, "total", true, number);
    return good == null || total == null ? null : new Sli.Counts(good, total);
  }

  private Sli ratio(Fields sli, YamlNode v) {
    if (!(v instanceof YamlNode.Mapping map)) {
      values.wrongType(sli, "ratio", v, "a map with 'good' and optionally 'total'");
      return null;
    }
    Fields f = new Fields(map, SpecLevel.RATIO, "'ratio'", sli.keyLocation("ratio"), problems);
    SqlExpression good = values.expression(f, "good", true);
    SqlExpression total = values.expression(f, "total", false);
    return good == null ? null : new Sli.Ratio(good, total);
  }

  private Sli latency(Fields sli, YamlNode v) {
    if (!(v instanceof YamlNode.Mapping map)) {
      values.wrongType(
          sli, "latency", v, "a map with 'column', 'threshold' and optionally 'unit', 'total'");
      return null;
    }
    Fields f =
        new Fields(map, SpecLevel.LATENCY, "'latency'", sli.keyLocation("latency"), problems);
    YamlNode.Scalar column =
        values.requiredScalar(
            f, "column", "a column name", "the column that holds each event's latency");
    String unitSymbol = values.oneOf(f, "unit", UNITS, "ms");
    LatencyUnit unit = unitSymbol == null ? LatencyUnit.MS : LatencyUnit.fromSymbol(unitSymbol);
    BigDecimal threshold = null;
    YamlNode.Scalar written =
        values.requiredScalar(
            f,
            "threshold",
            "a time such as 300ms",
            "good events are at most this slow, such as 300ms");
    if (written != null) {
      try {
        threshold = ThresholdParser.parse(written.value(), unit);
      } catch (InvalidValueException e) {
        values.invalid(written, e);
      }
    }
    SqlExpression total = values.expression(f, "total", false);
    if (column == null || threshold == null || unitSymbol == null) return null;
    return new Sli.Latency(
        column.text(), unit, threshold, written.text(), total, column.textLocation());
  }

  private Objective objective(Fields slo) {
    YamlNode.Scalar s =
        values.requiredScalar(
            slo,
            "objective",
            "a percent such as 99.5% or a ratio such as 0.995",
            "such as 99.5% or 0.995");
    if (s == null) return null;
    if (s.kind() == YamlNode.Kind.TRUE || s.kind() == YamlNode.Kind.FALSE) {
      values.wrongType(slo, "objective", s, "a percent such as 99.5% or a ratio such as 0.995");
      return null;
    }
    try {
      return ObjectiveParser.parse(s.value());
    } catch (InvalidValueException e) {
      values.invalid(s, e);
      return null;
    }
  }

  private Window window(Fields slo) {
    YamlNode.Scalar s =
        values.requiredScalar(
            slo,
            "window",
            "a window such as 28d or month",
            "28d or 36h for a rolling window; week, month, quarter or year");
    if (s == null) return null;
    try {
      return CalendarStart.read(WindowParser.parse(s.text()), slo, values);
    } catch (InvalidValueException e) {
      values.invalid(s, e);
      return null;
    }
  }

  void checkUniqueNames() {
    Map<String, SpecConverter.DeclaredSlo> first = new HashMap<>();
    for (SpecConverter.DeclaredSlo d : declared) {
      SpecConverter.DeclaredSlo earlier = first.putIfAbsent(d.name(), d);
      if (earlier != null) {
        problems.add(
            new Problem(
                d.location(),
                "SLO name '" + d.name() + "' is already used at line " + earlier.location().line(),
                "SLO names are unique within a file"));
      }
    }
  }

  static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  private List<String> tags(Fields slo) {
    YamlNode v = slo.value("tags");
    if (v == null) return List.of();
    List<YamlNode> items;
    if (v instanceof YamlNode.Scalar s && !s.isNull()) items = List.of(s);
    else if (v instanceof YamlNode.Sequence list) items = list.items();
    else {
      values.wrongType(slo, "tags", v, "a list of tags such as [critical, customer-facing]");
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
}
