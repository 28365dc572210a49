package io.slotoolkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotoolkit.model.SqlDialectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * User expressions (DuckDB SQL) printed for BigQuery and Snowflake from DuckDB's parse tree: what
 * each maps, how, and what each refuses. The mappings keep DuckDB's meaning; these tests pin the
 * text, docs/scale-out.md says why each is the same (or refused).
 */
class SqlDialectTest {
  static Database db;

  @BeforeAll
  static void open() {
    db = Database.open(EngineOptions.DEFAULT);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static String bq(String e) {
    return SqlDialect.expression(SqlDialectName.BIGQUERY, db, e);
  }

  static String sf(String e) {
    return SqlDialect.expression(SqlDialectName.SNOWFLAKE, db, e);
  }

  @Test
  void comparisons_and_logic_keep_their_grouping() {
    String e = "status < 500 AND (endpoint <> '/healthz' OR method = 'GET')";
    assertThat(bq(e))
        .isEqualTo("((`status` < 500) AND ((`endpoint` <> '/healthz') OR (`method` = 'GET')))");
    assertThat(sf(e))
        .isEqualTo(
            "((\"STATUS\" < 500) AND ((\"ENDPOINT\" <> '/healthz') OR (\"METHOD\" = 'GET')))");
    assertThat(bq("a IS DISTINCT FROM b AND c IS NULL AND d NOT IN (1, 2) AND x BETWEEN 1 AND 3"))
        .isEqualTo(
            "((`a` IS DISTINCT FROM `b`) AND (`c` IS NULL) AND (NOT (`d` IN (1, 2))) AND (`x`"
                + " BETWEEN 1 AND 3))");
  }

  @Test
  void snowflake_upper_cases_plain_lower_case_names_and_keeps_others_as_written() {
    assertThat(sf("latency_ms > 1")).isEqualTo("(\"LATENCY_MS\" > 1)");
    assertThat(sf("\"Latency ms\" > 1")).isEqualTo("(\"Latency ms\" > 1)");
    assertThat(SqlDialect.alias(SqlDialectName.SNOWFLAKE, "good")).isEqualTo("\"good\"");
  }

  @Test
  void string_literals_escape_backslashes_and_quotes_per_dialect() {
    assertThat(bq("name = 'it''s a\\b'")).isEqualTo("(`name` = 'it\\'s a\\\\b')");
    assertThat(sf("name = 'it''s a\\b'")).isEqualTo("(\"NAME\" = 'it''s a\\\\b')");
  }

  @Test
  void decimals_stay_exact_on_bigquery() {
    assertThat(bq("ratio < 0.25")).isEqualTo("(`ratio` < NUMERIC '0.25')");
    assertThat(sf("ratio < 0.25")).isEqualTo("(\"RATIO\" < 0.25)");
  }

  @Test
  void string_tests_are_renamed() {
    assertThat(bq("starts_with(path, '/api') AND suffix(path, '.json')"))
        .isEqualTo("(STARTS_WITH(`path`, '/api') AND ENDS_WITH(`path`, '.json'))");
    assertThat(sf("starts_with(path, '/api') AND suffix(path, '.json') AND contains(path, 'v2')"))
        .isEqualTo(
            "(STARTSWITH(\"PATH\", '/api') AND ENDSWITH(\"PATH\", '.json') AND CONTAINS(\"PATH\","
                + " 'v2'))");
    assertThat(bq("regexp_matches(path, '^/v[0-9]+/')"))
        .isEqualTo("REGEXP_CONTAINS(`path`, '^/v[0-9]+/')");
    assertThat(bq("lower(method) = 'get'")).isEqualTo("(LOWER(`method`) = 'get')");
  }

  @Test
  void greatest_and_least_skip_nulls_as_duckdb_does() {
    // DuckDB: least(5, NULL) = 5; the warehouses would say NULL
    assertThat(bq("least(value, 300)"))
        .isEqualTo(
            "LEAST(COALESCE(`value`, COALESCE(`value`, 300)), COALESCE(300, COALESCE(`value`,"
                + " 300)))");
  }

  @Test
  void if_becomes_case_and_division_keeps_infinity_on_bigquery() {
    assertThat(sf("if(status < 500, 1, 0)"))
        .isEqualTo("(CASE WHEN (\"STATUS\" < 500) THEN 1 ELSE 0 END)");
    assertThat(bq("bytes / seconds > 1000"))
        .isEqualTo("(IEEE_DIVIDE(CAST(`bytes` AS FLOAT64), CAST(`seconds` AS FLOAT64)) > 1000)");
    assertThat(bq("CAST(code AS DOUBLE) > 1")).isEqualTo("(CAST(`code` AS FLOAT64) > 1)");
  }

  @Test
  void like_takes_a_constant_pattern_without_backslash() {
    assertThat(bq("path LIKE '/api/%'")).isEqualTo("(`path` LIKE '/api/%')");
    assertThat(sf("path NOT ILIKE '/API/%'")).isEqualTo("(NOT (\"PATH\" ILIKE '/API/%'))");
    assertThatThrownBy(() -> bq("path LIKE '100\\%'"))
        .hasMessageContaining("LIKE with a backslash in the pattern");
    assertThatThrownBy(() -> bq("path ILIKE '/api%'")).hasMessageStartingWith("ILIKE");
    assertThatThrownBy(() -> sf("path LIKE prefix_column"))
        .hasMessageContaining("not a constant text");
  }

  @Test
  void functions_whose_meaning_differs_are_refused_naming_the_dialect() {
    assertThatThrownBy(() -> bq("substring(path, 0, 2) = '/a'"))
        .isInstanceOf(SparkDialect.Untranslatable.class)
        .hasMessageContaining("function substring()")
        .hasMessageContaining("not available with --dialect bigquery; allowed there: abs, ceil");
    assertThatThrownBy(() -> bq("contains(path, 'x')"))
        .hasMessageContaining("CONTAINS_SUBSTR ignores case");
    assertThatThrownBy(() -> sf("regexp_matches(path, 'x')"))
        .hasMessageContaining("Snowflake's regular expressions are POSIX");
    assertThatThrownBy(() -> sf("a / b > 1")).hasMessageContaining("division by zero");
    assertThatThrownBy(() -> bq("a % 2 = 0")).hasMessageStartingWith("operator %");
    assertThatThrownBy(() -> bq("a // 2 = 0")).hasMessageStartingWith("operator //");
    assertThatThrownBy(() -> sf("CAST(x AS INTEGER) = 1"))
        .hasMessageContaining("a cast to INTEGER");
    assertThatThrownBy(() -> bq("TRY_CAST(x AS DOUBLE) = 1")).hasMessageStartingWith("TRY_CAST");
    assertThatThrownBy(() -> sf("trim(name) = 'a'")).hasMessageContaining("function trim()");
  }

  @Test
  void duckdb_prints_the_checked_text_and_spark_uses_the_spark_printer() {
    assertThat(SqlDialect.expression(SqlDialectName.DUCKDB, db, "(status < 500)"))
        .isEqualTo("(status < 500)");
    assertThat(SqlDialect.expression(SqlDialectName.SPARK, db, "starts_with(p, '/a')"))
        .isEqualTo("startswith(`p`, '/a')");
  }

  @Test
  void table_names_are_quoted_per_dialect_and_refused_when_not_names() {
    assertThat(SqlDialect.table(SqlDialectName.BIGQUERY, "my-project.logs.requests"))
        .isEqualTo("`my-project.logs.requests`");
    assertThat(SqlDialect.table(SqlDialectName.SNOWFLAKE, "LOGS.PUBLIC.requests"))
        .isEqualTo("LOGS.PUBLIC.requests");
    assertThat(SqlDialect.table(SqlDialectName.SPARK, "db.requests")).isEqualTo("`db`.`requests`");
    assertThat(SqlDialect.table(SqlDialectName.DUCKDB, "api")).isEqualTo("\"api\"");
    assertThat(SqlDialect.table(SqlDialectName.DUCKDB, "api; DROP TABLE x")).isNull();
  }
}
