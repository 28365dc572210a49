package io.slotoolkit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.slotoolkit.model.AlertInterval;
import io.slotoolkit.model.FiringInterval;
import io.slotoolkit.model.MonthlyAlerts;
import io.slotoolkit.model.RuleReplay;
import io.slotoolkit.model.SloReplay;
import io.slotoolkit.model.WindowLengths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code slo alerts --replay}: for each SLO (and group) every interval each alert pair
 * would have fired, with detection delay and reset time, and the alerts per calendar month.
 */
public final class ReplayRenderer {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

  private final Style style;
  private final boolean quietGroups;

  /**
   * @param quietGroups also list groups of {@code per} SLOs in which nothing fired
   */
  public ReplayRenderer(Style style, boolean quietGroups) {
    this.style = style;
    this.quietGroups = quietGroups;
  }

  /** The text report. */
  public void text(
      List<SloReplay> replays, Instant from, Instant to, ZoneId zone, PrintWriter out) {
    out.println(
        style.bold("slo alerts --replay")
            + style.dim(
                " · every minute from "
                    + Times.human(from, zone)
                    + " to "
                    + Times.human(to, zone)));
    int quiet = 0;
    for (SloReplay r : replays) {
      boolean fired = r.result().rules().stream().anyMatch(x -> !x.intervals().isEmpty());
      if (!fired && r.group() != null && !quietGroups) {
        quiet++;
        continue;
      }
      ZoneId z = r.result().zone();
      out.println();
      out.println(
          style.bold(Figures.name(r))
              + style.dim(
                  " · "
                      + r.slo().objective().percent()
                      + " over "
                      + r.slo().window().label()
                      + ", "
                      + r.policy().rules().size()
                      + " pair(s)"
                      + (r.policy().minEvents() > 0 ? ", min_events " + r.policy().minEvents() : "")
                      + ", times in "
                      + z.getId()));
      if (r.policy().rules().isEmpty()) {
        out.println("  no alert pairs");
        continue;
      }
      TextTable t =
          new TextTable(
              List.of("PAIR", "FIRED AT", "UNTIL", "FOR", "DETECTED AFTER", "RESET AFTER"),
              false,
              false,
              false,
              true,
              true,
              true);
      for (RuleReplay rr : r.result().rules()) {
        if (rr.intervals().isEmpty()) {
          t.add(rr.rule().label(), style.dim("never"), "", "", "", "");
          continue;
        }
        boolean first = true;
        for (FiringInterval f : rr.intervals()) {
          t.add(
              first ? rr.rule().label() : "",
              f.start().atZone(z).format(MINUTE)
                  + (f.start().equals(r.result().from()) ? " (already)" : ""),
              f.end() == null ? "(still firing)" : f.end().atZone(z).format(MINUTE),
              f.duration() == null ? "-" : AlertText.duration(f.duration()),
              f.detectionDelay() == null ? "-" : AlertText.duration(f.detectionDelay()),
              f.resetTime() == null ? "-" : AlertText.duration(f.resetTime()));
          first = false;
        }
      }
      t.print(out, style);
      boolean already =
          r.result().rules().stream()
              .flatMap(x -> x.intervals().stream())
              .anyMatch(f -> f.start().equals(r.result().from()));
      if (already) {
        out.println(
            style.dim(
                "  (already) = firing at the first instant: it may have started before --from"));
      }
      out.println("  " + months(r.result().months()));
      if (r.policy().refined()) out.println("  " + saved(r));
    }
    if (quiet > 0) {
      out.println();
      out.println(
          style.dim(
              "("
                  + quiet
                  + " groups in which nothing fired are not shown; --all-groups lists them)"));
    }
    out.flush();
  }

  /**
   * {@code for/cool-down: page 2 instead of 5 (3 saved), ticket 1 instead of 1}: the alerts of each
   * severity against those the same rules would have sent without {@code for:} and {@code
   * cool_down:}.
   */
  private static String saved(SloReplay r) {
    List<String> parts = new java.util.ArrayList<>();
    for (String severity : r.policy().severities()) {
      int with = r.result().count(severity);
      int without = r.result().unrefinedCount(severity);
      int diff = without - with;
      parts.add(
          severity
              + " "
              + with
              + " instead of "
              + without
              + (diff > 0 ? " (" + diff + " saved)" : diff < 0 ? " (" + -diff + " more)" : ""));
    }
    return "with for/cool-down: " + String.join(", ", parts);
  }

  /** {@code per month: 2026-02 page 1 ticket 0; 2026-03 page 0 ticket 2}. */
  private static String months(List<MonthlyAlerts> months) {
    Map<YearMonth, StringBuilder> by = new LinkedHashMap<>();
    for (MonthlyAlerts m : months) {
      by.computeIfAbsent(m.month(), k -> new StringBuilder())
          .append(' ')
          .append(m.severity())
          .append(' ')
          .append(m.count());
    }
    StringBuilder b = new StringBuilder("per month:");
    boolean first = true;
    for (Map.Entry<YearMonth, StringBuilder> e : by.entrySet()) {
      b.append(first ? " " : "; ").append(e.getKey()).append(e.getValue());
      first = false;
    }
    return b.toString();
  }

  /** The JSON report; {@code engine} names the engine that read the data. */
  public void json(
      List<SloReplay> replays,
      Instant from,
      Instant to,
      ZoneId zone,
      String engine,
      PrintWriter out) {
    try {
      JsonGenerator g = Json.generator(out);
      g.writeStartObject();
      g.writeStringField("from", Times.iso(from, zone));
      g.writeStringField("to", Times.iso(to, zone));
      g.writeStringField("engine", engine);
      g.writeArrayFieldStart("results");
      for (SloReplay r : replays) result(g, r);
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      out.println();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void result(JsonGenerator g, SloReplay r) throws IOException {
    ZoneId z = r.result().zone();
    g.writeStartObject();
    g.writeStringField("slo", r.slo().name());
    g.writeStringField("service", r.slo().service());
    if (r.group() == null) g.writeNullField("group");
    else {
      g.writeObjectFieldStart("group");
      for (Map.Entry<String, String> e : r.group().asMap().entrySet())
        g.writeStringField(e.getKey(), e.getValue());
      g.writeEndObject();
    }
    g.writeNumberField("min_events", r.policy().minEvents());
    g.writeArrayFieldStart("pairs");
    for (RuleReplay rr : r.result().rules()) {
      g.writeStartObject();
      g.writeStringField("severity", rr.rule().severity());
      g.writeStringField("long_window", WindowLengths.label(rr.rule().longWindow()));
      g.writeStringField("short_window", WindowLengths.label(rr.rule().shortWindow()));
      g.writeFieldName("factor");
      if (rr.rule().factor() == null) g.writeNull();
      else g.writeNumber(rr.rule().factor());
      Json.ruleExtras(g, rr.rule());
      g.writeArrayFieldStart("fired");
      for (FiringInterval f : rr.intervals()) {
        g.writeStartObject();
        g.writeStringField("start", Times.iso(f.start(), z));
        time(g, "end", f.end(), z);
        g.writeBooleanField("firing_at_from", f.start().equals(r.result().from()));
        time(g, "bad_since", f.badSince(), z);
        seconds(g, "detection_delay_seconds", f.detectionDelay());
        time(g, "bad_until", f.badUntil(), z);
        seconds(g, "reset_seconds", f.resetTime());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("alerts");
    for (AlertInterval a : r.result().alerts()) {
      g.writeStartObject();
      g.writeStringField("severity", a.severity());
      g.writeStringField("start", Times.iso(a.start(), z));
      time(g, "end", a.end(), z);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("months");
    Map<YearMonth, Map<String, Integer>> by = new LinkedHashMap<>();
    for (MonthlyAlerts m : r.result().months()) {
      by.computeIfAbsent(m.month(), k -> new LinkedHashMap<>()).put(m.severity(), m.count());
    }
    for (Map.Entry<YearMonth, Map<String, Integer>> e : by.entrySet()) {
      g.writeStartObject();
      g.writeStringField("month", e.getKey().toString());
      for (Map.Entry<String, Integer> c : e.getValue().entrySet())
        g.writeNumberField(c.getKey(), c.getValue());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (r.policy().refined()) {
      g.writeObjectFieldStart("without_for_and_cool_down");
      for (String severity : r.policy().severities())
        g.writeNumberField(severity, r.result().unrefinedCount(severity));
      g.writeEndObject();
      g.writeObjectFieldStart("saved_by_for_and_cool_down");
      for (String severity : r.policy().severities())
        g.writeNumberField(
            severity, r.result().unrefinedCount(severity) - r.result().count(severity));
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void time(JsonGenerator g, String name, Instant i, ZoneId z) throws IOException {
    if (i == null) g.writeNullField(name);
    else g.writeStringField(name, Times.iso(i, z));
  }

  private static void seconds(JsonGenerator g, String name, Duration d) throws IOException {
    if (d == null) g.writeNullField(name);
    else g.writeNumberField(name, d.getSeconds());
  }
}
