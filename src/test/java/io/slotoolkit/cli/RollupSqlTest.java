package io.slotoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code slo sql}: the SQL each dialect prints for the bundled specs and for a spec with {@code
 * per:}, {@code where:}, latency and counts SLIs is pinned under {@code
 * src/test/resources/sql/rollup/DIALECT/}; {@code -Dgolden.update=true} rewrites the files. The
 * errors: unknown dialect, {@code --table} for a source no SLO reads, an expression a dialect
 * cannot print, and specs without an SLO.
 */
class RollupSqlTest {
  static final Path EXPECTED = Path.of("src/test/resources/sql/rollup");
  static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private static CliRun slo(String... args) {
    return CliRun.slo(args);
  }

  static Stream<Arguments> cases() {
    // the bundled specs as users pass them (one file alone may need another: severity tables)
    List<Path> specs =
        List.of(Path.of("slo-specs"), Path.of("src/test/resources/rollup/roundtrip.yaml"));
    List<Arguments> out = new ArrayList<>();
    for (String dialect : List.of("duckdb", "spark", "bigquery", "snowflake"))
      for (Path spec : specs) out.add(Arguments.of(dialect, spec.toString()));
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void each_dialect_prints_the_pinned_rollup(String dialect, String spec) throws IOException {
    CliRun r = slo("sql", "--dialect", dialect, spec);
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    String name = Path.of(spec).getFileName().toString().replace(".yaml", "") + ".sql";
    Path expected = EXPECTED.resolve(dialect).resolve(name);
    if (UPDATE) {
      Files.createDirectories(expected.getParent());
      Files.writeString(expected, r.out());
    }
    assertThat(expected).as("golden file; -Dgolden.update=true writes it").exists();
    assertThat(r.out()).isEqualTo(Files.readString(expected));
  }

  @Test
  void the_default_dialect_is_duckdb_and_table_renames_the_source() {
    CliRun plain = slo("sql", "src/test/resources/rollup/roundtrip.yaml");
    CliRun duck = slo("sql", "--dialect", "DuckDB", "src/test/resources/rollup/roundtrip.yaml");
    assertThat(plain).isEqualTo(duck);
    CliRun renamed =
        slo(
            "sql",
            "--dialect",
            "bigquery",
            "--table",
            "api=my-project.logs.requests",
            "--slo",
            "read-*",
            "src/test/resources/rollup/roundtrip.yaml");
    assertThat(renamed.exit()).isZero();
    assertThat(renamed.out())
        .contains("FROM `my-project.logs.requests`\n")
        .contains("SELECT 'read-latency' AS `slo`")
        .doesNotContain("'availability'")
        .doesNotContain("FROM `api`");
  }

  @Test
  void label_selects_slos_as_in_every_other_command() {
    String ops = "src/test/resources/specs/valid/ops.yaml";
    CliRun tier1 = slo("sql", "--label", "tier=1", ops);
    assertThat(tier1.exit()).isZero();
    // of ops.yaml's two SLOs only api-availability has the label tier=1
    assertThat(tier1.out())
        .contains("SELECT 'api-availability' AS \"slo\"")
        .doesNotContain("'api-errors-per-customer'");
    CliRun none = slo("sql", "--label", "tier=9", ops);
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.out()).isEmpty();
    assertThat(none.err())
        .isEqualTo("slo: --label tier=9 matches no SLO\nhint: labels: team=payments, tier=1\n");
  }

  @Test
  void an_unknown_dialect_is_a_usage_error() {
    CliRun r = slo("sql", "--dialect", "oracle", "slo-specs/homehub-api.yaml");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith(
            "slo: Invalid value for option '--dialect': unknown dialect 'oracle'; expected one of"
                + " duckdb, spark, bigquery, snowflake");
  }

  @Test
  void table_for_a_source_no_slo_reads_is_a_spec_error() {
    CliRun r = slo("sql", "--table", "requests=x.y", "slo-specs/homehub-api.yaml");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "slo: --table requests=...: no SLO reads a source named 'requests'\nhint: sources: api\n");
    CliRun bad = slo("sql", "--table", "api=x y", "slo-specs/homehub-api.yaml");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).startsWith("slo: --table api=x y: not a table name\n");
  }

  @Test
  void an_expression_a_dialect_cannot_print_names_slo_expression_function_and_dialect() {
    String spec = "src/test/resources/rollup/untranslatable.yaml";
    for (String dialect : List.of("bigquery", "snowflake")) {
      CliRun r = slo("sql", "--dialect", dialect, spec);
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err())
          .startsWith(
              "slo: "
                  + spec
                  + ":14:17: SLO 'web-availability': total \"substring(endpoint, 1, 4) = '/use'\""
                  + " cannot be printed for --dialect "
                  + dialect
                  + ": function substring(): has no ")
          .contains("not available with --dialect " + dialect + "; allowed there: abs, ceil");
    }
    // DuckDB prints it as checked
    assertThat(slo("sql", spec).exit()).isZero();
  }

  @Test
  void specs_without_an_slo_have_nothing_to_roll_up() {
    CliRun r = slo("sql", "src/test/resources/rollup/no-slos.yaml");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "slo: the specs define no SLO: there is nothing to roll up\n"
                + "hint: add SLOs under slos: in the spec, or pass the spec files that have them\n");
  }

  @Test
  void every_statement_ends_with_a_semicolon_and_one_is_printed_per_source() {
    CliRun r = slo("sql", "slo-specs/");
    assertThat(r.exit()).isZero();
    long sources = r.out().lines().filter(l -> l.startsWith("-- slo sql --dialect duckdb")).count();
    long statements = r.out().lines().filter(l -> l.endsWith(";")).count();
    assertThat(sources).isGreaterThan(3).isEqualTo(statements);
  }

  @Test
  void the_shell_keeps_its_own_sql_verb_and_slo_sql_stays_top_level() throws IOException {
    var top =
        Cli.commandLine(
            CliContext.system(),
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()));
    assertThat((Object) top.getSubcommands().get("sql").getCommand())
        .isInstanceOf(SqlCliCommand.class);
    SpecOptions opts = new SpecOptions();
    opts.selection.paths.add(Path.of("slo-specs/homehub-api.yaml"));
    CliContext ctx =
        new CliContext(
            Map.of("TERM", "dumb"),
            Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC),
            Path.of("").toAbsolutePath(),
            false);
    var screen = new java.io.ByteArrayOutputStream();
    try (var t = ShellTest.dumbTerminal(new java.io.ByteArrayInputStream(new byte[0]), screen);
        Session session = Session.open(ctx, opts, null)) {
      Shell shell = new Shell(ctx, t, session);
      assertThat((Object) shell.commandLine().getSubcommands().get("sql").getCommand())
          .isInstanceOf(SqlCommand.class);
    }
  }
}
