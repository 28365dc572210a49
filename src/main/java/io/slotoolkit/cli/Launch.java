package io.slotoolkit.cli;

import io.slotoolkit.engine.Database;
import io.slotoolkit.engine.DuckDbEngine;
import io.slotoolkit.spec.SpecWarmup;
import java.io.PrintWriter;
import java.util.Set;

/**
 * How the process runs its one command line: the embedded engine starts on the other core before
 * picocli loads, for the commands that open it. Loading picocli and building the command takes
 * about 0.1-0.2 s of a cold JVM, as long as starting DuckDB; started after it, as {@link
 * EngineRun#load} does for an embedded run, the engine's start is only overlapped with reading the
 * specs. This class loads no picocli class before the engine has started.
 */
public final class Launch {
  private Launch() {}

  /**
   * The commands that open the engine whenever they get past their own checks: through {@link
   * EngineRun#load} (check, report, alerts, explain), or the first engine they open (validate's
   * expression checks, sql's rollup, init's profile of the file). Not forecast (only its spec path
   * opens one), shell (its session opens its own) nor the commands that never open one.
   */
  private static final Set<String> OPEN_ENGINE =
      Set.of("check", "report", "alerts", "explain", "validate", "sql", "init");

  /** Options after which a command prints and exits without opening anything. */
  private static final Set<String> NO_RUN = Set.of("-h", "--help", "-V", "--version");

  /** Runs {@code args} as the process's command line and returns the exit code. */
  public static int run(CliContext ctx, PrintWriter out, PrintWriter err, String... args) {
    Database.WarmStart warm = warmStartFor(usesCache(ctx, args), args);
    try {
      return Cli.run(ctx, out, err, warm, args);
    } finally {
      // taken by the engine the command opened, or closed here: the run failed before it, or
      // chose another engine
      if (warm != null) warm.close();
    }
  }

  /**
   * A warm start of the engine when {@code args} run a command that opens it; else null. With a
   * scan cache ({@code cached}), the opening thread first names a cache file, as the command's
   * thread does soon after parsing the command line: the JVM's security providers (SHA-256) start
   * there, 6-8 ms that the engine's start has to spare and the command's thread has not.
   */
  static Database.WarmStart warmStartFor(boolean cached, String... args) {
    if (!opensEngine(args)) return null;
    // the specs are read next on this thread: the opening thread, done before this one has parsed
    // the command line, reads a small spec of its own meanwhile (SpecWarmup)
    return cached
        ? DuckDbEngine.warmUp(io.slotoolkit.engine.CacheFile::warmUp, SpecWarmup::run)
        : DuckDbEngine.warmUp(SpecWarmup::run);
  }

  /** Whether the command line, or the environment, asks for a scan cache. */
  static boolean usesCache(CliContext ctx, String... args) {
    for (String a : args) if (a.equals("--cache") || a.startsWith("--cache=")) return true;
    return ctx.setting("SLO_CACHE") != null;
  }

  /** Whether {@code args} run a command that opens the embedded engine as it starts. */
  static boolean opensEngine(String... args) {
    String invoked = invoked(args);
    if (invoked == null || !OPEN_ENGINE.contains(invoked)) return false;
    for (String a : args) if (NO_RUN.contains(a)) return false;
    return true;
  }

  /**
   * The subcommand {@code args} name, or null: slo's own options take no value, so the first
   * argument that is not an option names it.
   */
  static String invoked(String... args) {
    for (String a : args) if (!a.startsWith("-")) return a;
    return null;
  }
}
