package io.slotoolkit.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.slotoolkit.model.Evaluation;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.SourceStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;

/**
 * The contract's JSON: {@code evaluated_at}, {@code passed}, {@code results[]} with the contract's
 * fields in the contract's order, then our additions. Numbers are plain, never NaN or strings.
 */
public final class JsonRenderer implements Renderer {
  private final String failOn;

  public JsonRenderer(String failOn) {
    this.failOn = failOn;
  }

  @Override
  public void render(Evaluation e, PrintWriter out) {
    try {
      JsonGenerator g = new JsonFactory().createGenerator(out);
      g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(
          new DefaultPrettyPrinter(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                      .withArrayEmptySeparator("")
                      .withObjectEmptySeparator(""))
              .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE));
      g.writeStartObject();
      g.writeStringField("evaluated_at", Times.iso(e.at(), e.zone()));
      g.writeBooleanField("passed", e.passed());
      g.writeStringField("fail_on", failOn);
      g.writeArrayFieldStart("results");
      for (SloResult r : e.results()) result(g, r);
      g.writeEndArray();
      g.writeArrayFieldStart("sources");
      for (SourceStats s : e.sources()) source(g, s);
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      out.println();
      out.flush();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static void result(JsonGenerator g, SloResult r) throws IOException {
    ZoneId zone = r.slo().source().zone();
    g.writeStartObject();
    g.writeStringField("slo", r.slo().name());
    g.writeStringField("service", r.slo().service());
    if (r.group() == null) {
      g.writeNullField("group");
    } else {
      g.writeObjectFieldStart("group");
      for (Map.Entry<String, String> e : r.group().asMap().entrySet())
        g.writeStringField(e.getKey(), e.getValue());
      g.writeEndObject();
    }
    g.writeObjectFieldStart("window");
    g.writeStringField("start", Times.iso(r.windowStart(), zone));
    g.writeStringField("end", Times.iso(r.windowEnd(), zone));
    g.writeStringField("length", r.slo().window().label());
    g.writeEndObject();
    g.writeFieldName("objective");
    g.writeNumber(r.slo().objective().target());
    g.writeNumberField("good", r.good());
    g.writeNumberField("total", r.total());
    number(g, "sli", r.sli());
    g.writeStringField("status", r.status().name());
    g.writeObjectFieldStart("error_budget");
    g.writeFieldName("allowed");
    g.writeNumber(
        r.budget().allowed().stripTrailingZeros().compareTo(BigDecimal.ZERO) == 0
            ? BigDecimal.ZERO
            : r.budget().allowed().stripTrailingZeros());
    g.writeNumberField("bad", r.budget().bad());
    number(g, "remaining", r.budget().remaining());
    g.writeEndObject();
    number(g, "burn_rate", r.burnRate());
    g.writeNumberField("skipped_null", r.skippedNull());
    g.writeStringField("source", r.slo().source().name());
    if (r.slo().description() != null) g.writeStringField("description", r.slo().description());
    g.writeEndObject();
  }

  private static void source(JsonGenerator g, SourceStats s) throws IOException {
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
    g.writeEndObject();
  }

  /** A double as a plain JSON number (no exponent), or null when undefined. */
  private static void number(JsonGenerator g, String name, Double v) throws IOException {
    if (v == null || v.isNaN() || v.isInfinite()) {
      g.writeNullField(name);
    } else {
      g.writeFieldName(name);
      g.writeNumber(
          new BigDecimal(Double.toString(v)).stripTrailingZeros().compareTo(BigDecimal.ZERO) == 0
              ? BigDecimal.ZERO
              : new BigDecimal(Double.toString(v)).stripTrailingZeros());
    }
  }
}
