package io.slotoolkit.engine;

/**
 * An engine other than the embedded DuckDB one, found on the class path with {@link
 * java.util.ServiceLoader} (the Spark engine lives in its own artifact, so that the slo jar stays
 * free of it): see {@link Engines}.
 */
public interface EngineProvider {
  /** The name users choose it by ({@code --engine NAME}). */
  String name();

  /** Opens the engine; {@code master} is the cluster to run on, null for the engine's default. */
  Engine open(EngineOptions options, String master);
}
