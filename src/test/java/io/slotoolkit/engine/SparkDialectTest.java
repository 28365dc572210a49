package io.slotoolkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DuckDB SQL printed as Spark SQL from DuckDB's own parse tree (no Spark here: the texts are what
 * the Spark engine hands to Spark; spark/ runs them).
 */
class SparkDialectTest {
  static Database db;

  @BeforeAll
  static void open() {
    db = Database.open(EngineOptions.DEFAULT);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static String tree(String select) {
    return db.one("SELECT json_serialize_sql(" + Sql.literal(select) + ")", r -> r.getString(1));
  }

  static String expr(String e) {
    return SparkDialect.expression(tree("SELECT " + e));
  }

  @Test
  void comparisons_and_conjunctions_keep_their_grouping() {
    assertThat(expr("status < 500 AND (endpoint <> '/healthz' OR method = 'GET')"))
        .isEqualTo("((`status` < 500) AND ((`endpoint` != '/healthz') OR (`method` = 'GET')))");
  }

  @Test
  void like_in_between_and_null_tests_are_printed_as_spark_operators() {
    assertThat(expr("path LIKE '/a%' AND code IN (1, 2) AND x BETWEEN 1 AND 3 AND y IS NOT NULL"))
        .isEqualTo(
            "((`path` LIKE '/a%') AND (`code` IN (1, 2)) AND (`x` BETWEEN 1 AND 3) AND (`y` IS NOT NULL))");
    assertThat(expr("a IS DISTINCT FROM b")).isEqualTo("(NOT (`a` <=> `b`))");
  }

  @Test
  void string_literals_escape_backslashes_and_quotes_for_spark() {
    // Spark unescapes '\\d' to \d, and \' to ': the regex and the text arrive as written
    assertThat(expr("regexp_matches(p, '^\\d+$') AND name = 'it''s'"))
        .isEqualTo("(regexp(`p`, '^\\\\d+$') AND (`name` = 'it\\'s'))");
  }

  @Test
  void integer_division_division_and_big_literals() {
    // 2^40 does not fit an INT: Spark needs the L suffix to read it as BIGINT
    assertThat(expr("__t // 60000000 + 1099511627776"))
        .isEqualTo("((`__t` div 60000000) + 1099511627776L)");
    assertThat(expr("a / b > 0.5")).isEqualTo("(try_divide(`a`, `b`) > 0.5)");
  }

  @Test
  void time_functions_read_epoch_microseconds_in_utc() {
    // timezone(zone, naive): the later occurrence of a repeated wall time, as on DuckDB (see
    // wall_times_in_a_zone_take_the_later_occurrence_of_a_repeated_hour)
    assertThat(expr("epoch_us(timezone('America/New_York', CAST(ts AS TIMESTAMP)))"))
        .isEqualTo(
            "unix_micros(CAST("
                + SparkDialect.wallTimeInZone("CAST(`ts` AS TIMESTAMP)", "'America/New_York'")
                + " AS TIMESTAMP))");
    assertThat(expr("ts >= TIMESTAMPTZ '2026-01-01 00:00:00.000000+00'"))
        .isEqualTo("(`ts` >= CAST('2026-01-01 00:00:00.000000+00:00' AS TIMESTAMP))");
  }

  @Test
  void wall_times_in_a_zone_take_the_later_occurrence_of_a_repeated_hour() {
    // e: to_utc_timestamp, the earlier occurrence; c: the wall time a day later read in the zone,
    // a day back; c where it shows the same wall time (the later occurrence), else e
    assertThat(expr("timezone('Australia/Lord_Howe', TRY_CAST(ts AS TIMESTAMP))"))
        .isEqualTo(
            "(CASE WHEN from_utc_timestamp((to_utc_timestamp(try_cast(`ts` AS TIMESTAMP)"
                + " + INTERVAL 1 DAY, 'Australia/Lord_Howe') - INTERVAL 1 DAY),"
                + " 'Australia/Lord_Howe') = try_cast(`ts` AS TIMESTAMP)"
                + " THEN (to_utc_timestamp(try_cast(`ts` AS TIMESTAMP) + INTERVAL 1 DAY,"
                + " 'Australia/Lord_Howe') - INTERVAL 1 DAY)"
                + " ELSE to_utc_timestamp(try_cast(`ts` AS TIMESTAMP), 'Australia/Lord_Howe') END)");
  }

  @Test
  void grouping_bitmask_is_built_from_one_column_grouping_calls() {
    String sql =
        SparkDialect.select(
            tree(
                "SELECT GROUPING(a, b) AS gid, sum(f) AS f FROM (SELECT * FROM \"src_1\")"
                    + " GROUP BY GROUPING SETS ((a, __b), (b, __b), ())"));
    // DuckDB: the first column is the high bit; a row grouped by b alone has gid 2 (a rolled up);
    // the tree holds a set as sorted indexes into the GROUP BY list (a, __b, b): (__b, b)
    assertThat(sql)
        .isEqualTo(
            "SELECT (CAST(grouping(`a`) AS BIGINT) * 2 + CAST(grouping(`b`) AS BIGINT) * 1) AS `gid`,"
                + " sum(CAST(`f` AS BIGINT)) AS `f` FROM (SELECT * FROM `src_1`) AS `__q1`"
                + " GROUP BY GROUPING SETS ((`a`, `__b`), (`__b`, `b`), ())");
  }

  @Test
  void a_function_without_a_spark_form_is_refused_by_name() {
    assertThatThrownBy(() -> expr("strftime(ts, '%H') = '01'"))
        .isInstanceOf(SparkDialect.Untranslatable.class)
        .hasMessageContaining("function strftime()")
        .hasMessageContaining("not available with --engine spark");
  }

  @Test
  void subqueries_are_refused() {
    assertThatThrownBy(() -> expr("EXISTS (SELECT 1)"))
        .isInstanceOf(SparkDialect.Untranslatable.class)
        .hasMessageContaining("subquery");
  }
}
