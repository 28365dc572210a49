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
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar's shell fed from a pipe, and init followed by check, as a user runs them. */
class ShellAndInitJarIT {
  private static final Path JAR =
      Path.of(System.getProperty("slo.jar", "target/slo.jar")).toAbsolutePath();
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  Run slo(String input, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().put("NO_COLOR", "1");
    pb.environment().put("SLO_HISTORY", dir.resolve("history").toString());
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("slo finished").isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void shell_reads_commands_from_a_pipe_and_ends_with_the_input() throws Exception {
    Path spec = Path.of("src/test/resources/cli/specs/ok.yaml").toAbsolutePath();
    Run r =
        slo(
            "check --at 2026-02-04T00:00:00Z\nsql SELECT count(*) AS n FROM api\n",
            "shell",
            spec.toString());
    assertThat(r.exit()).isZero();
    // 4 of the 7 events before 2026-02-04 have status < 500; the file holds 8 rows
    assertThat(r.out()).containsSubsequence("4/7", "BREACHED", "n", "8", "(1 row)");
    assertThat(r.err()).doesNotContain("WARNING").doesNotContain("Exception");
    assertThat(dir.resolve("history")).exists();
  }

  @Test
  void init_writes_a_spec_that_check_runs_as_written() throws Exception {
    Path data = Path.of("src/test/resources/init/clf.csv").toAbsolutePath();
    Run init = slo("", "init", "--from", data.toString());
    assertThat(init.exit()).as(init.err()).isZero();
    assertThat(init.out()).startsWith("wrote slo-specs/clf.yaml");
    Run check = slo("", "check");
    // statuses: 9 of 10 below 500, objective proposed at 90%
    assertThat(check.exit()).as(check.err()).isZero();
    assertThat(check.out()).contains("9/10").contains("PASSED");
  }
}
