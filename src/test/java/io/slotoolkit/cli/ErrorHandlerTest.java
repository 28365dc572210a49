package io.slotoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SourceLocation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class ErrorHandlerTest {
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Option(names = "--verbose")
    boolean verbose;

    @Option(names = "--kind")
    String kind = "bug";

    @Override
    public Integer call() {
      if (kind.equals("data")) {
        throw SloException.dataProblems(
            "2 problems with the data",
            List.of(
                new Problem(new SourceLocation(Path.of("a.yaml"), 3, 5), "first", null),
                new Problem(new SourceLocation(Path.of("a.yaml"), 9, 1), "second", "do this")));
      }
      throw new IllegalStateException("unexpected state");
    }
  }

  private static String[] run(String... args) {
    Boom boom = new Boom();
    CommandLine cmd = new CommandLine(boom);
    ErrorHandler h = new ErrorHandler(() -> boom.verbose);
    cmd.setExecutionExceptionHandler(h);
    cmd.setParameterExceptionHandler(h);
    StringWriter err = new StringWriter();
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new String[] {String.valueOf(code), err.toString()};
  }

  @Test
  void a_bug_exits_70_and_says_how_to_get_the_trace() {
    String[] r = run();
    assertThat(r[0]).isEqualTo(String.valueOf(ExitCode.INTERNAL.code()));
    assertThat(r[1])
        .startsWith("slo: internal error: java.lang.IllegalStateException: unexpected state")
        .contains("--verbose")
        .doesNotContain("\tat ");
  }

  @Test
  void verbose_shows_the_trace() {
    String[] r = run("--verbose");
    assertThat(r[0]).isEqualTo("70");
    assertThat(r[1]).contains("\tat ");
  }

  @Test
  void user_errors_list_every_problem_and_keep_their_exit_code() {
    String[] r = run("--kind", "data");
    assertThat(r[0]).isEqualTo("3");
    assertThat(r[1])
        .isEqualTo(
            String.join(
                System.lineSeparator(),
                "slo: 2 problems with the data",
                "  a.yaml:3:5: first",
                "  a.yaml:9:1: second (do this)",
                ""));
  }

  @Test
  void a_usage_mistake_exits_2() {
    String[] r = run("--nope");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).startsWith("slo: Unknown option: '--nope'");
  }

  @Test
  void verbose_is_accepted_after_the_subcommand() {
    GoldenCliTest.Result r =
        GoldenCliTest.run(
            "check", "src/test/resources/cli/specs/ok.yaml", "--fail-on", "none", "-v");
    assertThat(r.exit()).isZero();
  }

  @Test
  void at_now_uses_the_injected_clock() {
    // the golden clock is 2026-03-01T00:00:00Z; Tokyo shows it as 09:00
    GoldenCliTest.Result r =
        GoldenCliTest.run(
            "check",
            "src/test/resources/cli/specs/ok.yaml",
            "--at",
            "now",
            "--fail-on",
            "none",
            "--format",
            "json");
    assertThat(r.out()).contains("\"evaluated_at\": \"2026-03-01T09:00:00+09:00\"");
  }
}
