package io.slotoolkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled example data is what the generator writes, and holds the incidents that {@code
 * examples/README.md} and the specs in {@code slo-specs/} describe.
 */
class HomehubDataGeneratorTest {

  private static final Path BUNDLED = Path.of("examples/homehub").toAbsolutePath();

  private static Connection db;

  @BeforeAll
  static void open() throws SQLException {
    db = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = db.createStatement()) {
      s.execute("SET TimeZone = 'Asia/Tokyo'");
      s.execute(
          "CREATE VIEW api AS SELECT * FROM read_parquet("
              + lit(BUNDLED, "api/api-*.parquet")
              + ")");
      s.execute(
          "CREATE VIEW face AS SELECT make_timestamptz(event_ms * 1000) AS ts, *"
              + " FROM read_parquet("
              + lit(BUNDLED, "face_unlocks.parquet")
              + ")");
      // typed, so that the two malformed lines land in the rejects table instead of failing
      s.execute(
          "CREATE VIEW unlock AS SELECT * FROM read_csv("
              + lit(BUNDLED, "unlock_attempts.csv")
              + ", header = true, delim = ',', store_rejects = true, columns = {"
              + "'ts': 'TIMESTAMPTZ', 'user_id': 'VARCHAR', 'customer_id': 'VARCHAR',"
              + " 'lock_model': 'VARCHAR', 'app_version': 'VARCHAR', 'platform': 'VARCHAR',"
              + " 'result': 'VARCHAR', 'latency_ms': 'INTEGER'})");
    }
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  @Test
  void bundled_files_hold_exactly_the_rows_the_generator_writes(@TempDir Path fresh)
      throws Exception {
    // one thread here, while examples/generate.sh uses one per core: the rows must not depend on it
    HomehubDataGenerator.generate(fresh, HomehubDataGenerator.SEED, 1);

    assertSameRows(
        parquet(BUNDLED, "api/api-2026-01.parquet"), parquet(fresh, "api/api-2026-01.parquet"));
    assertSameRows(
        parquet(BUNDLED, "api/api-2026-02.parquet"), parquet(fresh, "api/api-2026-02.parquet"));
    assertSameRows(
        parquet(BUNDLED, "face_unlocks.parquet"), parquet(fresh, "face_unlocks.parquet"));
    // as text, so that the malformed lines are compared too
    assertSameRows(csvText(BUNDLED), csvText(fresh));
  }

  @Test
  void another_seed_gives_other_rows(@TempDir Path other) throws Exception {
    HomehubDataGenerator.generate(other, HomehubDataGenerator.SEED + 1, 0);

    assertThat(
            count(
                "SELECT * FROM "
                    + parquet(BUNDLED, "face_unlocks.parquet")
                    + " INTERSECT ALL SELECT * FROM "
                    + parquet(other, "face_unlocks.parquet")))
        .isZero();
  }

  @Test
  void unlock_csv_has_exactly_the_two_documented_malformed_lines() throws SQLException {
    // reads every column: DuckDB type-checks only the columns a query reads
    long good = (long) number("SELECT count(latency_ms) FROM unlock");
    // line numbers count the header as line 1
    List<String> rejects =
        strings("SELECT DISTINCT line || ':' || error_type FROM reject_errors ORDER BY 1");

    assertThat(rejects).containsExactly("16750:MISSING COLUMNS", "9307:CAST");
    assertThat(good).isBetween(29_000L, 31_000L);
  }

  @Test
  void api_outage_fails_most_requests_for_forty_minutes_on_17_february() throws SQLException {
    // the generator fails 92% of non-/healthz requests in the outage, 0.03% outside it
    double during = fivexxShare("'2026-02-17 14:20+09'", "'2026-02-17 15:00+09'");
    double hourBefore = fivexxShare("'2026-02-17 13:20+09'", "'2026-02-17 14:20+09'");
    double hourAfter = fivexxShare("'2026-02-17 15:00+09'", "'2026-02-17 16:00+09'");

    assertThat(during).isGreaterThan(0.8);
    assertThat(hourBefore).isLessThan(0.02);
    assertThat(hourAfter).isLessThan(0.02);
  }

  @Test
  void healthz_keeps_answering_200_through_the_outage() throws SQLException {
    assertThat(
            count(
                "SELECT * FROM api WHERE endpoint = '/healthz' AND status <> 200 AND customer_id"
                    + " <> 't-internal-test' AND ts >= '2026-02-17 14:20+09' AND ts < '2026-02-17"
                    + " 15:00+09'"))
        .isZero();
  }

  @Test
  void test_tenant_is_three_percent_of_api_traffic_and_fails_often() throws SQLException {
    double share = number("SELECT avg((customer_id = 't-internal-test')::INTEGER) FROM api");
    double failing =
        number(
            "SELECT avg((status >= 500)::INTEGER) FROM api WHERE customer_id = 't-internal-test'");

    assertThat(share).isBetween(0.025, 0.035);
    assertThat(failing).isBetween(0.06, 0.10);
  }

  @Test
  void largest_customer_sends_about_forty_percent_of_api_requests() throws SQLException {
    List<String> top =
        strings(
            "SELECT customer_id FROM api WHERE customer_id <> 't-internal-test'"
                + " GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
    double share =
        number(
            "SELECT avg((customer_id = 'c027')::INTEGER) FROM api"
                + " WHERE customer_id <> 't-internal-test'");

    assertThat(top).containsExactly("c027");
    assertThat(share).isBetween(0.37, 0.45);
    assertThat(count("SELECT DISTINCT customer_id FROM api")).isEqualTo(41); // 40 + test tenant
  }

  @Test
  void c037_bad_week_breaches_its_own_slo_but_not_the_aggregate() throws SQLException {
    // the specs: unlock-success 99% over 28d; unlock-success-per-customer 97% over the month
    double c037February =
        number(
            "SELECT avg((result = 'success')::INTEGER) FROM unlock WHERE customer_id = 'c037'"
                + " AND ts >= '2026-02-01 00:00+09' AND ts < '2026-03-01 00:00+09'");
    double everyone28d =
        number(
            "SELECT avg((result = 'success')::INTEGER) FROM unlock"
                + " WHERE ts >= '2026-02-01 00:00+09' AND ts < '2026-03-01 00:00+09'");
    double c037OutsideTheWeek =
        number(
            "SELECT avg((result = 'success')::INTEGER) FROM unlock WHERE customer_id = 'c037'"
                + " AND NOT (ts >= '2026-02-09 00:00+09' AND ts < '2026-02-16 00:00+09')");

    assertThat(c037February).isLessThan(0.97);
    assertThat(everyone28d).isGreaterThanOrEqualTo(0.99);
    assertThat(c037OutsideTheWeek).isGreaterThan(0.98);
  }

  @Test
  void app_320_fails_more_unlocks_on_k3_locks_only() throws SQLException {
    String failureRate =
        "SELECT avg((result <> 'success')::INTEGER) FROM unlock WHERE customer_id <> 'c037' AND ";

    double k3New = number(failureRate + "app_version = '3.2.0' AND lock_model LIKE 'K3%'");
    double k3Older = number(failureRate + "app_version <> '3.2.0' AND lock_model LIKE 'K3%'");
    double hlNew = number(failureRate + "app_version = '3.2.0' AND lock_model LIKE 'HL-%'");

    assertThat(k3New).isGreaterThan(0.04);
    assertThat(k3Older).isLessThan(0.01);
    assertThat(hlNew).isLessThan(0.01);
    assertThat(
            count(
                "SELECT * FROM unlock WHERE app_version = '3.2.0' AND ts < '2026-02-09 00:00+09'"))
        .isZero();
  }

  @Test
  void firmware_241_matches_faces_slower() throws SQLException {
    String median = "SELECT quantile_cont(match_ms, 0.5) FROM face WHERE recognized AND firmware ";

    double regressed = number(median + "= '2.4.1'");
    double others = number(median + "<> '2.4.1'");

    assertThat(regressed).isGreaterThan(1.4 * others);
    assertThat(count("SELECT * FROM face WHERE firmware = '2.4.1' AND ts < '2026-02-05 00:00+09'"))
        .isZero();
  }

  @Test
  void events_endpoint_is_slow_for_four_and_a_half_hours_on_27_february() throws SQLException {
    String median =
        "SELECT quantile_cont(latency_ms, 0.5) FROM api WHERE endpoint = '/events' AND status < 500 AND ";

    double during = number(median + "ts >= '2026-02-27 14:00+09' AND ts < '2026-02-27 18:30+09'");
    double dayBefore =
        number(median + "ts >= '2026-02-26 14:00+09' AND ts < '2026-02-26 18:30+09'");

    assertThat(during).isGreaterThan(5 * dayBefore);
  }

  @Test
  void every_dataset_covers_january_and_february_in_tokyo_time() throws SQLException {
    for (String table : List.of("api", "unlock", "face")) {
      assertThat(strings("SELECT strftime(min(ts), '%Y-%m-%d') FROM " + table))
          .as(table)
          .containsExactly("2026-01-01");
      assertThat(strings("SELECT strftime(max(ts), '%Y-%m-%d') FROM " + table))
          .as(table)
          .containsExactly("2026-02-28");
    }
  }

  private static void assertSameRows(String bundled, String fresh) throws SQLException {
    assertThat(count("SELECT * FROM " + fresh))
        .as(fresh)
        .isEqualTo(count("SELECT * FROM " + bundled));
    assertThat(count("SELECT * FROM " + bundled + " EXCEPT ALL SELECT * FROM " + fresh))
        .as("rows only in %s", bundled)
        .isZero();
    assertThat(count("SELECT * FROM " + fresh + " EXCEPT ALL SELECT * FROM " + bundled))
        .as("rows only in %s", fresh)
        .isZero();
  }

  private static double fivexxShare(String from, String to) throws SQLException {
    return number(
        "SELECT avg((status >= 500)::INTEGER) FROM api WHERE endpoint <> '/healthz'"
            + " AND customer_id <> 't-internal-test' AND ts >= "
            + from
            + " AND ts < "
            + to);
  }

  private static String parquet(Path dir, String file) {
    return "read_parquet(" + lit(dir, file) + ")";
  }

  /** Every line as one text column: compares the bytes of the CSV, malformed lines included. */
  private static String csvText(Path dir) {
    return "read_csv("
        + lit(dir, "unlock_attempts.csv")
        + ", header = false, delim = '|', quote = '', escape = '',"
        + " columns = {'line': 'VARCHAR'})";
  }

  private static String lit(Path dir, String file) {
    return "'" + dir.resolve(file).toString().replace("'", "''") + "'";
  }

  private static long count(String query) throws SQLException {
    return (long) number("SELECT count(*) FROM (" + query + ")");
  }

  private static double number(String query) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(query)) {
      r.next();
      return r.getDouble(1);
    }
  }

  private static List<String> strings(String query) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(query)) {
      while (r.next()) out.add(r.getString(1));
    }
    return out;
  }
}
