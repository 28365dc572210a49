package io.slotoolkit.cli;

import io.slotoolkit.evaluate.Pseudonyms;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.Gate;
import io.slotoolkit.model.Report;
import io.slotoolkit.model.SloException;
import io.slotoolkit.report.ReportHtmlRenderer;
import io.slotoolkit.report.ReportJsonRenderer;
import io.slotoolkit.report.ReportMarkdownRenderer;
import io.slotoolkit.report.ReportRenderer;
import io.slotoolkit.report.ReportTextRenderer;
import io.slotoolkit.report.Style;
import io.slotoolkit.run.ReportEvaluator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code slo report}: scorecards, trends, breakdowns and per-customer views from the same scan. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Scorecards: daily trends, budget burn-down, breakdowns, per-customer views.",
      "Per SLO: the SLI yesterday, over the last 7 days and over the window; the daily",
      "trend; the error budget left at the end of each day; each dimension's values,",
      "biggest contributors to budget burn first; for per-group SLOs, traffic shares",
      "and the groups breached. Formats: text, json, markdown, html (a page to share)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the report was written (and with --fail-on breached, no SLO is BREACHED)",
      "1:--fail-on breached, and an SLO is BREACHED",
      "2:usage or spec error (also: --output not writable, no mask key); nothing was evaluated",
      "3:data error: a source could not be read, or a dimension, --by or --mask column is missing",
      "70:internal error (a bug; --verbose shows the trace)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  slo report                                   every spec in slo-specs/",
      "  slo report --format html --output report.html",
      "  slo report --slo 'unlock-*' --by app_version --top 5",
      "  SLO_MASK_KEY=... slo report --mask customer_id --format html --output x.html",
      "",
      "Masking: --mask COLUMN (or mask: [COLUMN] on a source) shows the column's values",
      "as pseudonyms such as cust-3f9a1c: HMAC-SHA256 of the value under a secret key,",
      "the same in every report made with that key. The key comes from --mask-key-file",
      "FILE or the SLO_MASK_KEY variable (at least 16 bytes: openssl rand -hex 32).",
      "Without a key, slo report stops rather than print pseudonyms nobody can match."
    })
final class ReportCommand implements Callable<Integer> {
  /** Output formats of {@code slo report}. */
  enum Format {
    text,
    json,
    markdown,
    html
  }

  @ParentCommand SloCommand root;
  @Spec CommandSpec spec;
  @Mixin SpecOptions specs;
  @Mixin AtOption when;
  @Mixin EngineOption engine;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  Format format = Format.text;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the report to FILE instead of stdout.")
  Path output;

  @Option(
      names = "--by",
      paramLabel = "COLUMN",
      description =
          "Also break every SLO down by COLUMN (repeatable), besides the dimensions: of its spec;"
              + " SLOs whose source lacks the column are left out of it.")
  List<String> by = new ArrayList<>();

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "Show the N values of each breakdown and group view that burn the most budget (or carry"
              + " the most traffic); fold the rest into one row. Default: ${DEFAULT-VALUE}.")
  int top;

  @Option(
      names = "--mask",
      paramLabel = "COLUMN",
      description = "Show COLUMN's values as stable pseudonyms (repeatable); see Masking below.")
  List<String> mask = new ArrayList<>();

  @Option(
      names = "--mask-key-file",
      paramLabel = "FILE",
      description = "Read the masking key from FILE instead of the SLO_MASK_KEY variable.")
  Path maskKeyFile;

  @Option(
      names = "--fail-on",
      paramLabel = "GATE",
      defaultValue = "none",
      description =
          "When to exit 1: none (a report is for reading) or breached. Default: ${DEFAULT-VALUE}.")
  String failOn;

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    Gate gate = Gate.parse(failOn);
    if (gate == null)
      throw SloException.spec("--fail-on " + failOn + ": unknown gate", "use none or breached");
    if (top < 1) throw SloException.spec("--top " + top + ": must be 1 or more", null);
    OutputOptions.checkWritable(output, ctx);
    Instant at = when.at(ctx);
    EngineRun.Scope scope = EngineRun.load(root, specs);
    Catalog catalog = scope.catalog();
    ReportEvaluator.Options options = new ReportEvaluator.Options(by, top, mask, null);
    List<String> masked = ReportEvaluator.maskedColumns(catalog, options);
    if (!masked.isEmpty()) options = new ReportEvaluator.Options(by, top, mask, key(ctx, masked));
    Report report;
    // one-shot: a new engine; in the shell: the session's, already bound
    try (EngineRun run = EngineRun.prepare(root, scope, at != null, engine)) {
      ReportEvaluator reporter = new ReportEvaluator(run.engine());
      reporter.checkColumns(catalog, options);
      report = reporter.evaluate(catalog, run.at(at), gate, options);
    }
    ReportRenderer renderer =
        switch (format) {
          case text -> new ReportTextRenderer(new Style(ctx.color() && output == null));
          case json -> new ReportJsonRenderer(gate.label());
          case markdown -> new ReportMarkdownRenderer();
          case html -> new ReportHtmlRenderer();
        };
    write(report, renderer, ctx);
    io.slotoolkit.report.RunNotes.noData(report)
        .ifPresent(
            note -> {
              spec.commandLine().getErr().println(note);
              spec.commandLine().getErr().flush();
            });
    return report.passed() ? ExitCode.OK.code() : ExitCode.GATE_FAILED.code();
  }

  /** The key from --mask-key-file or SLO_MASK_KEY; exit 2 without one. */
  private byte[] key(CliContext ctx, List<String> masked) {
    byte[] key;
    String from;
    if (maskKeyFile != null) {
      Path p = ctx.resolve(maskKeyFile);
      try {
        key = strip(Files.readAllBytes(p));
      } catch (IOException e) {
        throw SloException.spec(
            "--mask-key-file "
                + maskKeyFile
                + (Files.exists(p) ? ": cannot read it" : ": no such file"),
            "check the path and its permissions");
      }
      from = "--mask-key-file " + maskKeyFile;
    } else {
      String env = ctx.env().get("SLO_MASK_KEY");
      if (env == null || env.isBlank()) {
        throw SloException.spec(
            "masking " + String.join(", ", masked) + " needs a key, and none was given",
            "set SLO_MASK_KEY or pass --mask-key-file FILE (at least "
                + Pseudonyms.MIN_KEY_BYTES
                + " bytes, for example from `openssl rand -hex 32`); keep it to get the same"
                + " pseudonyms in every report");
      }
      key = env.strip().getBytes(StandardCharsets.UTF_8);
      from = "SLO_MASK_KEY";
    }
    if (key.length < Pseudonyms.MIN_KEY_BYTES) {
      throw SloException.spec(
          "the masking key from "
              + from
              + " is "
              + key.length
              + " bytes, too short to keep the values secret",
          "use at least "
              + Pseudonyms.MIN_KEY_BYTES
              + " bytes, for example from `openssl rand -hex 32`");
    }
    return key;
  }

  private static byte[] strip(byte[] b) {
    int n = b.length;
    while (n > 0 && Character.isWhitespace(b[n - 1])) n--;
    return Arrays.copyOf(b, n);
  }

  private void write(Report report, ReportRenderer renderer, CliContext ctx) {
    if (output == null) {
      renderer.render(report, spec.commandLine().getOut());
      return;
    }
    try (PrintWriter w =
        new PrintWriter(Files.newBufferedWriter(ctx.resolve(output), StandardCharsets.UTF_8))) {
      renderer.render(report, w);
    } catch (IOException e) {
      throw SloException.spec("cannot write --output " + output + ": " + e.getMessage(), null);
    }
  }
}
