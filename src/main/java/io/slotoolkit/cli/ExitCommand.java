package io.slotoolkit.cli;

import io.slotoolkit.model.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code exit} in the shell (Ctrl-D does the same). */
@Command(
    name = "exit",
    aliases = "quit",
    mixinStandardHelpOptions = true,
    description = "Leave the shell (Ctrl-D does the same).")
final class ExitCommand implements Callable<Integer> {
  private final Shell shell;

  ExitCommand(Shell shell) {
    this.shell = shell;
  }

  @Override
  public Integer call() {
    shell.requestExit();
    return ExitCode.OK.code();
  }
}
