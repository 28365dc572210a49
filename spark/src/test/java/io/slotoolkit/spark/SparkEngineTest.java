package io.slotoolkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Spark engine refuses, and how it reports malformed rows. */
class SparkEngineTest {
  static SparkSession spark;
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    spark = SharedSpark.session();
    // line 4 has a field too many: DuckDB rejects the row, Spark flags it as corrupt
    Files.writeString(
        dir.resolve("bad.csv"),
        """
        ts,customer_id,status
        2026-03-01T10:00:00Z,c1,200
        2026-03-01T10:01:00Z,c2,503
        2026-03-01T10:02:00Z,c3,200,oops
        2026-03-01T10:03:00Z,c4,200
        """);
    // a status that is not a number: Spark reads every row to infer types, so the column becomes
    // text and the comparison fails on that value (exit 3), never a silent miscount
    Files.writeString(
        dir.resolve("text.csv"),
        """
        ts,customer_id,status
        2026-03-01T10:00:00Z,c1,200
        2026-03-01T10:02:00Z,c3,abc
        """);
    Files.writeString(
        dir.resolve("bad.yaml"),
        """
        version: 1
        service: t
        sources:
          csv:
            path: bad.csv
            format: csv
            timestamp: ts
        slos:
          - name: ok
            source: csv
            sli:
              ratio:
                good: "status < 500"
            objective: 50%
            window: 7d
        """);
    Files.writeString(
        dir.resolve("text.yaml"),
        Files.readString(dir.resolve("bad.yaml")).replace("bad.csv", "text.csv"));
    Files.writeString(
        dir.resolve("strftime.yaml"),
        """
        version: 1
        service: t
        sources:
          csv:
            path: bad.csv
            format: csv
            timestamp: ts
        slos:
          - name: night
            source: csv
            sli:
              ratio:
                good: "strftime(ts::TIMESTAMP, '%H') = '10'"
            objective: 50%
            window: 7d
        """);
    Files.writeString(
        dir.resolve("dayofyear.yaml"),
        Files.readString(dir.resolve("bad.yaml"))
            .replace(
                "    timestamp: ts\n", "    timestamp: ts\n    timestamp_format: \"%Y-%j\"\n"));
  }

  @Test
  void a_timestamp_format_specifier_without_a_spark_form_exits_2_naming_it() {
    var r =
        SparkDifferentialTest.run(
            dir, "check", "dayofyear.yaml", "--at", "2026-03-02T00:00:00Z", "--engine", "spark");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("dayofyear.yaml:4:3:")
        .contains(
            "source 'csv': timestamp_format '%Y-%j': specifier %j is not available with --engine"
                + " spark")
        .contains("(see docs/scale-out.md, or run this source with --engine duckdb)");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void a_function_without_a_spark_form_exits_2_naming_it() {
    var r =
        SparkDifferentialTest.run(
            dir, "check", "strftime.yaml", "--at", "2026-03-02T00:00:00Z", "--engine", "spark");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("strftime.yaml:13:16:")
        .contains("SLO 'night': good: function strftime(): not available with --engine spark");
    assertThat(r.out()).isEmpty();
  }

  /** A derived column as on DuckDB's engine: the same exit code, naming the column. */
  @Test
  void a_derived_column_that_cannot_be_added_fails_as_on_duckdb() throws Exception {
    Files.writeString(
        dir.resolve("ok.csv"), "ts,customer_id,status\n2026-03-01T10:00:00Z,c1,200\n");
    String spec =
        """
        version: 1
        service: t
        sources:
          csv:
            path: ok.csv
            timestamp: ts
            timestamp_format: "%Y-%m-%dT%H:%M:%SZ"
            columns:
              COLUMN: "EXPR"
        slos:
          - name: ok
            source: csv
            sli:
              ratio:
                good: "status < 500"
            objective: 50%
            window: 7d
        """;
    // columns the files do not have (exit 3), a file column's name, a function Spark lacks
    String[][] cases = {
      {"region", "upper(region)", "3", "derived column 'region'"},
      // the pattern's computed event time is beside the file columns on Spark, not one of them
      {"t", "_slo_event_time", "3", "derived column 't'"},
      {
        "Status", "status + 1", "2", "derived column 'Status' has the name of a column of the files"
      },
      {"hour", "strftime(ts::TIMESTAMP, '%H')", "2", "function strftime()"}
    };
    for (String[] c : cases) {
      Path yaml = dir.resolve("derived-" + c[0] + ".yaml");
      Files.writeString(yaml, spec.replace("COLUMN", c[0]).replace("EXPR", c[1]));
      var duck =
          SparkDifferentialTest.run(
              dir, "check", yaml.getFileName().toString(), "--at", "2026-03-02T00:00:00Z");
      var sp =
          SparkDifferentialTest.run(
              dir,
              "check",
              yaml.getFileName().toString(),
              "--at",
              "2026-03-02T00:00:00Z",
              "--engine",
              "spark");
      assertThat(sp.exit()).as(c[0]).isEqualTo(Integer.parseInt(c[2]));
      if (!c[0].equals("hour")) assertThat(duck.exit()).as(c[0]).isEqualTo(sp.exit());
      assertThat(sp.err()).as(c[0]).contains(c[3]);
      assertThat(sp.out()).isEmpty();
    }
  }

  @Test
  void a_malformed_csv_row_is_not_dropped_in_silence() {
    var r =
        SparkDifferentialTest.run(
            dir, "check", "bad.yaml", "--at", "2026-03-02T00:00:00Z", "--engine", "spark");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err())
        .contains("source 'csv'")
        .contains("1 malformed row(s), more than the 0 allowed")
        .contains("bad.csv (Spark does not report line numbers): 2026-03-01T10:02:00Z,c3,200,oops");
  }

  @Test
  void a_value_spark_cannot_convert_fails_the_run_naming_it() {
    var r =
        SparkDifferentialTest.run(
            dir, "check", "text.yaml", "--at", "2026-03-02T00:00:00Z", "--engine", "spark");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("source 'csv'").contains("'abc'");
  }

  @Test
  void allowed_malformed_rows_are_counted_as_on_duckdb() {
    // 3 readable rows: 200, 503, 200 -> good 2 of 3; the bad row counts as 1 malformed row
    for (String engine : new String[] {"duckdb", "spark"}) {
      var r =
          SparkDifferentialTest.run(
              dir,
              "check",
              "bad.yaml",
              "--at",
              "2026-03-02T00:00:00Z",
              "--max-bad-rows",
              "1",
              "--format",
              "json",
              "--engine",
              engine);
      assertThat(r.exit()).as(engine).isEqualTo(0);
      assertThat(r.out()).as(engine).contains("\"good\": 2", "\"total\": 3", "\"bad_rows\": 1");
    }
  }

  @Test
  void the_session_cannot_read_files_from_sql_or_call_java() {
    assertThatThrownBy(() -> spark.sql("SELECT * FROM csv.`/etc/passwd`").collectAsList())
        .hasMessageContaining("TABLE_OR_VIEW_NOT_FOUND");
    for (String f : SparkSessions.DROPPED) {
      assertThatThrownBy(
              () ->
                  spark
                      .sql("SELECT " + f + "('java.lang.System', 'getenv', 'HOME')")
                      .collectAsList())
          .as(f)
          .hasMessageContaining("UNRESOLVED_ROUTINE");
    }
  }
}
