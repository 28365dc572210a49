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
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same specs on both engines give the same JSON, apart from the engine field: calendar week and
 * month in America/New_York across the 2026-03-08 daylight-saving switch, rolling windows, an
 * exclusion, per-customer groups with a NULL key and min_events, alert pairs, a counts SLI, and
 * Parquet, CSV (naive local times) and JSON lines (UTC times) sources. One shared local[2] session;
 * 20,000 generated events (deterministic arithmetic, no random source).
 */
class SparkDifferentialTest {
  static SparkSession spark;
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    spark = SharedSpark.session();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      // an event every 150 s from 2026-02-20T00:00Z (about 35 days), jittered by up to 96 s;
      // every 13th customer is NULL; about 3% 503s, every 17th a 404 (a client error, good)
      s.execute(
          "CREATE TABLE ev AS SELECT TIMESTAMPTZ '2026-02-20 00:00:00+00' + to_seconds(i * 150 +"
              + " (i * 7919) % 97) AS ts, CASE WHEN i % 13 = 0 THEN NULL ELSE 'c' || ((i * 31) % 7)"
              + " END AS customer_id, ['/a', '/b', '/healthz'][i % 3 + 1] AS endpoint, CASE WHEN"
              + " (i * 7) % 101 < 3 THEN 503 WHEN i % 17 = 0 THEN 404 ELSE 200 END AS status,"
              + " CAST((i * 37) % 900 AS DOUBLE) AS latency_ms, i % 5 + 1 AS requests, CASE WHEN"
              + " i % 11 = 0 THEN 1 ELSE 0 END AS errors FROM range(20000) t(i)");
      s.execute("COPY ev TO '" + dir.resolve("events.parquet") + "' (FORMAT parquet)");
      // naive wall-clock times in New York: both engines must read them in the source's zone
      s.execute(
          "COPY (SELECT strftime(timezone('America/New_York', ts), '%Y-%m-%d %H:%M:%S') AS ts,"
              + " customer_id, endpoint, status, latency_ms FROM ev ORDER BY ts) TO '"
              + dir.resolve("events.csv")
              + "' (HEADER, DELIMITER ',')");
      s.execute(
          "COPY (SELECT strftime(ts, '%Y-%m-%dT%H:%M:%SZ') AS ts, customer_id, endpoint, status,"
              + " latency_ms FROM ev ORDER BY ts) TO '"
              + dir.resolve("events.jsonl")
              + "' (FORMAT json)");
    }
    Files.writeString(
        dir.resolve("diff.yaml"),
        """
        version: 1
        service: diff
        sources:
          pq:
            path: events.parquet
            timestamp: ts
            timezone: America/New_York
            where: "endpoint <> '/healthz'"
          csv:
            path: events.csv
            timestamp: ts
            timezone: America/New_York
          js:
            path: events.jsonl
            format: json
            timestamp: ts
            timezone: America/New_York
        slos:
          - name: week-availability
            source: pq
            sli:
              ratio:
                good: "status < 500"
            objective: 99%
            window: week
          - name: month-latency
            source: pq
            sli:
              latency:
                column: latency_ms
                threshold: 500ms
                total: "status < 500"
            objective: 50%
            window: month
          - name: per-customer
            source: pq
            per: customer_id
            min_events: 400
            sli:
              ratio:
                good: "status <> 503 AND latency_ms < 850"
            objective: 97%
            window: 7d
            alerts:
              - {long: 1h, short: 5m, factor: 14.4, severity: page}
              - {long: 3d, short: 6h, factor: 1, severity: ticket}
            exclude:
              - start: 2026-03-05T10:00:00-05:00
                end: 2026-03-05T14:00:00-05:00
                reason: planned upgrade
          - name: counted
            source: pq
            sli:
              counts:
                good: "requests - errors"
                total: "requests"
            objective: 95%
            window: 28d
          - name: csv-availability
            source: csv
            per: endpoint
            sli:
              ratio:
                total: "endpoint <> '/healthz'"
                good: "status < 500 AND endpoint LIKE '/%' AND lower(endpoint) IN ('/a', '/b')"
            objective: 99%
            window: week
            alerts:
              - {long: 1h, short: 5m, factor: 14.4, severity: page}
          - name: json-month
            source: js
            per: customer_id
            sli:
              ratio:
                good: "status BETWEEN 200 AND 499 AND coalesce(customer_id, 'none') <> 'c3'"
            objective: 90%
            window: month
        """);
  }

  record Result(int exit, String out, String err) {}

  static Result run(String... args) {
    return run(dir, args);
  }

  /** Runs the CLI in {@code workingDir} as a user would, on the shared session for Spark. */
  static Result run(Path workingDir, String... args) {
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
    return new Result(code, out.toString(), err.toString());
  }

  /** The command on both engines: same exit code, same output but for the engine's name. */
  static void same(String... args) {
    Result duck = run(args);
    List<String> withSpark = new ArrayList<>(List.of(args));
    withSpark.add("--engine");
    withSpark.add("spark");
    Result sp = run(withSpark.toArray(String[]::new));
    assertThat(duck.err()).as("duckdb stderr").doesNotContain("slo: ");
    assertThat(sp.err()).as("spark stderr").isEqualTo(duck.err());
    assertThat(sp.exit()).as("exit code").isEqualTo(duck.exit());
    assertThat(duck.out()).contains("\"engine\": \"duckdb\"");
    assertThat(sp.out()).contains("\"engine\": \"spark\"");
    assertThat(sp.out().replace("\"engine\": \"spark\"", "\"engine\": \"duckdb\""))
        .isEqualTo(duck.out());
  }

  @Test
  void check_in_the_week_of_the_dst_switch_is_the_same() {
    // the week from Mon 2026-03-02 00:00 EST holds the switch on Sun 03-08 02:00
    same("check", "diff.yaml", "--at", "2026-03-08T12:00:00Z", "--format", "json", "--all-groups");
  }

  @Test
  void check_after_the_switch_is_the_same() {
    same("check", "diff.yaml", "--at", "2026-03-20T12:00:00Z", "--format", "json", "--all-groups");
  }

  @Test
  void check_at_the_default_instant_is_the_same() {
    same("check", "diff.yaml", "--format", "json", "--all-groups");
  }

  @Test
  void report_is_the_same() {
    same("report", "diff.yaml", "--at", "2026-03-20T12:00:00Z", "--format", "json");
  }

  @Test
  void alert_replay_is_the_same() {
    same("alerts", "--replay", "diff.yaml", "--at", "2026-03-20T12:00:00Z", "--format", "json");
  }
}
