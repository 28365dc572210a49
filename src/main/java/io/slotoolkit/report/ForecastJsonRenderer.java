package io.slotoolkit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.slotoolkit.model.Backtest;
import io.slotoolkit.model.CandidateScore;
import io.slotoolkit.model.Forecast;
import io.slotoolkit.model.ForecastPoint;
import io.slotoolkit.model.ForecastReport;
import io.slotoolkit.model.Gap;
import io.slotoolkit.model.LatencyPrediction;
import io.slotoolkit.model.LoadLatency;
import io.slotoolkit.model.NamedForecast;
import io.slotoolkit.model.Premortem;
import io.slotoolkit.model.Series;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * {@code slo forecast --format json}. Volumes in the series' unit per step, latencies in
 * milliseconds, durations in seconds, and errors, coverages and shares as ratios (0.05 is 5%), like
 * the SLIs of {@code slo check}. Numbers are plain JSON numbers; a value that does not exist is
 * null, never NaN.
 */
public final class ForecastJsonRenderer {

  /**
   * Spec forecasts: {@code {"forecasts": [{name, service, spec, description, then the fields of a
   * single report}], "verdict": the worst verdict or null}}.
   */
  public void renderAll(java.util.List<NamedForecast> reports, PrintWriter out) {
    try {
      JsonGenerator g = Json.generator(out);
      g.writeStartObject();
      g.writeArrayFieldStart("forecasts");
      io.slotoolkit.model.Verdict worst = null;
      for (NamedForecast n : reports) {
        g.writeStartObject();
        g.writeStringField("name", n.name());
        g.writeStringField("service", n.service());
        g.writeStringField("spec", n.spec());
        g.writeStringField("description", n.description());
        fields(g, n.report());
        g.writeEndObject();
        if (n.report().verdict() != null) worst = n.report().verdict().worst(worst);
      }
      g.writeEndArray();
      if (worst == null) g.writeNullField("verdict");
      else g.writeStringField("verdict", worst.name());
      g.writeEndObject();
      g.flush();
      out.println();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void render(ForecastReport r, PrintWriter out) {
    try {
      JsonGenerator g = Json.generator(out);
      g.writeStartObject();
      fields(g, r);
      g.writeEndObject();
      g.flush();
      out.println();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void fields(JsonGenerator g, ForecastReport r) throws IOException {
    series(g, r.source(), r.forecast().history());
    model(g, r.forecast());
    g.writeArrayFieldStart("forecast");
    for (ForecastPoint p : r.forecast().points()) point(g, p);
    g.writeEndArray();
    g.writeFieldName("backtest");
    if (r.backtest() == null) g.writeNull();
    else backtest(g, r.backtest());
    g.writeFieldName("premortem");
    if (r.premortem() == null) g.writeNull();
    else premortem(g, r.premortem());
    if (r.verdict() == null) g.writeNullField("verdict");
    else g.writeStringField("verdict", r.verdict().name());
  }

  private static void series(JsonGenerator g, String source, Series s) throws IOException {
    g.writeObjectFieldStart("series");
    g.writeStringField("source", source);
    g.writeStringField("column", s.name());
    g.writeStringField("frequency", s.frequency().name().toLowerCase(Locale.ROOT));
    date(g, "first", s.first());
    date(g, "last", s.last());
    g.writeNumberField("steps", s.size());
    g.writeNumberField("observed", s.observed());
    g.writeArrayFieldStart("gaps");
    for (Gap gap : s.gaps()) {
      g.writeStartObject();
      date(g, "from", gap.first());
      date(g, "to", gap.last());
      g.writeNumberField("steps", gap.steps());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void model(JsonGenerator g, Forecast f) throws IOException {
    g.writeObjectFieldStart("model");
    g.writeStringField("method", f.method());
    g.writeBooleanField("seasonal", f.seasonal());
    g.writeNumberField("origins", f.origins());
    g.writeNumberField("calibration_errors", f.calibrationErrors());
    g.writeArrayFieldStart("candidates");
    for (CandidateScore c : f.candidates()) {
      g.writeStartObject();
      g.writeStringField("method", c.method());
      num(g, "error", c.error());
      g.writeBooleanField("chosen", c.chosen());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("notes");
    for (String n : f.notes()) g.writeString(n);
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void point(JsonGenerator g, ForecastPoint p) throws IOException {
    g.writeStartObject();
    date(g, "date", p.date());
    num(g, "value", p.value());
    num(g, "lower80", p.lower80());
    num(g, "upper80", p.upper80());
    num(g, "lower95", p.lower95());
    num(g, "upper95", p.upper95());
    g.writeEndObject();
  }

  private static void backtest(JsonGenerator g, Backtest b) throws IOException {
    g.writeStartObject();
    num(g, "mape", b.mape() / 100);
    num(g, "peak_error", b.peakError() / 100);
    g.writeNumberField("peak_date_shift_days", b.peakDateShiftDays());
    num(g, "coverage80", b.coverage80() / 100);
    num(g, "coverage95", b.coverage95() / 100);
    num(g, "baseline_mape", b.baselineMape() / 100);
    num(g, "baseline_peak_error", b.baselinePeakError() / 100);
    date(g, "from", b.from());
    date(g, "to", b.to());
    g.writeNumberField("points", b.points());
    g.writeStringField("method", b.forecast().method());
    num(g, "actual_peak", b.actualPeak());
    date(g, "actual_peak_date", b.actualPeakDate());
    num(g, "forecast_peak", b.forecastPeak());
    date(g, "forecast_peak_date", b.forecastPeakDate());
    num(g, "peak_upper95", b.peakUpper95());
    g.writeBooleanField("peak_covered", b.peakCovered());
    g.writeEndObject();
  }

  private static void premortem(JsonGenerator g, Premortem p) throws IOException {
    g.writeStartObject();
    if (p.season() == null) g.writeNullField("season");
    else g.writeStringField("season", p.season().toString());
    g.writeFieldName("peak");
    point(g, p.peak());
    g.writeArrayFieldStart("top_days");
    for (ForecastPoint d : p.topDays()) point(g, d);
    g.writeEndArray();
    num(g, "peak_upper95", p.peakUpper95());
    date(g, "peak_upper95_date", p.peakUpper95Date());
    LoadLatency m = p.latencyModel();
    if (m == null) g.writeNullField("latency_model");
    else {
      g.writeObjectFieldStart("latency_model");
      g.writeStringField("column", m.statistic());
      num(g, "elasticity", m.elasticity());
      g.writeNumberField("days", m.points());
      num(g, "max_volume", m.maxVolume());
      g.writeEndObject();
    }
    Premortem.JobCheck j = p.job();
    if (j == null) g.writeNullField("job");
    else {
      g.writeObjectFieldStart("job");
      g.writeStringField("verdict", j.verdict().name());
      g.writeNumberField("workers", j.workers());
      num(g, "window_seconds", j.windowSeconds());
      num(g, "budget_seconds", j.budgetSeconds());
      g.writeStringField("latency_source", j.latencySource());
      num(g, "latency_ms", j.latencyMs());
      num(g, "latency_upper_ms", j.latencyUpperMs());
      num(g, "duration_seconds", j.durationSeconds());
      num(g, "duration_upper_seconds", j.durationUpperSeconds());
      num(g, "required_latency_ms", j.requiredLatencyMs());
      g.writeNumberField("required_workers", j.requiredWorkers());
      g.writeEndObject();
    }
    Premortem.SloCheck s = p.slo();
    if (s == null) g.writeNullField("latency_slo");
    else {
      g.writeObjectFieldStart("latency_slo");
      g.writeStringField("verdict", s.verdict().name());
      num(g, "threshold_ms", s.thresholdMs());
      num(g, "budget_ms", s.budgetMs());
      g.writeFieldName("at_peak");
      latency(g, s.atPeak());
      g.writeFieldName("at_upper");
      latency(g, s.atUpper());
      num(g, "max_volume", s.maxVolume());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void latency(JsonGenerator g, LatencyPrediction l) throws IOException {
    g.writeStartObject();
    num(g, "volume", l.volume());
    num(g, "value_ms", l.value());
    num(g, "lower80_ms", l.lower80());
    num(g, "upper80_ms", l.upper80());
    num(g, "lower95_ms", l.lower95());
    num(g, "upper95_ms", l.upper95());
    g.writeBooleanField("extrapolated", l.extrapolated());
    g.writeEndObject();
  }

  /**
   * Volumes, latencies and durations to 3 decimals, ratios to 6: more digits would be noise, and
   * would differ in the last place between JVMs.
   */
  private static void num(JsonGenerator g, String name, double v) throws IOException {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      g.writeNullField(name);
      return;
    }
    int decimals = Math.abs(v) < 10 ? 6 : 3;
    g.writeFieldName(name);
    g.writeNumber(
        java.math.BigDecimal.valueOf(v)
            .setScale(decimals, java.math.RoundingMode.HALF_EVEN)
            .stripTrailingZeros()
            .toPlainString());
  }

  private static void date(JsonGenerator g, String name, LocalDate d) throws IOException {
    if (d == null) g.writeNullField(name);
    else g.writeStringField(name, d.toString());
  }
}
