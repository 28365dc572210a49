package io.slotoolkit.cli;

import io.slotoolkit.cli.FormatOption.Format;
import io.slotoolkit.model.Assessment;
import io.slotoolkit.model.SloException;
import io.slotoolkit.report.CiReport;
import io.slotoolkit.report.GithubRenderer;
import io.slotoolkit.report.JsonRenderer;
import io.slotoolkit.report.JunitRenderer;
import io.slotoolkit.report.MarkdownRenderer;
import io.slotoolkit.report.Style;
import io.slotoolkit.report.TextRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where {@code slo check} writes and in which formats: one format to stdout or a file, and any
 * number of {@code FORMAT=FILE} reports beside it (JUnit XML for the test tab, Markdown for a PR
 * comment) from the same run.
 */
final class CheckOutputs {
  /** The output formats of {@code slo check}. */
  static final List<Format> FORMATS =
      List.of(Format.text, Format.json, Format.markdown, Format.junit, Format.github);

  @Mixin FormatOption format;

  @Option(
      names = "--output",
      paramLabel = "[FORMAT=]FILE",
      description =
          "FILE: write the --format output to FILE instead of stdout. FORMAT=FILE (repeatable):"
              + " also write that format to FILE, e.g. --output junit=slo.xml --output"
              + " markdown=slo.md.")
  List<String> outputs = new ArrayList<>();

  /** One report to write. */
  record Target(Format format, Path file, String given, boolean plain) {}

  /** The file targets, with the plain {@code --output FILE} taking the --format. */
  List<Target> targets() {
    List<Target> out = new ArrayList<>();
    int plain = 0;
    for (String o : outputs) {
      int eq = o.indexOf('=');
      Format f = eq > 0 ? format(o.substring(0, eq)) : null;
      if (f == null && eq > 0 && o.substring(0, eq).matches("[A-Za-z]+")) {
        throw SloException.spec(
            "--output " + o + ": unknown format '" + o.substring(0, eq) + "'",
            "formats: " + formatNames());
      }
      if (f != null) {
        if (o.length() == eq + 1) {
          throw SloException.spec("--output " + o + ": no file after '='", "write FORMAT=FILE");
        }
        out.add(new Target(f, Path.of(o.substring(eq + 1)), o, false));
      } else {
        if (++plain > 1) {
          throw SloException.spec(
              "--output given twice without a format",
              "one --output FILE takes the --format; name the others FORMAT=FILE ("
                  + formatNames()
                  + ")");
        }
        out.add(new Target(format.value, Path.of(o), o, true));
      }
    }
    return out;
  }

  private static Format format(String s) {
    for (Format f : FORMATS) if (f.name().equals(s.toLowerCase(Locale.ROOT))) return f;
    return null;
  }

  private static String formatNames() {
    return String.join(", ", FORMATS.stream().map(Enum::name).toList());
  }

  /** Whether stdout gets the --format output (no plain --output FILE). */
  boolean toStdout() {
    return targets().stream().noneMatch(Target::plain);
  }

  /** Fails early (exit 2), before any work, when a target cannot be written. */
  void checkWritable(CliContext ctx) {
    for (Target t : targets()) OutputOptions.checkWritable(t.file(), t.given(), ctx);
  }

  /** Writes every target, and stdout unless a plain --output FILE took its place. */
  void write(Assessment a, boolean color, boolean allGroups, PrintWriter stdout, CliContext ctx) {
    if (toStdout()) render(format.value, a, new Style(color), allGroups, stdout);
    for (Target t : targets()) {
      OutputOptions.write(
          t.file(),
          t.given(),
          ctx,
          stdout,
          w -> render(t.format(), a, new Style(false), allGroups, w));
    }
  }

  private static void render(
      Format f, Assessment a, Style style, boolean allGroups, PrintWriter out) {
    String gate = a.failOn().label();
    switch (f) {
      case text -> new TextRenderer(style, allGroups, gate, a).render(a.evaluation(), out);
      case json -> new JsonRenderer(gate, a).render(a.evaluation(), out);
      case markdown -> new MarkdownRenderer(gate, a).render(a.evaluation(), out);
      case junit -> new JunitRenderer().render(CiReport.of(a), out);
      case github -> new GithubRenderer().render(CiReport.of(a), out);
      case html -> throw new IllegalArgumentException("slo check does not write html");
    }
    out.flush();
  }
}
