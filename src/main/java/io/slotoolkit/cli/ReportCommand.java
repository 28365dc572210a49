package io.slotoolkit.cli;

import io.slotoolkit.evaluate.FailOnParser;
import io.slotoolkit.evaluate.Pseudonyms;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.FailOn;
import io.slotoolkit.model.PeriodChoice;
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
      "  slo report --periods 12                      the last 12 complete months (weeks, ...)",
      "  slo report --period 2026-02                  all of February, once it has ended",
      "  slo report --cache .slo-cache                read only new or changed files",
      "  SLO_MASK_KEY=... slo report --mask customer_id --format html --output x.html",
      "",
      "Masking: --mask COLUMN (or mask: [COLUMN] on a source) shows the column's values",
      "as pseudonyms such as cust-3f9a1c: HMAC-SHA256 of the value under a secret key,",
      "the same in every report made with that key. The key comes from --mask-key-file",
      "FILE or the SLO_MASK_KEY variable (at least 16 bytes: openssl rand -hex 32).",
      "Without a key, slo report stops rather than print pseudonyms nobody can match."
    })
final class ReportCommand implements Callable<Integer>, FormatOption.Offers {
  @ParentCommand SloCommand root;
  @Spec CommandSpec spec;
  @Mixin SpecOptions specs;
  @Mixin AtOption when;
  @Mixin EngineOption engine;
  @Mixin CacheOption cache;

  @Mixin FormatOption format;

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

  @Option(
      names = "--periods",
      paramLabel = "N",
      description =
          "List, for each calendar-window SLO (week, month, quarter, year), its last N complete"
              + " periods with SLI, budget used and status, and which spent the whole budget.")
  Integer periods;

  @Option(
      names = "--period",
      paramLabel = "PERIOD",
      description =
          "Evaluate every SLO over one complete past period instead of its window: 2026 (year),"
              + " 2026-Q1, 2026-02 (month), 2026-W07 (ISO week), FY2026 or FY2026-Q1 (fiscal,"
              + " from the SLOs' calendar start); in each source's timezone.")
  String period;

  /** The most periods --periods lists. */
  static final int MAX_PERIODS = 120;

  @Override
  public List<FormatOption.Format> formats() {
    return List.of(
        FormatOption.Format.text,
        FormatOption.Format.json,
        FormatOption.Format.markdown,
        FormatOption.Format.html);
  }

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    FailOn gate = FailOnParser.parseReport(failOn);
    if (top < 1) throw SloException.spec("--top " + top + ": must be 1 or more", null);
    if (periods != null && (periods < 1 || periods > MAX_PERIODS)) {
      throw SloException.spec(
          "--periods " + periods + ": must be from 1 to " + MAX_PERIODS,
          "such as --periods 12 for the last 12 months of a month window");
    }
    PeriodChoice chosen = null;
    if (period != null) {
      try {
        chosen = PeriodChoice.parse(period);
      } catch (IllegalArgumentException e) {
        throw SloException.spec("--period " + e.getMessage(), "write " + PeriodChoice.FORMS);
      }
    }
    int history = periods == null ? 0 : periods;
    OutputOptions.checkWritable(output, ctx);
    Instant at = when.at(ctx);
    java.nio.file.Path cacheDir = cache.check(ctx, engine);
    // a chosen period must be over: by --at when given, else by the clock (the latest event says
    // where the data ends, not whether the period has)
    if (chosen != null && at == null) at = ctx.clock().instant();
    EngineRun.Scope scope = EngineRun.load(root, specs);
    Catalog catalog = scope.catalog();
    ReportEvaluator.Options options =
        new ReportEvaluator.Options(by, top, mask, null, chosen, history);
    List<String> masked = ReportEvaluator.maskedColumns(catalog, options);
    if (!masked.isEmpty())
      options = new ReportEvaluator.Options(by, top, mask, key(ctx, masked), chosen, history);
    Report report;
    // one-shot: a new engine; in the shell: the session's, already bound
    // the cache's bind memo goes to a new engine before it binds the sources
    io.slotoolkit.engine.BindMemo memo = CacheOption.memo(cacheDir, spec.commandLine().getErr());
    // check's cache files (the report's statuses) are read while the sources are bound
    io.slotoolkit.run.ScanCache.ReadAhead ahead = CacheOption.readAhead(cacheDir, scope);
    try (EngineRun run =
        EngineRun.prepare(root, scope, at != null, engine, CacheOption.memoTo(memo))) {
      io.slotoolkit.run.ScanCache scanCache =
          CacheOption.open(cacheDir, run.engine(), memo, ahead, spec.commandLine().getErr());
      io.slotoolkit.run.ReportCache reportCache =
          CacheOption.openReport(cacheDir, run.engine(), spec.commandLine().getErr());
      ReportEvaluator reporter =
          new ReportEvaluator(run.engine()).withCache(scanCache, reportCache);
      reporter.checkColumns(catalog, options);
      // with the cache, the default window end comes from the files' cached event times
      Instant reportAt =
          at != null || scanCache == null
              ? run.at(at)
              : CacheOption.with(run.evaluator(), scanCache).defaultAt(catalog, run.runSources());
      report = reporter.evaluate(catalog, reportAt, gate, options);
      io.slotoolkit.engine.Database.mark("assessed");
      if (scanCache != null) {
        scanCache.save();
        reportCache.save();
        io.slotoolkit.engine.Database.mark("cache saved");
      }
    }
    ReportRenderer renderer =
        switch (format.value) {
          case text -> new ReportTextRenderer(new Style(ctx.color() && output == null));
          case json -> new ReportJsonRenderer(gate.label());
          case markdown -> new ReportMarkdownRenderer();
          case html -> new ReportHtmlRenderer();
          case junit, github -> throw new IllegalArgumentException("not a report format");
        };
    OutputOptions.write(
        output,
        String.valueOf(output),
        ctx,
        spec.commandLine().getOut(),
        w -> renderer.render(report, w));
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
      String env = ctx.setting("SLO_MASK_KEY");
      if (env == null) {
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
}
