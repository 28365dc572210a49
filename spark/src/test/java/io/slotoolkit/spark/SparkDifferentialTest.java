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
      // timestamp_format patterns: 12-hour wall clock times in New York (CSV), and access-log
      // times with the offset of the day (JSON lines: -0500, then -0400 after 2026-03-08), each
      // with rows DuckDB cannot read (not a time, a day that does not exist, a 'Z' offset %z
      // does not take, an empty value) and a wall time in the spring-forward gap
      s.execute(
          "COPY (SELECT * FROM (SELECT strftime(timezone('America/New_York', ts), '%m/%d/%Y"
              + " %I:%M:%S %p') AS ts, customer_id, endpoint, status, latency_ms FROM ev UNION ALL"
              + " VALUES ('n/a', 'c1', '/a', 200, 1.0), ('02/30/2026 01:00:00 AM', 'c1', '/a', 200,"
              + " 1.0), ('03/08/2026 13:00:00 PM', 'c2', '/b', 503, 2.0), (NULL, 'c2', '/a', 200,"
              + " 3.0), ('03/08/2026 02:30:00 AM', 'c3', '/a', 503, 4.0), (' 3/9/2026 1:02:03 pm ',"
              + " 'c3', '/b', 200, 5.0)) ORDER BY customer_id NULLS FIRST, ts) TO '"
              + dir.resolve("events-fmt.csv")
              + "' (HEADER, DELIMITER ',')");
      s.execute("SET TimeZone = 'America/New_York'");
      s.execute(
          "COPY (SELECT * FROM (SELECT strftime(ts, '%d/%b/%Y:%H:%M:%S %z') AS ts, customer_id,"
              + " endpoint, status, latency_ms FROM ev UNION ALL VALUES ('08/Mar/2026:07:30:00 Z',"
              + " 'c1', '/a', 503, 1.0), ('08/mar/2026:02:30:00 -0500', 'c1', '/a', 503, 1.0),"
              + " ('08/Mar/2026:03:30:00 -04:00', 'c2', '/b', 200, 1.0), ('', 'c2', '/b', 200,"
              + " 1.0)) ORDER BY ts) TO '"
              + dir.resolve("events-clf.jsonl")
              + "' (FORMAT json)");
      s.execute("SET TimeZone = 'UTC'");
    }
    Files.writeString(
        dir.resolve("formats.yaml"),
        """
        version: 1
        service: formats
        sources:
          fmt:
            path: events-fmt.csv
            timestamp: ts
            timestamp_format: "%m/%d/%Y %I:%M:%S %p"
            timestamp_zone: America/New_York
            timezone: America/New_York
            max_bad_rows: 5
          clf:
            path: events-clf.jsonl
            format: json
            timestamp: ts
            timestamp_format: "%d/%b/%Y:%H:%M:%S %z"
            timezone: America/New_York
            max_bad_rows: 5
        slos:
          - name: fmt-week
            source: fmt
            per: endpoint
            sli:
              ratio:
                good: "status < 500"
            objective: 99%
            window: week
            alerts:
              - {long: 1h, short: 5m, factor: 14.4, severity: page}
          - name: fmt-latency
            source: fmt
            sli:
              latency:
                column: latency_ms
                threshold: 500ms
            objective: 50%
            window: 7d
          - name: clf-month
            source: clf
            per: customer_id
            sli:
              ratio:
                good: "status < 500"
            objective: 95%
            window: month
        """);
    // derived columns: a grouping key, a flag and a number, used by per:, good: and latency
    Files.writeString(
        dir.resolve("derived.yaml"),
        """
        version: 1
        service: derived
        sources:
          pq:
            path: events.parquet
            timestamp: ts
            timezone: America/New_York
            columns:
              area: "upper(coalesce(customer_id, 'none')) || substring(endpoint, 2, 1)"
              slow: "latency_ms >= 850 OR status = 503"
              doubled: "latency_ms * 2"
        slos:
          - name: derived-week
            source: pq
            per: area
            sli:
              ratio:
                good: "NOT slow"
                total: "area NOT LIKE '%h'"
            objective: 97%
            window: week
          - name: derived-latency
            source: pq
            sli:
              latency:
                column: doubled
                threshold: 1s
            objective: 50%
            window: 7d
        """);
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
  static Result same(String... args) {
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
    return duck;
  }

  /**
   * Like {@link #same}, where sources have malformed rows: the samples name a row by file and line
   * on DuckDB and by file and text on Spark (Spark knows no line numbers); everything else, the
   * number of bad rows included, is the same.
   */
  static void sameCounts(String... args) throws Exception {
    sameCounts(true, args);
  }

  /** {@code withSources}: whether the output lists the sources with their bad rows. */
  static void sameCounts(boolean withSources, String... args) throws Exception {
    Result duck = run(args);
    List<String> withSpark = new ArrayList<>(List.of(args));
    withSpark.add("--engine");
    withSpark.add("spark");
    Result sp = run(withSpark.toArray(String[]::new));
    assertThat(duck.err()).as("duckdb stderr").doesNotContain("slo: ");
    assertThat(sp.err()).as("spark stderr").isEqualTo(duck.err());
    assertThat(sp.exit()).as("exit code").isEqualTo(duck.exit());
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var d = json.readTree(duck.out());
    var p = json.readTree(sp.out().replace("\"engine\": \"spark\"", "\"engine\": \"duckdb\""));
    List<Long> bad = new ArrayList<>();
    for (var src : d.findParents("bad_row_samples")) {
      assertThat(src.get("bad_row_samples").size()).as("duckdb samples").isPositive();
      bad.add(src.get("bad_rows").asLong());
      ((com.fasterxml.jackson.databind.node.ObjectNode) src).remove("bad_row_samples");
    }
    for (var src : p.findParents("bad_row_samples")) {
      assertThat(src.get("bad_row_samples").size()).as("spark samples").isPositive();
      ((com.fasterxml.jackson.databind.node.ObjectNode) src).remove("bad_row_samples");
    }
    if (withSources) assertThat(bad).as("bad rows per source").isNotEmpty().allMatch(n -> n > 0);
    assertThat(json.writerWithDefaultPrettyPrinter().writeValueAsString(p))
        .isEqualTo(json.writerWithDefaultPrettyPrinter().writeValueAsString(d));
  }

  @Test
  void timestamp_formats_in_the_week_of_the_dst_switch_are_the_same() throws Exception {
    sameCounts(
        "check",
        "formats.yaml",
        "--at",
        "2026-03-10T12:00:00Z",
        "--format",
        "json",
        "--all-groups");
  }

  @Test
  void timestamp_formats_at_the_default_instant_are_the_same() throws Exception {
    sameCounts("check", "formats.yaml", "--format", "json", "--all-groups");
  }

  @Test
  void timestamp_formats_in_report_and_replay_are_the_same() throws Exception {
    sameCounts("report", "formats.yaml", "--at", "2026-03-20T12:00:00Z", "--format", "json");
    sameCounts(
        false,
        "alerts",
        "--replay",
        "formats.yaml",
        "--at",
        "2026-03-09T12:00:00Z",
        "--format",
        "json");
  }

  @Test
  void timestamp_formats_with_too_many_bad_rows_fail_alike() {
    Result duck = run("check", "formats.yaml", "--max-bad-rows", "2", "--format", "json");
    Result sp =
        run(
            "check",
            "formats.yaml",
            "--max-bad-rows",
            "2",
            "--format",
            "json",
            "--engine",
            "spark");
    assertThat(duck.exit()).isEqualTo(3);
    assertThat(sp.exit()).isEqualTo(3);
    assertThat(duck.err()).contains("malformed row(s), more than the 2 allowed");
    assertThat(sp.err()).contains("malformed row(s), more than the 2 allowed");
  }

  @Test
  void derived_columns_are_the_same() {
    Result r =
        same(
            "check",
            "derived.yaml",
            "--at",
            "2026-03-10T12:00:00Z",
            "--format",
            "json",
            "--all-groups");
    // groups by the derived key: customer c1 on /a, NULL customers on /b
    assertThat(r.out()).contains("\"C1a\"", "\"NONEb\"", "derived-latency");
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
