package io.slotoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell driven through a dumb terminal over streams, as a user types into it. */
class ShellTest {
  static final Path DATA = Path.of("src/test/resources/cli/data/api.csv").toAbsolutePath();
  @TempDir Path dir;

  /** A spec over api.csv: availability (good: status < 500) and, optionally, a latency SLO. */
  private Path spec(boolean withLatency) throws IOException {
    String yaml =
        """
        version: 1
        service: shop
        sources:
          api:
            path: %s
            timestamp: ts
        slos:
          - name: api-availability
            source: api
            sli:
              ratio:
                good: "status < 500"
            objective: 99%%
            window: 28d
        """
            .formatted(DATA);
    if (withLatency) {
      yaml +=
          """
            - name: api-latency
              source: api
              sli:
                latency:
                  column: latency_ms
                  threshold: 300ms
              objective: 90%
              window: 28d
          """;
    }
    Path p = dir.resolve("shop.yaml");
    Files.writeString(p, yaml);
    return p;
  }

  private CliContext ctx() {
    return new CliContext(
        Map.of("TERM", "dumb", "SLO_HISTORY", dir.resolve("history").toString()),
        Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC),
        dir,
        false);
  }

  /**
   * A dumb terminal over streams. TerminalBuilder.streams(...) picks a pty-backed terminal on
   * Linux, which reports end of input before the lines buffered ahead of it; DumbTerminal reads in
   * order.
   */
  static Terminal dumbTerminal(java.io.InputStream in, java.io.OutputStream out)
      throws IOException {
    return new DumbTerminal("test", Terminal.TYPE_DUMB, in, out, StandardCharsets.UTF_8);
  }

  private record Run(int exit, String screen, String err) {}

  /** Types {@code lines} into {@code slo shell ARGS} and returns what the terminal showed. */
  private Run type(List<String> args, String... lines) throws IOException {
    String input = String.join("\n", lines) + "\n";
    ByteArrayInputStream in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cmd = Cli.commandLine(ctx(), new PrintWriter(out), new PrintWriter(err));
    ((SloCommand) cmd.getCommand()).shellTerminal = () -> dumbTerminal(in, screen);
    List<String> all = new ArrayList<>(List.of("shell"));
    all.addAll(args);
    int code = cmd.execute(all.toArray(new String[0]));
    return new Run(code, screen.toString(StandardCharsets.UTF_8) + out, err.toString());
  }

  @Test
  void check_and_sql_run_against_sources_loaded_once() throws IOException {
    Path spec = spec(false);
    Run r =
        type(
            List.of(spec.toString()),
            "check --at 2026-02-04T00:00:00Z",
            "sql SELECT status, count(*) AS n FROM api GROUP BY status ORDER BY status",
            "exit");
    assertThat(r.exit()).isZero();
    assertThat(r.screen()).contains("1 spec file(s), 1 SLO(s), 1 source(s) loaded");
    // [2026-01-07, 2026-02-04): the 02-04 row is outside; good = status < 500 on the 7 others:
    // rows at 02-01 00:00, 02-02 00:00, 02-03 00:00, 02-03 06:00 -> 4/7
    assertThat(r.screen()).contains("4/7").contains("BREACHED");
    // status counts over all 8 rows: 200 x5, 500 x2, 503 x1
    assertThat(r.screen())
        .containsSubsequence("status", "n", "200", "5", "500", "2", "503", "1", "(3 rows)");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void sql_keeps_quotes_and_limits_rows() throws IOException {
    Run r =
        type(
            List.of(spec(false).toString()),
            "sql --limit 2 SELECT customer, ts FROM api WHERE customer <> 'tiny' ORDER BY ts",
            "sql SELECT count(*) AS n FROM api WHERE endpoint = '/unlock' AND status != 200;",
            "exit");
    // 6 rows are not from 'tiny'; the first two by time are acme at 02-01 00:00 and 00:10
    assertThat(r.screen())
        .containsSubsequence(
            "acme", "2026-02-01", "acme", "2026-02-01", "(first 2 rows; --limit N shows more)");
    // /unlock rows with status other than 200: 503 (acme), 500 (tiny), 500 (test) -> 3
    assertThat(r.screen()).containsSubsequence("n", "3", "(1 row)");
  }

  @Test
  void a_limit_typed_after_the_query_limits_rows_instead_of_joining_the_sql() throws IOException {
    Run r =
        type(
            List.of(spec(false).toString()),
            "sql SELECT customer, ts FROM api WHERE customer <> 'tiny' ORDER BY ts --limit 2",
            "sql SELECT status FROM api ORDER BY ts --limit=3",
            "exit");
    // as with --limit before the query: the first two of the 6 rows not from 'tiny'
    assertThat(r.screen())
        .containsSubsequence(
            "acme", "2026-02-01", "acme", "2026-02-01", "(first 2 rows; --limit N shows more)");
    assertThat(r.screen()).contains("(first 3 rows; --limit N shows more)");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void sql_refuses_anything_but_one_select() throws IOException {
    Run r =
        type(
            List.of(spec(false).toString()),
            "sql COPY api TO '/tmp/x.csv'",
            "sql SELECT 1; SELECT 2",
            "sql SELECT * FROM read_text('/etc/passwd')",
            "sql SELECT count(*) AS rows_after FROM api",
            "exit");
    assertThat(r.screen())
        .containsSubsequence(
            "slo: sql: only a single SELECT is allowed here",
            "slo: sql: only a single SELECT is allowed here",
            "slo: sql:",
            "rows_after",
            "8");
    assertThat(r.screen()).doesNotContain("root:");
  }

  @Test
  void reload_picks_up_an_edited_spec_and_keeps_the_old_one_on_error() throws IOException {
    Path spec = spec(false);
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    Terminal t = dumbTerminal(new ByteArrayInputStream(new byte[0]), screen);
    SpecOptions opts = new SpecOptions();
    opts.selection.paths.add(spec);
    try (Session session = Session.open(ctx(), opts, null)) {
      Shell shell = new Shell(ctx(), t, session);
      assertThat(session.catalog().slos()).hasSize(1);
      spec(true);
      assertThat(shell.execute("reload")).isZero();
      assertThat(session.catalog().slos()).hasSize(2);
      // latency_ms <= 300 among 7 rows in [2026-01-07, 2026-02-04) with a latency: 120, 80, 300,
      // 10 good; 900, 310 bad; the empty one is NULL and not counted -> 4/6
      assertThat(shell.execute("check --slo api-latency --at 2026-02-04T00:00:00Z")).isEqualTo(1);
      Files.writeString(spec, "version: 1\nslos: [");
      assertThat(shell.execute("reload")).isEqualTo(2);
      assertThat(session.catalog().slos()).hasSize(2);
      assertThat(shell.execute("check --slo api-availability --at 2026-02-04T00:00:00Z"))
          .isEqualTo(1);
    }
    t.flush();
    assertThat(screen.toString(StandardCharsets.UTF_8))
        .containsSubsequence("reloaded: 1 spec file(s), 2 SLO(s), 1 source(s)", "4/6")
        .contains("slo: ")
        .contains("4/7");
  }

  @Test
  void commands_reuse_the_loaded_specs_instead_of_reading_them_again() throws IOException {
    Path spec = spec(false);
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    Terminal t = dumbTerminal(new ByteArrayInputStream(new byte[0]), screen);
    SpecOptions opts = new SpecOptions();
    opts.selection.paths.add(spec);
    try (Session session = Session.open(ctx(), opts, null)) {
      Shell shell = new Shell(ctx(), t, session);
      var engine = session.engine();
      // a one-shot command would now fail with exit 2: the spec file is gone
      Files.delete(spec);
      assertThat(shell.execute("check --at 2026-02-04T00:00:00Z")).isEqualTo(1);
      assertThat(shell.execute("explain api-availability --at 2026-02-04T00:00:00Z")).isZero();
      assertThat(session.engine()).isSameAs(engine);
      // paths and --source belong to the session, not to one command
      assertThat(shell.execute("check " + spec)).isEqualTo(2);
    }
    t.flush();
    // SLI = 4 / 7 (see check_and_sql_run_against_sources_loaded_once)
    assertThat(screen.toString(StandardCharsets.UTF_8))
        .containsSubsequence(
            "4/7",
            "SLI               = good / total = 4 / 7 = 0.571428571",
            "slo: the shell evaluates the specs it loaded");
  }

  @Test
  void explain_and_check_in_the_shell_take_the_same_default_instant_as_slo_check()
      throws IOException {
    // api's events end on 2026-02-04, jobs' on 2026-03-20 12:00: every command's default --at is
    // 2026-03-20T12:00:01Z, so api's 7-day window is empty (NO_DATA) for explain as for check
    Path twoSources = Path.of("src/test/resources/cli/specs/two-sources.yaml").toAbsolutePath();
    Run r =
        type(
            List.of(twoSources.toString()),
            "explain api-availability",
            "check --slo api-availability",
            "exit");
    assertThat(r.screen())
        .containsSubsequence(
            "ending at 2026-03-20T12:00:01Z",
            "status            NO_DATA",
            "evaluated at 2026-03-20 12:00:01 +00:00",
            "0/0",
            "NO_DATA");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void history_is_kept_in_SLO_HISTORY() throws IOException {
    type(List.of(spec(false).toString()), "sql SELECT 42 AS answer", "exit");
    assertThat(Files.readString(dir.resolve("history"))).contains("sql SELECT 42 AS answer");
  }

  @Test
  void help_lists_the_commands_of_slo_and_the_shell_verbs_but_not_shell() throws IOException {
    Run r = type(List.of(spec(false).toString()), "help", "exit");
    assertThat(r.screen())
        .containsSubsequence("check ", "validate ", "explain ", "init ", "sql ", "reload ", "exit ")
        .doesNotContain("  shell ");
  }

  @Test
  void every_command_of_slo_runs_in_the_shell_without_changes_to_it() throws IOException {
    Terminal t = dumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream());
    SpecOptions opts = new SpecOptions();
    opts.selection.paths.add(spec(false));
    try (Session session = Session.open(ctx(), opts, null)) {
      Shell shell = new Shell(ctx(), t, session);
      var slo =
          Cli.commandLine(
              ctx(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
      for (String name : slo.getSubcommands().keySet()) {
        if (name.equals("shell")) continue;
        assertThat(shell.commandLine().getSubcommands()).as(name).containsKey(name);
        assertThat(shell.execute(name + " --help")).as(name + " --help").isZero();
      }
    }
  }

  @Test
  void ctrl_d_leaves_the_shell() throws IOException {
    // no exit typed: the input simply ends, as Ctrl-D does on a terminal
    Run r = type(List.of(spec(false).toString()), "sql SELECT 7 AS seven");
    assertThat(r.exit()).isZero();
    assertThat(r.screen()).containsSubsequence("seven", "7");
  }

  @Test
  void completes_commands_options_slo_source_and_column_names() throws IOException {
    Path spec = spec(true);
    Terminal t = dumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream());
    SpecOptions opts = new SpecOptions();
    opts.selection.paths.add(spec);
    try (Session session = Session.open(ctx(), opts, null)) {
      Shell shell = new Shell(ctx(), t, session);
      ShellCompleter c = new ShellCompleter(shell);
      var reader = LineReaderBuilder.builder().terminal(t).build();
      assertThat(complete(c, reader, ""))
          .contains("check", "validate", "sql", "reload", "exit", "help")
          .doesNotContain("shell");
      assertThat(complete(c, reader, "check --"))
          .contains("--slo", "--at", "--format", "--fail-on");
      assertThat(complete(c, reader, "check --slo "))
          .containsExactlyInAnyOrder("api-availability", "api-latency");
      assertThat(complete(c, reader, "check --format ")).contains("text", "json", "markdown");
      assertThat(complete(c, reader, "check --source ")).containsExactly("api=");
      assertThat(complete(c, reader, "sql SELECT "))
          .contains("api", "ts", "customer", "endpoint", "status", "latency_ms", "FROM");
    }
  }

  private static List<String> complete(
      ShellCompleter c, org.jline.reader.LineReader r, String line) {
    List<Candidate> out = new ArrayList<>();
    c.complete(r, new DefaultParser().parse(line, line.length()), out);
    return out.stream().map(Candidate::value).toList();
  }
}
