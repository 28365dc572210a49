package io.slotoolkit.cli;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Builds the command line and runs one command; embeddable (tests and the shell call it). */
public final class Cli {
  private Cli() {}

  /** {@code slo}'s subcommands, in the order help lists them. */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("check", CheckCommand::new);
    SUBCOMMANDS.put("validate", ValidateCommand::new);
    SUBCOMMANDS.put("alerts", AlertsCommand::new);
    SUBCOMMANDS.put("report", ReportCommand::new);
    SUBCOMMANDS.put("explain", ExplainCommand::new);
    SUBCOMMANDS.put("init", InitCommand::new);
    SUBCOMMANDS.put("forecast", ForecastCommand::new);
    SUBCOMMANDS.put("shell", ShellCommand::new);
    SUBCOMMANDS.put("convert", ConvertCommand::new);
    SUBCOMMANDS.put("sql", SqlCliCommand::new);
    SUBCOMMANDS.put("schema", SchemaCommand::new);
    SUBCOMMANDS.put("completion", CompletionCommand::new);
    SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
  }

  /**
   * Commands that run alone: when one of them is invoked, it is the only subcommand built. Picocli
   * reflects over every option of every subcommand it is given (about 0.1 s for all of them on a
   * cold JVM); the others (shell, completion, help) look at the whole tree.
   */
  private static final Set<String> STANDALONE =
      Set.of(
          "check",
          "validate",
          "alerts",
          "report",
          "explain",
          "init",
          "forecast",
          "schema",
          "convert",
          "sql");

  /** The configured command line for a context. */
  public static CommandLine commandLine(CliContext ctx, PrintWriter out, PrintWriter err) {
    return commandLine(ctx, out, err, cmd -> {});
  }

  /**
   * The configured command line with every subcommand, after {@code customize} (the shell adds its
   * verbs there) so that output, colours and error handling reach every subcommand.
   */
  static CommandLine commandLine(
      CliContext ctx,
      PrintWriter out,
      PrintWriter err,
      java.util.function.Consumer<CommandLine> customize) {
    return commandLine(ctx, out, err, SUBCOMMANDS.keySet(), customize);
  }

  private static CommandLine commandLine(
      CliContext ctx,
      PrintWriter out,
      PrintWriter err,
      Collection<String> subcommands,
      java.util.function.Consumer<CommandLine> customize) {
    SloCommand root = new SloCommand(ctx);
    CommandLine cmd = new CommandLine(root);
    for (String name : subcommands) {
      Object sub = SUBCOMMANDS.get(name).get();
      cmd.addSubcommand(name, new CommandLine(sub, FormatOption.factory(sub)));
    }
    customize.accept(cmd);
    ErrorHandler handler = new ErrorHandler(root::verbose);
    cmd.setExecutionExceptionHandler(handler);
    cmd.setParameterExceptionHandler(handler);
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setColorScheme(
        CommandLine.Help.defaultColorScheme(
            ctx.color() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    return cmd;
  }

  /** Runs {@code args} and returns the exit code. */
  public static int run(CliContext ctx, PrintWriter out, PrintWriter err, String... args) {
    return run(ctx, out, err, null, args);
  }

  /**
   * Runs {@code args} as {@link #run(CliContext, PrintWriter, PrintWriter, String...)} does,
   * handing {@code warm} (the engine's connection started ahead; may be null) to the command that
   * opens the engine. The caller still owns it: it closes it after the run, a no-op once an engine
   * took it.
   */
  public static int run(
      CliContext ctx,
      PrintWriter out,
      PrintWriter err,
      io.slotoolkit.engine.Database.WarmStart warm,
      String... args) {
    String invoked = Launch.invoked(args);
    Collection<String> subcommands =
        invoked != null && STANDALONE.contains(invoked) ? List.of(invoked) : SUBCOMMANDS.keySet();
    CommandLine cmd = commandLine(ctx, out, err, subcommands, c -> {});
    ((SloCommand) cmd.getCommand()).warmStart(warm);
    return cmd.execute(args);
  }
}
