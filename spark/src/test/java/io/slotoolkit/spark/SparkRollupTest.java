package io.slotoolkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.cli.Cli;
import io.slotoolkit.cli.CliContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slo sql --dialect spark} runs on Spark and returns the same per-minute roll-up rows as
 * {@code slo sql --dialect duckdb} run in DuckDB (whose roll-up the main module's round-trip test
 * checks against {@code slo check}): ratio, latency and counts SLIs, a {@code where}, a NULL group
 * key, a NULL status and a row without an event time.
 */
class SparkRollupTest {
  @TempDir Path dir;

  private static String slo(Path workingDir, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx =
        new CliContext(
            Map.of("TERM", "dumb"),
            Clock.fixed(Instant.parse("2026-03-25T00:00:00Z"), ZoneOffset.UTC),
            workingDir,
            false);
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      code = Cli.run(ctx, o, e, args);
    }
    assertThat(code).as(err.toString()).isZero();
    String sql = out.toString().strip();
    assertThat(sql).endsWith(";");
    return sql.substring(0, sql.length() - 1);
  }

  @Test
  void the_spark_rollup_equals_the_duckdb_rollup() throws Exception {
    Path events = dir.resolve("api.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT * FROM (VALUES"
              + " (TIMESTAMPTZ '2026-03-01 10:00:05+00', 'c1', '/a', 200, 120, 3, 4),"
              + " (TIMESTAMPTZ '2026-03-01 10:00:59.999+00', 'c1', '/a', 503, 80, 1, 1),"
              + " (TIMESTAMPTZ '2026-03-01 10:01:00+00', NULL, '/a', 200, 900, 0, 2),"
              + " (TIMESTAMPTZ '2026-03-01 10:01:30+00', 'c2', '/healthz', 200, 5, 2, 2),"
              + " (TIMESTAMPTZ '2026-03-01 10:01:31+00', 'c2', '/a', NULL, 300, 5, 3),"
              + " (TIMESTAMPTZ '2026-03-01 10:02:00+00', 't-internal-test', '/a', 500, 10, 1, 1),"
              + " (TIMESTAMPTZ '2026-03-01 19:59:00+09', 'c2', '/a', 404, 301, 7, 9),"
              + " (NULL, 'c1', '/a', 500, 10, 1, 1)"
              + ") t(ts, customer_id, endpoint, status, latency_ms, ok_n, all_n))"
              + " TO '"
              + events
              + "' (FORMAT parquet)");
    }
    Files.writeString(
        dir.resolve("api.yaml"),
        """
        version: 1
        service: t
        sources:
          api:
            path: api.parquet
            timestamp: ts
            where: "coalesce(customer_id, '') <> 't-internal-test'"
        slos:
          - name: availability
            source: api
            sli:
              ratio:
                total: "endpoint <> '/healthz'"
                good: "status < 500"
            objective: 99%
            window: 7d
          - name: per-customer
            source: api
            per: customer_id
            sli:
              ratio:
                good: "status < 500"
            objective: 99%
            window: 7d
          - name: latency
            source: api
            sli:
              latency:
                column: latency_ms
                threshold: 300ms
                total: "status < 500"
            objective: 99%
            window: 7d
          - name: counted
            source: api
            sli:
              counts:
                good: "ok_n"
                total: "all_n"
            objective: 99%
            window: 7d
        """);
    String duckSql = slo(dir, "sql", "--dialect", "duckdb", "api.yaml");
    String sparkSql = slo(dir, "sql", "--dialect", "spark", "api.yaml");

    List<String> duck = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("CREATE VIEW api AS SELECT * FROM read_parquet('" + events + "')");
      try (ResultSet r =
          s.executeQuery(
              "SELECT slo, CAST(epoch(minute) AS BIGINT), customer_id, CAST(good AS VARCHAR),"
                  + " CAST(total AS VARCHAR) FROM ("
                  + duckSql
                  + "\n) q")) {
        while (r.next())
          duck.add(
              String.join(
                  "|",
                  r.getString(1),
                  r.getString(2),
                  String.valueOf(r.getString(3)),
                  r.getString(4),
                  r.getString(5)));
      }
    }

    SparkSession spark = SharedSpark.session();
    spark.read().parquet(events.toString()).createOrReplaceTempView("api");
    List<String> sparkRows = new ArrayList<>();
    for (Row r :
        spark
            .sql(
                "SELECT slo, unix_timestamp(minute), customer_id, CAST(good AS STRING),"
                    + " CAST(total AS STRING) FROM ("
                    + sparkSql
                    + "\n) q")
            .collectAsList())
      sparkRows.add(
          String.join(
              "|",
              r.getString(0),
              String.valueOf(r.getLong(1)),
              String.valueOf(r.getString(2)),
              r.getString(3),
              r.getString(4)));
    spark.catalog().dropTempView("api");

    assertThat(sparkRows).containsExactlyInAnyOrderElementsOf(duck);
    // worked out by hand: availability in minute 10:00 counts 2 valid (/a 200, /a 503), 1 good;
    // minute 10:01: /a 200 (good), /healthz left out, the NULL status skipped -> 1/1; the
    // t-internal-test row in 10:02 is left out by where -> 0/0; 10:59 UTC (19:59+09): 404 -> 1/1
    long m = Instant.parse("2026-03-01T10:00:00Z").getEpochSecond();
    assertThat(duck)
        .contains(
            "availability|" + m + "|null|1|2",
            "availability|" + (m + 60) + "|null|1|1",
            "availability|" + (m + 120) + "|null|0|0",
            "availability|" + (m + 59 * 60) + "|null|1|1",
            "per-customer|" + (m + 60) + "|null|1|1",
            "latency|" + m + "|null|1|1",
            "counted|" + m + "|null|4|5",
            "counted|" + (m + 60) + "|null|2|4",
            "counted|" + (m + 59 * 60) + "|null|7|9")
        .hasSize(4 * 4 + 1);
  }
}
