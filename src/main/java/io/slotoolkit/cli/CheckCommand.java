package io.slotoolkit.cli;

import io.slotoolkit.engine.Evaluator;
import io.slotoolkit.evaluate.Gate;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.Evaluation;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.SloException;
import io.slotoolkit.report.JsonRenderer;
import io.slotoolkit.report.MarkdownRenderer;
import io.slotoolkit.report.Style;
import io.slotoolkit.report.TextRenderer;
import java.time.Instant;
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
      "1:a gate failed (by default: an SLO is BREACHED)",
      "2:usage or spec error; nothing was evaluated",
      "3:data error: a source could not be read, a column is missing, or too many malformed rows",
      "70:internal error (a bug; --verbose shows the trace)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  slo check                                  every spec in slo-specs/",
      "  slo check specs/api.yaml --slo 'api-*'     some SLOs of one file",
      "  slo check --at 2026-03-01T00:00:00+09:00 --format json --output slo.json",
      "  slo check --source api=exports/2026-02/*.parquet --fail-on none"
    })
final class CheckCommand implements Callable<Integer> {
  @ParentCommand SloCommand root;
  @Spec CommandSpec spec;
  @Mixin SpecOptions specs;
  @Mixin OutputOptions output;

  @Option(
      names = "--fail-on",
      paramLabel = "GATE",
      defaultValue = "breached",
      description =
          "When to exit 1: breached (any SLO BREACHED) or none. Default: ${DEFAULT-VALUE}.")
  String failOn;

  @Option(
      names = "--all-groups",
      description = "List every group of a per-group SLO, not only those that are not OK.")
  boolean allGroups;

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    Gate gate = Gate.parse(failOn);
    if (gate == null)
      throw SloException.spec("--fail-on " + failOn + ": unknown gate", "use breached or none");
    output.checkWritable(ctx);
    Instant at = specs.at(ctx);
    Catalog catalog = EngineRun.load(root, specs);
    try (EngineRun run = EngineRun.prepare(root, catalog)) {
      Evaluator evaluator = run.evaluator();
      Evaluation evaluation =
          evaluator.evaluate(catalog, at != null ? at : evaluator.defaultAt(catalog), gate);
      Style style = new Style(ctx.color() && output.output == null);
      output.write(
          evaluation,
          f ->
              switch (f) {
                case text -> new TextRenderer(style, allGroups, gate.label());
                case json -> new JsonRenderer(gate.label());
                case markdown -> new MarkdownRenderer(gate.label());
              },
          spec.commandLine().getOut(),
          ctx);
      return evaluation.passed() ? ExitCode.OK.code() : ExitCode.GATE_FAILED.code();
    }
  }
}
