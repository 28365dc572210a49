package io.slotoolkit.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;

/**
 * Starts the Spark session slo runs on, locked down: SQL over file paths off, the functions that
 * reach outside a row (reflection, file names) dropped, the driver on loopback for a local master,
 * the warehouse folder out of the working directory, the session zone UTC.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /** Functions Spark runs by default that call Java methods or reveal file paths. */
  static final List<String> DROPPED =
      List.of("reflect", "java_method", "try_reflect", "input_file_name");

  /**
   * A new session on {@code master} ({@code local[*]} when null).
   *
   * @param master a Spark master URL
   */
  public static SparkSession start(String master) {
    String m = master == null ? "local[*]" : master;
    SparkSession.Builder b =
        SparkSession.builder()
            .master(m)
            .appName("slo")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            // epoch microseconds, day boundaries and naive times are all read in UTC, as in DuckDB
            .config("spark.sql.session.timeZone", "UTC")
            // a scan's result is small: a few partitions after the aggregate are enough
            .config("spark.sql.shuffle.partitions", "4")
            // `parquet.`/etc/passwd`` in SQL would read any file
            .config("spark.sql.runSQLOnFiles", "false")
            // every CSV field is parsed, so a malformed row is found whichever columns a scan reads
            .config("spark.sql.csv.parser.columnPruning.enabled", "false")
            .config("spark.sql.warehouse.dir", warehouse());
    if (m.startsWith("local")) {
      // the driver's listeners stay on loopback on a laptop or CI runner
      b =
          b.config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.driver.host", "127.0.0.1");
    }
    SparkSession s = b.getOrCreate();
    lockDown(s);
    return s;
  }

  /** Drops {@link #DROPPED} from the session's function registry. */
  static void lockDown(SparkSession s) {
    var registry =
        ((org.apache.spark.sql.classic.SparkSession) s).sessionState().functionRegistry();
    for (String f : DROPPED) registry.dropFunction(FunctionIdentifier.apply(f));
  }

  /** A per-process warehouse folder under the temp folder (Spark creates it on first use). */
  private static String warehouse() {
    Path p =
        Path.of(
            System.getProperty("java.io.tmpdir"),
            "slo-spark-warehouse-" + ProcessHandle.current().pid());
    return p.toAbsolutePath().toString();
  }

  /** Whether the folder exists (for tests of the side effects). */
  static boolean exists(Path p) {
    return Files.exists(p);
  }
}
