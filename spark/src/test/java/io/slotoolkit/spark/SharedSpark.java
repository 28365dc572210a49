package io.slotoolkit.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local[2] session every Spark test of this module uses (starting one costs seconds): the
 * engines the CLI opens find it as the default session and leave it running; it stops when the test
 * JVM exits.
 */
final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSessions.start("local[2]");
      SparkSession s = session;
      Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
    }
    return session;
  }
}
