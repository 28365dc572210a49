package io.slotoolkit.cli;

import java.io.IOException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Where the shell gets its terminal: the system's, or (in tests) a dumb one over streams. */
@FunctionalInterface
interface ShellTerminal {
  Terminal open() throws IOException;

  ShellTerminal SYSTEM =
      () -> TerminalBuilder.builder().name("slo").system(true).dumb(true).build();
}
