package io.slotoolkit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the benchmark's seeded API log, 30 days of January 2026 (UTC), as {@code api.csv} and
 * {@code api.parquet} (zstd) into a folder: {@code [folder] [rows]}, by default {@code
 * target/bench-data} and 10,000,000 rows.
 *
 * <p>Columns: {@code ts} (TIMESTAMPTZ), {@code customer_id} (1,000 customers, Zipf-skewed), {@code
 * region}, {@code endpoint} (25, Zipf-skewed), {@code method}, {@code app_version}, {@code status},
 * {@code latency_ms}. Error and latency bursts are planted at fixed times. Every random draw is
 * {@code hash(row id, purpose, seed)}, so the rows do not depend on the thread count.
 */
public final class BenchDataGenerator {

  /** The seed of the benchmark data. */
  public static final long SEED = 42L;

  /** Hours from 2026-01-01T00:00Z: the data ends at 2026-01-31T00:00Z. */
  static final int HOURS = 30 * 24;

  /** 2026-01-01T00:00:00Z in epoch milliseconds. */
  static final long START_MS = 1_767_225_600_000L;

  /** Endpoints by popularity (Zipf rank 1 first), with their median latency and method. */
  private static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint("/v1/status", 30, "GET"),
          new Endpoint("/v1/events", 80, "GET"),
          new Endpoint("/healthz", 2, "GET"),
          new Endpoint("/v1/unlock", 350, "POST"),
          new Endpoint("/v1/lock", 320, "POST"),
          new Endpoint("/v1/devices", 45, "GET"),
          new Endpoint("/v1/auth/token", 100, "POST"),
          new Endpoint("/v1/users/me", 40, "GET"),
          new Endpoint("/v1/notifications", 60, "GET"),
          new Endpoint("/v1/homes", 50, "GET"),
          new Endpoint("/v1/access-codes", 70, "GET"),
          new Endpoint("/v1/schedules", 55, "GET"),
          new Endpoint("/v1/devices/state", 120, "PUT"),
          new Endpoint("/v1/members", 50, "GET"),
          new Endpoint("/v1/keys", 90, "POST"),
          new Endpoint("/v1/firmware", 150, "GET"),
          new Endpoint("/v1/logs", 200, "GET"),
          new Endpoint("/v1/invites", 80, "POST"),
          new Endpoint("/v1/webhooks", 110, "POST"),
          new Endpoint("/v1/settings", 40, "PUT"),
          new Endpoint("/v1/audit", 250, "GET"),
          new Endpoint("/v1/billing", 180, "GET"),
          new Endpoint("/v1/exports", 900, "POST"),
          new Endpoint("/v1/support", 130, "POST"),
          new Endpoint("/v1/metrics", 75, "GET"));

  /**
   * Planted incidents. A null endpoint or customer means all of them.
   *
   * @param startMinute minutes after 2026-01-01T00:00Z
   * @param minutes how long it lasts
   * @param errorRate share of the affected requests answered 503
   * @param latencyFactor how much slower the affected requests are
   */
  private record Burst(
      int startMinute,
      int minutes,
      String endpoint,
      String customer,
      double errorRate,
      double latencyFactor) {}

  private static final int DAY = 24 * 60;

  private static final List<Burst> BURSTS =
      List.of(
          new Burst(2 * DAY + 14 * 60, 25, null, null, 0.6, 1),
          new Burst(6 * DAY + 9 * 60 + 30, 90, "/v1/events", null, 0.2, 6),
          new Burst(11 * DAY + 3 * 60, 45, "/v1/unlock", null, 0.5, 3),
          new Burst(15 * DAY + 18 * 60, 120, null, null, 0, 4),
          new Burst(19 * DAY + 12 * 60, 240, null, "c0550", 0.7, 1),
          new Burst(23 * DAY + 8 * 60, 15, null, null, 0.9, 1),
          new Burst(26 * DAY + 20 * 60, 60, "/v1/auth/token", null, 0.3, 8),
          new Burst(28 * DAY + 16 * 60, 180, "/v1/status", null, 0.05, 5));

  /**
   * One endpoint of the generated API.
   *
   * @param medianMs median latency, milliseconds
   */
  private record Endpoint(String path, int medianMs, String method) {}

  private BenchDataGenerator() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-data");
    long rows = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    Files.createDirectories(dir);
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      s.execute("SET preserve_insertion_order = true");
      s.execute(
          "SET temp_directory = '"
              + dir.toAbsolutePath().resolve(".tmp").toString().replace("'", "''")
              + "'");
      for (String sql : script(rows)) s.execute(sql);
      double built = (System.nanoTime() - t0) / 1e9;

      long t1 = System.nanoTime();
      s.execute(
          "COPY api TO "
              + literal(dir.resolve("api.parquet"))
              + " (FORMAT parquet, COMPRESSION zstd)");
      double parquet = (System.nanoTime() - t1) / 1e9;

      long t2 = System.nanoTime();
      s.execute("COPY api TO " + literal(dir.resolve("api.csv")) + " (FORMAT csv, HEADER true)");
      double csv = (System.nanoTime() - t2) / 1e9;

      System.err.printf(
          "generated %,d rows in %.1f s; wrote Parquet in %.1f s (%,d bytes), CSV in %.1f s (%,d"
              + " bytes)%n",
          rows,
          built,
          parquet,
          Files.size(dir.resolve("api.parquet")),
          csv,
          Files.size(dir.resolve("api.csv")));
    }
  }

  private static List<String> script(long rows) {
    String medians =
        ENDPOINTS.stream()
            .map(e -> Integer.toString(e.medianMs()))
            .collect(Collectors.joining(", "));
    String paths =
        ENDPOINTS.stream().map(e -> "'" + e.path() + "'").collect(Collectors.joining(", "));
    String methods =
        ENDPOINTS.stream().map(e -> "'" + e.method() + "'").collect(Collectors.joining(", "));
    StringBuilder errorBurst = new StringBuilder("CASE");
    StringBuilder latencyBurst = new StringBuilder("CASE");
    for (Burst b : BURSTS) {
      String when =
          " WHEN minute >= "
              + b.startMinute()
              + " AND minute < "
              + (b.startMinute() + b.minutes())
              + (b.endpoint() == null ? "" : " AND endpoint = '" + b.endpoint() + "'")
              + (b.customer() == null ? "" : " AND customer_id = '" + b.customer() + "'");
      if (b.errorRate() > 0) errorBurst.append(when).append(" THEN ").append(b.errorRate());
      if (b.latencyFactor() != 1) {
        latencyBurst.append(when).append(" THEN ").append(b.latencyFactor());
      }
    }
    errorBurst.append(" ELSE 0 END");
    latencyBurst.append(" ELSE 1 END");

    // Rows per hour follow a day curve (UTC) with +-10% noise; scaled so the total is about `rows`.
    return List.of(
        "CREATE MACRO u(id, salt) AS (hash(id, salt, "
            + SEED
            + ") >> 11)::DOUBLE / 9007199254740992.0",
        "CREATE MACRO gauss(id, salt) AS"
            + " sqrt(-2 * ln(1 - u(id, salt || '/a'))) * cos(2 * pi() * u(id, salt || '/b'))",
        "CREATE MACRO zipf(x, n, s) AS"
            + " least(n, floor(pow(1 - x * (1 - pow(n + 1, 1 - s)), 1 / (1 - s))))::INTEGER",
        """
        CREATE TABLE hours AS
          SELECT h, w / sum(w) OVER () AS share
          FROM (SELECT h, (1.0 + 0.6 * sin(2 * pi() * ((h %% 24) - 9) / 24))
                          * (0.9 + 0.2 * u(h, 'hour')) AS w
                FROM range(0, %d) t(h))
        """
            .formatted(HOURS),
        """
        CREATE VIEW draws AS
          SELECT id, minute, ms,
                 'c' || lpad(((zipf(u(id, 'customer'), 1000, 1.2) * 7919) %% 1009)::VARCHAR, 4, '0')
                   AS customer_id,
                 zipf(u(id, 'endpoint'), 25, 1.1) AS e
          FROM (SELECT id, ms, ms // 60000 AS minute
                FROM (SELECT id, h * 3600000 + floor(u(id, 'ms') * 3600000)::BIGINT AS ms
                      FROM (SELECT h, h * 1000000 + unnest(range(round(%d * share)::BIGINT)) AS id
                            FROM hours)))
        """
            .formatted(rows),
        """
        CREATE VIEW labelled AS
          SELECT *, [%s][e] AS endpoint, [%s][e] AS method, [%s][e] AS median_ms
          FROM draws
        """
            .formatted(paths, methods, medians),
        """
        CREATE TABLE api AS
          SELECT epoch_ms(%d + ms) AT TIME ZONE 'UTC' AS ts,
                 customer_id,
                 CASE WHEN u(customer_id, 'region') < 0.6 THEN 'ap-northeast-1'
                      WHEN u(customer_id, 'region') < 0.85 THEN 'us-east-1'
                      ELSE 'eu-west-1' END AS region,
                 endpoint,
                 method,
                 ['3.2.0', '3.1.4', '3.1.0', '3.0.2'][least(4, zipf(u(id, 'app'), 4, 1.5))]
                   AS app_version,
                 CASE WHEN u(id, 'burst') < (%s) THEN 503
                      WHEN u(id, 'status') < 0.0005 THEN 500
                      WHEN u(id, 'status') < 0.0007 THEN 502
                      WHEN endpoint = '/healthz' THEN 200
                      WHEN u(id, 'status') < 0.010 THEN 401
                      WHEN u(id, 'status') < 0.016 THEN 404
                      WHEN u(id, 'status') < 0.019 THEN 429
                      WHEN method = 'POST' THEN 201
                      ELSE 200 END AS status,
                 greatest(1, round(median_ms * exp(0.6 * gauss(id, 'latency')) * (%s)
                   * CASE WHEN u(id, 'tail') < 0.003 THEN 4 + 26 * u(id, 'tail-x') ELSE 1 END))
                   ::INTEGER AS latency_ms
          FROM labelled
          ORDER BY ms, id
        """
            .formatted(START_MS, errorBurst, latencyBurst));
  }

  private static String literal(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }
}
