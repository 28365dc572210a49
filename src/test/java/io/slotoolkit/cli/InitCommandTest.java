package io.slotoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.spec.SpecSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** slo init writes a spec that passes validate --data and check as written. */
class InitCommandTest {
  @TempDir Path dir;

  private record Result(int exit, String out, String err) {}

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx =
        new CliContext(
            Map.of("TERM", "dumb"),
            Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC),
            dir,
            false);
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      code = Cli.run(ctx, o, e, args);
    }
    return new Result(code, out.toString(), err.toString());
  }

  private static Path fixture(String name) {
    return Path.of("src/test/resources/init", name).toAbsolutePath();
  }

  /** init, then validate --data and check on the spec as written; returns the YAML. */
  private String initValidateCheck(Path data, String checkExpects) throws IOException {
    Path spec = dir.resolve("spec.yaml");
    Result init = run("init", "--from", data.toString(), "--output", spec.toString());
    assertThat(init.exit()).as(init.err()).isZero();
    String yaml = Files.readString(spec);
    for (String line : yaml.split("\n")) {
      assertThat(line.strip()).as("every line is commented").matches("#.*|.* # .*");
    }
    Result validate = run("validate", "--data", spec.toString());
    assertThat(validate.exit()).as(validate.err()).isZero();
    Result check = run("check", spec.toString());
    assertThat(check.exit()).as(check.out() + check.err()).isZero();
    assertThat(check.out()).contains(checkExpects);
    return yaml;
  }

  @Test
  void epoch_milliseconds_outcome_words_and_seconds_durations() throws IOException {
    String yaml = initValidateCheck(fixture("epoch-ms.csv"), "18/20");
    assertThat(yaml)
        .contains("timestamp: \"time_ms\"")
        .contains("timestamp_format: epoch_ms")
        .contains("good: \"lower(result) IN ('success')\"")
        .contains("unit: s ")
        .contains("threshold: 1s ")
        .contains("objective: 90% ");
  }

  @Test
  void common_log_time_text_and_http_status() throws IOException {
    // statuses 200 x6, 304, 404, 500 and one more 200: 9 of 10 below 500 -> 90%
    String yaml = initValidateCheck(fixture("clf.csv"), "9/10");
    assertThat(yaml)
        .contains("timestamp_format: \"%d/%b/%Y:%H:%M:%S %z\"")
        .contains("good: \"status < 500\"")
        .contains("objective: 90% ")
        .contains("# No latency-like column found");
  }

  @Test
  void parquet_with_epoch_seconds_a_success_flag_and_microseconds() throws Exception {
    Path parquet = dir.resolve("calls.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      // 40 calls a minute apart from 2026-01-01; ok is false for i = 3, 13, 23, 33;
      // latency 1000 + (i % 5) x 1000 us
      s.execute(
          "COPY (SELECT 1767225600 + i * 60 AS ts_s, i % 10 <> 3 AS ok,"
              + " 1000 + (i % 5) * 1000 AS latency_us FROM range(40) t(i)) TO '"
              + parquet
              + "' (FORMAT parquet)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    // availability 36/40 = 90%, allowing 4 bad events at 90%.
    // latency over the 36 ok calls: 1000, 2000, 3000, 5000 us x8 each and 4000 x4 (the not-ok
    // calls all have i % 5 = 3); p99 at 0.99 x 35 = 34.65 lies between two 5000s -> 5000us;
    // all 36 within it; 95% allows 1.8 bad events of 36, 99% only 0.36 -> 95%
    String yaml = initValidateCheck(parquet, "36/40");
    assertThat(yaml)
        .contains("format: parquet")
        .contains("timestamp_format: epoch_s")
        .contains("good: \"ok\"")
        .contains("unit: us ")
        .contains("threshold: 5000us ")
        .contains("objective: 95% ");
  }

  @Test
  void malformed_lines_are_tolerated_as_counted() throws IOException {
    // line 4 has 4 fields for 2 columns; the 6 readable rows: 200 x5 and one 503 -> 5/6 = 83.3%;
    // 80% allows 0.2 x 6 = 1.2 bad events
    String yaml = initValidateCheck(fixture("bad-line.csv"), "5/6");
    assertThat(yaml).contains("max_bad_rows: 1 ").contains("objective: 80% ");
  }

  @Test
  void refuses_to_overwrite_without_force() throws IOException {
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(spec, "keep me\n");
    Result r = run("init", "--from", fixture("clf.csv").toString(), "--output", spec.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("exists; not overwriting it").contains("--force");
    assertThat(Files.readString(spec)).isEqualTo("keep me\n");
    Result forced =
        run(
            "init",
            "--from",
            fixture("clf.csv").toString(),
            "--output",
            spec.toString(),
            "--force");
    assertThat(forced.exit()).isZero();
    assertThat(Files.readString(spec))
        .startsWith("# yaml-language-server: $schema=slo-spec.schema.json\n# Starter spec");
  }

  @Test
  void default_output_goes_to_slo_specs_so_check_finds_it() throws IOException {
    Result r = run("init", "--from", fixture("clf.csv").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(dir.resolve("slo-specs/clf.yaml")).exists();
    assertThat(r.out()).contains("wrote slo-specs/slo-spec.schema.json (the spec's JSON Schema");
    assertThat(Files.readString(dir.resolve("slo-specs/slo-spec.schema.json")))
        .isEqualTo(SpecSchema.json());
    assertThat(run("check").exit()).isZero();
  }

  @Test
  void a_file_without_a_time_column_is_a_data_error() throws IOException {
    Path csv = dir.resolve("no-time.csv");
    Files.writeString(csv, "name,status\na,200\nb,500\n");
    Result r = run("init", "--from", csv.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("no column of the file looks like an event time");
  }
}
