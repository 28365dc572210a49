package org.duckdb;

/**
 * Replaces the DuckDB JDBC driver's class of the same name in the {@code slo} jar (the shade plugin
 * leaves the driver's own out; see {@code pom.xml}), so that opening DuckDB does not start Java
 * Flight Recorder.
 *
 * <p>The driver's version registers a JFR periodic event ({@code duckdb.MemoryUsage}) the first
 * time a connection opens, whenever the JVM has the {@code jdk.jfr} module, even though the event
 * only samples connections opened with the {@code jdbc_jfr_memory_monitor} property, which slo
 * never sets. That registration initialises JFR's Java side: 65-90 ms of CPU on every run, measured
 * on the thread that opens the engine while the specs are read, which made that thread the last to
 * be ready before the scan (docs/benchmarks.md, "Opening DuckDB without Flight Recorder"). This
 * class keeps the driver's three entry points and does nothing in them, so the event is never
 * registered; {@code DuckDbStartupTest} fails if the driver's own class comes back or if the driver
 * calls it in another way.
 */
final class JfrMemoryMonitor {
  private JfrMemoryMonitor() {}

  /** The driver's: registers the periodic event. Here: nothing to register. */
  static void init() {}

  /** The driver's: starts sampling a connection opened with the monitor property. Here: none. */
  static void connectionOpened(DuckDBConnection connection) {}

  /** The driver's: stops sampling the database at {@code address}. Here: nothing was sampled. */
  static void connectionClosed(long address) {}
}
