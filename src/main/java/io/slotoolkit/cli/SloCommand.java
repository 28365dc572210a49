package io.slotoolkit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code slo} command and its global options; {@link Cli} adds the subcommands. */
@Command(
    name = "slo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Measure service quality from the event logs you already export.",
      "Reads SLI/SLO specs (YAML), evaluates them against CSV/Parquet logs in embedded DuckDB,",
      "and prints scorecards and error-budget status; exit codes gate CI."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  slo check                 evaluate every spec in slo-specs/",
      "  slo validate --data       check specs and the files they read",
      "  slo report --format html --output report.html   trends and breakdowns to share",
      "  slo init --from api.csv   write a first spec from a log export",
      "  slo explain api-latency   how one SLO is computed, with its numbers",
      "  slo shell                 check, explain and sql on sources loaded once",
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

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "No progress bar on stderr (it is shown only on a terminal anyway).")
  boolean quiet;

  // Set by the shell for the commands it runs: they evaluate with its engine instead of opening
  // one.
  private Session session;
  // How the shell gets its terminal; tests set a dumb terminal over streams. Null means the
  // system's, looked up only when the shell starts so that --help and --version load no JLine.
  ShellTerminal shellTerminal;

  // The engine's connection the process started before parsing, for the first command that opens
  // the engine to take (null when none was started, and once taken).
  private io.slotoolkit.engine.Database.WarmStart warmStart;

  public SloCommand(CliContext context) {
    this.context = context;
  }

  CliContext context() {
    return context;
  }

  Session session() {
    return session;
  }

  void session(Session s) {
    this.session = s;
  }

  /** A progress bar on stderr when it is a terminal and --quiet was not given; else null. */
  io.slotoolkit.engine.ProgressListener progressListener() {
    if (quiet || !context.terminal() || "dumb".equals(context.env().get("TERM"))) return null;
    return new ProgressBar(spec.commandLine().getErr());
  }

  void warmStart(io.slotoolkit.engine.Database.WarmStart warm) {
    this.warmStart = warm;
  }

  /** The warm start handed to this run, once; null when there is none or it was taken. */
  io.slotoolkit.engine.Database.WarmStart takeWarmStart() {
    io.slotoolkit.engine.Database.WarmStart warm = warmStart;
    warmStart = null;
    return warm;
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
