package io.slotoolkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.engine.SparkDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A naive event time (ISO text without an offset, a Parquet TIMESTAMP column) placed in the
 * source's zone gives the same instant on Spark as on DuckDB, around both daylight-saving switches:
 * the expression the DuckDB engine scans with ({@code epoch_us(timezone(zone, ...))}) runs on
 * DuckDB, and as {@link SparkDialect} prints it on the shared Spark session; epoch microseconds are
 * compared value by value.
 */
class SparkWallTimeTest {
  static SparkSession spark;
  static Connection duck;

  @BeforeAll
  static void start() throws Exception {
    spark = SharedSpark.session();
    duck = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = duck.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    duck.close();
  }

  /** Wall times every 15 minutes from {@code from} to {@code to}, and a few at the edges. */
  static List<String> walls(String from, String to, String... more) {
    List<String> out = new ArrayList<>();
    LocalDateTime t = LocalDateTime.parse(from);
    while (!t.isAfter(LocalDateTime.parse(to))) {
      out.add(t.toString().replace('T', ' ') + ":00");
      t = t.plusMinutes(15);
    }
    out.addAll(List.of(more));
    return out;
  }

  /** The DuckDB engine's expression for a naive value, printed for Spark as the engine does. */
  static String spark(String duckdbExpression) throws Exception {
    try (Statement s = duck.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT json_serialize_sql('SELECT "
                    + duckdbExpression.replace("'", "''")
                    + "')")) {
      r.next();
      return SparkDialect.expression(r.getString(1));
    }
  }

  static List<Long> onDuckdb(String expression, List<String> values) throws Exception {
    List<Long> out = new ArrayList<>();
    try (Statement s = duck.createStatement()) {
      for (String v : values) {
        try (ResultSet r =
            s.executeQuery("SELECT " + expression + " FROM (SELECT '" + v + "' AS value)")) {
          r.next();
          long x = r.getLong(1);
          out.add(r.wasNull() ? null : x);
        }
      }
    }
    return out;
  }

  static List<Long> onSpark(String expression, List<String> values) {
    List<Long> out = new ArrayList<>();
    for (Row r :
        spark.createDataset(values, Encoders.STRING()).selectExpr(expression).collectAsList())
      out.add(r.isNullAt(0) ? null : r.getLong(0));
    return out;
  }

  /**
   * Both engines give the same instant for every value, as ISO text and as a naive timestamp
   * column; returns the number of values where Spark's plain {@code to_utc_timestamp} (the earlier
   * occurrence) gives another instant.
   */
  static int same(String zone, List<String> values) throws Exception {
    String z = "'" + zone + "'";
    // ISO text without an offset, and a Parquet TIMESTAMP column (timestamp_ntz on Spark)
    String text = "epoch_us(timezone(" + z + ", TRY_CAST(value AS TIMESTAMP)))";
    String naive = "epoch_us(timezone(" + z + ", CAST(CAST(value AS TIMESTAMP) AS TIMESTAMP)))";
    List<Long> d = onDuckdb(text, values);
    List<Long> sText = onSpark(spark(text), values);
    String naiveOnSpark =
        spark(naive)
            .replace(
                "CAST(CAST(`value` AS TIMESTAMP) AS TIMESTAMP)",
                "CAST(CAST(`value` AS TIMESTAMP_NTZ) AS TIMESTAMP)");
    assertThat(naiveOnSpark).contains("TIMESTAMP_NTZ");
    List<Long> sNaive = onSpark(naiveOnSpark, values);
    List<Long> plain =
        onSpark("unix_micros(to_utc_timestamp(try_cast(value AS TIMESTAMP), " + z + "))", values);
    int differs = 0;
    for (int i = 0; i < values.size(); i++) {
      assertThat(d.get(i)).as("'%s' in %s on DuckDB", values.get(i), zone).isNotNull();
      assertThat(sText.get(i)).as("'%s' in %s (text)", values.get(i), zone).isEqualTo(d.get(i));
      assertThat(sNaive.get(i)).as("'%s' in %s (naive)", values.get(i), zone).isEqualTo(d.get(i));
      if (!plain.get(i).equals(d.get(i))) differs++;
    }
    return differs;
  }

  @Test
  void new_york_around_both_switches() throws Exception {
    // spring forward 2026-03-08 02:00 -> 03:00 (02:xx does not exist); fall back 2026-11-01
    // 02:00 EDT -> 01:00 EST (01:xx occurs twice: 01:00, 01:15, 01:30, 01:45, 01:59:59.999999)
    List<String> v = walls("2026-03-08T01:00", "2026-03-08T04:00", "2026-03-08 01:59:59.999999");
    v.addAll(
        walls(
            "2026-11-01T00:00",
            "2026-11-01T03:00",
            "2026-11-01 00:59:59.999999",
            "2026-11-01 01:59:59.999999"));
    assertThat(v).hasSize(29);
    assertThat(same("America/New_York", v)).isEqualTo(5);
    // worked out: 01:30 occurs at 05:30Z (EDT) and 06:30Z (EST); 02:30 in the gap is 03:30 EDT
    assertThat(
            onSpark(
                spark("epoch_us(timezone('America/New_York', TRY_CAST(value AS TIMESTAMP)))"),
                List.of("2026-11-01 01:30:00", "2026-03-08 02:30:00")))
        .containsExactly(1793514600000000L, 1772955000000000L);
  }

  @Test
  void lord_howe_moves_by_half_an_hour() throws Exception {
    // DST ends 2026-04-05 02:00 +11:00 -> 01:30 +10:30 (01:30-02:00 occurs twice); starts
    // 2026-10-04 02:00 +10:30 -> 02:30 +11:00 (02:00-02:30 does not exist)
    List<String> v = walls("2026-04-05T00:30", "2026-04-05T03:00", "2026-04-05 01:59:59.999999");
    v.addAll(walls("2026-10-04T01:00", "2026-10-04T03:30", "2026-10-04 02:29:59.999999"));
    assertThat(v).hasSize(24);
    assertThat(same("Australia/Lord_Howe", v)).isEqualTo(3);
    // worked out: 01:45 occurs at 14:45Z (+11:00) and 15:15Z (+10:30); 02:15 in the gap is 02:45
    assertThat(
            onSpark(
                spark("epoch_us(timezone('Australia/Lord_Howe', TRY_CAST(value AS TIMESTAMP)))"),
                List.of("2026-04-05 01:45:00", "2026-10-04 02:15:00")))
        .containsExactly(1775315700000000L, 1791042300000000L);
  }
}
