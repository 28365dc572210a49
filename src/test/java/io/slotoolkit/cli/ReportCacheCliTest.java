package io.slotoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slo report} with {@code SLO_CACHE} as a user runs it: the report's cache file is written
 * beside check's, stdout is the same as without the cache, and a garbage report cache file gives
 * one note on stderr and the same stdout.
 */
class ReportCacheCliTest {
  @TempDir Path dir;

  private static final String[] ARGS = {
    "report",
    "src/test/resources/cli/specs/report.yaml",
    "--at",
    "2026-03-10T12:30:00Z",
    "--format",
    "json"
  };

  @Test
  void slo_cache_gives_the_same_report_and_a_garbage_file_is_ignored_with_a_note()
      throws Exception {
    CliRun plain = CliRun.slo(ARGS);
    assertThat(plain.exit()).isZero();
    Map<String, String> env = Map.of("SLO_CACHE", dir.toString());

    CliRun cold = CliRun.withEnv(env, ARGS);
    assertThat(cold.err()).isEmpty();
    assertThat(cold.out()).isEqualTo(plain.out());
    Path file;
    try (Stream<Path> files = Files.list(dir)) {
      file = files.filter(f -> f.toString().endsWith(".sloreport")).findFirst().orElseThrow();
    }
    assertThat(CliRun.withEnv(env, ARGS).out()).isEqualTo(plain.out());

    Files.writeString(file, "SLOREPRT garbage");
    CliRun garbage = CliRun.withEnv(env, ARGS);
    assertThat(garbage.exit()).isZero();
    assertThat(garbage.out()).isEqualTo(plain.out());
    assertThat(garbage.err())
        .isEqualTo(
            "slo: cache "
                + file
                + " ignored: unreadable (cut short or damaged: a text of 25185 bytes runs past"
                + " the end of the file)\n");
    // rewritten by that run
    CliRun after = CliRun.withEnv(env, ARGS);
    assertThat(after.err()).isEmpty();
    assertThat(after.out()).isEqualTo(plain.out());
  }
}
