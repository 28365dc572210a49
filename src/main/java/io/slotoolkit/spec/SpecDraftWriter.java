package io.slotoolkit.spec;

import io.slotoolkit.model.Percent;
import io.slotoolkit.model.SpecDraft;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes a {@link SpecDraft} as a spec file in which every line carries a comment saying what it
 * means and where its value came from.
 */
public final class SpecDraftWriter {
  private static final int COMMENT_COLUMN = 42;
  private final List<String[]> lines = new ArrayList<>();

  private SpecDraftWriter() {}

  /**
   * The YAML text for {@code draft}, to be written at {@code specFile} (paths are relative to its
   * folder).
   */
  public static String write(SpecDraft draft, Path specFile, String command) {
    return new SpecDraftWriter().render(draft, specFile.toAbsolutePath(), command);
  }

  /** A name in the spec's allowed form, from a file name: {@code Access_Log.csv} -> access-log. */
  public static String slug(Path data) {
    String stem = data.getFileName().toString();
    int dot = stem.indexOf('.');
    if (dot > 0) stem = stem.substring(0, dot);
    String s =
        stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "service" : s;
  }

  private String render(SpecDraft d, Path specFile, String command) {
    String name = slug(d.data());
    Path dir = specFile.getParent();
    String path = dir == null ? d.data().toString() : dir.relativize(d.data()).toString();
    // a path that climbs far out of the spec's folder reads better absolute
    if (path.startsWith("../..")) path = d.data().toString();
    path = path.replace('\\', '/');
    Duration span = Duration.between(d.first(), d.last());

    // Editors with yaml-language-server (VS Code's YAML extension and others) read this line and
    // check the file against the schema that slo init writes beside it.
    comment("yaml-language-server: $schema=" + SpecSchema.FILE_NAME);
    comment("Starter spec written by: " + command);
    comment(
        "It describes what "
            + d.data().getFileName()
            + " shows today; review every line, then run:");
    comment(
        "slo validate --data "
            + specFile.getFileName()
            + " && slo check "
            + specFile.getFileName());
    line("version: 1", "spec format version");
    line("service: " + name, "the service these SLOs belong to (from the file name)");
    line("sources:", "the event logs the SLOs read");
    line("  " + name + ":", "the source's name; the SLOs below refer to it");
    line(
        "    path: " + quote(path),
        "relative to this file; a glob such as " + globExample(path) + " reads every export");
    line(
        "    format: " + d.format().name().toLowerCase(Locale.ROOT),
        String.format(Locale.ROOT, "%,d rows, %s to %s", d.rows(), d.first(), d.last()));
    for (SpecDraft.Column c : d.columns()) {
      comment(
          "    column "
              + c.name()
              + " "
              + c.type()
              + (c.samples().isEmpty()
                  ? ""
                  : ": "
                      + String.join(
                          ", ", c.samples().stream().map(SpecDraftWriter::shorten).toList())));
    }
    SpecDraft.TimeGuess t = d.time();
    line("    timestamp: " + quote(t.column()), "the event time column: " + t.why());
    switch (t.encoding()) {
      case AUTO ->
          line(
              "    timestamp_format: auto",
              "timestamps and ISO-8601 text; without an offset they are UTC");
      case PATTERN ->
          line("    timestamp_format: " + quote(t.pattern()), "strptime pattern of the text");
      default ->
          line(
              "    timestamp_format: " + t.encoding().name().toLowerCase(Locale.ROOT),
              "numbers counted from 1970-01-01 UTC");
    }
    line("    timezone: UTC", "business calendar for calendar windows (week, month); set yours");
    if (d.malformedRows() > 0) {
      line(
          "    max_bad_rows: " + d.malformedRows(),
          "lines of the file that cannot be read today; lower it once the export is fixed");
    }
    line("slos:", "what good service means, measured on this source");
    String measured =
        "events in the last " + days(Duration.between(d.measuredFrom(), d.last())) + " of data";
    String window = "rolling " + WINDOW + " window; the data covers " + days(span);
    SpecDraft.Availability a = d.availability();
    if (a != null) {
      line(
          "  - name: " + name + "-availability",
          "unique in this file: lowercase letters, digits, '-'");
      line(
          "    description: " + quote("Events that did not fail, judged by " + a.column()),
          "for the people reading the scorecard");
      line("    source: " + name, "the source above");
      line("    sli:", "the service level indicator");
      line("      ratio:", "SLI = good events / valid events");
      if (a.totalExpression() != null)
        line(
            "        total: " + quote(a.totalExpression()),
            "valid events: the recognised outcomes");
      line("        good: " + quote(a.goodExpression()), a.why());
      line(
          "    objective: " + percent(a.objective()),
          "observed "
              + percent(level(a.good(), a.total()), 3)
              + String.format(Locale.ROOT, " (%,d of %,d %s),", a.good(), a.total(), measured)
              + " rounded down to a standard level that allows at least one bad event");
      line("    window: " + WINDOW, window);
    } else {
      comment(
          "  No status-like column found (HTTP status codes, outcome words like success/failure,");
      comment(
          "  or a success/error flag): add an availability SLO with a good: expression by hand.");
    }
    SpecDraft.Latency l = d.latency();
    if (l != null) {
      String u = l.unit().symbol();
      line("  - name: " + name + "-latency", "unique in this file");
      line(
          "    description: " + quote("Events served within " + l.thresholdLabel()),
          "for the people reading the scorecard");
      line("    source: " + name, "the source above");
      line("    sli:", "the service level indicator");
      line(
          "      latency:",
          "good = a valid event whose " + l.column() + " is at most the threshold");
      line("        column: " + quote(l.column()), "its name says latency");
      line("        unit: " + u, "unit of the column: " + l.unitWhy());
      line(
          "        threshold: " + l.thresholdLabel(),
          "observed p50 "
              + num(l.p50())
              + u
              + ", p95 "
              + num(l.p95())
              + u
              + ", p99 "
              + num(l.p99())
              + u
              + ": p99 rounded up");
      if (a != null)
        line(
            "        total: " + quote(a.goodExpression()),
            "only events that did not fail count for latency");
      line(
          "    objective: " + percent(l.objective()),
          "observed "
              + percent(level(l.good(), l.total()), 3)
              + " within "
              + l.thresholdLabel()
              + String.format(Locale.ROOT, " (%,d of %,d %s),", l.good(), l.total(), measured)
              + " rounded down");
      line("    window: " + WINDOW, window);
    } else {
      comment(
          "  No latency-like column found (a number named like latency, duration, elapsed, took or");
      comment("  response_time): add a latency SLO by hand when the log has one.");
    }
    if (a == null && l == null) line("  []", "no SLO proposed: write one before running slo check");
    return lines.stream().map(SpecDraftWriter::format).collect(Collectors.joining("\n", "", "\n"));
  }

  /** The window every proposed SLO uses: four whole weeks, the usual SRE default. */
  private static final String WINDOW = "28d";

  private void line(String yaml, String comment) {
    lines.add(new String[] {yaml, comment});
  }

  private void comment(String text) {
    lines.add(new String[] {null, text});
  }

  private static String format(String[] l) {
    if (l[0] == null) {
      // a comment line keeps the indentation written into its text
      int indent = 0;
      while (indent < l[1].length() && l[1].charAt(indent) == ' ') indent++;
      return " ".repeat(indent) + "# " + l[1].substring(indent);
    }
    int pad = Math.max(1, COMMENT_COLUMN - l[0].length());
    return l[0] + " ".repeat(pad) + "# " + l[1];
  }

  /** A double-quoted YAML string. */
  static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String globExample(String path) {
    int slash = path.lastIndexOf('/');
    String file = path.substring(slash + 1);
    int dot = file.indexOf('.');
    return dot > 0
        ? path.substring(0, slash + 1) + file.substring(0, dot) + "-*" + file.substring(dot)
        : path + "*";
  }

  private static String shorten(String s) {
    String one = s.replace('\n', ' ');
    return one.length() > 40 ? one.substring(0, 37) + "..." : one;
  }

  private static BigDecimal level(long good, long total) {
    return total == 0
        ? BigDecimal.ZERO
        : BigDecimal.valueOf(good)
            .divide(BigDecimal.valueOf(total), java.math.MathContext.DECIMAL64);
  }

  /** {@code 0.9995} as {@code 99.95%}. */
  public static String percent(BigDecimal ratio) {
    return Percent.exact(ratio);
  }

  private static String percent(BigDecimal ratio, int decimals) {
    return Percent.trimmed(ratio, decimals, java.math.RoundingMode.FLOOR);
  }

  private static String num(double d) {
    BigDecimal b = new BigDecimal(d).round(new java.math.MathContext(4)).stripTrailingZeros();
    return (b.scale() < 0 ? b.setScale(0) : b).toPlainString();
  }

  private static String days(Duration d) {
    double days = d.getSeconds() / 86_400.0;
    if (days >= 1) return String.format(Locale.ROOT, "%.1f days", days);
    double hours = d.getSeconds() / 3_600.0;
    return String.format(Locale.ROOT, "%.1f hours", hours);
  }
}
