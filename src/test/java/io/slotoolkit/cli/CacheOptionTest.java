package io.slotoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cache folder from SLO_CACHE is named as SLO_CACHE in its errors, not as an unseen --cache. */
class CacheOptionTest {
  @Test
  void an_unwritable_slo_cache_folder_is_named_by_its_variable() {
    String dir = Path.of("README.md/cache").toAbsolutePath().toString();
    CliRun r = CliRun.withEnv(Map.of("SLO_CACHE", "README.md/cache"), "check", "slo-specs");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "slo: SLO_CACHE="
                + dir
                + ": cannot write to this folder (Not a directory)\n"
                + "hint: give a folder slo can create and write, or leave --cache (and SLO_CACHE)"
                + " out\n");
  }

  @Test
  void slo_cache_with_another_engine_names_the_variable() {
    CliRun r =
        CliRun.withEnv(
            Map.of("SLO_CACHE", "target/slo-cache-option-test"),
            "check",
            "--engine",
            "spark",
            "slo-specs");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "slo: SLO_CACHE works with the duckdb engine only, not --engine spark\n"
                + "hint: leave --cache (and SLO_CACHE) out with --engine spark\n");
  }

  /**
   * {@code --cache ""} (a CI job's {@code --cache "$DIR"} with DIR unset) is a usage error: it
   * would have written the cache files into the working folder.
   */
  @Test
  void an_empty_cache_folder_name_is_a_usage_error() {
    for (String[] args :
        List.of(
            new String[] {"check", "slo-specs", "--cache", ""},
            new String[] {"check", "slo-specs", "--cache="},
            new String[] {"report", "slo-specs", "--cache", " "})) {
      CliRun r = CliRun.slo(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err())
          .isEqualTo(
              "slo: --cache was given an empty folder name\n"
                  + "hint: give the folder to keep the cache in (is a variable in --cache \"$...\""
                  + " unset?), or leave --cache out\n");
    }
  }
}
