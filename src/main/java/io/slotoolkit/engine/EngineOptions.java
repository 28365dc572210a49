package io.slotoolkit.engine;

/**
 * Resource limits for the embedded engine.
 *
 * @param memoryLimit DuckDB memory limit, such as {@code 2GB}; larger work spills to disk
 * @param threads worker threads; 0 lets DuckDB use every core
 */
public record EngineOptions(String memoryLimit, int threads) {
  public static final EngineOptions DEFAULT = new EngineOptions("2GB", 0);
}
