package io.slotoolkit.cli;

import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.SloException;
import io.slotoolkit.report.ExplainPrinter;
import io.slotoolkit.run.Explainer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code slo explain NAME}: how one SLO is computed, step by step, with the real numbers. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Show how an SLO is computed, step by step, with the real numbers.",
      "Prints its source (files, columns, how the event time is read), filters, the SQL of the scan,"
          + " the window at --at, and the arithmetic from counts to SLI, error budget and burn rate."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:explained (whatever the SLO's status)",
      "2:usage or spec error, or NAME matches no SLO or several",
      "3:data error: a source could not be read",
      "70:internal error (a bug; --verbose shows the trace)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  slo explain api-availability",
      "  slo explain api-latency specs/api.yaml --at 2026-03-01T00:00:00+09:00",
      "  slo explain homehub/unlock-success         SERVICE/NAME when names repeat"
    })
final class ExplainCommand implements Callable<Integer> {
  @ParentCommand SloCommand root;
  @Spec CommandSpec spec;
  @Mixin SpecOptions specs;
  @Mixin AtOption when;
  @Mixin EngineOption engine;

  @Parameters(
      index = "0",
      paramLabel = "SLO",
      description = "The SLO to explain: NAME or SERVICE/NAME.")
  String name;

  @Option(
      names = "--group",
      paramLabel = "COLUMN=VALUE",
      description =
          "For a per: SLO, the group to work through (repeat for each per: column, e.g. --group"
              + " customer_id=c037). Default: the group with the lowest SLI among those with data.")
  Map<String, String> group = new LinkedHashMap<>();

  @Override
  public Integer call() {
    if (!specs.selection.slos.isEmpty())
      throw SloException.spec("explain takes the SLO as its argument, not --slo", null);
    // SpecOptions' PATH... takes every positional, NAME too: the first one is NAME, not a path
    if (!specs.selection.paths.isEmpty()) specs.selection.paths.remove(0);
    specs.selection.slos.add(name);
    specs.selection.noMatchMessage = "no SLO is named '%s'";
    Instant at = when.at(root.context());
    try (EngineRun run = EngineRun.prepare(root, EngineRun.load(root, specs), at != null, engine)) {
      Explainer.Explanation x =
          new Explainer(run.engine(), run.evaluator())
              .explain(run.catalog(), name, () -> run.at(at), group);
      new ExplainPrinter(spec.commandLine().getOut())
          .print(
              x.slo(), x.plan(), x.at(), at == null, x.evaluation(), x.chosen(), !group.isEmpty());
      spec.commandLine().getOut().flush();
      return ExitCode.OK.code();
    }
  }
}
