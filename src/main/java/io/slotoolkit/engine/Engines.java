package io.slotoolkit.engine;

import io.slotoolkit.model.SloException;
import java.util.ServiceLoader;

/** Opens the engine a run asked for: the embedded DuckDB, or one an {@link EngineProvider} adds. */
public final class Engines {
  private Engines() {}

  /** The embedded engine's name, and the default. */
  public static final String DUCKDB = "duckdb";

  /**
   * Opens engine {@code name}; a usage error (exit 2) saying how to get it when no provider of that
   * name is on the class path.
   *
   * @param warm DuckDB's connection started ahead, used (or closed) only for DuckDB; may be null
   */
  public static Engine open(
      String name, EngineOptions options, String master, Database.WarmStart warm) {
    if (DUCKDB.equals(name)) {
      if (master != null)
        throw SloException.spec(
            "--spark-master needs --engine spark",
            "add --engine spark, or leave --spark-master out");
      return DuckDbEngine.open(options, warm);
    }
    if (warm != null) warm.close();
    for (EngineProvider p : ServiceLoader.load(EngineProvider.class)) {
      if (p.name().equals(name)) return p.open(options, master);
    }
    if (!name.equals("spark"))
      throw SloException.spec(
          "unknown engine '" + name + "'", "--engine takes duckdb (the default) or spark");
    throw SloException.spec(
        "the " + name + " engine is not on the class path",
        "build it once with `mvn -B verify` (or `mvn -B install -DskipTests && mvn -B -f spark/pom.xml"
            + " package`) in the checkout, then run ./slo ... --engine "
            + name
            + " (the launcher adds spark/target/slo-spark.jar and spark/target/lib/); see"
            + " docs/scale-out.md");
  }
}
