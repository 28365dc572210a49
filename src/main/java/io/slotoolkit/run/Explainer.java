package io.slotoolkit.run;

import io.slotoolkit.engine.Engine;
import io.slotoolkit.engine.ScanCompiler;
import io.slotoolkit.evaluate.GroupChoice;
import io.slotoolkit.evaluate.WindowBounds;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.Evaluation;
import io.slotoolkit.model.FailOn;
import io.slotoolkit.model.ScanPlan;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SloResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code slo explain} use case: the scan that counts one SLO (with its source as bound), its
 * window at the evaluation instant, and its evaluated result (the chosen group of a per: SLO).
 */
public final class Explainer {
  private final Engine engine;
  private final Evaluator evaluator;

  /** Explains over an engine already bound to the catalog's sources, with its evaluator. */
  public Explainer(Engine engine, Evaluator evaluator) {
    this.engine = engine;
    this.evaluator = evaluator;
  }

  /**
   * Everything {@code slo explain} prints.
   *
   * @param slo the SLO explained
   * @param plan the scan that counts it, compiled but not run, with its source as bound
   * @param at the evaluation instant (exclusive end of the window)
   * @param evaluation the evaluation of the catalog at {@code at} (no gate)
   * @param chosen the result worked through: the SLO's, or the chosen group's of a per: SLO; null
   *     when no group matches
   */
  public record Explanation(
      Slo slo, ScanPlan plan, Instant at, Evaluation evaluation, SloResult chosen) {}

  /**
   * Explains the one SLO of {@code catalog}; more than one is a usage error.
   *
   * @param name what the user asked for (NAME or SERVICE/NAME), for the message
   * @param when the evaluation instant, asked for once the SLO is known to be one (the default
   *     reads the sources' latest event)
   * @param group the per: column values of the group to work through (empty: the worst group)
   */
  public Explanation explain(
      Catalog catalog, String name, Supplier<Instant> when, Map<String, String> group) {
    List<Slo> slos = catalog.slos();
    if (slos.size() > 1) {
      throw SloException.spec(
          "'" + name + "' matches " + slos.size() + " SLOs",
          "name one: " + String.join(", ", slos.stream().map(Slo::qualifiedName).toList()));
    }
    Slo slo = slos.get(0);
    Instant at = when.get();
    Instant start = WindowBounds.start(slo.window(), at, slo.source().zone());
    ScanPlan plan =
        engine.compileScan(slo.source(), List.of(new ScanCompiler.SloWindow(slo, start)), at);
    Evaluation evaluation = evaluator.evaluate(catalog, at, new FailOn.Never());
    SloResult chosen = GroupChoice.choose(slo, evaluation.results(), group).orElse(null);
    return new Explanation(slo, plan, at, evaluation, chosen);
  }
}
