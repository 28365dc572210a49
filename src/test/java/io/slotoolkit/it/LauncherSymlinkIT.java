package io.slotoolkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code slo} launcher at the root of the checkout, run through symlinks from another folder,
 * as after {@code ln -s $PWD/slo ~/bin/slo}: it must find the checkout (and the jar the build just
 * made), not look for it beside the link.
 */
class LauncherSymlinkIT {
  private static final Path LAUNCHER = Path.of("slo").toAbsolutePath();

  record Run(int exit, String out, String err) {}

  static Run run(Path command, Path cwd, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(command.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    pb.environment().put("NO_COLOR", "1");
    Path out = Files.createTempFile(cwd, "out", ".txt");
    Path err = Files.createTempFile(cwd, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("slo finished").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void an_absolute_link_in_another_folder_runs_the_checkout(@TempDir Path home) throws Exception {
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path link = Files.createSymbolicLink(bin.resolve("slo"), LAUNCHER);
    Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));

    Run r = run(link, elsewhere, "--version");

    assertThat(r.err()).doesNotContain("building").doesNotContain("pom.xml");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("slo 0.1.0");
    // nothing was built or written beside the link
    try (var files = Files.list(bin)) {
      assertThat(files.toList()).containsExactly(link);
    }
  }

  @Test
  void a_relative_link_to_a_link_runs_the_checkout(@TempDir Path home) throws Exception {
    Path bin = Files.createDirectories(home.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("slo"), LAUNCHER);
    Path tools = Files.createDirectories(home.resolve("tools"));
    Path chained = Files.createSymbolicLink(tools.resolve("slo-latest"), Path.of("../bin/slo"));

    Run r =
        run(
            chained,
            home,
            "check",
            LAUNCHER.getParent().resolve("src/test/resources/cli/specs/ok.yaml").toString(),
            "--at",
            "2026-02-04T00:00:00Z");

    assertThat(r.err()).doesNotContain("building");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("api-availability").contains("BREACHED");
  }
}
