package io.slotoolkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar, run as a separate process the way a user runs it. */
class SloJarIT {
  private static final Path JAR = Path.of(System.getProperty("slo.jar", "target/slo.jar"));

  record Run(int exit, String out, String err) {}

  static Run slo(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("NO_COLOR", "1");
    Path out = Files.createTempFile("slo-out", ".txt");
    Path err = Files.createTempFile("slo-err", ".txt");
    pb.redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.PIPE);
    Process p = pb.start();
    p.getOutputStream().close();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("slo finished").isTrue();
    Run r =
        new Run(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  @Test
  void version_names_slo_and_duckdb() throws Exception {
    Run r = slo("--version");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("slo 0.1.0").contains("DuckDB (duckdb_jdbc) 2.0.0.1");
  }

  @Test
  void breached_slo_exits_1_with_json_on_stdout_and_nothing_on_stderr() throws Exception {
    Run r = slo("check", "src/test/resources/cli/specs/ok.yaml", "--format", "json");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("\"passed\": false").contains("\"status\": \"BREACHED\"");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void passing_gate_exits_0() throws Exception {
    Run r = slo("check", "src/test/resources/cli/specs/ok-parquet.yaml", "--fail-on", "none");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("api-availability").contains("PASSED");
  }

  @Test
  void severity_gate_fails_and_writes_junit_and_markdown_beside_the_annotations() throws Exception {
    Path dir = Files.createTempDirectory("slo-ci");
    Run r =
        slo(
            "check",
            "src/test/resources/cli/specs/alerts/alerts.yaml",
            "--at",
            "2026-03-04T00:00:00Z",
            "--fail-on",
            "sev2",
            "--format",
            "github",
            "--output",
            "junit=" + dir.resolve("slo.xml"),
            "--output",
            "markdown=" + dir.resolve("slo.md"));
    // the checkout page reaches SEV1, worse than SEV2: the gate fails
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("::error file=").contains("SLO ALERT");
    assertThat(Files.readString(dir.resolve("slo.xml"))).contains("<testsuites");
    assertThat(Files.readString(dir.resolve("slo.md"))).contains("**Severity:** SEV1");
  }

  @Test
  void alert_replay_exits_0_and_lists_the_page() throws Exception {
    Run r =
        slo(
            "alerts",
            "--replay",
            "src/test/resources/cli/specs/alerts/alerts.yaml",
            "--from",
            "2026-03-03T23:00:00Z",
            "--to",
            "2026-03-04T00:10:00Z");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("2026-03-03 23:59  2026-03-04 00:05");
  }

  @Test
  void spec_error_exits_2_without_a_stack_trace() throws Exception {
    Run r = slo("check", "src/test/resources/cli/specs/window-1M.yaml");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("slo: ")
        .contains("window '1M' is ambiguous")
        .doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void spec_forecast_premortem_of_the_bundled_sync_job_is_at_risk() throws Exception {
    Run r = slo("forecast", "slo-specs/sync-job.yaml", "--format", "json");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("\"name\": \"records-per-night\"")
        .contains("\"verdict\": \"AT_RISK\"");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void report_writes_a_self_contained_html_page() throws Exception {
    Path html = Files.createTempFile("slo-report", ".html");
    Run r =
        slo(
            "report",
            "src/test/resources/cli/specs/report.yaml",
            "--at",
            "2026-03-10T12:30:00Z",
            "--format",
            "html",
            "--output",
            html.toString());
    String page = Files.readString(html, StandardCharsets.UTF_8);
    Files.delete(html);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEmpty();
    assertThat(page)
        .startsWith("<!DOCTYPE html>")
        .contains("<svg class=\"chart trend\"")
        .contains("hides 1 breached customer")
        .doesNotContain("<script")
        .doesNotContain("http://")
        .doesNotContain("https://");
  }

  @Test
  void data_error_exits_3() throws Exception {
    Run r = slo("check", "src/test/resources/cli/specs/bad-rows.yaml");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("bad-rows.csv:3:").contains("bad-rows.csv:5:");
  }

  @Test
  void native_library_is_loaded_from_beside_the_jar_not_copied_to_tmp() throws Exception {
    assertThat(JAR.resolveSibling("libduckdb_java.so_linux_amd64")).exists();
    Run r =
        slo(
            "check",
            "src/test/resources/cli/specs/ok.yaml",
            "--fail-on",
            "none",
            "--format",
            "json");
    assertThat(r.exit()).isZero();
  }
}
