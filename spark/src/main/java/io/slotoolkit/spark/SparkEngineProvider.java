package io.slotoolkit.spark;

import io.slotoolkit.engine.Engine;
import io.slotoolkit.engine.EngineOptions;
import io.slotoolkit.engine.EngineProvider;

/** Makes {@code --engine spark} find {@link SparkEngine} (registered in META-INF/services). */
public final class SparkEngineProvider implements EngineProvider {
  @Override
  public String name() {
    return SparkEngine.NAME;
  }

  @Override
  public Engine open(EngineOptions options, String master) {
    // under spark-submit or in a test the session may exist already: use it, leave it running
    var existing = org.apache.spark.sql.SparkSession.getDefaultSession();
    if (existing.isDefined() && master == null) {
      SparkSessions.lockDown(existing.get());
      return new SparkEngine(existing.get(), false);
    }
    long t0 = System.nanoTime();
    SparkEngine engine = new SparkEngine(SparkSessions.start(master), true);
    SparkEngine.timing("session started", t0);
    return engine;
  }
}
