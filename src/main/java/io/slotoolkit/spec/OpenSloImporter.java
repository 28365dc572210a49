package io.slotoolkit.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SourceLocation;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OpenSLO documents (v1, and v1alpha where it is unambiguous) into slo spec files. Documents
 * written by {@link OpenSloExporter} come back as the specs they were made from; documents of other
 * tools keep their structure (service, objective, window, alert pairs) while each query becomes a
 * located note and a spec with the holes {@code slo validate} names. Unknown or unsupported fields
 * are notes with their place, never dropped in silence.
 *
 * <p>Why this class is large: one import resolves documents that refer to each other (SLO to SLI to
 * DataSource, AlertPolicy to its conditions) through one lookup by kind and name, and every step
 * adds to the same located notes; splitting it would pass that state between classes.
 */
public final class OpenSloImporter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> VERSIONS = List.of("openslo/v1", "openslo/v1alpha");
  private static final Map<String, List<String>> SPEC_KEYS = new LinkedHashMap<>();
  private static final Pattern DURATION = Pattern.compile("([0-9]+)([mhdwMQY])");

  static {
    SPEC_KEYS.put("Service", List.of("description"));
    SPEC_KEYS.put("DataSource", List.of("description", "type", "connectionDetails"));
    SPEC_KEYS.put("SLI", List.of("description", "thresholdMetric", "ratioMetric"));
    SPEC_KEYS.put(
        "SLO",
        List.of(
            "description",
            "service",
            "indicator",
            "indicatorRef",
            "timeWindow",
            "timeWindows",
            "budgetingMethod",
            "objectives",
            "alertPolicies"));
    SPEC_KEYS.put(
        "AlertPolicy",
        List.of(
            "description",
            "alertWhenNoData",
            "alertWhenResolved",
            "alertWhenBreaching",
            "conditions",
            "notificationTargets"));
    SPEC_KEYS.put("AlertCondition", List.of("description", "severity", "condition"));
    SPEC_KEYS.put("AlertNotificationTarget", List.of("description", "target"));
  }

  /**
   * What the OpenSLO files gave.
   *
   * @param specs spec file name to its YAML text, in the order first seen
   * @param notes what was not converted or must be filled in, located in the OpenSLO files
   * @param errors documents that are not OpenSLO (nothing should be written when there are any)
   */
  public record Converted(Map<String, String> specs, List<Problem> notes, List<Problem> errors) {}

  /** One document with where it is. */
  private record Doc(String kind, String name, YamlNode.Mapping root, YamlNode.Mapping spec) {}

  private final List<Problem> notes = new ArrayList<>();
  private final List<Problem> errors = new ArrayList<>();
  private final Map<String, Doc> byKindAndName = new LinkedHashMap<>();
  private final List<Doc> slos = new ArrayList<>();
  private final Map<String, Map<String, Object>> specs = new LinkedHashMap<>();

  private OpenSloImporter() {}

  /** Converts every document of the files. */
  public static Converted convert(List<Path> files) {
    OpenSloImporter i = new OpenSloImporter();
    for (Path f : files) i.read(f);
    for (Doc slo : i.slos) i.slo(slo);
    Map<String, String> texts = new LinkedHashMap<>();
    i.specs.forEach((name, spec) -> texts.put(name, SpecYamlWriter.write(spec)));
    return new Converted(texts, List.copyOf(i.notes), List.copyOf(i.errors));
  }

  // ---- reading documents ----

  private void read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      errors.add(Problem.of(SourceLocation.of(file), "cannot read: " + e.getMessage()));
      return;
    }
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    YamlTreeReader.Stream stream = YamlTreeReader.readStream(file, text);
    errors.addAll(stream.problems());
    if (stream.documents().isEmpty() && stream.problems().isEmpty()) {
      errors.add(Problem.of(SourceLocation.of(file), "no OpenSLO document in the file"));
    }
    for (YamlNode d : stream.documents()) {
      // the OpenSLO validator also accepts a YAML list of documents
      if (d instanceof YamlNode.Sequence list) list.items().forEach(this::document);
      else document(d);
    }
  }

  private void document(YamlNode node) {
    if (!(node instanceof YamlNode.Mapping root)) {
      errors.add(
          new Problem(
              node.location(),
              "an OpenSLO document must be a map, found " + node.describe(),
              "start it with apiVersion: openslo/v1"));
      return;
    }
    for (YamlNode.Entry e : root.entries()) {
      if (!List.of("apiVersion", "kind", "metadata", "spec").contains(e.key())) unknown(e, "");
    }
    String version = text(root, "apiVersion");
    if (version == null || !VERSIONS.contains(version)) {
      errors.add(
          new Problem(
              at(root, "apiVersion"),
              version == null
                  ? "not an OpenSLO document: no apiVersion"
                  : "unsupported apiVersion '" + version + "'",
              "allowed: " + String.join(", ", VERSIONS)));
      return;
    }
    String kind = text(root, "kind");
    if (kind == null || !SPEC_KEYS.containsKey(kind)) {
      errors.add(
          new Problem(
              at(root, "kind"),
              kind == null ? "an OpenSLO document needs a kind" : "unknown kind '" + kind + "'",
              "allowed: " + String.join(", ", SPEC_KEYS.keySet())));
      return;
    }
    YamlNode.Mapping meta = map(root, "metadata");
    String name = meta == null ? null : text(meta, "name");
    if (name == null) {
      errors.add(new Problem(root.location(), kind + " without metadata.name", null));
      return;
    }
    if (meta != null) {
      for (YamlNode.Entry e : meta.entries()) {
        if (!List.of("name", "displayName", "labels", "annotations").contains(e.key())) {
          unknown(e, " in metadata");
        }
      }
    }
    YamlNode.Mapping spec = map(root, "spec");
    if (spec == null) spec = new YamlNode.Mapping(List.of(), root.location());
    for (YamlNode.Entry e : spec.entries()) {
      if (!SPEC_KEYS.get(kind).contains(e.key())) unknown(e, " in " + kind + " spec");
    }
    Doc doc = new Doc(kind, name, root, spec);
    byKindAndName.put(kind + "/" + name, doc);
    if (kind.equals("SLO")) slos.add(doc);
    else if (kind.equals("Service") && spec.entry("description") == null) {
      // nothing to convert: a Service becomes the service name of its SLOs
    } else if (List.of("AlertNotificationTarget").contains(kind)) {
      notes.add(
          new Problem(
              root.location(),
              kind + " '" + name + "' is not converted",
              "slo reports alerts in its outputs; wire notifications in your CI"));
    }
  }

  private void unknown(YamlNode.Entry e, String where) {
    notes.add(
        new Problem(
            e.keyLocation(), "unknown field '" + e.key() + "'" + where + ": not converted", null));
  }

  // ---- one SLO ----

  private void slo(Doc doc) {
    YamlNode.Mapping spec = doc.spec();
    YamlNode.Mapping meta = map(doc.root(), "metadata");
    Map<String, String> annotations = annotations(meta);
    String service = text(spec, "service");
    if (service == null) service = "service";
    if (annotations.containsKey(OpenSloExporter.ANNOTATION + "service")) {
      service = annotations.get(OpenSloExporter.ANNOTATION + "service");
    }
    String fileName =
        annotations.getOrDefault(
            OpenSloExporter.ANNOTATION + "spec-file", OpenSloExporter.id(service) + ".yaml");
    Map<String, Object> file = specs.computeIfAbsent(fileName, k -> new LinkedHashMap<>());
    if (file.isEmpty()) {
      file.put("version", BigDecimal.ONE);
      file.put("service", service);
      file.put("sources", new LinkedHashMap<String, Object>());
      file.put("slos", new ArrayList<Object>());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> sources = (Map<String, Object>) file.get("sources");
    @SuppressWarnings("unchecked")
    List<Object> slosOut = (List<Object>) file.get("slos");

    Map<String, Object> slo = new LinkedHashMap<>();
    String name = OpenSloExporter.id(doc.name());
    if (!name.equals(doc.name())) {
      notes.add(
          new Problem(
              at(meta, "name"),
              "SLO name '" + doc.name() + "' is written as '" + name + "'",
              "slo names use lowercase letters, digits and '-'"));
    }
    slo.put("name", name);
    if (text(spec, "description") != null) slo.put("description", text(spec, "description"));
    if (!service.equals(file.get("service"))) slo.put("service", service);

    // the indicator: inline, by reference, or (v1alpha) in the objective
    YamlNode.Mapping sli = indicator(doc);
    YamlNode.Mapping objective = firstObjective(doc);
    Map<String, Object> sliOut = new LinkedHashMap<>();
    String sourceName = indicatorInto(doc, sli, objective, sliOut, sources, fileName);
    slo.put("source", sourceName);
    slo.put("sli", sliOut);
    slo.put("objective", objective == null ? null : target(objective));
    slo.put("window", window(doc, sources.get(sourceName)));
    budgeting(doc);
    for (String extra : OpenSloExporter.SLO_EXTRAS) {
      String json = annotations.get(OpenSloExporter.ANNOTATION + extra);
      if (json != null) slo.put(extra, fromJson(json, at(meta, "annotations")));
    }
    for (String key : List.of("labels", "annotations", "links")) {
      String json = annotations.get(OpenSloExporter.ANNOTATION + key);
      if (json != null) slo.put(key, fromJson(json, at(meta, "annotations")));
    }
    if (!slo.containsKey("labels")) labels(meta, slo);
    if (!slo.containsKey("alerts")) alerts(doc, slo);
    slosOut.add(slo);
  }

  private YamlNode.Mapping indicator(Doc doc) {
    YamlNode.Mapping spec = doc.spec();
    YamlNode.Mapping inline = map(spec, "indicator");
    if (inline != null) {
      // v1: {metadata, spec}; v1alpha: the metric directly
      YamlNode.Mapping inner = map(inline, "spec");
      return inner != null ? inner : inline;
    }
    String ref = text(spec, "indicatorRef");
    if (ref != null) {
      Doc sli = byKindAndName.get("SLI/" + ref);
      if (sli != null) return sli.spec();
      errors.add(new Problem(at(spec, "indicatorRef"), "no SLI named '" + ref + "'", null));
    }
    return null;
  }

  private YamlNode.Mapping firstObjective(Doc doc) {
    YamlNode.Entry e = doc.spec().entry("objectives");
    if (e == null || !(e.value() instanceof YamlNode.Sequence list) || list.items().isEmpty()) {
      errors.add(
          new Problem(doc.root().location(), "SLO '" + doc.name() + "' has no objectives", null));
      return null;
    }
    for (int i = 1; i < list.items().size(); i++) {
      notes.add(
          new Problem(
              list.items().get(i).location(),
              "SLO '" + doc.name() + "': only the first objective is converted",
              "slo has one objective per SLO; write another SLO for this one"));
    }
    YamlNode first = list.items().get(0);
    if (first instanceof YamlNode.Mapping m) {
      for (YamlNode.Entry k : m.entries()) {
        if (List.of(
                "timeSliceTarget",
                "timeSliceWindow",
                "compositeWeight",
                "indicator",
                "indicatorRef")
            .contains(k.key())) {
          notes.add(
              new Problem(
                  k.keyLocation(),
                  "objective field '" + k.key() + "' is not supported: not converted",
                  "slo counts events (Occurrences)"));
        }
      }
      return m;
    }
    return null;
  }

  /** Fills {@code sliOut} and returns the source's name, adding the source to {@code sources}. */
  private String indicatorInto(
      Doc doc,
      YamlNode.Mapping sli,
      YamlNode.Mapping objective,
      Map<String, Object> sliOut,
      Map<String, Object> sources,
      String fileName) {
    YamlNode.Mapping ratio = sli == null ? null : map(sli, "ratioMetric");
    YamlNode.Mapping threshold = sli == null ? null : map(sli, "thresholdMetric");
    if (ratio == null && objective != null) ratio = map(objective, "ratioMetrics"); // v1alpha
    if (ratio != null) {
      Map<String, Object> r = new LinkedHashMap<>();
      YamlNode.Mapping good = map(ratio, "good");
      YamlNode.Mapping total = map(ratio, "total");
      if (map(ratio, "bad") != null) {
        notes.add(
            new Problem(
                at(ratio, "bad"),
                "a 'bad' metric is converted as good = NOT bad",
                "check the expression written for good"));
        good = map(ratio, "bad");
      }
      String source = null;
      boolean counts = false;
      for (Object[] part : new Object[][] {{"good", good}, {"total", total}}) {
        YamlNode.Mapping m = (YamlNode.Mapping) part[1];
        if (m == null) continue;
        Metric metric = metric(m);
        source = source == null ? sourceFor(metric, sources, doc) : source;
        if (metric.ours()) {
          String expr = metric.spec() == null ? null : text(metric.spec(), "expression");
          String sum = metric.spec() == null ? null : text(metric.spec(), "sum");
          if (sum != null) {
            counts = true;
            expr = sum;
          }
          if (expr != null) r.put((String) part[0], expr);
        } else {
          hole(r, (String) part[0], metric, doc, fileName);
        }
      }
      if (!r.containsKey("good") && !r.containsKey("#good")) hole(r, "good", null, doc, fileName);
      sliOut.put(counts ? "counts" : "ratio", reorderGoodFirst(r));
      return source == null ? "events" : source;
    }
    if (threshold != null) {
      Metric metric = metric(threshold);
      String source = sourceFor(metric, sources, doc);
      if (metric.ours() && metric.spec() != null) {
        sliOut.put("latency", OpenSloExporter.plain(metric.spec()));
      } else {
        Map<String, Object> l = new LinkedHashMap<>();
        hole(l, "column", metric, doc, fileName);
        Object value = objective == null ? null : scalarValue(objective, "value");
        String op = objective == null ? null : text(objective, "op");
        l.put("threshold", value);
        if (op != null && !List.of("lt", "lte").contains(op)) {
          notes.add(
              new Problem(
                  at(objective, "op"),
                  "op '" + op + "' is not a latency threshold: converted as lte",
                  "slo counts events at most the threshold as good"));
        }
        sliOut.put("latency", l);
      }
      return source;
    }
    errors.add(
        new Problem(
            doc.root().location(),
            "SLO '" + doc.name() + "' has no ratioMetric or thresholdMetric",
            null));
    return "events";
  }

  private static Map<String, Object> reorderGoodFirst(Map<String, Object> r) {
    Map<String, Object> o = new LinkedHashMap<>();
    for (String k : List.of("#good", "good", "#total", "total"))
      if (r.containsKey(k)) o.put(k, r.get(k));
    return o;
  }

  /** A metric source: ours (with its spec) or another tool's query. */
  private record Metric(
      boolean ours,
      String type,
      String ref,
      YamlNode.Mapping spec,
      String query,
      SourceLocation at) {}

  private Metric metric(YamlNode.Mapping holder) {
    YamlNode.Mapping ms = map(holder, "metricSource");
    if (ms == null) {
      // v1alpha: {source, queryType, query}
      String type = text(holder, "source");
      return new Metric(false, type, null, null, text(holder, "query"), at(holder, "query"));
    }
    String type = text(ms, "type");
    String ref = text(ms, "metricSourceRef");
    YamlNode.Mapping spec = map(ms, "spec");
    boolean ours = OpenSloExporter.TYPE.equalsIgnoreCase(String.valueOf(type));
    String query = null;
    SourceLocation at = ms.location();
    if (!ours && spec != null) {
      StringBuilder q = new StringBuilder();
      for (YamlNode.Entry e : spec.entries()) {
        if (q.length() > 0) q.append("; ");
        q.append(e.key())
            .append(": ")
            .append(e.value() instanceof YamlNode.Scalar s ? s.text() : "...");
      }
      query = q.toString();
      at = spec.entries().isEmpty() ? spec.location() : spec.entries().get(0).keyLocation();
    }
    return new Metric(ours, type, ref, spec, query, at);
  }

  private String sourceFor(Metric metric, Map<String, Object> sources, Doc doc) {
    if (metric.ours() && metric.ref() != null) {
      Doc ds = byKindAndName.get("DataSource/" + metric.ref());
      YamlNode.Mapping details = ds == null ? null : map(ds.spec(), "connectionDetails");
      if (details != null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> source = (Map<String, Object>) OpenSloExporter.plain(details);
        String name = String.valueOf(source.remove("name"));
        sources.putIfAbsent(name, source);
        return name;
      }
      errors.add(new Problem(metric.at(), "no DataSource named '" + metric.ref() + "'", null));
    }
    String name =
        OpenSloExporter.id(
                metric.ref() != null
                    ? metric.ref()
                    : metric.type() == null ? "events" : metric.type())
            .replace('-', '_');
    if (name.isEmpty()) name = "events";
    if (!sources.containsKey(name)) {
      Map<String, Object> stub = new LinkedHashMap<>();
      stub.put(
          "#",
          "converted from a "
              + metric.type()
              + " metric source: fill in the exported event log of the same events,\n"
              + "path: (a file or glob) and timestamp: (its event time column)");
      sources.put(name, stub);
    }
    return name;
  }

  /** A key left out on purpose, with a comment saying what to write and where it came from. */
  private void hole(Map<String, Object> into, String key, Metric metric, Doc doc, String fileName) {
    String what =
        switch (key) {
          case "good" -> "a SQL boolean expression selecting the good events";
          case "total" -> "a SQL boolean expression selecting the valid events";
          default -> "the column holding each event's latency";
        };
    String from =
        metric == null || metric.query() == null
            ? "no query given"
            : metric.type() + " query: " + metric.query();
    into.put("#" + key, "TODO " + key + ": " + what + "\n(" + from + ")");
    SourceLocation at = metric == null ? doc.root().location() : metric.at();
    notes.add(
        new Problem(
            at,
            "SLO '" + doc.name() + "': " + from,
            "write "
                + key
                + " ("
                + what
                + ") in "
                + fileName
                + "; slo validate names what is missing"));
  }

  private Object target(YamlNode.Mapping objective) {
    Object t = scalarValue(objective, "target");
    if (t != null) return t;
    Object percent = scalarValue(objective, "targetPercent");
    if (percent != null) return percent + "%";
    errors.add(new Problem(objective.location(), "an objective without target", null));
    return null;
  }

  private Object window(Doc doc, Object source) {
    YamlNode.Entry tw = doc.spec().entry("timeWindow");
    if (tw == null) tw = doc.spec().entry("timeWindows");
    if (tw == null
        || !(tw.value() instanceof YamlNode.Sequence list)
        || list.items().isEmpty()
        || !(list.items().get(0) instanceof YamlNode.Mapping w)) {
      errors.add(
          new Problem(doc.root().location(), "SLO '" + doc.name() + "' has no timeWindow", null));
      return null;
    }
    String duration = text(w, "duration");
    if (duration == null && text(w, "count") != null) {
      // v1alpha: {count, unit}
      String unit = String.valueOf(text(w, "unit")).toLowerCase(Locale.ROOT);
      String symbol =
          switch (unit) {
            case "second" -> "s";
            case "minute" -> "m";
            case "hour" -> "h";
            case "day" -> "d";
            case "week" -> "w";
            case "month" -> "M";
            case "quarter" -> "Q";
            case "year" -> "Y";
            default -> "?";
          };
      duration = text(w, "count") + symbol;
    }
    boolean rolling = !"false".equals(text(w, "isRolling"));
    Matcher m = DURATION.matcher(duration == null ? "" : duration.strip());
    if (!m.matches()) {
      errors.add(new Problem(at(w, "duration"), "unsupported duration '" + duration + "'", null));
      return null;
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2);
    if (!rolling) {
      YamlNode.Mapping calendar = map(w, "calendar");
      String zone = calendar == null ? null : text(calendar, "timeZone");
      if (zone != null && source instanceof Map<?, ?> s && !s.containsKey("timezone")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> src = (Map<String, Object>) s;
        src.put("timezone", zone);
      }
      String period =
          n != 1
              ? null
              : switch (unit) {
                case "w" -> "week";
                case "M" -> "month";
                case "Q" -> "quarter";
                case "Y" -> "year";
                default -> null;
              };
      if (period != null) return period;
      notes.add(
          new Problem(
              at(w, "duration"),
              "calendar window " + duration + " is not supported: converted as a rolling window",
              "slo's calendar windows are week, month, quarter and year"));
    }
    return switch (unit) {
      case "d", "h" -> n + unit;
      case "w" -> n * 7 + "d";
      default -> {
        String approx =
            switch (unit) {
              case "M" -> n * 30 + "d";
              case "Q" -> n * 91 + "d";
              case "Y" -> n * 365 + "d";
              default -> Math.max(1, (n + 59) / 60) + "h";
            };
        notes.add(
            new Problem(
                at(w, "duration"),
                "rolling window " + duration + " is written as " + approx,
                "slo's rolling windows are whole days or hours"));
        yield approx;
      }
    };
  }

  private void budgeting(Doc doc) {
    String method = text(doc.spec(), "budgetingMethod");
    if (method != null && !method.equals("Occurrences")) {
      notes.add(
          new Problem(
              at(doc.spec(), "budgetingMethod"),
              "budgetingMethod " + method + " is converted as Occurrences",
              "slo counts good and valid events; results differ from time slices"));
    }
  }

  /** OpenSLO labels (a value or a list of values) as slo labels (one value each). */
  private void labels(YamlNode.Mapping meta, Map<String, Object> slo) {
    YamlNode.Mapping labels = meta == null ? null : map(meta, "labels");
    if (labels == null) return;
    Map<String, Object> out = new LinkedHashMap<>();
    for (YamlNode.Entry e : labels.entries()) {
      String key = e.key().toLowerCase(Locale.ROOT);
      if (!SloReader.LABEL_KEY.matcher(key).matches()) {
        notes.add(
            new Problem(
                e.keyLocation(),
                "label '" + e.key() + "' is not a valid slo label key: not converted",
                null));
        continue;
      }
      if (e.value() instanceof YamlNode.Scalar s && !s.isNull()) {
        out.put(key, s.value());
      } else if (e.value() instanceof YamlNode.Sequence list) {
        List<String> values = new ArrayList<>();
        for (YamlNode item : list.items()) {
          if (item instanceof YamlNode.Scalar s && !s.isNull()) values.add(s.value());
        }
        out.put(key, String.join(",", values));
        if (values.size() > 1) {
          notes.add(
              new Problem(
                  e.keyLocation(),
                  "label '"
                      + e.key()
                      + "' has "
                      + values.size()
                      + " values: written as '"
                      + String.join(",", values)
                      + "'",
                  "an slo label has one value; --label "
                      + key
                      + "="
                      + String.join(",", values)
                      + " selects it"));
        }
      }
    }
    if (!out.isEmpty()) slo.put("labels", out);
  }

  private void alerts(Doc doc, Map<String, Object> slo) {
    YamlNode.Entry policies = doc.spec().entry("alertPolicies");
    if (policies == null || !(policies.value() instanceof YamlNode.Sequence list)) return;
    List<Object> pairs = new ArrayList<>();
    for (YamlNode p : list.items()) {
      if (!(p instanceof YamlNode.Mapping pm)) continue;
      YamlNode.Mapping policy = null;
      String ref = text(pm, "alertPolicyRef");
      if (ref != null) {
        Doc d = byKindAndName.get("AlertPolicy/" + ref);
        if (d == null) {
          errors.add(
              new Problem(at(pm, "alertPolicyRef"), "no AlertPolicy named '" + ref + "'", null));
          continue;
        }
        policy = d.spec();
      } else {
        policy = map(pm, "spec");
      }
      YamlNode.Entry conditions = policy == null ? null : policy.entry("conditions");
      if (conditions == null || !(conditions.value() instanceof YamlNode.Sequence cs)) continue;
      for (YamlNode c : cs.items()) {
        if (!(c instanceof YamlNode.Mapping cm)) continue;
        YamlNode.Mapping cspec = map(cm, "spec");
        String cref = text(cm, "conditionRef");
        if (cref != null) {
          Doc d = byKindAndName.get("AlertCondition/" + cref);
          cspec = d == null ? null : d.spec();
        }
        YamlNode.Mapping cond = cspec == null ? null : map(cspec, "condition");
        if (cond == null || !"burnrate".equalsIgnoreCase(String.valueOf(text(cond, "kind")))) {
          notes.add(
              new Problem(c.location(), "only burnrate alert conditions are converted", null));
          continue;
        }
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("long", text(cond, "lookbackWindow"));
        pair.put("short", text(cond, "alertAfter"));
        pair.put("factor", scalarValue(cond, "threshold"));
        pair.put("severity", text(cspec, "severity"));
        pairs.add(pair);
      }
    }
    if (!pairs.isEmpty()) slo.put("alerts", pairs);
  }

  // ---- helpers ----

  private Object fromJson(String json, SourceLocation at) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      errors.add(new Problem(at, "an slo-toolkit.io annotation is not JSON: " + json, null));
      return null;
    }
  }

  private static Map<String, String> annotations(YamlNode.Mapping meta) {
    Map<String, String> a = new LinkedHashMap<>();
    YamlNode.Mapping m = meta == null ? null : map(meta, "annotations");
    if (m != null) {
      for (YamlNode.Entry e : m.entries()) {
        if (e.value() instanceof YamlNode.Scalar s) a.put(e.key(), s.text());
      }
    }
    return a;
  }

  private static YamlNode.Mapping map(YamlNode.Mapping m, String key) {
    YamlNode.Entry e = m.entry(key);
    return e != null && e.value() instanceof YamlNode.Mapping v ? v : null;
  }

  private static String text(YamlNode.Mapping m, String key) {
    YamlNode.Entry e = m == null ? null : m.entry(key);
    return e != null && e.value() instanceof YamlNode.Scalar s && !s.isNull() ? s.value() : null;
  }

  private static Object scalarValue(YamlNode.Mapping m, String key) {
    YamlNode.Entry e = m.entry(key);
    return e != null && e.value() instanceof YamlNode.Scalar s ? OpenSloExporter.plain(s) : null;
  }

  private static SourceLocation at(YamlNode.Mapping m, String key) {
    if (m == null) return null;
    YamlNode.Entry e = m.entry(key);
    return e == null ? m.location() : e.keyLocation();
  }
}
