package io.slotoolkit.cli;

import io.slotoolkit.engine.BindMemo;
import io.slotoolkit.engine.Engines;
import io.slotoolkit.model.SloException;
import io.slotoolkit.run.Evaluator;
import io.slotoolkit.run.ScanCache;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --cache DIR} (or {@code SLO_CACHE}): read sources through the scan cache in DIR, so that a
 * run reads only the files that are new, changed or straddle a boundary (docs/cache.md).
 */
final class CacheOption {
  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description =
          "Keep per-file counts in DIR and read only the files that are new, changed, or straddle a"
              + " window or alert boundary; the results are the same as without it. Default: the"
              + " SLO_CACHE environment variable; none when unset. See docs/cache.md.")
  Path dir;

  /** The cache folder: --cache, else SLO_CACHE (resolved against the working folder); or null. */
  Path dir(CliContext ctx) {
    if (dir != null) return ctx.workingDir().resolve(dir);
    String env = ctx.setting("SLO_CACHE");
    return env == null ? null : ctx.workingDir().resolve(env);
  }

  /**
   * A usage error (exit 2) before anything is read when the cache cannot be used: another engine
   * than DuckDB, or a folder that cannot be written.
   */
  Path check(CliContext ctx, EngineOption engine) {
    // an empty value (--cache "$DIR" with DIR unset) would put the cache in the working folder
    if (dir != null && dir.toString().isBlank())
      throw SloException.spec(
          "--cache was given an empty folder name",
          "give the folder to keep the cache in (is a variable in --cache \"$...\" unset?), or"
              + " leave --cache out");
    Path d = dir(ctx);
    if (d == null) return null;
    // named as the user gave it: SLO_CACHE may be set in a CI job's environment, out of sight
    String given = dir != null ? "--cache " + d : "SLO_CACHE=" + d;
    if (engine != null && !Engines.DUCKDB.equals(engine.name))
      throw SloException.spec(
          (dir != null ? "--cache" : "SLO_CACHE")
              + " works with the duckdb engine only, not --engine "
              + engine.name,
          "leave --cache (and SLO_CACHE) out with --engine " + engine.name);
    ScanCache.checkWritable(d, given);
    return d;
  }

  /**
   * The bind memo kept in {@code dir}, for the engine to bind the sources with before the cache is
   * opened ({@link #open}); null without a cache.
   */
  static BindMemo memo(Path dir, PrintWriter err) {
    return dir == null ? null : new BindMemo(dir, ScanCache.sloVersion(), notes(err));
  }

  /**
   * The cache files of {@code sources} in {@code dir}, read on another thread while the engine
   * binds them ({@link ScanCache#readAhead}); null without a cache.
   */
  static ScanCache.ReadAhead readAhead(Path dir, EngineRun.Scope scope) {
    if (dir == null) return null;
    java.util.List<io.slotoolkit.model.DataSource> sources =
        new java.util.ArrayList<>(scope.runSources());
    for (io.slotoolkit.model.Slo s : scope.catalog().slos())
      if (!sources.contains(s.source())) sources.add(s.source());
    return ScanCache.readAhead(dir, sources, ScanCache.sloVersion());
  }

  /**
   * A cache in {@code dir} over {@code engine}, saving {@code memo} too and taking the files {@code
   * ahead} read; null without a cache.
   */
  static ScanCache open(
      Path dir,
      io.slotoolkit.engine.Engine engine,
      BindMemo memo,
      ScanCache.ReadAhead ahead,
      PrintWriter err) {
    if (dir == null) return null;
    return new ScanCache(engine, dir, ScanCache.sloVersion(), notes(err), memo, ahead);
  }

  /** The report's cache in {@code dir} over {@code engine}; null without a cache. */
  static io.slotoolkit.run.ReportCache openReport(
      Path dir, io.slotoolkit.engine.Engine engine, PrintWriter err) {
    if (dir == null) return null;
    return new io.slotoolkit.run.ReportCache(engine, dir, ScanCache.sloVersion(), notes(err));
  }

  private static java.util.function.Consumer<String> notes(PrintWriter err) {
    return note -> {
      err.println(note);
      err.flush();
    };
  }

  /** What a new engine does before it binds: takes {@code memo} (null: nothing). */
  static java.util.function.Consumer<io.slotoolkit.engine.Engine> memoTo(BindMemo memo) {
    return e -> {
      if (memo != null) e.fileByFile().ifPresent(f -> f.bindMemo(memo));
    };
  }

  static Evaluator with(Evaluator evaluator, ScanCache cache) {
    return cache == null ? evaluator : evaluator.withCache(cache);
  }
}
