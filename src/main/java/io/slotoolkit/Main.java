package io.slotoolkit;

import io.slotoolkit.cli.CliContext;
import io.slotoolkit.cli.Launch;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of {@code slo}: the only place that exits the process. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = Launch.run(CliContext.system(), out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
