package io.slotoolkit.cli;

import io.slotoolkit.engine.Database;
import io.slotoolkit.engine.DuckDbEngine;
import io.slotoolkit.engine.Engine;
import io.slotoolkit.engine.Engines;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.SloException;
import io.slotoolkit.run.Evaluator;
import java.time.Instant;
import java.util.List;

/**
 * The specs a command evaluates and an engine already bound to their sources: a fresh engine for a
 * one-shot command (closed with this run), or the shell's session engine (left open).
 *
 * @param catalog the selected SLOs and their sources
 * @param runSources the sources whose latest event sets the default --at: those of every SLO of the
 *     loaded specs, whatever --slo selects (see {@link Evaluator#runSources})
 * @param engine bound and locked down to the sources' files
 * @param evaluator the evaluator over {@code engine}
 * @param owned whether closing this run closes the engine
 */
record EngineRun(
    Catalog catalog, List<DataSource> runSources, Engine engine, Evaluator evaluator, boolean owned)
    implements AutoCloseable {

  /**
   * What a command evaluates: the SLOs --slo selects, and the sources of the whole run, which set
   * the default --at.
   *
   * @param warm the engine connection started while the specs were read, for {@link #prepare} to
   *     take (null in the shell)
   */
  record Scope(Catalog catalog, List<DataSource> runSources, Database.WarmStart warm) {}

  /**
   * The catalog a command evaluates: the specs loaded from disk, or inside the shell the session's
   * catalog narrowed by --slo (nothing is read again).
   */
  static Scope load(SloCommand root, SpecOptions specs) {
    Session session = root.session();
    if (session != null) {
      return new Scope(
          specs.selectIn(session.catalog()), Evaluator.runSources(session.catalog()), null);
    }
    // the engine starts on the other core while the specs are read, unless the process started it
    // before parsing the command line (Launch)
    Database.WarmStart warm = root.takeWarmStart();
    if (warm == null) warm = DuckDbEngine.warmUp();
    try {
      Catalog loaded = specs.loadAll(root.context());
      return new Scope(specs.selectFrom(loaded), Evaluator.runSources(loaded), warm);
    } catch (RuntimeException e) {
      warm.close();
      throw e;
    }
  }

  /**
   * An engine bound to the scope's sources: a new one, checked and bound (what every one-shot
   * command that reads data does), or inside the shell the session's engine (no reload). With
   * {@code explicitAt} the run's other sources are not read: nothing needs their latest event.
   */
  static EngineRun prepare(SloCommand root, Scope scope, boolean explicitAt) {
    return prepare(root, scope, explicitAt, null);
  }

  /** As {@link #prepare(SloCommand, Scope, boolean)}, on the engine {@code choice} names. */
  static EngineRun prepare(SloCommand root, Scope scope, boolean explicitAt, EngineOption choice) {
    return prepare(root, scope, explicitAt, choice, e -> {});
  }

  /**
   * As {@link #prepare(SloCommand, Scope, boolean, EngineOption)}, handing a new engine to {@code
   * beforeBind} before it binds the sources (not the shell's engine, which bound them already).
   */
  static EngineRun prepare(
      SloCommand root,
      Scope scope,
      boolean explicitAt,
      EngineOption choice,
      java.util.function.Consumer<Engine> beforeBind) {
    Session session = root.session();
    Catalog catalog = scope.catalog();
    String name = choice == null ? Engines.DUCKDB : choice.name;
    String master = choice == null ? null : choice.master;
    if (session != null) {
      if (!name.equals(session.engine().name()) || master != null)
        throw SloException.spec(
            "the shell's session runs on "
                + session.engine().name()
                + "; --engine cannot change it",
            "run the command outside the shell to use another engine");
      return new EngineRun(
          catalog, scope.runSources(), session.engine(), session.evaluator(), false);
    }
    Engine engine =
        Engines.open(name, SpecOptions.engineOptions(root.context()), master, scope.warm());
    try {
      engine.progressListener(root.progressListener());
      beforeBind.accept(engine);
      Evaluator evaluator = new Evaluator(engine);
      evaluator.prepare(catalog, explicitAt ? List.of() : scope.runSources());
      return new EngineRun(catalog, scope.runSources(), engine, evaluator, true);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  /**
   * The evaluation instant: {@code given} (from --at), or the one default rule of every command,
   * just after the latest event across the run's sources.
   */
  Instant at(Instant given) {
    return given != null ? given : evaluator.defaultAt(runSources);
  }

  @Override
  public void close() {
    if (owned) engine.close();
  }
}
