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
   * The catalog a command evaluates: the specs loaded from disk, or inside the shell the session's
   * catalog narrowed by --slo (nothing is read again).
   */
  static Catalog load(SloCommand root, SpecOptions specs) {
    Session session = root.session();
    if (session != null) return specs.selectIn(session.catalog());
    // the engine starts on the other core while the specs are read
    Engine.warmUp();
    return specs.load(root.context());
  }

  /**
   * An engine bound to the catalog's sources: a new one, checked and bound (what every one-shot
   * command that reads data does), or inside the shell the session's engine (no reload).
   */
  static EngineRun prepare(SloCommand root, Catalog catalog) {
    Session session = root.session();
    if (session != null)
      return new EngineRun(catalog, session.engine(), session.evaluator(), false);
    Engine engine = Engine.open(SpecOptions.engineOptions(root.context()));
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

  /** {@link #load} then {@link #prepare(SloCommand, Catalog)}. */
  static EngineRun prepare(SloCommand root, SpecOptions specs) {
    return prepare(root, load(root, specs));
  }

  @Override
  public void close() {
    if (owned) engine.close();
  }
}
