package io.slotoolkit.cli;

import io.slotoolkit.engine.Engine;
import io.slotoolkit.engine.Evaluator;
import io.slotoolkit.model.Catalog;

/**
 * The specs a command evaluates and an engine already bound to their sources: a fresh engine for a
 * one-shot command (closed with this run), or the shell's session engine (left open).
 *
 * @param catalog the selected SLOs and their sources
 * @param engine bound and locked down to the sources' files
 * @param evaluator the evaluator over {@code engine}
 * @param owned whether closing this run closes the engine
 */
record EngineRun(Catalog catalog, Engine engine, Evaluator evaluator, boolean owned)
    implements AutoCloseable {

  /**
   * Loads the specs, opens an engine and binds the sources: what every one-shot command that reads
   * data does first; inside the shell, the session's engine is reused instead (no reload).
   */
  static EngineRun prepare(SloCommand root, SpecOptions specs) {
    Session session = root.session();
    if (session != null) {
      Catalog selected = specs.selectIn(session.catalog());
      return new EngineRun(selected, session.engine(), session.evaluator(), false);
    }
    CliContext ctx = root.context();
    Catalog catalog = specs.load(ctx);
    Engine engine = Engine.open(SpecOptions.engineOptions(ctx));
    try {
      engine.progressListener(root.progressListener());
      Evaluator evaluator = new Evaluator(engine);
      evaluator.prepare(catalog);
      return new EngineRun(catalog, engine, evaluator, true);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  @Override
  public void close() {
    if (owned) engine.close();
  }
}
