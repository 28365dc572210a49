package io.slotoolkit.model;

import java.util.Locale;

/**
 * The SQL dialects {@code slo sql} prints the per-minute roll-up in: DuckDB itself, Spark SQL,
 * BigQuery (GoogleSQL) and Snowflake.
 */
public enum SqlDialectName {
  DUCKDB,
  SPARK,
  BIGQUERY,
  SNOWFLAKE;

  /** The name a user types: {@code bigquery}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
