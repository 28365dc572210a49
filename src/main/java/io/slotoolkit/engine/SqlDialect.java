package io.slotoolkit.engine;

import io.slotoolkit.model.SqlDialectName;

/**
 * The SQL dialect family {@code slo sql} prints in: quoting, literals, the minute truncation, the
 * conditional count and the exact sum of each dialect, and the printing of a checked user
 * expression from DuckDB's parse tree. DuckDB prints the checked text as it is; Spark uses {@link
 * SparkDialect}'s printer (the one the Spark engine's scan goes through, unchanged); BigQuery and
 * Snowflake use {@link WarehousePrinter}.
 */
public final class SqlDialect {
  private SqlDialect() {}

  /** A column of the warehouse table, as an expression reads it. */
  static String column(SqlDialectName d, String name) {
    return switch (d) {
      case DUCKDB -> Sql.ident(name);
      case SPARK -> SparkDialect.ident(name);
      case BIGQUERY -> backticks(name);
      // Snowflake stores an unquoted name in upper case: a table created with `status INT` has
      // the column STATUS. A plain lower-case name in the spec is printed so; any other as written
      case SNOWFLAKE ->
          name.matches("[a-z_][a-z0-9_$]*")
              ? doubleQuoted(name.toUpperCase(java.util.Locale.ROOT))
              : doubleQuoted(name);
    };
  }

  /** An output column name, kept exactly as written (so the exported header reads the same). */
  static String alias(SqlDialectName d, String name) {
    return switch (d) {
      case DUCKDB, SNOWFLAKE -> doubleQuoted(name);
      case SPARK, BIGQUERY -> backticks(name);
    };
  }

  /** A string literal that reads back as {@code text} in the dialect. */
  static String literal(SqlDialectName d, String text) {
    return switch (d) {
      case DUCKDB -> Sql.literal(text);
      case SPARK -> SparkDialect.literal(text);
      // both read backslash escapes in quoted strings
      case BIGQUERY ->
          "'"
              + text.replace("\\", "\\\\")
                  .replace("'", "\\'")
                  .replace("\n", "\\n")
                  .replace("\r", "\\r")
              + "'";
      case SNOWFLAKE -> "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    };
  }

  /**
   * A table name as the user gives it ({@code project.dataset.table}, {@code db.schema.table}):
   * dot-separated parts of letters, digits, {@code _}, {@code $} and {@code -}; null when it is not
   * one.
   */
  static String table(SqlDialectName d, String name) {
    String[] parts = name.split("\\.", -1);
    for (String p : parts) if (!p.matches("[A-Za-z0-9_$-]+")) return null;
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      if (b.length() > 0) b.append('.');
      b.append(
          switch (d) {
            case DUCKDB -> Sql.ident(p);
            case SPARK -> SparkDialect.ident(p);
            case BIGQUERY -> p;
            // unquoted: Snowflake resolves it as it resolves what users type
            case SNOWFLAKE -> p.matches("[A-Za-z_][A-Za-z0-9_$]*") ? p : doubleQuoted(p);
          });
    }
    return d == SqlDialectName.BIGQUERY ? backticks(b.toString()) : b.toString();
  }

  /** The UTC minute start of an event time column that holds a timestamp. */
  static String minute(SqlDialectName d, String column) {
    return switch (d) {
      // epoch_us reads a TIMESTAMP as UTC and a TIMESTAMPTZ as its instant; the result is a
      // TIMESTAMP in UTC whatever the session's time zone
      case DUCKDB -> "date_trunc('minute', make_timestamp(epoch_us(" + column + ")))";
      case SPARK -> "date_trunc('MINUTE', " + column + ")";
      case BIGQUERY -> "TIMESTAMP_TRUNC(" + column + ", MINUTE)";
      case SNOWFLAKE -> "DATE_TRUNC('MINUTE', " + column + ")";
    };
  }

  /**
   * The event time as a timestamp, from a column that holds one or, for a source with {@code
   * timestamp_format: epoch_s|epoch_ms|epoch_us}, a number since 1970-01-01 UTC (rounded to
   * microseconds as the check scan rounds it).
   */
  static String eventTime(
      SqlDialectName d, String column, io.slotoolkit.model.EventTime.Encoding e) {
    String scale =
        switch (e) {
          case EPOCH_S -> " * 1000000";
          case EPOCH_MS -> " * 1000";
          case EPOCH_US -> "";
          case AUTO, PATTERN -> null;
        };
    if (scale == null) return column;
    String micros = scale.isEmpty() ? column : "round(" + column + scale + ")";
    return switch (d) {
      case DUCKDB -> "make_timestamp(CAST(" + micros + " AS BIGINT))";
      case SPARK -> "timestamp_micros(CAST(" + micros + " AS BIGINT))";
      case BIGQUERY ->
          "TIMESTAMP_MICROS(CAST(" + micros.replace("round(", "ROUND(") + " AS INT64))";
      case SNOWFLAKE ->
          "TO_TIMESTAMP(CAST(" + micros.replace("round(", "ROUND(") + " AS NUMBER(38,0)), 6)";
    };
  }

  /** The number of rows where {@code predicate} is TRUE (not FALSE, not NULL). */
  static String countIf(SqlDialectName d, String predicate) {
    return switch (d) {
      case DUCKDB -> "count(*) FILTER (WHERE " + predicate + ")";
      case SPARK -> "count_if(" + predicate + ")";
      case BIGQUERY -> "COUNTIF(" + predicate + ")";
      case SNOWFLAKE -> "COUNT_IF(" + predicate + ")";
    };
  }

  /**
   * True when a row's good and total values ({@code g}, {@code t}, parenthesised) are counts:
   * whole, not negative, good at most total; NULL when either is NULL. DuckDB's is the check scan's
   * own ({@link CountRows#ok}); the others test the same without DuckDB's HUGEINT bound (a value
   * too large for the exact sum fails the query there instead of being a malformed row).
   */
  static String countsOk(SqlDialectName d, String g, String t) {
    if (d == SqlDialectName.DUCKDB) return CountRows.ok(g, t);
    // g >= 0 and t >= g: FLOOR is truncation on every row this accepts
    String floor = d == SqlDialectName.SPARK ? "floor" : "FLOOR";
    return "("
        + g
        + " >= 0 AND "
        + g
        + " <= "
        + t
        + " AND "
        + g
        + " = "
        + floor
        + "("
        + g
        + ") AND "
        + t
        + " = "
        + floor
        + "("
        + t
        + "))";
  }

  /** A count as an exact whole number to sum (never a floating point sum). */
  static String exact(SqlDialectName d, String value) {
    return switch (d) {
      case DUCKDB -> CountRows.exact(value);
      case SPARK -> "CAST(" + value + " AS DECIMAL(38,0))";
      case BIGQUERY -> "CAST(" + value + " AS BIGNUMERIC)";
      case SNOWFLAKE -> "CAST(" + value + " AS NUMBER(38,0))";
    };
  }

  /**
   * A checked user expression ({@code duckSql}, the checker's canonical text) in the dialect.
   *
   * @throws SparkDialect.Untranslatable naming the construct the dialect has no same-meaning form
   *     for
   */
  static String expression(SqlDialectName d, Database db, String duckSql) {
    if (d == SqlDialectName.DUCKDB) return duckSql;
    String tree =
        db.one(
            "SELECT json_serialize_sql(" + Sql.literal("SELECT " + duckSql) + ")",
            r -> r.getString(1));
    return d == SqlDialectName.SPARK
        ? SparkDialect.expression(tree)
        : new WarehousePrinter(d).expression(tree);
  }

  private static String backticks(String name) {
    return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
  }

  private static String doubleQuoted(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
