package io.slotoolkit.run;

import io.slotoolkit.engine.Engine;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.RollupQuery;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SqlDialectName;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code slo sql}: the per-minute roll-up of a catalog's SLOs, printed in a warehouse's SQL dialect
 * so that a team can count where its logs live and evaluate the small result with a {@code counts}
 * spec. No data is read.
 */
public final class WarehouseRollup {
  private final Engine engine;

  public WarehouseRollup(Engine engine) {
    this.engine = engine;
  }

  /**
   * One statement per source of the catalog's SLOs.
   *
   * @param tables source name to warehouse table; every name must be a source of these SLOs
   * @throws SloException a spec error (exit 2) when there is no SLO, a {@code --table} names no
   *     source of them, or an expression has no same-meaning form in the dialect
   */
  public List<RollupQuery> rollup(
      Catalog catalog, SqlDialectName dialect, Map<String, String> tables) {
    List<Slo> slos = catalog.slos();
    if (slos.isEmpty())
      throw SloException.spec(
          "the specs define no SLO: there is nothing to roll up",
          "add SLOs under slos: in the spec, or pass the spec files that have them");
    Set<String> sources = new LinkedHashSet<>();
    for (Slo slo : slos) sources.add(slo.source().name());
    for (String name : tables.keySet()) {
      if (!sources.contains(name))
        throw SloException.spec(
            "--table " + name + "=...: no SLO reads a source named '" + name + "'",
            "sources: " + String.join(", ", sources));
    }
    return engine.rollup(slos, dialect, tables);
  }
}
