package io.slotoolkit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.slotoolkit.model.AlertStatus;
import io.slotoolkit.model.Assessment;
import io.slotoolkit.model.Evaluation;
import io.slotoolkit.model.Exclusion;
import io.slotoolkit.model.ExclusionCount;
import io.slotoolkit.model.ResultDetails;
import io.slotoolkit.model.SeverityMatch;
import io.slotoolkit.model.SeverityResponse;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.SourceStats;
import io.slotoolkit.model.WindowLengths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Map;

/**
 * The contract's JSON: {@code evaluated_at}, {@code passed}, {@code results[]} with the contract's
 * fields in the contract's order, then our additions. Numbers are plain, never NaN or strings.
 */
public final class JsonRenderer implements Renderer {
  private final String failOn;
  private final Assessment assessment;
  // worked out once per SLO and per alert window length, not for each of thousands of groups
  private io.slotoolkit.model.Slo severityOf;
  private SeverityMatch severity;
  private final Map<java.time.Duration, String> labels = new java.util.HashMap<>();

  public JsonRenderer(String failOn) {
    this(failOn, null);
  }

  /** With each result's alerts, exclusions and severity, and the run's severity. */
  public JsonRenderer(String failOn, Assessment assessment) {
    this.failOn = failOn;
    this.assessment = assessment;
  }

  @Override
  public void render(Evaluation e, PrintWriter out) {
    if (assessment != null && assessment.evaluation() != e)
      throw new IllegalArgumentException("the assessment is of another evaluation");
    try {
      JsonGenerator g = Json.generator(out);
      g.writeStartObject();
      g.writeStringField("evaluated_at", Times.iso(e.at(), e.zone()));
      g.writeBooleanField("passed", e.passed());
      g.writeStringField("fail_on", failOn);
      g.writeStringField("engine", e.engine());
      g.writeArrayFieldStart("results");
      for (int i = 0; i < e.results().size(); i++)
        result(g, e.results().get(i), assessment == null ? null : assessment.details().get(i));
      g.writeEndArray();
      if (!e.composites().isEmpty()) Json.composites(g, e.composites(), e.zone());
      g.writeArrayFieldStart("sources");
      for (SourceStats s : e.sources()) source(g, s, freshnessOf(s.source()));
      g.writeEndArray();
      if (assessment != null) {
        SeverityMatch top = assessment.severity().highest();
        if (top == null) g.writeNullField("severity");
        else {
          g.writeObjectFieldStart("severity");
          g.writeStringField("level", top.level().name());
          g.writeStringField("slo", top.slo());
          g.writeStringField("condition", top.condition());
          g.writeStringField("reason", top.reason());
          SeverityResponse resp = top.level().response();
          if (resp == null) g.writeNullField("response");
          else {
            g.writeObjectFieldStart("response");
            g.writeStringField("who", resp.who());
            g.writeBooleanField("out_of_hours", resp.outOfHours());
            if (resp.timeToAct() == null) g.writeNullField("within_seconds");
            else g.writeNumberField("within_seconds", resp.timeToAct().getSeconds());
            g.writeEndObject();
          }
          g.writeEndObject();
        }
      }
      g.writeEndObject();
      g.flush();
      out.println();
      out.flush();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  // the names of the fields every result writes (see Json.key)
  private static final SerializedString SLO = Json.key("slo");
  private static final SerializedString SERVICE = Json.key("service");
  private static final SerializedString GROUP = Json.key("group");
  private static final SerializedString SKIPPED_NULL = Json.key("skipped_null");
  private static final SerializedString SOURCE = Json.key("source");
  private static final SerializedString ALERTS = Json.key("alerts");
  private static final SerializedString SEVERITY = Json.key("severity");
  private static final SerializedString LONG_WINDOW = Json.key("long_window");
  private static final SerializedString SHORT_WINDOW = Json.key("short_window");
  private static final SerializedString FACTOR = Json.key("factor");
  private static final SerializedString LONG_BURN_RATE = Json.key("long_burn_rate");
  private static final SerializedString SHORT_BURN_RATE = Json.key("short_burn_rate");
  private static final SerializedString FIRED = Json.key("fired");
  private static final SerializedString CONSUMED_LONG = Json.key("budget_consumed_long");
  private static final SerializedString CONSUMED_SHORT = Json.key("budget_consumed_short");
  private static final SerializedString EXHAUSTION = Json.key("time_to_exhaustion_seconds");
  private static final SerializedString LONG_GOOD = Json.key("long_good");
  private static final SerializedString LONG_TOTAL = Json.key("long_total");
  private static final SerializedString SHORT_GOOD = Json.key("short_good");
  private static final SerializedString SHORT_TOTAL = Json.key("short_total");
  private static final SerializedString HELD_BY_MIN_EVENTS = Json.key("held_by_min_events");
  private static final SerializedString HELD_BY_NO_DATA = Json.key("held_by_no_data");
  private static final SerializedString EXCLUSIONS = Json.key("exclusions");

  private void result(JsonGenerator g, SloResult r, ResultDetails d) throws IOException {
    ZoneId zone = r.slo().source().zone();
    g.writeStartObject();
    Json.field(g, SLO, r.slo().name());
    Json.field(g, SERVICE, r.slo().service());
    g.writeFieldName(GROUP);
    if (r.group() == null) {
      g.writeNull();
    } else {
      g.writeStartObject();
      for (Map.Entry<String, String> e : r.group().asMap().entrySet())
        g.writeStringField(e.getKey(), e.getValue());
      g.writeEndObject();
    }
    Json.resultFigures(g, r, r.status(), zone);
    Json.field(g, SKIPPED_NULL, r.skippedNull());
    Json.field(g, SOURCE, r.slo().source().name());
    if (r.slo().description() != null) g.writeStringField("description", r.slo().description());
    metadata(g, r.slo().metadata());
    if (assessment != null) details(g, r, d, zone);
    g.writeEndObject();
  }

  /** labels, annotations and links, each an object, written only when the SLO has some. */
  private static void metadata(JsonGenerator g, io.slotoolkit.model.SloMetadata m)
      throws IOException {
    for (var e :
        java.util.List.of(
            java.util.Map.entry("labels", m.labels()),
            java.util.Map.entry("annotations", m.annotations()),
            java.util.Map.entry("links", m.links()))) {
      if (e.getValue().isEmpty()) continue;
      g.writeObjectFieldStart(e.getKey());
      for (var kv : e.getValue().entrySet()) g.writeStringField(kv.getKey(), kv.getValue());
      g.writeEndObject();
    }
  }

  private void details(JsonGenerator g, SloResult r, ResultDetails d, ZoneId zone)
      throws IOException {
    g.writeFieldName(ALERTS);
    g.writeStartArray();
    if (d != null) {
      for (AlertStatus a : d.alerts()) {
        g.writeStartObject();
        Json.field(g, SEVERITY, a.rule().severity());
        Json.field(g, LONG_WINDOW, label(a.rule().longWindow()));
        Json.field(g, SHORT_WINDOW, label(a.rule().shortWindow()));
        g.writeFieldName(FACTOR);
        if (a.rule().factor() == null) g.writeNull();
        else g.writeNumber(a.rule().factor());
        Json.ruleExtras(g, a.rule());
        Json.number(g, LONG_BURN_RATE, a.longBurnRate());
        Json.number(g, SHORT_BURN_RATE, a.shortBurnRate());
        Json.field(g, FIRED, a.fired());
        Json.number(g, CONSUMED_LONG, a.longBudgetConsumed());
        Json.number(g, CONSUMED_SHORT, a.shortBudgetConsumed());
        g.writeFieldName(EXHAUSTION);
        if (a.timeToExhaustion() == null) g.writeNull();
        else g.writeNumber(a.timeToExhaustion().getSeconds());
        Json.field(g, LONG_GOOD, a.longWindow().good());
        Json.field(g, LONG_TOTAL, a.longWindow().total());
        Json.field(g, SHORT_GOOD, a.shortWindow().good());
        Json.field(g, SHORT_TOTAL, a.shortWindow().total());
        Json.field(g, HELD_BY_MIN_EVENTS, a.belowMinEvents());
        Json.field(g, HELD_BY_NO_DATA, a.heldByNoData());
        if (a.rule().isExhaustion() || a.hold() != null)
          g.writeBooleanField("condition_met", a.conditionMet());
        if (a.hold() != null) {
          g.writeBooleanField("pending_for", a.hold().pending());
          g.writeBooleanField("cooling_down", a.hold().coolingDown(r.windowEnd()));
          if (a.hold().holdingSince() == null) g.writeNullField("holding_since");
          else g.writeStringField("holding_since", Times.iso(a.hold().holdingSince(), zone));
          if (a.hold().lastHeld() == null) g.writeNullField("last_held");
          else g.writeStringField("last_held", Times.iso(a.hold().lastHeld(), zone));
        }
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    g.writeFieldName(EXCLUSIONS);
    g.writeStartArray();
    if (d != null) {
      for (ExclusionCount x : d.exclusions()) {
        g.writeStartObject();
        g.writeStringField("reason", x.exclusion().reason());
        g.writeStringField("start", Times.iso(x.start(), zone));
        g.writeStringField("end", Times.iso(x.end(), zone));
        if (x.exclusion() instanceof Exclusion.Weekly w) g.writeStringField("weekly", w.describe());
        if (x.exclusion() instanceof Exclusion.Recurring rr) {
          g.writeStringField("rrule", rr.rule().text());
        }
        g.writeNumberField("events_removed", x.eventsRemoved());
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    if (d != null) freshness(g, d.freshness());
    if (r.slo() != severityOf) {
      severityOf = r.slo();
      severity = assessment.severity().forSlo(r.slo().qualifiedName()).orElse(null);
    }
    SeverityMatch m = severity;
    g.writeFieldName(SEVERITY);
    if (m == null) g.writeNull();
    else {
      g.writeStartObject();
      g.writeStringField("level", m.level().name());
      g.writeStringField("condition", m.condition());
      g.writeStringField("reason", m.reason());
      g.writeEndObject();
    }
  }

  private String label(java.time.Duration d) {
    return labels.computeIfAbsent(d, WindowLengths::label);
  }

  private io.slotoolkit.model.Freshness freshnessOf(io.slotoolkit.model.DataSource source) {
    if (assessment == null) return null;
    return assessment.freshness().stream()
        .filter(f -> f.source().equals(source))
        .findFirst()
        .orElse(null);
  }

  /**
   * {@code "freshness": {"latest_event", "age_seconds", "max_staleness_seconds", "stale"}}, written
   * only for a source with a staleness allowance.
   */
  private static void freshness(JsonGenerator g, io.slotoolkit.model.Freshness f)
      throws IOException {
    if (f == null) return;
    g.writeObjectFieldStart("freshness");
    g.writeStringField("latest_event", Times.iso(f.latestEvent(), f.source().zone()));
    g.writeNumberField("age_seconds", f.age().getSeconds());
    g.writeNumberField("max_staleness_seconds", f.maxStaleness().getSeconds());
    g.writeBooleanField("stale", f.stale());
    g.writeEndObject();
  }

  private static void source(JsonGenerator g, SourceStats s, io.slotoolkit.model.Freshness f)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("source", s.source().name());
    g.writeStringField("spec", String.valueOf(s.source().specFile()));
    g.writeNumberField("files", s.files());
    g.writeNumberField("rows_in_range", s.rowsInRange());
    g.writeNumberField("excluded_rows", s.excludedRows());
    g.writeNumberField("bad_rows", s.badRows());
    g.writeNumberField("max_bad_rows", s.source().maxBadRows());
    g.writeArrayFieldStart("bad_row_samples");
    for (String x : s.badRowSamples()) g.writeString(x);
    g.writeEndArray();
    if (!s.notes().isEmpty()) {
      g.writeArrayFieldStart("notes");
      for (String x : s.notes()) g.writeString(x);
      g.writeEndArray();
    }
    freshness(g, f);
    g.writeEndObject();
  }
}
