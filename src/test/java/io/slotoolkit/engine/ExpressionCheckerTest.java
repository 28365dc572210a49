package io.slotoolkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.SqlExpression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The expression checker against a real DuckDB: every expression is written at test.yaml line 10,
 * column 15, so a problem at character k of the text is reported at column 15 + k.
 */
class ExpressionCheckerTest {
  private static Database db;
  private static ExpressionChecker checker;

  @BeforeAll
  static void open() {
    db = Database.open(EngineOptions.DEFAULT);
    checker = new ExpressionChecker(db);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static List<String> problems(String text) {
    return checker.checkShape(Fixtures.expr(text), "good").stream().map(Problem::render).toList();
  }

  private static String canonical(String text) {
    var c = checker.check(List.of(new ExpressionChecker.Item(Fixtures.expr(text), "good")));
    assertThat(c.problems()).as(text).isEmpty();
    return c.checked().get(Fixtures.expr(text)).sql();
  }

  @Test
  void the_compiled_text_is_duckdbs_print_of_the_checked_tree() {
    assertThat(canonical("status < 500")).isEqualTo("((status < 500))");
    // a comment is not part of the tree, so it is not part of what runs
    assertThat(canonical("status < 500 -- OR 1=1")).isEqualTo("((status < 500))");
    assertThat(canonical("status < 500 /* OR 1=1 */")).isEqualTo("((status < 500))");
    assertThat(canonical("endpoint <> '/healthz' AND status IN (200, 204)"))
        .isEqualTo("(((endpoint != '/healthz') AND (status IN (200, 204))))");
    assertThat(canonical("status::VARCHAR LIKE '5%'"))
        .isEqualTo("((CAST(status AS VARCHAR) ~~ '5%'))");
    assertThat(canonical("nullif(status, 0) < 500")).isEqualTo("((\"nullif\"(status, 0) < 500))");
    assertThat(canonical("lpad(endpoint, 10, 'x') <> ''"))
        .isEqualTo("((lpad(endpoint, 10, 'x') != ''))");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          # the issue's examples: text that closes a wrapper it was never put in
          status < 500) OR (1=1   | 12 | good does not parse: syntax error at or near ")" (this ')' closes nothing: an expression may not close parentheses it did not open)
          TRUE) --                | 4  | good does not parse: syntax error at or near ")" (this ')' closes nothing: an expression may not close parentheses it did not open)
          TRUE) GROUP BY ALL --   | 4  | good does not parse: syntax error at or near ")" (this ')' closes nothing: an expression may not close parentheses it did not open)
          TRUE) USING SAMPLE 1 -- | 4  | good does not parse: syntax error at or near ")" (this ')' closes nothing: an expression may not close parentheses it did not open)
          TRUE) WINDOW w AS () -- | 4  | good does not parse: syntax error at or near ")" (this ')' closes nothing: an expression may not close parentheses it did not open)
          # the same clauses without the bracket: parsed, then refused
          TRUE GROUP BY ALL       | 0  | good must be one expression, but the text goes on with GROUP BY ALL (for example: status < 500)
          TRUE USING SAMPLE 1     | 0  | good must be one expression, but the text goes on with USING SAMPLE (for example: status < 500)
          TRUE WINDOW w AS ()     | 5  | good must be one expression, but the text goes on with WINDOW (for example: status < 500)
          TRUE QUALIFY TRUE       | 0  | good must be one expression, but the text goes on with QUALIFY (for example: status < 500)
          TRUE ORDER BY 1         | 0  | good must be one expression, but the text goes on with ORDER BY, LIMIT or DISTINCT (for example: status < 500)
          TRUE LIMIT 1            | 0  | good must be one expression, but the text goes on with ORDER BY, LIMIT or DISTINCT (for example: status < 500)
          TRUE FROM t             | 0  | good must be one expression, but the text goes on with FROM (for example: status < 500)
          TRUE, FALSE             | 0  | good must be one expression, but the text goes on with a second value after a ',' (for example: status < 500)
          TRUE UNION SELECT FALSE | 0  | good must be one expression, not a query (UNION, INTERSECT, EXCEPT, VALUES, ...) (for example: status < 500)
          TRUE; SELECT 1          | 0  | good must be one expression, not several statements (remove the ';' and what follows it)
          TRUE; DROP TABLE t      | 0  | good must be one SQL expression, not a statement (for example: status < 500)
          status < 500 AS ok      | 0  | good may not name its value (AS ok) (remove the alias)
          status < 500 /* open    | 13 | good does not parse: unterminated /* comment at or near "/* open" (for example: status < 500)
          # the clock and the session
          current_timestamp > ts  | 0  | good may not use current_timestamp: it is the current time, so results would change from run to run (compare with the event time column and pass --at; for a column of that name write "current_timestamp")
          ts < localtimestamp     | 5  | good may not use localtimestamp: it is the current time, so results would change from run to run (compare with the event time column and pass --at; for a column of that name write "localtimestamp")
          ts::DATE = current_date | 11 | good may not use current_date: it is the current time, so results would change from run to run (compare with the event time column and pass --at; for a column of that name write "current_date")
          user = 'duckdb'         | 0  | good may not use user: it is the current session, so results would change from run to run (compare with the event time column and pass --at; for a column of that name write "user")
          current_query_id() > 0  | 0  | good may not call current_query_id(): it has side effects or a different result on every call, so results would change from run to run (use columns of the source only)
          current_transaction_id() > 0 | 0 | good may not call current_transaction_id(): it has side effects or a different result on every call, so results would change from run to run (use columns of the source only)
          now() > ts              | 0  | good may not call now(): it reads the clock, so results would change from run to run (compare with the event time column instead, and pass --at)
          ts > ago(INTERVAL 1 DAY) | 5 | good may not call ago(): it reads the clock, so results would change from run to run (use columns of the source only)
          random() < 0.5          | 0  | good may not call random(): it has side effects or a different result on every call, so results would change from run to run (use columns of the source only)
          getvariable('x') IS NULL | 0 | good may not call getvariable(): its result depends on the session or the query, so results would change from run to run (use columns of the source only)
          current_setting('threads') = '1' | 0 | good may not call current_setting(): its result depends on the session or the query, so results would change from run to run (use columns of the source only)
          # engine state and catalogs
          pg_get_viewdef(0) IS NULL | 0 | good may not call pg_get_viewdef(): it is a built-in macro that reads DuckDB's session or catalog, not the event (use columns of the source only)
          get_block_size('memory') > 0 | 0 | good may not call get_block_size(): it is a built-in macro that reads DuckDB's session or catalog, not the event (use columns of the source only)
          version() = 'v2'        | 0  | good may not call version(): it reports the DuckDB version (use columns of the source only)
          json_serialize_plan('SELECT 1') IS NULL | 0 | good may not call json_serialize_plan(): it plans SQL text against the catalog (use columns of the source only)
          main.lower(endpoint) = 'x' | 0 | good may not call a function by schema or catalog (lower) (call lower by its name alone)
          # tables, files, aggregates, windows
          endpoint IN (SELECT 'x') | 12 | good may not contain a subquery (use columns of the source only)
          count(*) > 0            | 0  | good may not call the aggregate count(*) (an expression is evaluated per event; slo counts the events for you)
          sum(status) OVER () > 0 | 0  | good may not use the window function sum() OVER (...) (an expression is evaluated per event)
          len(read_text('/etc/passwd')) > 0 | 4 | good may not call read_text(): expressions may not read files or tables (use columns of the source only)
          lower(endpoint) FILTER (WHERE TRUE) = 'x' | 0 | good may not use aggregate clauses (FILTER, DISTINCT, ORDER BY) in lower() (an expression is evaluated per event; slo counts the events for you)
          no_such_function(status) | 0 | good calls no_such_function(), which is not a DuckDB function
          sleep_ms(1000) IS NULL  | 0  | good may not call sleep_ms(): it has side effects or a different result on every call, so results would change from run to run (use columns of the source only)
          error('x') IS NULL      | 0  | good may not call error(): it has side effects or a different result on every call, so results would change from run to run (use columns of the source only)
          len(query('SELECT 1')) > 0 | 4 | good may not call query(): expressions may not read files or tables (use columns of the source only)
          unnest([1, 2]) > 0      | 0  | good may not call unnest(): expressions may not read files or tables (use columns of the source only)
          list_transform([1], lambda x: (SELECT 1))[1] = 1 | 30 | good may not contain a subquery (use columns of the source only)
          list_transform(range(0, 1000), lambda x: repeat('a', 1000))[1] <> '' | 41 | good may not use a size-building function inside a lambda when it uses another one (results could grow to millions of values per event)
          # stars, parameters, positions, internal names
          COLUMNS(*) IS NOT NULL  | 8  | good may not use * or COLUMNS(...) (name the columns)
          s.* IS NULL             | 0  | good may not use * or COLUMNS(...) (name the columns)
          $1                      | 0  | good may not contain parameters ($1, ?) (write the value itself)
          #1 > 0                  | 0  | good may not refer to a column by position (#n) (name the column)
          __t > 0                 | 0  | good may not refer to '__t': names starting with __ are slo's own (rename the column in the export)
          __keep OR status < 500  | 0  | good may not refer to '__keep': names starting with __ are slo's own (rename the column in the export)
          # sizes built per event
          len(range(0, 200000000)) > 0 | 4 | good may not call range(): it builds about 200000000 values per event, more than 1000 (every event would build a list that large)
          len(range(status)) > 0  | 4  | good may not call range() with arguments that are not whole-number constants (a list built per event must have a fixed size of at most 1000)
          len(generate_series(1, 5000)) > 0 | 4 | good may not call generate_series(): it builds about 5000 values per event, more than 1000 (every event would build a list that large)
          len(range(0, 3000, 2)) > 0 | 4 | good may not call range(): it builds about 1500 values per event, more than 1000 (every event would build a list that large)
          len(range(1001)) > 0 | 4 | good may not call range(): it builds about 1001 values per event, more than 1000 (every event would build a list that large)
          repeat(endpoint, 100000) <> '' | 0 | good may not call repeat() with size 100000, more than 1000 (every event would build a value that large)
          repeat(endpoint, status) <> '' | 0 | good may not call repeat() with a size that is not a whole-number constant (write the size as a number up to 1000)
          lpad(endpoint, 5000, 'x') <> '' | 0 | good may not call lpad() with size 5000, more than 1000 (every event would build a value that large)
          len(list_resize([1], 2000000)) > 0 | 4 | good may not call list_resize() with size 2000000, more than 1000 (every event would build a value that large)
          repeat(repeat('x', 100), 100) <> '' | 7 | good may not call repeat() inside another function that builds lists or strings (results could grow to millions of values per event)
          printf('%*d', 100000, 1) <> '' | 0 | good may not call printf() with a width over 1000 or taken from an argument (every event would build a value that large)
          format('{:>99999}', endpoint) <> '' | 0 | good may not call format() with a width over 1000 or taken from an argument (every event would build a value that large)
          # casts and quotes
          CAST(status AS my_type) = 1 | 0 | good may not cast to my_type (cast to a number, text, boolean, date, time, timestamp, interval or UUID type)
          CAST(status AS VARCHAR[2000000]) IS NULL | 0 | good may not cast to an array of more than 1000 values (cast to a number, text, boolean, date, time, timestamp, interval or UUID type)
          status::ENUM('a') IS NULL | 6 | good may not cast to ENUM (cast to a number, text, boolean, date, time, timestamp, interval or UUID type)
          endpoint = ‘/unlock’     | 11 | good uses typographic quotes (‘), which SQL reads as part of a column name (write text in straight single quotes: 'like this')
          """)
  void refused_with_a_located_message(String text, int column, String message) {
    assertThat(problems(text))
        .as(text)
        .startsWith("test.yaml:10:" + (15 + column) + ": " + message);
  }

  @Test
  void an_in_list_may_hold_a_thousand_values() {
    StringBuilder ok = new StringBuilder("status IN (0");
    for (int i = 1; i < 1_000; i++) ok.append(", ").append(i);
    assertThat(problems(ok + ")")).isEmpty();
    assertThat(problems(ok + ", 1000)"))
        .containsExactly(
            "test.yaml:10:25: good has an IN list of 1001 values, more than 1000 (compare with a"
                + " pattern or a range instead, or shorten the list)");
  }

  @Test
  void nesting_may_go_sixty_four_levels_deep() {
    // n NOTs above a column are n + 1 levels; the 65th is the column, at character 256
    assertThat(problems("NOT ".repeat(63) + "ok")).isEmpty();
    assertThat(problems("NOT ".repeat(64) + "ok"))
        .containsExactly(
            "test.yaml:10:271: good is nested more than 64 levels deep (split it, or simplify the"
                + " nesting)");
    // deeper than DuckDB's own parser allows
    assertThat(problems("(".repeat(2_000) + "ok" + ")".repeat(2_000)))
        .containsExactly(
            "test.yaml:10:15: good is nested more than 64 levels deep (split it, or simplify the"
                + " nesting)");
  }

  @Test
  void an_expression_may_be_ten_thousand_characters_long() {
    String longest = "endpoint <> '" + "x".repeat(10_000 - 15) + "'";
    assertThat(longest).hasSize(10_000 - 1);
    assertThat(problems(longest)).isEmpty();
    assertThat(problems(longest + " AND TRUE"))
        .containsExactly(
            "test.yaml:10:15: good is 10008 characters long, more than 10000 (shorten it: a long"
                + " IN list usually means a column of the export is missing)");
  }

  @Test
  void a_nul_character_is_refused_where_it_is() {
    assertThat(problems("endpoint <> 'a\0b'"))
        .containsExactly(
            "test.yaml:10:29: good contains a NUL character (remove it; write chr(0) if you mean"
                + " to compare with one)");
  }

  @Test
  void functions_that_are_scalar_and_deterministic_are_allowed() {
    for (String ok :
        List.of(
            "regexp_matches(endpoint, '^/api/v[0-9]+/')",
            "starts_with(endpoint, '/unlock') AND status BETWEEN 200 AND 299",
            "CASE WHEN status >= 500 THEN FALSE ELSE TRUE END",
            "coalesce(latency_ms, 0) < 300 AND latency_ms IS NOT NULL",
            "date_trunc('hour', ts) = ts",
            "list_contains(['/unlock', '/lock'], endpoint)",
            "list_filter([1, 2], lambda x: x > 1) = [2]",
            "len(range(0, 1000)) = 1000",
            "len(range(10, 0, -1)) = 10",
            "len(generate_series(1, 1000)) = 1000",
            "strftime(ts, '%H') <> '03'",
            "TRY_CAST(endpoint AS INTEGER) IS NULL",
            "endpoint COLLATE nocase = '/UNLOCK'",
            "if(status < 500, TRUE, FALSE)",
            "split_part(endpoint, '/', 2) = 'unlock'",
            "{'a': status}.a < 500",
            "\"current_date\" IS NULL")) {
      assertThat(problems(ok)).as(ok).isEmpty();
    }
  }

  @Test
  void special_names_list_holds_exactly_what_binds_without_a_column() {
    for (String name : ExpressionChecker.SPECIAL_NAMES) {
      boolean binds = db.one("SELECT " + name + " IS NOT NULL", r -> r.getBoolean(1));
      assertThat(binds).as(name).isTrue();
    }
    // an ordinary name does not bind without a FROM clause
    assertThatThrownBy(() -> db.one("SELECT current_tenant", r -> r.getString(1)))
        .isInstanceOf(Database.QueryFailed.class);
  }

  @Test
  void every_reviewed_macro_is_a_duckdb_macro() {
    List<String> macros =
        db.query(
            "SELECT DISTINCT function_name FROM duckdb_functions() WHERE function_type = 'macro'",
            r -> r.getString(1));
    assertThat(macros).containsAll(ExpressionChecker.ROW_MACROS);
  }

  @Test
  void a_quoted_clock_name_must_be_a_column_of_the_source() {
    var src = Fixtures.source("api.csv", null, java.time.ZoneId.of("UTC"));
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      var slo =
          Fixtures.ratio(
              "s", src, "\"current_date\" IS NULL", null, "0.5", Fixtures.days(2), List.of());
      engine.checkExpressions(List.of(slo));
      assertThatThrownBy(() -> engine.bind(List.of(slo)))
          .isInstanceOf(SloException.class)
          .hasMessageContaining(
              "SLO 's': good refers to column \"current_date\", which source 'api'")
          .hasMessageContaining("without such a column, current_date reads the clock");
    }
  }

  @Test
  void a_quoted_clock_name_reads_the_column_when_the_source_has_it(@TempDir Path dir)
      throws IOException {
    Path csv = dir.resolve("dated.csv");
    Files.writeString(
        csv,
        "ts,current_date,status\n"
            + "2026-02-01T00:00:00Z,1999-01-01,200\n"
            + "2026-02-01T00:01:00Z,1999-01-01,500\n");
    var src =
        new io.slotoolkit.model.DataSource(
            "dated",
            Fixtures.SPEC,
            List.of(csv.toString()),
            io.slotoolkit.model.DataFormat.AUTO,
            new io.slotoolkit.model.EventTime(
                "ts",
                io.slotoolkit.model.EventTime.Encoding.AUTO,
                null,
                java.time.ZoneId.of("UTC")),
            java.time.ZoneId.of("UTC"),
            io.slotoolkit.model.CsvDialect.SNIFF,
            null,
            0,
            new SourceLocation(Fixtures.SPEC, 3, 3),
            List.of(),
            false,
            null,
            null,
            null);
    String good = "\"current_date\" = DATE '1999-01-01'";
    var slo = Fixtures.ratio("s", src, good, null, "0.5", Fixtures.days(2), List.of());
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      engine.checkExpressions(List.of(slo));
      engine.bind(List.of(slo));
      var scan =
          engine.scan(
              src,
              List.of(
                  new ScanCompiler.SloWindow(slo, java.time.Instant.parse("2026-01-31T00:00:00Z"))),
              java.time.Instant.parse("2026-02-02T00:00:00Z"),
              null);
      // both rows match the column's 1999-01-01; the clock's date would match none
      assertThat(scan.counts().get(slo).get(0).good()).isEqualTo(2);
      assertThat(scan.counts().get(slo).get(0).total()).isEqualTo(2);
    }
  }

  @Test
  void the_compiler_gets_no_text_that_was_not_checked() {
    SqlExpression bad = Fixtures.expr("status < 500) OR (1=1");
    assertThatThrownBy(() -> checker.checked(bad, "good"))
        .isInstanceOf(SloException.class)
        .hasMessageContaining("does not parse");
    SqlExpression good = Fixtures.expr("status < 500");
    assertThat(checker.checked(good, "good").sql()).isEqualTo("((status < 500))");
    assertThat(checker.checked(good, "good").written()).isEqualTo(good);
  }

  @Test
  void a_problem_in_a_literal_block_is_located_on_its_own_line() {
    SqlExpression e =
        new SqlExpression(
            "status < 500\nAND now() > ts", new SourceLocation(Path.of("s.yaml"), 12, 11));
    assertThat(checker.checkShape(e, "good").stream().map(Problem::render))
        .containsExactly(
            "s.yaml:13:15: good may not call now(): it reads the clock, so results would change"
                + " from run to run (compare with the event time column instead, and pass --at)");
  }

  @Test
  void a_bare_word_is_found_outside_literals_identifiers_and_comments() {
    assertThat(ExpressionChecker.bareWord("TRUE WINDOW w AS ()", "WINDOW")).isEqualTo(5);
    assertThat(ExpressionChecker.bareWord("x = 'window' AND \"window\" = 1", "WINDOW"))
        .isEqualTo(-1);
    assertThat(ExpressionChecker.bareWord("x -- window\n", "WINDOW")).isEqualTo(-1);
    assertThat(ExpressionChecker.bareWord("x /* a /* window */ b */", "WINDOW")).isEqualTo(-1);
    assertThat(ExpressionChecker.bareWord("x = E'it\\'s window' ", "WINDOW")).isEqualTo(-1);
    assertThat(ExpressionChecker.bareWord("x = $t$window$t$", "WINDOW")).isEqualTo(-1);
    assertThat(ExpressionChecker.bareWord("windows = 1", "WINDOW")).isEqualTo(-1);
  }

  /**
   * The compilers splice user expressions only through {@link ExpressionChecker#checked}: no engine
   * source reads the raw text of an SLO's or source's expression.
   */
  @Test
  void no_engine_code_splices_the_raw_text_of_an_expression() throws IOException {
    Pattern raw = Pattern.compile("\\.(good|total|where)\\(\\)\\s*\\.text\\(\\)");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/slotoolkit/engine"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = raw.matcher(Files.readString(f));
        while (m.find()) found.add(f.getFileName() + ": " + m.group());
      }
    }
    assertThat(found).isEmpty();
  }
}
