package io.slotoolkit.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the command line and runs one command; embeddable (tests and the shell call it). */
public final class Cli {
  private Cli() {}

  /** The configured command line for a context. */
  public static CommandLine commandLine(CliContext ctx, PrintWriter out, PrintWriter err) {
    return commandLine(ctx, out, err, cmd -> {});
  }

  /**
   * The configured command line, after {@code customize} (the shell adds its verbs there) so that
   * output, colours and error handling reach every subcommand.
   */
  static CommandLine commandLine(
      CliContext ctx,
      PrintWriter out,
      PrintWriter err,
      java.util.function.Consumer<CommandLine> customize) {
    SloCommand root = new SloCommand(ctx);
    CommandLine cmd = new CommandLine(root);
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
    return commandLine(ctx, out, err).execute(args);
  }
}
