package io.slotoolkit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Writes the cache benchmark's seeded API log as one file per day from 2026-01-01 (UTC), in CSV
 * ({@code csv/day-NNN.csv}) and Parquet ({@code parquet/day-NNN.parquet}, zstd): {@code folder
 * firstDay lastDay rowsPerDay}, days counted from 0. Files already present are kept, so that a
 * later call adds the next day's file the way an export job would.
 *
 * <p>Columns: {@code ts}, {@code customer_id} (1,000 customers, Zipf-skewed, 1% empty), {@code
 * endpoint} (25), {@code status}, {@code latency_ms}. Every random draw is {@code hash(row id,
 * purpose, seed)}, so the rows do not depend on the thread count. Runs as a single-file program
 * too: {@code java -cp duckdb_jdbc.jar DailyFilesGenerator.java ...} (docs/bench-cache.sh).
 */
public final class DailyFilesGenerator {
  private static final long SEED = 16L;

  private DailyFilesGenerator() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int first = Integer.parseInt(args[1]);
    int last = Integer.parseInt(args[2]);
    long rows = Long.parseLong(args[3]);
    Files.createDirectories(dir.resolve("csv"));
    Files.createDirectories(dir.resolve("parquet"));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      s.execute(
          "CREATE MACRO u(id, salt) AS (hash(id, salt, "
              + SEED
              + ") >> 11)::DOUBLE / 9007199254740992.0");
      s.execute(
          "CREATE MACRO zipf(x, n, s) AS"
              + " least(n, floor(pow(1 - x * (1 - pow(n + 1, 1 - s)), 1 / (1 - s))))::INTEGER");
      for (int day = first; day <= last; day++) {
        String name = String.format("day-%03d", day);
        Path csv = dir.resolve("csv").resolve(name + ".csv");
        Path parquet = dir.resolve("parquet").resolve(name + ".parquet");
        if (Files.exists(csv) && Files.exists(parquet)) continue;
        long t0 = System.nanoTime();
        s.execute("DROP TABLE IF EXISTS d");
        s.execute(
            """
            CREATE TABLE d AS
              SELECT TIMESTAMPTZ '2026-01-01 00:00:00+00'
                       + to_microseconds(%d * 86400000000 + floor(u(id, 'us') * 86400000000)::BIGINT) AS ts,
                     CASE WHEN u(id, 'null') < 0.01 THEN NULL
                          ELSE 'c' || lpad(((zipf(u(id, 'customer'), 1000, 1.2) * 7919) %% 1009)::VARCHAR, 4, '0')
                     END AS customer_id,
                     '/v1/e' || zipf(u(id, 'endpoint'), 25, 1.1) AS endpoint,
                     CASE WHEN u(id, 'status') < 0.002 + 0.01 * (u(id // 100000, 'burst') < 0.05)::INTEGER
                          THEN 503 ELSE 200 END AS status,
                     round(20 + 80 * exp(2 * u(id, 'latency')), 1) AS latency_ms
              FROM range(%d, %d) t(id)
              ORDER BY ts
            """
                .formatted(day, day * rows, (day + 1) * rows));
        s.execute("COPY d TO '" + tmp(csv) + "' (FORMAT csv, HEADER true)");
        s.execute("COPY d TO '" + tmp(parquet) + "' (FORMAT parquet, COMPRESSION zstd)");
        // both files are written again when one of them was missing
        Files.move(Path.of(tmp(csv)), csv, StandardCopyOption.REPLACE_EXISTING);
        Files.move(Path.of(tmp(parquet)), parquet, StandardCopyOption.REPLACE_EXISTING);
        System.err.printf("%s: %,d rows in %.1f s%n", name, rows, (System.nanoTime() - t0) / 1e9);
      }
    }
  }

  private static String tmp(Path p) {
    return p.toAbsolutePath().toString().replace("'", "''") + ".tmp";
  }
}
