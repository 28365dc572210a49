package io.slotoolkit.cli;

import io.slotoolkit.engine.ProgressListener;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code slo shell}: load the specs and sources once, then explore them interactively. */
@Command(
    name = "shell",
    mixinStandardHelpOptions = true,
    description = {
      "Explore SLOs interactively: specs and sources load once, commands run without reloading.",
      "Runs check, validate, explain, sql SELECT ... and every other command on one engine;"
          + " reload re-reads the specs after an edit.",
      "Tab completes commands, options, SLO, source and column names. Ctrl-C cancels the running"
          + " query, Ctrl-D (or exit) leaves. History: ~/.slo_history (SLO_HISTORY overrides)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the shell ended normally",
      "2:a spec has a problem (nothing loaded)",
      "3:a source cannot be read",
      "70:internal error (a bug; --verbose shows the trace)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  slo shell                         load slo-specs/",
      "  slo shell specs/api.yaml --source api=exports/2026-02/*.parquet",
      "",
      "  slo> check --slo 'api-*'",
      "  slo> sql SELECT status, count(*) FROM api GROUP BY ALL ORDER BY 2 DESC",
      "  slo> explain api-availability",
      "  slo> reload                      after editing a spec"
    })
final class ShellCommand implements Callable<Integer> {
  @ParentCommand SloCommand root;

  /** What the session loads, and reloads; commands inside choose --slo and --at each time. */
  @Mixin SpecOptions specs;

  @Override
  public Integer call() throws IOException {
    CliContext ctx = root.context();
    ShellTerminal terminals =
        root.shellTerminal != null ? root.shellTerminal : ShellTerminal.SYSTEM;
    try (Terminal terminal = terminals.open()) {
      ProgressListener progress =
          root.progressListener() == null ? null : new ProgressBar(terminal.writer());
      try (Session session = Session.open(ctx, specs, progress)) {
        return new Shell(ctx, terminal, session).run();
      }
    }
  }
}
