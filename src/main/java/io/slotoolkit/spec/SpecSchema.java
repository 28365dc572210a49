package io.slotoolkit.spec;

import static io.slotoolkit.spec.SchemaShapes.annotations;
import static io.slotoolkit.spec.SchemaShapes.anyOf;
import static io.slotoolkit.spec.SchemaShapes.arrayNode;
import static io.slotoolkit.spec.SchemaShapes.arrayOf;
import static io.slotoolkit.spec.SchemaShapes.bool;
import static io.slotoolkit.spec.SchemaShapes.caseInsensitive;
import static io.slotoolkit.spec.SchemaShapes.character;
import static io.slotoolkit.spec.SchemaShapes.clock;
import static io.slotoolkit.spec.SchemaShapes.columns;
import static io.slotoolkit.spec.SchemaShapes.constant;
import static io.slotoolkit.spec.SchemaShapes.count;
import static io.slotoolkit.spec.SchemaShapes.enumNode;
import static io.slotoolkit.spec.SchemaShapes.enumOf;
import static io.slotoolkit.spec.SchemaShapes.example;
import static io.slotoolkit.spec.SchemaShapes.expression;
import static io.slotoolkit.spec.SchemaShapes.labels;
import static io.slotoolkit.spec.SchemaShapes.length;
import static io.slotoolkit.spec.SchemaShapes.links;
import static io.slotoolkit.spec.SchemaShapes.listOf;
import static io.slotoolkit.spec.SchemaShapes.mapOf;
import static io.slotoolkit.spec.SchemaShapes.missingColumns;
import static io.slotoolkit.spec.SchemaShapes.number;
import static io.slotoolkit.spec.SchemaShapes.numberWithExamples;
import static io.slotoolkit.spec.SchemaShapes.oneOf;
import static io.slotoolkit.spec.SchemaShapes.oneOrMany;
import static io.slotoolkit.spec.SchemaShapes.oneOrManyMatching;
import static io.slotoolkit.spec.SchemaShapes.pattern;
import static io.slotoolkit.spec.SchemaShapes.patternNode;
import static io.slotoolkit.spec.SchemaShapes.ref;
import static io.slotoolkit.spec.SchemaShapes.refNode;
import static io.slotoolkit.spec.SchemaShapes.share;
import static io.slotoolkit.spec.SchemaShapes.text;
import static io.slotoolkit.spec.SchemaShapes.textMap;
import static io.slotoolkit.spec.SchemaShapes.window;
import static io.slotoolkit.spec.SchemaShapes.zone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JSON Schema (draft 2020-12) of the spec format, for editors (completion, hovers, red
 * squiggles) and other tools. Its object definitions are built from {@link SpecLevel}, the same key
 * lists the loader reads, and its enums and patterns from the loader's own constants: a key added
 * to a level without a description here fails the build (see {@link #json()}), so the schema cannot
 * drift from the loader.
 *
 * <p>The schema checks structure (keys, types, enums, simple patterns); what needs more than one
 * value or the data (a source that exists, a short window shorter than its long one, expressions)
 * stays with {@code slo validate}.
 *
 * <p>Why this class is large: most of it is {@code describe()}, the description of every key of
 * every level, kept in one place so that each level reads as one block next to the loader's key
 * list; the value shapes it builds keys from are in {@link SchemaShapes}.
 */
public final class SpecSchema {
  /** The draft the schema is written in. */
  public static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

  /** The file name {@code slo init} and the docs use for a local copy of the schema. */
  public static final String FILE_NAME = "slo-spec.schema.json";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<SpecLevel, Definition> definitions = new EnumMap<>(SpecLevel.class);

  /** Keywords a level's object has beyond its properties: "exactly one of these keys". */
  private final Map<SpecLevel, ObjectNode> definitionsExtra = new EnumMap<>(SpecLevel.class);

  /** What a level's map is, and each of its keys. */
  private record Definition(
      String title, String description, Map<String, ObjectNode> keys, List<String> required) {}

  private SpecSchema() {
    describe();
  }

  /**
   * The schema as pretty-printed JSON, ending in a newline.
   *
   * @throws IllegalStateException when a level's keys and their descriptions here differ: a key the
   *     loader reads must be described, and no key may be described that the loader refuses
   */
  public static String json() {
    ObjectNode schema = new SpecSchema().build();
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      Separators separators =
          Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER);
      return new ObjectMapper()
              .writer(printer.withSeparators(separators))
              .writeValueAsString(schema)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print the schema", e);
    }
  }

  private ObjectNode build() {
    ObjectNode root = NODES.objectNode();
    root.put("$schema", DRAFT);
    root.setAll(object(SpecLevel.FILE));
    root.put("title", "slo-toolkit spec (version 1)");
    root.put(
        "description",
        "One service's event-log sources and SLOs, evaluated by `slo check`. Generated by `slo"
            + " schema`; see docs/specs.md.");
    ObjectNode defs = root.putObject("$defs");
    for (SpecLevel level : SpecLevel.values()) {
      if (level == SpecLevel.FILE) continue;
      defs.set(defName(level), object(level));
    }
    return root;
  }

  private ObjectNode object(SpecLevel level) {
    Definition d = definitions.get(level);
    if (d == null) throw new IllegalStateException("the schema does not describe " + level);
    if (!new ArrayList<>(d.keys().keySet()).equals(level.keys())) {
      throw new IllegalStateException(
          "the schema's keys of "
              + level
              + " "
              + d.keys().keySet()
              + " differ from the loader's "
              + level.keys());
    }
    ObjectNode o = NODES.objectNode();
    o.put("title", d.title());
    o.put("description", d.description());
    o.put("type", "object");
    ObjectNode props = o.putObject("properties");
    d.keys().forEach(props::set);
    if (!d.required().isEmpty()) {
      ArrayNode req = o.putArray("required");
      d.required().forEach(req::add);
    }
    o.put("additionalProperties", false);
    ObjectNode extra = definitionsExtra.get(level);
    if (extra != null) o.setAll(extra);
    return o;
  }

  static String defName(SpecLevel level) {
    return level.name().toLowerCase(Locale.ROOT);
  }

  // ---- the descriptions: one entry per key of each level ----

  private void describe() {
    level(
        SpecLevel.FILE,
        "spec file",
        "A spec file: one service's sources and SLOs.",
        List.of("version"),
        key("version", constant(1, "The spec format version; always 1.")),
        key(
            "service",
            text(
                "The service every SLO of this file belongs to. Default: the file name without its"
                    + " extension.",
                "homehub")),
        key(
            "sources",
            mapOf(
                SpecLevel.SOURCE,
                SourceReader.SOURCE_NAME,
                "Source name to source: the event logs SLOs read. Names use lowercase letters,"
                    + " digits, '_' and '-'.")),
        key("slos", listOf(SpecLevel.SLO, "The SLOs of this file.")),
        key(
            "severity",
            listOf(
                SpecLevel.SEVERITY_LEVEL,
                "The run's severity table, highest level first (see docs/alerting.md).")),
        key(
            "exclusions_file",
            text(
                "A CSV of exclusions (start,end,slo,reason), relative to this spec file.",
                "exclusions.csv")),
        key(
            "forecasts",
            listOf(
                SpecLevel.FORECAST,
                "Busy-season forecasts over this file's sources, run by `slo forecast`.")),
        key("labels", labels("Labels of every SLO of this file (an SLO's own win).")),
        key("annotations", annotations("Annotations of every SLO of this file.")),
        key("links", links("Links of every SLO of this file, such as the team's runbook.")));

    level(
        SpecLevel.SOURCE,
        "source",
        "An exported event log: files, their format and the event time column.",
        List.of("path"),
        key(
            "path",
            oneOrMany(
                "A file, a glob or a list of them, relative to the spec file's folder.",
                "data/api-*.parquet",
                "logs/**/*.csv")),
        key(
            "format",
            enumOf(
                "How the files are read. auto: by extension (.parquet/.pq are Parquet; .csv, .tsv,"
                    + " .txt, also .gz/.zst, are CSV).",
                SourceReader.FORMATS)),
        key(
            "log_format",
            oneOf(
                "Access logs only: common, combined (the default), or {pattern: REGEX} whose named"
                    + " groups are the columns.",
                enumNode(SourceReader.LOG_FORMATS),
                refNode(SpecLevel.LOG_FORMAT),
                "combined")),
        key(
            "timestamp",
            text(
                "The column holding each event's time. Required, except for access logs (time).",
                "ts")),
        key(
            "timestamp_format",
            anyOf(
                "How event times are written: auto (timestamps, dates, ISO-8601 text), epoch_s,"
                    + " epoch_ms, epoch_us, or a strptime pattern containing %.",
                enumNode(SourceReader.TIME_FORMATS),
                patternNode(".*%.*"),
                "epoch_ms",
                "%d/%b/%Y:%H:%M:%S %z")),
        key(
            "timestamp_zone",
            zone("The IANA zone of timestamps written without an offset. Default: UTC.")),
        key(
            "timezone",
            zone(
                "The IANA zone of the business calendar: where calendar windows and days start."
                    + " Default: UTC.")),
        key(
            "csv",
            ref(SpecLevel.CSV, "The CSV dialect, when sniffing is not enough. Default: sniffed.")),
        key(
            "columns",
            textMap(
                "Derived columns: new column name to a SQL expression over the file's columns.",
                SourceReader.DERIVED_NAME,
                NODES.objectNode().put("type", "string"))),
        key(
            "where",
            expression(
                "The rows that may be analysed; the others are left out of every SLO and counted"
                    + " as excluded.",
                "tenant <> 'test'")),
        key(
            "max_bad_rows",
            count("Malformed rows tolerated before the run fails with exit 3. Default: 0.")),
        key(
            "mask",
            columns(
                "Identifier columns shown as stable keyed pseudonyms in every output.",
                "customer_id")),
        key("missing_columns", missingColumns()),
        key(
            "exclude",
            listOf(SpecLevel.EXCLUSION, "Periods left out of every SLO of this source.")));

    level(
        SpecLevel.LOG_FORMAT,
        "log format",
        "An access log format given by a regular expression.",
        List.of("pattern"),
        key(
            "pattern",
            text(
                "A regular expression with one named group per column, (?P<name>...).",
                "^(?P<host>\\S+) \\S+ \\S+ \\[(?P<time>[^\\]]+)\\] \"(?P<request>[^\"]*)\" (?P<status>\\d+)")));

    level(
        SpecLevel.CSV,
        "CSV dialect",
        "CSV options; each one left out is sniffed.",
        List.of(),
        key("delimiter", text("The field separator.", ";")),
        key("quote", character("The quote character.", "\"")),
        key("escape", character("The escape character inside quoted fields.", "\\")),
        key("header", bool("Whether the first line names the columns.")),
        key("null", text("The text of a missing value.", "NA")));

    level(
        SpecLevel.SLO,
        "SLO",
        "A service level objective: an SLI over a source, an objective and a window.",
        List.of("name", "source", "sli", "objective", "window"),
        key(
            "name",
            pattern(
                "Unique within the file (and per service in a run).",
                SloReader.SLO_NAME,
                "api-availability")),
        key("description", text("What the SLO protects, for people; shown in the outputs.")),
        key("service", text("Overrides the file's service.")),
        key("source", text("A source of this file.", "api")),
        key("sli", ref(SpecLevel.SLI, "Exactly one of ratio, latency or counts.")),
        key(
            "objective",
            oneOf(
                "The target share of good events: a percent such as 99.5% or a ratio such as"
                    + " 0.995, strictly between 0 and 100%. 99.5 without % is refused.",
                patternNode("^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$"), number(0, 1), "99.5%", "99.9%")),
        key(
            "window",
            window(
                "Rolling: Nd or Nh (28d, 36h); calendar: week (ISO, from Monday), month or"
                    + " quarter, in the source's timezone.")),
        key(
            "per",
            columns("One result per distinct value of this column (or combination).", "region")),
        key(
            "min_events",
            count("A result with fewer valid events in the window is NO_DATA. Default: 0.")),
        key(
            "dimensions",
            columns(
                "Columns `slo report` breaks the SLI down by, biggest budget burners first.",
                "app_version")),
        key(
            "alerts",
            oneOf(
                "Burn-rate alert pairs: a list of {long, short, factor, severity}, or a map with"
                    + " pairs and min_events; [] for none. Default: the standard multiwindow"
                    + " policy.",
                arrayNode(refNode(SpecLevel.ALERT_PAIR)),
                refNode(SpecLevel.ALERTS))),
        key(
            "tags",
            oneOrManyMatching(
                "Lower-case labels that severity conditions select SLOs by.",
                SloReader.TAG,
                "critical")),
        key("labels", labels("This SLO's labels, on top of the file's.")),
        key("annotations", annotations("This SLO's annotations, on top of the file's.")),
        key("links", links("Where to act on this SLO: runbook, dashboard, ...")),
        key("exclude", listOf(SpecLevel.EXCLUSION, "Periods left out of this SLO.")));

    ObjectNode sli = NODES.objectNode();
    sli.put("minProperties", 1).put("maxProperties", 1);
    definitionsExtra.put(SpecLevel.SLI, sli);
    level(
        SpecLevel.SLI,
        "SLI",
        "How good and valid events are told apart: exactly one of ratio, latency or counts.",
        List.of(),
        key("ratio", ref(SpecLevel.RATIO, "Good events over valid events, by expressions.")),
        key(
            "latency",
            ref(SpecLevel.LATENCY, "Valid events whose latency is at most a threshold are good.")),
        key(
            "counts",
            ref(SpecLevel.COUNTS, "For exports that already count: sums of good and total.")));

    level(
        SpecLevel.RATIO,
        "ratio SLI",
        "good / total, both SQL boolean expressions over the source's columns.",
        List.of("good"),
        key("good", expression("The good events among the valid ones.", "status < 500")),
        key(
            "total",
            expression("The valid events. Default: every row.", "endpoint <> '/healthz'")));

    level(
        SpecLevel.LATENCY,
        "latency SLI",
        "Good events are valid rows whose latency column is at most the threshold.",
        List.of("column", "threshold"),
        key("column", text("The column holding each event's latency.", "latency_ms")),
        key("unit", enumOf("The unit of the column. Default: ms.", SloReader.UNITS)),
        key(
            "threshold",
            oneOf(
                "A duration with a unit (300ms, 1.5s, 250us); a bare number is in the column's"
                    + " unit.",
                patternNode("^\\s*[0-9]+(\\.[0-9]+)?\\s*(ms|s|us)?\\s*$"),
                number(0, null),
                "300ms",
                "1.5s")),
        key("total", expression("The valid events. Default: every row.", "status < 500")));

    level(
        SpecLevel.COUNTS,
        "counts SLI",
        "Valid events are the sum of total over the rows, good events the sum of good.",
        List.of("good", "total"),
        key(
            "good",
            text(
                "A numeric SQL expression: the good events a row counts (a whole number).",
                "requests - errors")),
        key("total", text("A numeric SQL expression: the valid events a row counts.", "requests")));

    level(
        SpecLevel.ALERTS,
        "alert policy",
        "Alert pairs with a traffic guard.",
        List.of(),
        key("pairs", listOf(SpecLevel.ALERT_PAIR, "The pairs; leave out for the default policy.")),
        key(
            "min_events",
            count("Events the long window needs before a pair may fire. Default: 0.")));

    level(
        SpecLevel.ALERT_PAIR,
        "alert pair",
        "A multiwindow burn-rate rule: fires when both windows burn faster than factor.",
        List.of("long", "short", "factor", "severity"),
        key("long", length("The long window: whole minutes such as 1h, 3d or 5h36m.", "1h")),
        key("short", length("The short window, shorter than the long one.", "5m")),
        key("factor", numberWithExamples("The burn-rate threshold.", 14.4, 6, 1)),
        key("severity", text("The alert's severity name.", "page", "ticket")));

    ObjectNode exclusion = NODES.objectNode();
    ArrayNode kinds = exclusion.putArray("oneOf");
    kinds.addObject().putArray("required").add("start").add("end");
    kinds.addObject().putArray("required").add("weekly");
    definitionsExtra.put(SpecLevel.EXCLUSION, exclusion);
    level(
        SpecLevel.EXCLUSION,
        "exclusion",
        "A period left out: one-off {start, end, reason} or weekly {weekly, reason}.",
        List.of("reason"),
        key(
            "start",
            text(
                "ISO-8601 start (inclusive); without an offset, in the source's timezone.",
                "2026-03-03T02:00:00+01:00")),
        key("end", text("ISO-8601 end (exclusive).", "2026-03-03T04:00:00+01:00")),
        key("weekly", ref(SpecLevel.WEEKLY, "A period every week, in the source's timezone.")),
        key("reason", text("Why, for people.", "planned database upgrade")));

    level(
        SpecLevel.WEEKLY,
        "weekly period",
        "Days of the week and a local time range; an end not after the start runs into the next"
            + " day.",
        List.of("days", "from", "to"),
        key(
            "days",
            arrayOf(
                "Days of the week: mon..sun or their full names.",
                anyOf(
                    "A day of the week.",
                    enumNode(List.copyOf(ExclusionReader.DAYS.keySet())),
                    patternNode(caseInsensitive(ExclusionReader.DAYS.keySet())))),
            example(List.of("sat", "sun"))),
        key("from", clock("Start time, \"HH:MM\" in quotes.", "02:00")),
        key("to", clock("End time, \"HH:MM\" in quotes.", "04:00")));

    level(
        SpecLevel.SEVERITY_LEVEL,
        "severity level",
        "A level of the severity table: conditions, any of which selects it, and a response.",
        List.of("name", "when"),
        key(
            "name",
            pattern(
                "The level's name, compared ignoring case.",
                Pattern.compile("[A-Za-z][A-Za-z0-9_-]*"),
                "SEV1")),
        key("when", listOf(SpecLevel.CONDITION, "Conditions; any one selects this level.")),
        key(
            "response",
            oneOf(
                "Who is told and how soon: a map, or just the text of who is told.",
                NODES.objectNode().put("type", "string"),
                refNode(SpecLevel.RESPONSE))));

    ObjectNode condition = NODES.objectNode();
    ArrayNode tests = condition.putArray("oneOf");
    for (String test :
        List.of(
            "alert", "groups_breached_over", "traffic_breached_over", "budget_below", "status")) {
      tests.addObject().putArray("required").add(test);
    }
    ObjectNode dependent = condition.putObject("dependentRequired");
    dependent.putArray("tag").add("alert");
    dependent.putArray("label").add("alert");
    definitionsExtra.put(SpecLevel.CONDITION, condition);
    level(
        SpecLevel.CONDITION,
        "severity condition",
        "Exactly one test: alert (with an optional tag), groups_breached_over,"
            + " traffic_breached_over, budget_below or status.",
        List.of(),
        key("alert", text("An alert pair of this severity fired.", "page")),
        key("tag", text("Only on SLOs with this tag (with alert).", "critical")),
        key(
            "label",
            pattern(
                "Only on SLOs with this label, key=value (with alert).",
                Pattern.compile(SloReader.LABEL_KEY.pattern() + "\\s*=.*"),
                "team=payments")),
        key("groups_breached_over", count("More than N groups of a per SLO are BREACHED.")),
        key("traffic_breached_over", share("BREACHED groups hold more than this share of events.")),
        key("budget_below", share("The least error budget left among groups is below this.")),
        key("status", enumOf("The SLO or one of its groups is BREACHED.", List.of("breached"))));

    level(
        SpecLevel.RESPONSE,
        "response",
        "What a severity level asks for.",
        List.of("who"),
        key("who", text("Who is called.", "payments on-call")),
        key("out_of_hours", bool("Also outside working hours. Default: false.")),
        key("within", length("How soon someone should act.", "15m")));

    level(
        SpecLevel.FORECAST,
        "forecast",
        "A busy-season forecast over a source of this file (see docs/forecasting.md).",
        List.of("name", "source", "volume", "season"),
        key("name", pattern("Unique in the file.", ForecastConverter.NAME, "records-per-night")),
        key("description", text("For people; printed above the forecast.")),
        key("source", text("A source of this file.")),
        key(
            "volume",
            oneOf(
                "count: events per day; {sum: COLUMN}: a numeric column summed per day.",
                enumNode(List.of("count")),
                refNode(SpecLevel.VOLUME))),
        key("where", expression("Which events count.", "job = 'sync'")),
        key("latency", ref(SpecLevel.FORECAST_LATENCY, "The per-item latency statistic per day.")),
        key(
            "season",
            pattern(
                "The recurring busy season, MM-DD..MM-DD, both ends included; may wrap.",
                ForecastConverter.SEASON,
                "03-15..04-10")),
        key("capacity", ref(SpecLevel.CAPACITY, "The daily job the peak must fit.")),
        key("latency_slo", ref(SpecLevel.LATENCY_SLO, "A latency threshold at the peak.")));

    level(
        SpecLevel.VOLUME,
        "volume",
        "A column summed per day.",
        List.of("sum"),
        key("sum", text("The numeric column.", "records")));

    level(
        SpecLevel.FORECAST_LATENCY,
        "forecast latency",
        "The per-item latency per day.",
        List.of("column", "statistic"),
        key("column", text("A numeric latency column.", "latency_ms")),
        key("unit", enumOf("The column's unit. Default: ms.", ForecastConverter.UNITS)),
        key("statistic", enumOf("The statistic of the day.", ForecastConverter.STATISTICS)));

    level(
        SpecLevel.CAPACITY,
        "capacity",
        "The daily job: the time it must finish in, workers and headroom.",
        List.of("window"),
        key("window", length("The time the job must finish in, at most 24h.", "2h")),
        key(
            "workers",
            NODES
                .objectNode()
                .put("type", "integer")
                .put("minimum", 1)
                .put("description", "Items processed in parallel. Default: 1.")),
        key("headroom", share("Share of the window kept free. Default: 0%.")));

    level(
        SpecLevel.LATENCY_SLO,
        "latency SLO at the peak",
        "A threshold on the latency statistic at the peak.",
        List.of("threshold"),
        key("statistic", enumOf("Must be the latency statistic.", ForecastConverter.STATISTICS)),
        key(
            "threshold",
            oneOf(
                "A duration with a unit, such as 300ms.",
                patternNode("^\\s*[0-9]+(\\.[0-9]+)?\\s*(ms|s|us)?\\s*$"),
                number(0, null),
                "300ms")));
  }

  private record Key(String name, ObjectNode schema) {}

  private static Key key(String name, ObjectNode schema) {
    return new Key(name, schema);
  }

  private static Key key(String name, ObjectNode schema, ArrayNode examples) {
    schema.set("examples", examples);
    return new Key(name, schema);
  }

  private void level(
      SpecLevel level, String title, String description, List<String> required, Key... keys) {
    Map<String, ObjectNode> map = new LinkedHashMap<>();
    for (Key k : keys) {
      if (map.put(k.name(), k.schema()) != null) {
        throw new IllegalStateException(level + " describes '" + k.name() + "' twice");
      }
    }
    definitions.put(level, new Definition(title, description, map, required));
  }
}
