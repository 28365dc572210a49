package io.slotoolkit.cli;

import io.slotoolkit.engine.AdhocQuery;
import io.slotoolkit.engine.DuckDbEngine;
import io.slotoolkit.engine.Engine;
import io.slotoolkit.engine.ProgressListener;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.run.Evaluator;
import java.util.List;

/**
 * What the shell keeps between commands: the specs it loaded and ONE engine, bound to their sources
 * and locked down, that every command of the session evaluates with.
 */
final class Session implements AutoCloseable {
  private final CliContext ctx;
  private final SpecOptions specs;
  private final ProgressListener progress;
  private Catalog catalog;
  private Engine engine;
  private Evaluator evaluator;
  private AdhocQuery adhoc;

  private Session(CliContext ctx, SpecOptions specs, ProgressListener progress) {
    this.ctx = ctx;
    this.specs = specs;
    this.progress = progress;
  }

  /** Loads the specs and binds their sources (exit 2 or 3 on problems, as {@code slo check}). */
  static Session open(CliContext ctx, SpecOptions specs, ProgressListener progress) {
    Session s = new Session(ctx, specs, progress);
    s.load();
    return s;
  }

  /**
   * Re-reads the specs and rebinds the sources; on failure the previous state stays usable, so a
   * typo in an edited spec does not end the session.
   */
  void reload() {
    Catalog oldCatalog = catalog;
    Engine oldEngine = engine;
    Evaluator oldEvaluator = evaluator;
    AdhocQuery oldAdhoc = adhoc;
    try {
      load();
    } catch (RuntimeException e) {
      catalog = oldCatalog;
      engine = oldEngine;
      evaluator = oldEvaluator;
      adhoc = oldAdhoc;
      throw e;
    }
    oldEngine.close();
  }

  private void load() {
    Catalog c = specs.load(ctx);
    Engine e = DuckDbEngine.open(SpecOptions.engineOptions(ctx));
    try {
      e.progressListener(progress);
      Evaluator ev = new Evaluator(e);
      ev.prepare(c);
      AdhocQuery q = e.adhocQuery();
      catalog = c;
      engine = e;
      evaluator = ev;
      adhoc = q;
    } catch (RuntimeException ex) {
      e.close();
      throw ex;
    }
  }

  Catalog catalog() {
    return catalog;
  }

  Engine engine() {
    return engine;
  }

  Evaluator evaluator() {
    return evaluator;
  }

  AdhocQuery adhoc() {
    return adhoc;
  }

  /** The spec paths the session was opened with (the default folder when none were given). */
  List<java.nio.file.Path> specPaths() {
    return SpecSelection.specPaths(specs.selection.paths, ctx);
  }

  /** Cancels the running query (Ctrl-C); the session stays usable. */
  void cancel() {
    if (engine != null) engine.cancel();
  }

  @Override
  public void close() {
    if (engine != null) engine.close();
  }
}
