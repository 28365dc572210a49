package io.slotoolkit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * One {@code slo} command line run in-process, as tests see it: exit code, stdout and stderr. The
 * context is a plain terminal ({@code TERM=dumb}, no colour) in the working folder, with the clock
 * at 2026-03-01T00:00:00Z.
 */
record CliRun(int exit, String out, String err) {
  static CliRun slo(String... args) {
    return withEnv(Map.of(), args);
  }

  /** {@link #slo} with these environment variables besides {@code TERM=dumb}. */
  static CliRun withEnv(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("TERM", "dumb");
    CliContext ctx =
        new CliContext(
            all,
            Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC),
            Path.of("").toAbsolutePath(),
            false);
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      code = Cli.run(ctx, o, e, args);
    }
    return new CliRun(code, out.toString(), err.toString());
  }
}
