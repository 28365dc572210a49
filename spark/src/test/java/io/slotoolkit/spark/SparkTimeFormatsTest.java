package io.slotoolkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * strptime patterns on Spark read every text as DuckDB's {@code try_strptime} does: the same
 * instant, or NULL on both. Each case runs the same values through DuckDB (the expression the
 * DuckDB engine scans with) and through Spark, and compares epoch microseconds; the values are the
 * edges measured on DuckDB (one-digit fields, blanks, names in any case, offsets, fractions, DST).
 */
class SparkTimeFormatsTest {
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

  /** Epoch microseconds per value on DuckDB, as the DuckDB engine reads a pattern, NULL as null. */
  static List<Long> duckdb(String pattern, ZoneId zone, List<String> values) throws Exception {
    List<Long> out = new ArrayList<>();
    String p = "'" + pattern.replace("'", "''") + "'";
    String parsed = "try_strptime(v, " + p + ")";
    String e =
        pattern.contains("%z") || zone.getId().equals("UTC")
            ? "epoch_us(" + parsed + ")"
            : "epoch_us(timezone('" + zone.getId() + "', " + parsed + "))";
    try (Statement s = duck.createStatement()) {
      for (String v : values) {
        String lit = v == null ? "NULL" : "'" + v.replace("'", "''") + "'";
        try (ResultSet r = s.executeQuery("SELECT " + e + " FROM (SELECT " + lit + " AS v)")) {
          r.next();
          long x = r.getLong(1);
          out.add(r.wasNull() ? null : x);
        }
      }
    }
    return out;
  }

  static List<Long> spark(String pattern, ZoneId zone, List<String> values) {
    String e = SparkTimeFormats.instant("`value`", pattern, zone);
    List<Long> out = new ArrayList<>();
    for (Row r :
        spark
            .createDataset(values, Encoders.STRING())
            .selectExpr("unix_micros(" + e + ")")
            .collectAsList()) out.add(r.isNullAt(0) ? null : r.getLong(0));
    return out;
  }

  /** Both engines read the values the same, and {@code parsed} of them are not NULL. */
  static void same(String pattern, String zone, int parsed, String... values) throws Exception {
    List<String> v = Arrays.asList(values);
    List<Long> d = duckdb(pattern, ZoneId.of(zone), v);
    List<Long> s = spark(pattern, ZoneId.of(zone), v);
    for (int i = 0; i < v.size(); i++)
      assertThat(s.get(i)).as("'%s' in '%s' (%s)", v.get(i), pattern, zone).isEqualTo(d.get(i));
    assertThat(d.stream().filter(x -> x != null).count()).as("parsed values").isEqualTo(parsed);
  }

  @Test
  void date_and_time_with_blanks_one_digit_fields_and_bad_values() throws Exception {
    same(
        "%Y-%m-%d %H:%M:%S",
        "America/New_York",
        8,
        "2026-03-08 01:02:03",
        "2026-3-8 1:2:3",
        " 2026-03-08 01:02:03",
        "2026-03-08  01:02:03",
        "2026-03-08\t01:02:03",
        "2026-03-08 01:02:03 ",
        // the spring-forward gap (02:00-03:00 does not exist) and the fall-back overlap
        "2026-03-08 02:30:00",
        "2026-11-01 01:30:00",
        "2026-03-08 01:02:3x",
        "2026-02-30 01:02:03",
        "2026-03-08 24:00:00",
        "2026-03-08 23:59:60",
        "2026-03-08 01:60:03",
        "2026-03-08T01:02:03",
        "2026-03-0801:02:03",
        "2026-03-08 001:02:03",
        "12026-03-08 01:02:03",
        "2026- 3-08 01:02:03",
        "",
        null);
  }

  @Test
  void access_log_times_with_offsets_and_month_names() throws Exception {
    same(
        "%d/%b/%Y:%H:%M:%S %z",
        "UTC",
        10,
        "08/Mar/2026:01:02:03 +0000",
        "08/mar/2026:01:02:03 -0500",
        "08/MAR/2026:01:02:03 +0530",
        "08/Mar/2026:01:02:03 +01:00",
        "08/Mar/2026:01:02:03 +01",
        "08/Mar/2026:01:02:03 -00",
        "08/Mar/2026:01:02:03 +3000",
        "08/Mar/2026:01:02:03 +0199",
        "8/Mar/2026:01:02:03  +0100",
        "31/Dec/2026:23:59:59 -1200",
        "08/Mar/2026:01:02:03 Z",
        "08/Mar/2026:01:02:03 +01:3",
        "08/Mar/2026:01:02:03 +1",
        "08/Mar/2026:01:02:03 +01000",
        "08/Mar/2026:01:02:03",
        "08/March/2026:01:02:03 +0000",
        "08/Mar/2026:01:02:03+ 0100");
  }

  @Test
  void a_repeated_wall_time_is_its_later_occurrence_as_on_duckdb() throws Exception {
    // New York falls back on 2026-11-01 at 02:00 EDT; Lord Howe moves by 30 minutes
    same(
        "%Y-%m-%d %H:%M",
        "America/New_York",
        5,
        "2026-11-01 00:59",
        "2026-11-01 01:00",
        "2026-11-01 01:59",
        "2026-11-01 02:00",
        "2026-03-08 02:00");
    same(
        "%Y-%m-%d %H:%M",
        "Australia/Lord_Howe",
        5,
        "2026-04-05 01:29",
        "2026-04-05 01:45",
        "2026-04-05 02:00",
        "2026-10-04 02:15",
        "2026-10-04 02:30");
  }

  @Test
  void offsets_across_the_dst_switch_are_instants_whatever_the_zone() throws Exception {
    same(
        "%Y-%m-%d %H:%M:%S%z",
        "America/New_York",
        4,
        "2026-03-08 01:59:59-0500",
        "2026-03-08 03:00:00-0400",
        "2026-03-08 02:30:00-0500",
        "2026-11-01 01:30:00-0400",
        "2026-03-08 01:59:59 -0500");
  }

  @Test
  void numbers_that_touch_have_fixed_widths() throws Exception {
    same("%Y%m%d%H%M%S", "Europe/Berlin", 2, "20260308010203", "2026030801023", "202603080102034");
    same("%Y%m%d", "UTC", 2, "20260308", "2026038", "202638");
  }

  @Test
  void twelve_hour_clock_and_two_digit_years() throws Exception {
    same(
        "%m/%d/%y %I:%M:%S %p",
        "Europe/Berlin",
        6,
        "03/08/26 1:02:03 PM",
        "03/08/69 12:02:03 am",
        "03/08/26 12:02:03 AM",
        "03/08/26 12:02:03 pm",
        "3/8/5 1:02:03 AM",
        "03/08/68 11:59:59 Pm",
        "03/08/68 13:02:03 PM",
        "03/08/26 0:02:03 am",
        "03/08/26 1:02:03 p.m.",
        "03/08/26 1:02:03 P");
    same("%Y-%m-%d %I:%M", "UTC", 2, "2026-03-08 12:02", "2026-03-08 1:02", "2026-03-08 0:02");
  }

  @Test
  void fractions_of_a_second() throws Exception {
    same(
        "%Y-%m-%d %H:%M:%S.%f",
        "UTC",
        4,
        "2026-03-08 01:02:03.5",
        "2026-03-08 01:02:03.123456",
        "2026-03-08 01:02:03.000001",
        "2026-03-08 01:02:03.12",
        "2026-03-08 01:02:03.1234567",
        "2026-03-08 01:02:03",
        "2026-03-08 01:02:03.",
        "2026-03-08 01:02:03.+5");
    same(
        "%Y-%m-%d %H:%M:%S.%g%z",
        "America/New_York",
        2,
        "2026-03-08 01:02:03.12+01",
        "2026-03-08 01:02:03.999-05:00",
        "2026-03-08 01:02:03.1234+01");
  }

  @Test
  void weekday_and_full_month_names_and_defaults() throws Exception {
    // a weekday name is read, not checked against the date (2026-03-08 is a Sunday)
    same(
        "%A %d %B %Y",
        "UTC",
        3,
        "Sunday 08 March 2026",
        "monday 8 MARCH 2026",
        "Sunday 08 march 2026",
        "Sun 08 March 2026",
        "Sunday 08 Mar 2026");
    same("%a, %-d %h %Y %-H:%M", "UTC", 1, "Sun, 8 Mar 2026 1:02", "Sun 8 Mar 2026 1:02");
    // fields the pattern lacks are 1900-01-01 00:00:00
    same("%H:%M", "UTC", 2, "01:02", "23:59", "24:00");
    same("%Y-%m", "Asia/Tokyo", 1, "2026-03", "2026-13");
    same(
        "%Y-%m-%dT%H:%M:%S 100%%",
        "UTC", 1, "2026-03-08T01:02:03 100%", "2026-03-08t01:02:03 100%");
  }

  @Test
  void specifiers_without_an_exact_translation_are_refused_by_name() {
    assertThatThrownBy(() -> SparkTimeFormats.parse("%Y-%j"))
        .isInstanceOf(SparkTimeFormats.Unsupported.class)
        .hasMessage(
            "specifier %j is not available with --engine spark; it reads %Y %y %m %d %H %I %p %M %S"
                + " %f %g %z %b %h %B %a %A and %%");
    assertThatThrownBy(() -> SparkTimeFormats.parse("%Y-%m-%d %H:%M:%S %Z"))
        .hasMessageStartingWith("specifier %Z is not available");
    assertThatThrownBy(() -> SparkTimeFormats.parse("%Y-%m-%d %H:%M:%S.%n"))
        .hasMessageStartingWith("specifier %n is not available");
    assertThatThrownBy(() -> SparkTimeFormats.parse("%H:%M %p"))
        .hasMessage("specifier %p is read with --engine spark only with %I (12-hour clock)");
    assertThatThrownBy(() -> SparkTimeFormats.parse("%d %d"))
        .hasMessage("specifier %d reads a field the pattern already reads; give each field once");
    assertThatThrownBy(() -> SparkTimeFormats.parse("%Y %y"))
        .hasMessage("specifier %y reads a field the pattern already reads; give each field once");
    assertThatThrownBy(() -> SparkTimeFormats.parse("%Y-%m-%d %"))
        .hasMessage("the pattern ends with a lone %; write %% for a percent sign");
  }

  @Test
  void the_regular_expression_accepts_what_duckdb_reads() {
    SparkTimeFormats.Parsed p = SparkTimeFormats.parse("%d/%b/%Y:%H:%M:%S %z");
    assertThat(p.regex())
        .isEqualTo(
            "^\\s*(\\d{1,2})\\/((?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))\\/(\\d{1,4})"
                + "\\:(\\d{1,2})\\:(\\d{1,2})\\:(\\d{1,2})\\s+([+-])(\\d{2})(?::?(\\d{2}))?\\s*$");
    assertThat(SparkTimeFormats.parse("%Y%m%d").regex())
        .isEqualTo("^\\s*(\\d{4})(\\d{2})(\\d{1,2})\\s*$");
  }
}
