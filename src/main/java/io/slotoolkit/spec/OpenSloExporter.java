package io.slotoolkit.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SpecFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes loaded spec files as OpenSLO v1 documents: a {@code Service} per service, a {@code
 * DataSource} per source, an {@code SLI} and an {@code SLO} per SLO, and an {@code AlertPolicy}
 * with inline {@code AlertCondition}s for an SLO's burn-rate pairs. Sources and expressions travel
 * in {@code metricSource}s of type {@code slo-toolkit}, and what OpenSLO has no field for ({@code
 * per}, {@code min_events}, {@code tags}, ...) in {@code slo-toolkit.io/...} annotations, so that
 * {@link OpenSloImporter} gives the same specs back. File-level keys OpenSLO cannot hold (severity
 * tables, forecasts, exclusion files) are reported as notes, never dropped in silence.
 *
 * <p>Why this class is large: it is the mirror of {@link OpenSloImporter}, one method per OpenSLO
 * document kind and its annotations, kept together so that what is written and what is read back
 * can be compared side by side.
 */
public final class OpenSloExporter {
  /** The metricSource and DataSource type of documents written by slo. */
  public static final String TYPE = "slo-toolkit";

  /** The prefix of slo's own annotations. */
  public static final String ANNOTATION = "slo-toolkit.io/";

  /** SLO keys without an OpenSLO field, carried as JSON in annotations. */
  static final List<String> SLO_EXTRAS =
      List.of("calendar", "per", "min_events", "dimensions", "alerts", "tags", "exclude");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .build());

  /**
   * The OpenSLO documents of a run.
   *
   * @param documents each document as a map, in output order
   * @param notes what could not be carried over, located in the spec files
   */
  public record Exported(List<Map<String, Object>> documents, List<Problem> notes) {
    /** All documents as one multi-document YAML stream. */
    public String yaml() {
      StringBuilder b = new StringBuilder();
      for (Map<String, Object> d : documents) b.append(OpenSloExporter.yaml(d));
      return b.toString();
    }

    /** A file name for one document: {@code slo-api-availability.yaml}. */
    public static String fileName(Map<String, Object> document) {
      @SuppressWarnings("unchecked")
      Map<String, Object> meta = (Map<String, Object>) document.get("metadata");
      return String.valueOf(document.get("kind")).toLowerCase(Locale.ROOT)
          + "-"
          + meta.get("name")
          + ".yaml";
    }
  }

  private final List<Map<String, Object>> documents = new ArrayList<>();
  private final List<Problem> notes = new ArrayList<>();
  private final Set<String> services = new LinkedHashSet<>();
  // the business timezone of each source of the file at hand: calendar windows are in it
  private final Map<String, String> zones = new LinkedHashMap<>();
  // the file-level labels, annotations and links of the file at hand
  private final Map<String, Map<String, Object>> fileMaps = new LinkedHashMap<>();

  private OpenSloExporter() {}

  /** The documents for the loaded (valid) spec files, read again as written. */
  public static Exported export(List<SpecFile> files) {
    OpenSloExporter e = new OpenSloExporter();
    for (SpecFile f : files) e.file(f);
    return new Exported(List.copyOf(e.documents), List.copyOf(e.notes));
  }

  /** One document as YAML, starting with {@code ---}. */
  public static String yaml(Map<String, Object> document) {
    try {
      return YAML.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an OpenSLO document", e);
    }
  }

  private void file(SpecFile spec) {
    Path path = spec.path();
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    YamlNode root = YamlTreeReader.read(path, text).root();
    if (!(root instanceof YamlNode.Mapping top)) return;
    String service = spec.service();
    String fileName = path.getFileName().toString();
    for (String key : List.of("severity", "forecasts", "exclusions_file")) {
      YamlNode.Entry e = top.entry(key);
      if (e != null) {
        notes.add(
            new Problem(
                e.keyLocation(),
                "'" + key + "' is not carried to OpenSLO (it has no such concept)",
                "keep this spec file beside the OpenSLO documents"));
      }
    }
    if (services.add(service) && (top.entry("slos") != null || top.entry("sources") != null)) {
      documents.add(document("Service", service, null, Map.of()));
    }
    fileMaps.clear();
    for (String key : List.of("labels", "annotations", "links")) {
      YamlNode.Entry e = top.entry(key);
      if (e != null && plain(e.value()) instanceof Map<?, ?> m) {
        Map<String, Object> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(String.valueOf(k), v));
        fileMaps.put(key, copy);
      }
    }
    Map<String, String> sourceIds = new LinkedHashMap<>();
    zones.clear();
    if (top.entry("sources") != null
        && top.entry("sources").value() instanceof YamlNode.Mapping m) {
      for (YamlNode.Entry s : m.entries()) {
        String id = id(service + "-" + s.key());
        sourceIds.put(s.key(), id);
        String zone = null;
        if (s.value() instanceof YamlNode.Mapping src) zone = text(src, "timezone");
        zones.put(s.key(), zone == null ? "UTC" : zone);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", s.key());
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = (Map<String, Object>) plain(s.value());
        details.putAll(raw);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE);
        body.put("connectionDetails", details);
        documents.add(document("DataSource", id, fileName, body));
      }
    }
    if (top.entry("slos") != null && top.entry("slos").value() instanceof YamlNode.Sequence list) {
      for (YamlNode item : list.items()) {
        if (item instanceof YamlNode.Mapping slo) slo(slo, service, fileName, sourceIds);
      }
    }
  }

  private void slo(
      YamlNode.Mapping slo, String fileService, String fileName, Map<String, String> sourceIds) {
    String name = text(slo, "name");
    String service = slo.entry("service") != null ? text(slo, "service") : fileService;
    String sourceId = sourceIds.get(text(slo, "source"));
    YamlNode.Mapping sli = (YamlNode.Mapping) slo.entry("sli").value();
    YamlNode.Entry kind = sli.entries().get(0);
    YamlNode.Mapping how = (YamlNode.Mapping) kind.value();

    // SLI: one metricSource per expression, all reading the DataSource of the SLO's source
    Map<String, Object> indicator = new LinkedHashMap<>();
    Map<String, Object> objective = new LinkedHashMap<>();
    if (kind.key().equals("counts")) {
      // an export that already counts: OpenSLO's counter ratio, each side a sum over the rows
      Map<String, Object> ratio = new LinkedHashMap<>();
      ratio.put("counter", true);
      ratio.put("good", metric(sourceId, sumSpec(how, "good")));
      ratio.put("total", metric(sourceId, sumSpec(how, "total")));
      indicator.put("ratioMetric", ratio);
    } else if (kind.key().equals("ratio")) {
      Map<String, Object> ratio = new LinkedHashMap<>();
      ratio.put("counter", false);
      ratio.put("good", metric(sourceId, expressionSpec(how, "good")));
      ratio.put("total", metric(sourceId, expressionSpec(how, "total")));
      indicator.put("ratioMetric", ratio);
    } else {
      @SuppressWarnings("unchecked")
      Map<String, Object> latency = (Map<String, Object>) plain(how);
      indicator.put("thresholdMetric", metric(sourceId, latency));
      objective.put("op", "lte");
      objective.put("value", thresholdNumber(how));
    }
    if (slo.entry("description") != null) indicator.put("description", text(slo, "description"));
    String sliName = id(name + "-sli");
    documents.add(document("SLI", sliName, fileName, reorder(indicator, "description")));

    // SLO
    Map<String, Object> body = new LinkedHashMap<>();
    if (slo.entry("description") != null) body.put("description", text(slo, "description"));
    body.put("service", service);
    body.put("indicatorRef", sliName);
    body.put(
        "timeWindow", List.of(timeWindow(slo, zones.getOrDefault(text(slo, "source"), "UTC"))));
    body.put("budgetingMethod", "Occurrences");
    objective.put("target", target(slo));
    objective.put("displayName", text(slo, "objective"));
    body.put("objectives", List.of(reorder(objective, "displayName")));
    Map<String, Object> doc = document("SLO", name, fileName, body);
    Map<String, Object> annotations = annotations(doc);
    for (String extra : SLO_EXTRAS) {
      YamlNode.Entry e = slo.entry(extra);
      if (e != null) annotations.put(ANNOTATION + extra, json(plain(e.value())));
    }
    // labels, annotations and links: the file's merged under the SLO's own, as the loader does
    for (String key : List.of("labels", "annotations", "links")) {
      Map<String, Object> merged = new LinkedHashMap<>(fileMaps.getOrDefault(key, Map.of()));
      YamlNode.Entry e = slo.entry(key);
      if (e != null && plain(e.value()) instanceof Map<?, ?> own) {
        own.forEach((k, v) -> merged.put(String.valueOf(k), v));
      }
      if (merged.isEmpty()) continue;
      annotations.put(ANNOTATION + key, json(merged));
      if (key.equals("labels")) {
        // OpenSLO's own labels field, for other tools
        Map<String, Object> labels = new LinkedHashMap<>();
        merged.forEach((k, v) -> labels.put(k, String.valueOf(v)));
        meta(doc).put("labels", labels);
      }
    }
    if (slo.entry("service") != null) annotations.put(ANNOTATION + "service", service);
    List<Map<String, Object>> pairs = pairs(slo);
    if (!pairs.isEmpty()) {
      String policy = id(name + "-burn-rate");
      body.put("alertPolicies", List.of(Map.of("alertPolicyRef", policy)));
      documents.add(doc);
      documents.add(alertPolicy(policy, fileName, name, pairs));
    } else {
      documents.add(doc);
    }
  }

  private Map<String, Object> timeWindow(YamlNode.Mapping slo, String zone) {
    String w = text(slo, "window").strip();
    Map<String, Object> tw = new LinkedHashMap<>();
    switch (w) {
      case "week", "month", "quarter", "year" -> {
        tw.put(
            "duration",
            switch (w) {
              case "week" -> "1w";
              case "month" -> "1M";
              case "quarter" -> "1Q";
              default -> "1Y";
            });
        tw.put("isRolling", false);
        Map<String, Object> calendar = new LinkedHashMap<>();
        // any period start will do: 2024-01-01 was a Monday, the first day of a month and quarter;
        // a fiscal year or quarter starts on its calendar.start in 2024
        String fiscal =
            slo.entry("calendar") != null
                    && slo.entry("calendar").value() instanceof YamlNode.Mapping c
                    && c.entry("start") != null
                ? text(c, "start").strip()
                : "01-01";
        calendar.put("startTime", "2024-" + fiscal + " 00:00:00");
        calendar.put("timeZone", zone);
        tw.put("calendar", calendar);
      }
      default -> {
        tw.put("duration", w);
        tw.put("isRolling", true);
      }
    }
    return tw;
  }

  private static Object target(YamlNode.Mapping slo) {
    YamlNode.Scalar s = (YamlNode.Scalar) slo.entry("objective").value();
    try {
      return ObjectiveParser.parse(s.value()).target();
    } catch (InvalidValueException e) {
      throw new IllegalStateException("a loaded spec has a valid objective", e);
    }
  }

  private static Object thresholdNumber(YamlNode.Mapping latency) {
    YamlNode.Entry t = latency.entry("threshold");
    if (t == null || !(t.value() instanceof YamlNode.Scalar s)) return null;
    String digits = s.value().replaceAll("[^0-9.]", "");
    try {
      return new BigDecimal(digits);
    } catch (NumberFormatException e) {
      return s.value();
    }
  }

  private List<Map<String, Object>> pairs(YamlNode.Mapping slo) {
    YamlNode.Entry alerts = slo.entry("alerts");
    if (alerts == null) return List.of();
    YamlNode v = alerts.value();
    if (v instanceof YamlNode.Mapping m) {
      v = m.entry("pairs") == null ? null : m.entry("pairs").value();
    }
    List<Map<String, Object>> pairs = new ArrayList<>();
    if (v instanceof YamlNode.Sequence list) {
      for (YamlNode item : list.items()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> pair = (Map<String, Object>) plain(item);
        pairs.add(pair);
      }
    }
    return pairs;
  }

  private Map<String, Object> alertPolicy(
      String policy, String fileName, String slo, List<Map<String, Object>> pairs) {
    List<Object> conditions = new ArrayList<>();
    for (Map<String, Object> pair : pairs) {
      Map<String, Object> condition = new LinkedHashMap<>();
      condition.put("kind", "burnrate");
      condition.put("op", "gte");
      condition.put("threshold", pair.get("factor"));
      condition.put("lookbackWindow", pair.get("long"));
      condition.put("alertAfter", pair.get("short"));
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("description", "burn rate of " + slo + " over both windows at least the factor");
      spec.put("severity", pair.get("severity"));
      spec.put("condition", condition);
      Map<String, Object> c =
          document(
              "AlertCondition",
              id(
                  slo
                      + "-"
                      + pair.get("severity")
                      + "-"
                      + pair.get("long")
                      + "-"
                      + pair.get("short")),
              null,
              spec);
      c.remove("apiVersion");
      annotations(c).put(ANNOTATION + "short-window", String.valueOf(pair.get("short")));
      conditions.add(c);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("description", "multiwindow burn-rate alerts of " + slo);
    body.put("alertWhenBreaching", true);
    body.put("alertWhenResolved", false);
    body.put("alertWhenNoData", false);
    body.put("conditions", conditions);
    return document("AlertPolicy", policy, fileName, body);
  }

  private static Map<String, Object> expressionSpec(YamlNode.Mapping ratio, String key) {
    Map<String, Object> spec = new LinkedHashMap<>();
    YamlNode.Entry e = ratio.entry(key);
    if (e != null) spec.put("expression", ((YamlNode.Scalar) e.value()).text().stripTrailing());
    return spec;
  }

  private static Map<String, Object> sumSpec(YamlNode.Mapping counts, String key) {
    Map<String, Object> spec = new LinkedHashMap<>();
    YamlNode.Entry e = counts.entry(key);
    if (e != null) spec.put("sum", ((YamlNode.Scalar) e.value()).text().stripTrailing());
    return spec;
  }

  private static Map<String, Object> metric(String sourceId, Map<String, Object> spec) {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("metricSourceRef", sourceId);
    source.put("type", TYPE);
    source.put("spec", spec);
    return Map.of("metricSource", source);
  }

  private static Map<String, Object> document(
      String kind, String name, String fileName, Map<String, Object> spec) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("apiVersion", "openslo/v1");
    d.put("kind", kind);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", name);
    if (fileName != null) {
      Map<String, Object> annotations = new LinkedHashMap<>();
      annotations.put(ANNOTATION + "spec-file", fileName);
      meta.put("annotations", annotations);
    }
    d.put("metadata", meta);
    d.put("spec", new LinkedHashMap<>(spec));
    return d;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> meta(Map<String, Object> document) {
    return (Map<String, Object>) document.get("metadata");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> annotations(Map<String, Object> document) {
    return (Map<String, Object>)
        meta(document).computeIfAbsent("annotations", k -> new LinkedHashMap<>());
  }

  private static Map<String, Object> reorder(Map<String, Object> m, String first) {
    Map<String, Object> r = new LinkedHashMap<>();
    if (m.containsKey(first)) r.put(first, m.get(first));
    m.forEach(r::putIfAbsent);
    return r;
  }

  /** An OpenSLO name (a DNS label): lower case, digits and '-'. */
  static String id(String s) {
    String id = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
    return id.length() > 63 ? id.substring(0, 63).replaceAll("-+$", "") : id;
  }

  private static String text(YamlNode.Mapping m, String key) {
    YamlNode.Entry e = m.entry(key);
    return e != null && e.value() instanceof YamlNode.Scalar s ? s.value() : null;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A YAML tree as maps, lists and scalars of the kinds YAML gave them. */
  static Object plain(YamlNode node) {
    if (node instanceof YamlNode.Mapping m) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (YamlNode.Entry e : m.entries()) map.put(e.key(), plain(e.value()));
      return map;
    }
    if (node instanceof YamlNode.Sequence list) {
      List<Object> items = new ArrayList<>();
      for (YamlNode item : list.items()) items.add(plain(item));
      return items;
    }
    YamlNode.Scalar s = (YamlNode.Scalar) node;
    return switch (s.kind()) {
      case NULL -> null;
      case TRUE -> true;
      case FALSE -> false;
      case INTEGER -> s.number().toBigIntegerExact();
      case DECIMAL -> s.number();
      case STRING -> s.text();
    };
  }
}
