package io.slotoolkit.cli;

import io.slotoolkit.evaluate.FailOnParser;
import io.slotoolkit.evaluate.SeverityTable;
import io.slotoolkit.model.Assessment;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.FailOn;
import io.slotoolkit.run.Evaluator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code slo check}: evaluate every SLO and gate CI on the result. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Evaluate SLOs against event logs and print a scorecard; exit 1 when a gate fails.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every gate passed",
      "1:a gate failed (by default: an SLO is BREACHED, or a source with max_staleness is"
          + " STALE; --fail-on no-data: also an SLO without data)",
      "2:usage or spec error; nothing was evaluated",
      "3:data error: a source could not be read, a column is missing, or too many malformed rows",
      "70:internal error (a bug; --verbose shows the trace)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  slo check                                  every spec in slo-specs/",
      "  slo check specs/api.yaml --slo 'api-*'     some SLOs of one file",
      "  slo check --at 2026-03-01T00:00:00+09:00 --format json --output slo.json",
      "  slo check --source api=exports/2026-02/*.parquet --fail-on none",
      "  slo check --fail-on sev2 --output junit=slo.xml --output markdown=slo.md",
      "  slo check --format github --fail-on alert   annotations in GitHub Actions"
    })
final class CheckCommand implements Callable<Integer>, FormatOption.Offers {
  @ParentCommand SloCommand root;
  @Spec CommandSpec spec;
  @Mixin SpecOptions specs;
  @Mixin AtOption when;
  @Mixin EngineOption engine;
  @Mixin CacheOption cache;
  @Mixin CheckOutputs output;

  @Option(
      names = "--fail-on",
      paramLabel = "GATE",
      description =
          "When to exit 1: breached (an SLO is BREACHED), alert (BREACHED or an alert pair"
              + " fired), no-data (BREACHED, or an SLO without any data), stale (a source's latest"
              + " event is older than its max_staleness allows), a severity level of the specs'"
              + " table such as sev2 (that level or worse), or none; several joined by commas"
              + " (alert,no-data) fail when any does. Default: breached, and breached,stale when a"
              + " source has max_staleness or --max-staleness is given.")
  String failOn;

  @Option(
      names = "--max-staleness",
      paramLabel = "DURATION",
      converter = ForecastCommand.DurationConverter.class,
      description =
          "Every source is STALE when its latest event is older than --at minus DURATION (such as"
              + " 2h or 1d); overrides max_staleness in the specs.")
  java.time.Duration maxStaleness;

  @Option(
      names = "--all-groups",
      description = "List every group of a per-group SLO, not only those that are not OK.")
  boolean allGroups;

  @Override
  public List<FormatOption.Format> formats() {
    return CheckOutputs.FORMATS;
  }

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    output.checkWritable(ctx);
    Instant at = when.at(ctx);
    java.nio.file.Path cacheDir = cache.check(ctx, engine);
    EngineRun.Scope scope = EngineRun.load(root, specs);
    Catalog catalog = scope.catalog();
    FailOn gate = FailOnParser.parse(gateText(catalog), new SeverityTable(catalog.severity()));
    // one-shot: a new engine; in the shell: the session's, already bound
    // the cache's bind memo goes to a new engine before it binds the sources
    io.slotoolkit.engine.BindMemo memo = CacheOption.memo(cacheDir, spec.commandLine().getErr());
    // the cache files are read while the sources are bound
    io.slotoolkit.run.ScanCache.ReadAhead ahead = CacheOption.readAhead(cacheDir, scope);
    try (EngineRun run =
        EngineRun.prepare(root, scope, at != null, engine, CacheOption.memoTo(memo))) {
      io.slotoolkit.run.ScanCache scanCache =
          CacheOption.open(cacheDir, run.engine(), memo, ahead, spec.commandLine().getErr());
      Evaluator evaluator = CacheOption.with(run.evaluator(), scanCache);
      // without --at, the scan also finds the latest events that set the window end and judge
      // freshness, so that each CSV file is parsed once
      Assessment assessment =
          at != null
              ? evaluator.assess(catalog, at, gate, maxStaleness, Map.of())
              : evaluator.assessAtLatest(catalog, run.runSources(), gate, maxStaleness);
      io.slotoolkit.engine.Database.mark("assessed");
      // the cache file is written while the results are; the run ends once both are done
      io.slotoolkit.run.ScanCache.Saving saving =
          scanCache == null ? null : scanCache.saveInBackground();
      try {
        output.write(
            assessment,
            ctx.color() && output.toStdout(),
            allGroups,
            spec.commandLine().getOut(),
            ctx);
        io.slotoolkit.engine.Database.mark("output written");
      } finally {
        if (saving != null) {
          saving.finish();
          io.slotoolkit.engine.Database.mark("cache saved");
        }
      }
      io.slotoolkit.report.RunNotes.noData(assessment)
          .ifPresent(
              note -> {
                spec.commandLine().getErr().println(note);
                spec.commandLine().getErr().flush();
              });
      return assessment.evaluation().passed() ? ExitCode.OK.code() : ExitCode.GATE_FAILED.code();
    }
  }

  /**
   * {@code --fail-on} as given; without it {@code breached}, joined by {@code stale} when a source
   * of the run has a staleness allowance: an export that stopped fails the gate unless asked not
   * to.
   */
  private String gateText(Catalog catalog) {
    if (failOn != null) return failOn;
    boolean allowance =
        maxStaleness != null
            || catalog.slos().stream().anyMatch(s -> s.source().maxStaleness() != null);
    return allowance ? "breached,stale" : "breached";
  }
}
