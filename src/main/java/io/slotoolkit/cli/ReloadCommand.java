package io.slotoolkit.cli;

import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code reload} in the shell: re-read the specs and rebind the sources after an edit. */
@Command(
    name = "reload",
    mixinStandardHelpOptions = true,
    description =
        "Re-read the spec files and register their sources again (after an edit). On a problem the"
            + " previous specs stay loaded.")
final class ReloadCommand implements Callable<Integer> {
  private final Shell shell;
  @Spec CommandSpec spec;

  ReloadCommand(Shell shell) {
    this.shell = shell;
  }

  @Override
  public Integer call() {
    shell.session().reload();
    Catalog c = shell.session().catalog();
    spec.commandLine().getOut().println("reloaded: " + Shell.summary(c));
    spec.commandLine().getOut().flush();
    return ExitCode.OK.code();
  }
}
