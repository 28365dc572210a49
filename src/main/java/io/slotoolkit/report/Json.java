package io.slotoolkit.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.slotoolkit.model.Composite;
import io.slotoolkit.model.CompositeResult;
import io.slotoolkit.model.SliceSummary;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.Status;
import io.slotoolkit.model.TimeSlices;
import io.slotoolkit.model.WindowLengths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

/** The one way slo writes JSON: indented, {@code "key": value}, decimals never in exponent form. */
public final class Json {
  private Json() {}

  /** A generator over {@code out} that leaves {@code out} open when it is closed. */
  public static JsonGenerator generator(PrintWriter out) {
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
      return g;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A field name quoted and escaped once: the benchmark's check writes 400,000 field names, and
   * Jackson writes a {@link SerializedString} by copying its quoted characters where a name given
   * as text is escaped character by character on every write (320,000 names: 30 -> 20 ms on the
   * launcher's JIT, docs/benchmarks.md).
   */
  static SerializedString key(String name) {
    return new SerializedString(name);
  }

  static void field(JsonGenerator g, SerializedString key, String value) throws IOException {
    g.writeFieldName(key);
    g.writeString(value);
  }

  static void field(JsonGenerator g, SerializedString key, long value) throws IOException {
    g.writeFieldName(key);
    g.writeNumber(value);
  }

  static void field(JsonGenerator g, SerializedString key, boolean value) throws IOException {
    g.writeFieldName(key);
    g.writeBoolean(value);
  }

  /** As {@link #number(JsonGenerator, String, Double)}. */
  static void number(JsonGenerator g, SerializedString key, Double v) throws IOException {
    g.writeFieldName(key);
    number(g, v);
  }

  private static final SerializedString WINDOW = key("window");
  private static final SerializedString START = key("start");
  private static final SerializedString END = key("end");
  private static final SerializedString LENGTH = key("length");
  private static final SerializedString OBJECTIVE = key("objective");
  private static final SerializedString GOOD = key("good");
  private static final SerializedString TOTAL = key("total");
  private static final SerializedString SLI = key("sli");
  private static final SerializedString STATUS = key("status");
  private static final SerializedString ERROR_BUDGET = key("error_budget");
  private static final SerializedString ALLOWED = key("allowed");
  private static final SerializedString BAD = key("bad");
  private static final SerializedString REMAINING = key("remaining");
  private static final SerializedString BURN_RATE = key("burn_rate");

  /**
   * The figures of one SLO result, in the order every JSON output gives them: {@code window},
   * {@code objective}, {@code good}, {@code total}, {@code sli}, {@code status}, {@code
   * error_budget} and {@code burn_rate}.
   */
  static void resultFigures(JsonGenerator g, SloResult r, Status status, ZoneId zone)
      throws IOException {
    g.writeFieldName(WINDOW);
    g.writeStartObject();
    field(g, START, Times.iso(r.windowStart(), zone));
    field(g, END, Times.iso(r.windowEnd(), zone));
    field(g, LENGTH, r.slo().window().label());
    g.writeEndObject();
    g.writeFieldName(OBJECTIVE);
    g.writeNumber(r.slo().objective().target());
    field(g, GOOD, r.good());
    field(g, TOTAL, r.total());
    number(g, SLI, r.sli());
    field(g, STATUS, status.name());
    g.writeFieldName(ERROR_BUDGET);
    g.writeStartObject();
    g.writeFieldName(ALLOWED);
    g.writeNumber(plain(r.budget().allowed()));
    field(g, BAD, r.budget().bad());
    number(g, REMAINING, r.budget().remaining());
    g.writeEndObject();
    number(g, BURN_RATE, r.burnRate());
    if (r.slices() != null) timeslices(g, r);
  }

  /**
   * A time-slice result's slices: how it budgets, the slice length and target, every slice of the
   * window, the counted, good, bad and empty ones, and the budget spent in slices.
   */
  private static void timeslices(JsonGenerator g, SloResult r) throws IOException {
    TimeSlices ts = r.slo().timeslices();
    SliceSummary s = r.slices();
    g.writeObjectFieldStart("timeslices");
    g.writeStringField("budgeting", ts.budgeting().label());
    g.writeStringField("length", WindowLengths.label(ts.length()));
    if (ts.target() == null) g.writeNullField("target");
    else {
      g.writeFieldName("target");
      g.writeNumber(plain(ts.target()));
    }
    g.writeStringField("empty_slices", ts.empty().label());
    g.writeNumberField("slices", s.slices());
    g.writeNumberField("counted", s.counted());
    g.writeNumberField("good", s.good());
    g.writeNumberField("bad", s.bad());
    g.writeNumberField("empty", s.empty());
    g.writeFieldName("spent");
    g.writeNumber(plain(s.spent().round(java.math.MathContext.DECIMAL64)));
    g.writeEndObject();
  }

  /**
   * {@code composites[]}: each composite's name, service, method, window, objective, SLI, status,
   * budget (allowed share, remaining) and burn rate, then its components, each with its weight, its
   * share of the mean (weighted_mean) or whether it decided (least_healthy), and its own figures
   * over the composite's window.
   */
  static void composites(JsonGenerator g, List<CompositeResult> composites, ZoneId zone)
      throws IOException {
    g.writeArrayFieldStart("composites");
    for (CompositeResult c : composites) {
      Composite k = c.composite();
      g.writeStartObject();
      g.writeStringField("composite", k.name());
      g.writeStringField("service", k.service());
      if (k.description() != null) g.writeStringField("description", k.description());
      g.writeStringField("method", k.method().label());
      g.writeObjectFieldStart("window");
      g.writeStringField("start", Times.iso(c.windowStart(), zone));
      g.writeStringField("end", Times.iso(c.windowEnd(), zone));
      g.writeStringField("length", k.window().label());
      g.writeEndObject();
      g.writeFieldName("objective");
      g.writeNumber(k.objective().target());
      number(g, "sli", c.sli());
      g.writeStringField("status", c.status().name());
      g.writeObjectFieldStart("error_budget");
      g.writeFieldName("allowed");
      g.writeNumber(plain(c.allowed()));
      number(g, "remaining", c.remaining());
      g.writeEndObject();
      number(g, "burn_rate", c.burnRate());
      g.writeArrayFieldStart("components");
      for (CompositeResult.ComponentResult part : c.components()) {
        SloResult r = part.result();
        g.writeStartObject();
        g.writeStringField("slo", r.slo().name());
        g.writeFieldName("weight");
        g.writeNumber(plain(part.component().weight()));
        if (k.method() == Composite.Method.WEIGHTED_MEAN) number(g, "share", part.share());
        else g.writeBooleanField("least_healthy", part.decisive());
        resultFigures(g, r, r.status(), zone);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * The shortest decimal that reads back as {@code v}, in the form of {@link Double#toString}
   * (Jackson's Schubfach, as Java 19's {@code Double.toString}): Java 17's own is not always the
   * shortest (2.0000000000000004E16 and the like), and took 0.6 us a number on the launcher's JIT,
   * against 0.13 us, for the 40,000 numbers of the benchmark's JSON.
   */
  static String shortest(double v) {
    return com.fasterxml.jackson.core.io.NumberOutput.toString(v, true);
  }

  /** An exact decimal without trailing zeros, and zero as {@code 0}. */
  static BigDecimal plain(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.compareTo(BigDecimal.ZERO) == 0 ? BigDecimal.ZERO : s;
  }

  /**
   * A double as a plain JSON number, the shortest decimal that reads back as it, never in exponent
   * form; null when undefined (null, NaN or infinite).
   */
  static void number(JsonGenerator g, String name, Double v) throws IOException {
    g.writeFieldName(name);
    number(g, v);
  }

  /** The value of {@link #number(JsonGenerator, String, Double)}, its field's name written. */
  private static void number(JsonGenerator g, Double v) throws IOException {
    if (v == null || v.isNaN() || v.isInfinite()) g.writeNull();
    else g.writeNumber(plainDecimal(v));
  }

  /**
   * A finite double as the plain decimal that {@code plain(new BigDecimal(shortest(v)))} writes
   * (the shortest decimal that reads back as {@code v}, without exponent, trailing zeros or a sign
   * on zero), built from the digits of {@link #shortest} without BigDecimal: a check writes
   * thousands of these.
   */
  static String plainDecimal(double v) {
    String s = shortest(v);
    int e = s.indexOf('E');
    if (e < 0) {
      // from 10^-3 to 10^7 (most SLIs, rates and shares) the text is plain already: drop any
      // zeros after the last digit (a whole number's ".0"), then a bare point, and zero's sign
      int end = s.length();
      while (s.charAt(end - 1) == '0') end--;
      if (s.charAt(end - 1) == '.') end--;
      String plain = end == s.length() ? s : s.substring(0, end);
      return plain.equals("-0") ? "0" : plain;
    }
    boolean negative = s.charAt(0) == '-';
    String mantissa = s.substring(negative ? 1 : 0, e < 0 ? s.length() : e);
    int point = mantissa.indexOf('.');
    // the digits without the point, and where the point goes among them
    StringBuilder digits = new StringBuilder(mantissa.length());
    digits.append(mantissa, 0, point).append(mantissa, point + 1, mantissa.length());
    int pointAt = point + (e < 0 ? 0 : Integer.parseInt(s.substring(e + 1)));
    int lead = 0;
    while (lead < digits.length() && digits.charAt(lead) == '0') lead++;
    digits.delete(0, lead);
    pointAt -= lead;
    int end = digits.length();
    while (end > 0 && digits.charAt(end - 1) == '0') end--;
    digits.setLength(end);
    if (digits.length() == 0) return "0";
    StringBuilder out = new StringBuilder(digits.length() + 8);
    if (negative) out.append('-');
    if (pointAt <= 0) {
      out.append("0.");
      out.append("0".repeat(-pointAt));
      out.append(digits);
    } else if (pointAt >= digits.length()) {
      out.append(digits);
      out.append("0".repeat(pointAt - digits.length()));
    } else {
      out.append(digits, 0, pointAt).append('.').append(digits, pointAt, digits.length());
    }
    return out.toString();
  }

  /**
   * A rule's fields beyond the pair's: {@code exhaustion_seconds} for a time-to-exhaustion rule,
   * {@code for_seconds} and {@code cool_down_seconds} where they apply; nothing for a plain pair.
   */
  static void ruleExtras(JsonGenerator g, io.slotoolkit.model.AlertRule rule) throws IOException {
    if (rule.isExhaustion())
      g.writeNumberField("exhaustion_seconds", rule.exhaustion().getSeconds());
    if (!rule.holdFor().isZero()) g.writeNumberField("for_seconds", rule.holdFor().getSeconds());
    if (!rule.coolDown().isZero())
      g.writeNumberField("cool_down_seconds", rule.coolDown().getSeconds());
  }
}
