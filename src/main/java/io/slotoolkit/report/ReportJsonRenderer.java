package io.slotoolkit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.slotoolkit.model.Breakdown;
import io.slotoolkit.model.BudgetPoint;
import io.slotoolkit.model.Composite;
import io.slotoolkit.model.DailyCounts;
import io.slotoolkit.model.GroupView;
import io.slotoolkit.model.PeriodCounts;
import io.slotoolkit.model.PeriodResult;
import io.slotoolkit.model.Report;
import io.slotoolkit.model.SloReport;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.SourceStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;

/**
 * {@code slo report --format json}: per SLO the contract's result fields (for a {@code per} SLO,
 * over all groups together), then the report's additions. Ratios are plain numbers in [0, 1].
 */
public final class ReportJsonRenderer implements ReportRenderer {
  private final String failOn;

  public ReportJsonRenderer(String failOn) {
    this.failOn = failOn;
  }

  @Override
  public void render(Report r, PrintWriter out) {
    try {
      JsonGenerator g = Json.generator(out);
      g.writeStartObject();
      g.writeStringField("evaluated_at", Times.iso(r.at(), r.zone()));
      g.writeBooleanField("passed", r.passed());
      g.writeStringField("fail_on", failOn);
      g.writeStringField("engine", r.engine());
      g.writeNumberField("top", r.top());
      g.writeArrayFieldStart("masked");
      for (String m : r.masked()) g.writeString(m);
      g.writeEndArray();
      if (r.period() != null) g.writeStringField("period", r.period().label());
      if (r.periods() > 0) g.writeNumberField("periods", r.periods());
      g.writeArrayFieldStart("slos");
      for (SloReport s : r.slos()) slo(g, s, r);
      g.writeEndArray();
      // check's composites[]; with --period the names of those not evaluated
      if (!r.composites().isEmpty()) Json.composites(g, r.composites(), r.zone());
      if (!r.skippedComposites().isEmpty()) {
        g.writeArrayFieldStart("composites_not_evaluated");
        for (Composite c : r.skippedComposites()) g.writeString(c.name());
        g.writeEndArray();
      }
      g.writeArrayFieldStart("sources");
      for (SourceStats s : r.sources()) {
        g.writeStartObject();
        g.writeStringField("source", s.source().name());
        g.writeNumberField("files", s.files());
        g.writeNumberField("rows_in_range", s.rowsInRange());
        g.writeNumberField("excluded_rows", s.excludedRows());
        g.writeNumberField("bad_rows", s.badRows());
        g.writeArrayFieldStart("bad_row_samples");
        for (String x : s.badRowSamples()) g.writeString(x);
        g.writeEndArray();
        if (!s.notes().isEmpty()) {
          g.writeArrayFieldStart("notes");
          for (String x : s.notes()) g.writeString(x);
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      out.println();
      out.flush();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static void slo(JsonGenerator g, SloReport s, Report r) throws IOException {
    SloResult w = s.window();
    ZoneId zone = s.slo().source().zone();
    g.writeStartObject();
    g.writeStringField("slo", s.slo().name());
    g.writeStringField("service", s.slo().service());
    Json.resultFigures(g, w, s.status(), zone);
    g.writeStringField("health", s.health().name());
    if (s.slo().description() != null) g.writeStringField("description", s.slo().description());
    period(g, "yesterday", s.yesterday(), zone);
    period(g, "last_7_days", s.last7Days(), zone);
    g.writeArrayFieldStart("daily");
    for (DailyCounts d : s.trend()) {
      g.writeStartObject();
      g.writeStringField("date", d.day().toString());
      g.writeNumberField("good", d.good());
      g.writeNumberField("total", d.total());
      Json.number(g, "sli", d.sli());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("burn_down");
    for (BudgetPoint p : s.burnDown()) {
      g.writeStartObject();
      g.writeStringField("date", p.day().toString());
      g.writeNumberField("bad", p.bad());
      Json.number(g, "remaining", p.remaining());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("breakdowns");
    for (Breakdown b : s.breakdowns()) breakdown(g, b);
    g.writeEndArray();
    if (s.groups() == null) {
      g.writeNullField("groups");
    } else {
      groups(g, s.groups());
    }
    periods(g, s, r);
    g.writeEndObject();
  }

  /** {@code "periods": [...]} and {@code "periods_spent_whole_budget"} of one SLO. */
  private static void periods(JsonGenerator g, SloReport s, Report r) throws IOException {
    if (r.periods() == 0) return;
    ZoneId zone = s.slo().source().zone();
    g.writeArrayFieldStart("periods");
    for (PeriodResult p : s.periods()) {
      g.writeStartObject();
      g.writeStringField("period", p.label());
      g.writeStringField("start", Times.iso(p.result().windowStart(), zone));
      g.writeStringField("end", Times.iso(p.result().windowEnd(), zone));
      g.writeNumberField("good", p.result().good());
      g.writeNumberField("total", p.result().total());
      Json.number(g, "sli", p.result().sli());
      g.writeStringField("status", p.result().status().name());
      g.writeFieldName("allowed");
      g.writeNumber(Json.plain(p.result().budget().allowed()));
      g.writeNumberField("bad", p.result().budget().bad());
      Json.number(g, "budget_used", p.budgetUsed());
      g.writeBooleanField("spent_whole_budget", p.spentWholeBudget());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("periods_spent_whole_budget");
    for (PeriodResult p : s.periodsSpent()) g.writeString(p.label());
    g.writeEndArray();
  }

  private static void period(JsonGenerator g, String name, PeriodCounts p, ZoneId zone)
      throws IOException {
    g.writeObjectFieldStart(name);
    g.writeStringField("start", Times.iso(p.start(), zone));
    g.writeStringField("end", Times.iso(p.end(), zone));
    g.writeNumberField("good", p.good());
    g.writeNumberField("total", p.total());
    Json.number(g, "sli", p.sli());
    g.writeEndObject();
  }

  private static void breakdown(JsonGenerator g, Breakdown b) throws IOException {
    g.writeStartObject();
    g.writeStringField("dimension", b.dimension());
    g.writeBooleanField("masked", b.masked());
    g.writeNumberField("values", b.values());
    g.writeNumberField("good", b.good());
    g.writeNumberField("total", b.total());
    g.writeArrayFieldStart("rows");
    for (Breakdown.Row row : b.rows()) row(g, b, row);
    g.writeEndArray();
    if (b.other() == null) {
      g.writeNullField("other");
    } else {
      g.writeFieldName("other");
      row(g, b, b.other());
    }
    g.writeEndObject();
  }

  private static void row(JsonGenerator g, Breakdown b, Breakdown.Row row) throws IOException {
    g.writeStartObject();
    g.writeStringField("value", row.value());
    g.writeNumberField("values", row.values());
    g.writeNumberField("good", row.good());
    g.writeNumberField("total", row.total());
    Json.number(g, "sli", row.sli());
    g.writeNumberField("bad", row.bad());
    Json.number(g, "volume_share", b.volumeShare(row));
    Json.number(g, "bad_share", b.badShare(row));
    g.writeEndObject();
  }

  private static void groups(JsonGenerator g, GroupView v) throws IOException {
    g.writeObjectFieldStart("groups");
    g.writeArrayFieldStart("columns");
    for (String c : v.columns()) g.writeString(c);
    g.writeEndArray();
    g.writeNumberField("count", v.groups());
    g.writeNumberField("total", v.total());
    g.writeObjectFieldStart("concentration");
    Json.number(g, "top_1", v.top1());
    Json.number(g, "top_5", v.top5());
    Json.number(g, "top_10", v.top10());
    g.writeEndObject();
    g.writeStringField("aggregate_status", v.aggregate().status().name());
    g.writeBooleanField("aggregate_hides_breaches", v.aggregateHidesBreaches());
    g.writeNumberField("breached_count", v.breachedGroups());
    Json.number(g, "breached_share", v.breachedShare());
    g.writeArrayFieldStart("top");
    for (GroupView.Share s : v.top()) share(g, s);
    g.writeEndArray();
    if (v.tail() == null) {
      g.writeNullField("tail");
    } else {
      g.writeFieldName("tail");
      share(g, v.tail());
    }
    g.writeArrayFieldStart("breached");
    for (GroupView.Share s : v.breached()) share(g, s);
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void share(JsonGenerator g, GroupView.Share s) throws IOException {
    g.writeStartObject();
    g.writeStringField("group", s.label());
    g.writeNumberField("groups", s.groups());
    g.writeNumberField("good", s.good());
    g.writeNumberField("total", s.total());
    Json.number(g, "sli", s.sli());
    Json.number(g, "share", s.share());
    g.writeStringField("status", s.status().name());
    g.writeEndObject();
  }
}
