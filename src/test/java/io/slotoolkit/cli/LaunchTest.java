package io.slotoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.engine.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchTest {
  static final String SPEC = "src/test/resources/cli/specs/alerts/alerts.yaml";

  @Test
  void the_commands_that_open_the_engine_start_it_before_parsing() {
    assertThat(Launch.opensEngine("check")).isTrue();
    assertThat(Launch.opensEngine("report", SPEC, "--format", "html")).isTrue();
    assertThat(Launch.opensEngine("alerts", "replay")).isTrue();
    assertThat(Launch.opensEngine("explain", "api-latency")).isTrue();
    assertThat(Launch.opensEngine("validate", SPEC)).isTrue();
    assertThat(Launch.opensEngine("sql", SPEC, "--dialect", "bigquery")).isTrue();
    assertThat(Launch.opensEngine("init", "--from", "api.csv")).isTrue();
    // slo's own options come before the command and take no value
    assertThat(Launch.opensEngine("-v", "--quiet", "check", SPEC)).isTrue();
  }

  @Test
  void help_version_and_commands_without_an_early_engine_start_nothing() {
    assertThat(Launch.opensEngine()).isFalse();
    assertThat(Launch.opensEngine("--help")).isFalse();
    assertThat(Launch.opensEngine("--version")).isFalse();
    assertThat(Launch.opensEngine("check", "--help")).isFalse();
    assertThat(Launch.opensEngine("check", SPEC, "-h")).isFalse();
    assertThat(Launch.opensEngine("help", "check")).isFalse();
    assertThat(Launch.opensEngine("forecast", "--series", "daily.csv")).isFalse();
    assertThat(Launch.opensEngine("shell")).isFalse();
    assertThat(Launch.opensEngine("completion", "bash")).isFalse();
    assertThat(Launch.opensEngine("chek", SPEC)).isFalse();
    assertThat(Launch.warmStartFor(false, "--version")).isNull();
  }

  @Test
  void the_subcommand_is_the_first_argument_that_is_not_an_option() {
    assertThat(Launch.invoked("-v", "report", "x.yaml")).isEqualTo("report");
    assertThat(Launch.invoked("--verbose")).isNull();
    assertThat(Launch.invoked()).isNull();
  }

  @Test
  void a_check_takes_the_warm_start_and_prints_what_it_prints_without_one() {
    String[] args = {"check", SPEC, "--at", "2026-03-04T00:00:00Z", "--format", "json"};
    Database.WarmStart warm = Launch.warmStartFor(false, args);
    assertThat(warm).isNotNull();
    Run with = run(warm, args);
    assertThat(warm.pending()).as("taken by the check's engine").isFalse();
    Run without = run(null, args);
    assertThat(with.exit).isZero();
    assertThat(with.out).contains("\"passed\": true").isEqualTo(without.out);
    assertThat(with.err).isEqualTo(without.err);
    warm.close(); // what Launch does after the run: a no-op once taken
  }

  /**
   * A cached check's warm start names a cache file first (the security providers' start), then
   * opens the engine: taken by the check, which prints what it prints without one.
   */
  @Test
  void a_cached_check_takes_the_warm_start_that_warmed_the_cache_first(
      @org.junit.jupiter.api.io.TempDir Path cache) {
    String[] args = {
      "check", SPEC, "--at", "2026-03-04T00:00:00Z", "--format", "json", "--cache", cache.toString()
    };
    assertThat(Launch.usesCache(context(), args)).isTrue();
    Database.WarmStart warm = Launch.warmStartFor(true, args);
    Run with = run(warm, args);
    assertThat(warm.pending()).as("taken by the check's engine").isFalse();
    Run without = run(null, args);
    assertThat(with.exit).isZero();
    assertThat(with.out).contains("\"passed\": true").isEqualTo(without.out);
    warm.close();
  }

  @Test
  void a_cache_is_asked_for_by_cache_or_a_set_slo_cache() {
    CliContext none = context();
    CliContext env =
        new CliContext(Map.of("SLO_CACHE", ".slo-cache"), none.clock(), none.workingDir(), false);
    CliContext blank =
        new CliContext(Map.of("SLO_CACHE", " "), none.clock(), none.workingDir(), false);
    assertThat(Launch.usesCache(none, "check", "--cache", "c")).isTrue();
    assertThat(Launch.usesCache(none, "check", "--cache=c")).isTrue();
    assertThat(Launch.usesCache(env, "check")).isTrue();
    assertThat(Launch.usesCache(none, "check")).isFalse();
    assertThat(Launch.usesCache(blank, "check")).isFalse();
    assertThat(Launch.usesCache(none, "check", "--cached")).isFalse();
  }

  @Test
  void validate_takes_the_warm_start_for_its_expression_checks() {
    String[] args = {"validate", SPEC};
    Database.WarmStart warm = Launch.warmStartFor(false, args);
    assertThat(warm).isNotNull();
    Run with = run(warm, args);
    assertThat(warm.pending()).isFalse();
    Run without = run(null, args);
    assertThat(with.exit).isZero();
    assertThat(with.out).isNotEmpty().isEqualTo(without.out);
    assertThat(with.err).isEqualTo(without.err);
  }

  @Test
  void a_spec_error_before_the_engine_opens_closes_the_warm_start() {
    String[] args = {"check", "src/test/resources/cli/specs/unknown-key.yaml"};
    Database.WarmStart warm = Launch.warmStartFor(false, args);
    Run r = run(warm, args);
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).startsWith("slo: 3 problems in the specs").doesNotContain("Exception");
    assertThat(warm.pending()).as("closed by the run that failed").isFalse();
  }

  @Test
  void another_engine_closes_the_warm_start_it_does_not_use() {
    String[] args = {"check", "src/test/resources/cli/specs/ok.yaml", "--engine", "oracle"};
    Database.WarmStart warm = Launch.warmStartFor(false, args);
    Run r = run(warm, args);
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).startsWith("slo: unknown engine 'oracle'");
    assertThat(warm.pending()).isFalse();
  }

  @Test
  void a_usage_error_leaves_the_warm_start_to_the_launch_which_closes_it() {
    String[] args = {"check", SPEC, "--at", "yesterday"};
    Database.WarmStart warm = Launch.warmStartFor(false, args);
    Run r = run(warm, args);
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).startsWith("slo: --at yesterday: not an instant");
    assertThat(warm.pending()).as("nothing took it").isTrue();
    warm.close();
    assertThat(warm.pending()).isFalse();
  }

  @Test
  void launch_runs_a_command_line_and_returns_its_exit_code() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Launch.run(
            context(),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "check",
            SPEC,
            "--at",
            "2026-03-04T00:00:00Z",
            "--format",
            "json");
    assertThat(code).isZero();
    assertThat(out.toString())
        .isEqualTo(
            run(null, "check", SPEC, "--at", "2026-03-04T00:00:00Z", "--format", "json").out);
  }

  record Run(int exit, String out, String err) {}

  static Run run(Database.WarmStart warm, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      code = Cli.run(context(), o, e, warm, args);
    }
    return new Run(code, out.toString(), err.toString());
  }

  static CliContext context() {
    return new CliContext(
        Map.of("TERM", "dumb"),
        Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC),
        Path.of("").toAbsolutePath(),
        false);
  }
}
