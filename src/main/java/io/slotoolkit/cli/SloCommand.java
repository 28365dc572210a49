package io.slotoolkit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code slo} command and its global options. */
@Command(
    name = "slo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Measure service quality from the event logs you already export.",
      "Reads SLI/SLO specs (YAML), evaluates them against CSV/Parquet logs in embedded DuckDB,",
      "and prints scorecards and error-budget status; exit codes gate CI."
    },
    subcommands = {
      CheckCommand.class,
      ValidateCommand.class,
      ReportCommand.class,
      ForecastCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  slo check                 evaluate every spec in slo-specs/",
      "  slo validate --data       check specs and the files they read",
      "  slo report --format html --output report.html   trends and breakdowns to share",
      "  slo forecast --series daily.csv --season 03-15..04-10   busy-season premortem",
      "  slo help check            options of one command"
    })
public final class SloCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Show stack traces of internal errors and more detail.")
  boolean verbose;

  public SloCommand(CliContext context) {
    this.context = context;
  }

  CliContext context() {
    return context;
  }

  boolean verbose() {
    return verbose;
  }

  @Override
  public Integer call() {
    CommandLine cmd = spec.commandLine();
    cmd.getErr().println("slo: a command is required");
    cmd.usage(cmd.getErr());
    return io.slotoolkit.model.ExitCode.USAGE.code();
  }
}
