package io.slotoolkit.cli;

import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SloException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The one place failures become a message and an exit code: user errors print {@code slo: message}
 * with their problems and hint (exit 2 or 3); anything else is a bug (exit 70) whose trace is shown
 * with {@code --verbose}.
 */
final class ErrorHandler
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
  private final VerboseFlag verbose;

  ErrorHandler(VerboseFlag verbose) {
    this.verbose = verbose;
  }

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    if (ex instanceof SloException e) {
      print(err, e);
      if (verbose.on() && e.getCause() != null) e.getCause().printStackTrace(err);
      err.flush();
      return e.exitCode().code();
    }
    if (ex instanceof CommandLine.ParameterException pe)
      return handleParseException(pe, new String[0]);
    err.println("slo: internal error: " + ex);
    if (verbose.on()) {
      ex.printStackTrace(err);
    } else {
      err.println(
          "hint: this is a bug in slo; run again with --verbose for the stack trace and report it");
    }
    err.flush();
    return ExitCode.INTERNAL.code();
  }

  static void print(PrintWriter err, SloException e) {
    err.println("slo: " + e.getMessage());
    boolean messageIsTheProblem =
        e.problems().size() == 1 && e.getMessage().equals(e.problems().get(0).render());
    if (!messageIsTheProblem) for (Problem p : e.problems()) err.println("  " + p.render());
    if (e.hint() != null) err.println("hint: " + e.hint());
  }

  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("slo: " + ex.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("hint: see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
    err.flush();
    return ExitCode.USAGE.code();
  }

  /** Whether --verbose was given anywhere on the command line. */
  interface VerboseFlag {
    boolean on();
  }
}
