package io.slotoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several reports from one {@code slo check} run. */
class CheckOutputsTest {
  static final String SPEC = "src/test/resources/cli/specs/alerts/alerts.yaml";

  @Test
  void format_equals_file_outputs_are_written_beside_stdout(@TempDir Path dir) throws Exception {
    Path junit = dir.resolve("slo.xml");
    Path md = dir.resolve("slo.md");
    GoldenCliTest.Result r =
        GoldenCliTest.run(
            "check",
            SPEC,
            "--at",
            "2026-03-04T00:00:00Z",
            "--fail-on",
            "alert",
            "--output",
            "junit=" + junit,
            "--output",
            "markdown=" + md);
    // two SLOs alert: --fail-on alert exits 1; stdout still gets the text scorecard
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).startsWith("slo check · evaluated at 2026-03-04 00:00:00 +00:00");
    assertThat(Files.readString(junit))
        .startsWith("<?xml")
        .contains("<testsuites name=\"slo check\" tests=\"3\" failures=\"2\"");
    assertThat(Files.readString(md)).startsWith("## SLO check: ❌ failed");
  }

  @Test
  void a_plain_output_file_takes_the_format_and_silences_stdout(@TempDir Path dir)
      throws Exception {
    Path json = dir.resolve("slo.json");
    Path gh = dir.resolve("annotations.txt");
    GoldenCliTest.Result r =
        GoldenCliTest.run(
            "check",
            SPEC,
            "--at",
            "2026-03-04T00:00:00Z",
            "--format",
            "json",
            "--output",
            json.toString(),
            "--output",
            "github=" + gh);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(json)).contains("\"status\": \"ALERT\"");
    // nothing failed under --fail-on breached: the alerts are warnings
    assertThat(Files.readString(gh)).contains("::warning ").doesNotContain("::error ");
  }
}
