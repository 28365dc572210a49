package io.slotoolkit.engine;

import java.util.Map;
import java.util.Set;

/**
 * The allow-lists and deny-lists {@link ExpressionWalk} checks a parsed expression against, as
 * data: engine-state functions, size-building functions, operators, cast types and clauses. The two
 * lists the checker's callers also read ({@link ExpressionChecker#SPECIAL_NAMES} and {@link
 * ExpressionChecker#ROW_MACROS}) stay on the checker.
 */
final class ExpressionAllowList {
  private ExpressionAllowList() {}

  /**
   * Scalar functions DuckDB marks deterministic that still read engine state or catalogs, or that
   * parse or plan SQL text: refused though their stability says CONSISTENT.
   */
  static final Map<String, String> ENGINE_STATE =
      Map.ofEntries(
          Map.entry("version", "reports the DuckDB version"),
          Map.entry("json_serialize_sql", "parses SQL text"),
          Map.entry("json_deserialize_sql", "prints SQL text"),
          Map.entry("json_serialize_plan", "plans SQL text against the catalog"),
          Map.entry("index_key", "reads an index"),
          Map.entry("finalize", "works on aggregate states"),
          Map.entry("combine", "works on aggregate states"),
          Map.entry("to_aggregate_state", "works on aggregate states"),
          Map.entry("parse_duckdb_log_message", "reads DuckDB's own log format"),
          Map.entry("alias", "returns an expression's name, not a value"));

  /** Functions whose result size is given by an argument: (name, index of the size argument). */
  static final Map<String, Integer> SIZE_ARGUMENT =
      Map.ofEntries(
          Map.entry("repeat", 1),
          Map.entry("list_resize", 1),
          Map.entry("array_resize", 1),
          Map.entry("lpad", 1),
          Map.entry("rpad", 1),
          Map.entry("bitstring", 1),
          Map.entry("bar", 3),
          Map.entry("to_base", 2),
          Map.entry("equi_width_bins", 2));

  /** Builders of integer sequences: every argument must be a whole-number constant. */
  static final Set<String> SEQUENCES = Set.of("range", "generate_series");

  /** Formatting functions whose format string can ask for any width. */
  static final Set<String> FORMATS = Set.of("printf", "format");

  static final Set<String> OPERATORS =
      Set.of(
          "OPERATOR_NOT",
          "OPERATOR_IS_NULL",
          "OPERATOR_IS_NOT_NULL",
          "COMPARE_IN",
          "COMPARE_NOT_IN",
          "OPERATOR_COALESCE",
          "OPERATOR_NULLIF",
          "OPERATOR_TRY",
          "STRUCT_EXTRACT",
          "ARRAY_EXTRACT",
          "ARRAY_SLICE");

  static final Set<String> SCALAR_TYPES =
      Set.of(
          "BOOLEAN",
          "BOOL",
          "LOGICAL",
          "TINYINT",
          "INT1",
          "SMALLINT",
          "INT2",
          "SHORT",
          "INTEGER",
          "INT",
          "INT4",
          "SIGNED",
          "BIGINT",
          "INT8",
          "LONG",
          "HUGEINT",
          "INT128",
          "UTINYINT",
          "USMALLINT",
          "UINTEGER",
          "UBIGINT",
          "UHUGEINT",
          "FLOAT",
          "FLOAT4",
          "REAL",
          "DOUBLE",
          "FLOAT8",
          "DECIMAL",
          "NUMERIC",
          "VARCHAR",
          "CHAR",
          "BPCHAR",
          "TEXT",
          "STRING",
          "DATE",
          "TIME",
          "TIMETZ",
          "TIME WITH TIME ZONE",
          "TIMESTAMP",
          "DATETIME",
          "TIMESTAMPTZ",
          "TIMESTAMP WITH TIME ZONE",
          "TIMESTAMP_S",
          "TIMESTAMP_MS",
          "TIMESTAMP_NS",
          "TIMESTAMP_US",
          "INTERVAL",
          "UUID",
          "BLOB",
          "BYTEA",
          "BINARY",
          "VARBINARY",
          "JSON");

  /** The top-level keys of a parsed SELECT, and the clause each stands for when it is set. */
  static final Map<String, String> CLAUSES =
      Map.ofEntries(
          Map.entry("modifiers", "ORDER BY, LIMIT or DISTINCT"),
          Map.entry("cte_map", "WITH"),
          Map.entry("from_table", "FROM"),
          Map.entry("where_clause", "WHERE"),
          Map.entry("group_expressions", "GROUP BY"),
          Map.entry("group_sets", "GROUP BY"),
          Map.entry("aggregate_handling", "GROUP BY ALL"),
          Map.entry("having", "HAVING"),
          Map.entry("sample", "USING SAMPLE"),
          Map.entry("qualify", "QUALIFY"));
}
