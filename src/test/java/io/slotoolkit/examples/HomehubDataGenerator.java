package io.slotoolkit.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the bundled smart-lock example data ({@code examples/homehub}) from a fixed seed.
 *
 * <p>Every random draw is {@code hash(row id, purpose, seed)}, never {@code random()}, so the files
 * hold the same rows whatever the thread count or the machine. Each row's id is {@code base + hour
 * x 100000 + n}, where {@code hour} counts hours from 2026-01-01 00:00 Asia/Tokyo and {@code base}
 * (0, 1e9, 2e9 for API, unlock, face) keeps the datasets' draws apart. The planted incidents are
 * described in {@code examples/README.md}; keep the two in step.
 */
public final class HomehubDataGenerator {

  /** The seed of the bundled data. */
  public static final long SEED = 20260101L;

  /** 2026-01-01T00:00:00+09:00 in epoch milliseconds: hour 0 of the data. */
  static final long START_MS = 1_767_193_200_000L;

  /** Two whole months, January and February 2026, in hours (Japan has no daylight saving). */
  static final int HOURS = 59 * 24;

  /**
   * The two malformed lines of the unlock CSV, written the way a broken exporter would: the first
   * has a latency that is not a number, the second lacks its last field. They are inserted in time
   * order among the generated rows.
   */
  static final List<String> MALFORMED_UNLOCK_LINES =
      List.of(
          "2026-01-20T07:41:12.118+09:00,u27015,c027,HL-100,3.1.4,ios,success,n/a",
          "2026-02-03T19:02:45.907+09:00,u05002,c005,HL-200,3.1.4,android,success");

  private HomehubDataGenerator() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "examples/homehub");
    long t0 = System.nanoTime();
    generate(out, SEED, 0);
    System.err.printf(
        "wrote %s in %.1f s%n", out.toAbsolutePath().normalize(), (System.nanoTime() - t0) / 1e9);
  }

  /**
   * Writes {@code api/api-2026-01.parquet}, {@code api/api-2026-02.parquet}, {@code
   * unlock_attempts.csv} and {@code face_unlocks.parquet} into {@code dir}, replacing them.
   *
   * @param threads DuckDB worker threads, 0 for DuckDB's default (one per core); the rows do not
   *     depend on it
   */
  public static void generate(Path dir, long seed, int threads) throws SQLException, IOException {
    Files.createDirectories(dir.resolve("api"));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      if (threads > 0) s.execute("SET threads = " + threads);
      for (String sql : split(COMMON + API + UNLOCK + FACE, seed)) s.execute(sql);

      copyParquet(
          s,
          "SELECT * EXCLUDE (id) FROM api WHERE ts < TIMESTAMPTZ '2026-02-01 00:00:00+09'"
              + " ORDER BY ts, id",
          dir.resolve("api/api-2026-01.parquet"));
      copyParquet(
          s,
          "SELECT * EXCLUDE (id) FROM api WHERE ts >= TIMESTAMPTZ '2026-02-01 00:00:00+09'"
              + " ORDER BY ts, id",
          dir.resolve("api/api-2026-02.parquet"));
      copyParquet(
          s,
          "SELECT * EXCLUDE (id) FROM face ORDER BY event_ms, id",
          dir.resolve("face_unlocks.parquet"));

      Path csv = dir.resolve("unlock_attempts.csv");
      s.execute(
          "COPY (SELECT * EXCLUDE (id) FROM unlock ORDER BY ts, id) TO "
              + literal(csv)
              + " (FORMAT csv, HEADER true, DELIMITER ',')");
      insertMalformedLines(csv);
    }
  }

  private static void copyParquet(Statement s, String query, Path file) throws SQLException {
    s.execute(
        "COPY ("
            + query
            + ") TO "
            + literal(file)
            + " (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 50000)");
  }

  /**
   * Adds the malformed lines where their timestamps sort (ISO text with one offset sorts as text).
   */
  private static void insertMalformedLines(Path csv) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(csv, StandardCharsets.UTF_8));
    for (String bad : MALFORMED_UNLOCK_LINES) {
      String ts = bad.substring(0, bad.indexOf(','));
      int at = 1;
      while (at < lines.size() && lines.get(at).substring(0, ts.length()).compareTo(ts) <= 0) at++;
      lines.add(at, bad);
    }
    Files.write(csv, lines, StandardCharsets.UTF_8);
  }

  private static String literal(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  private static List<String> split(String script, long seed) {
    List<String> out = new ArrayList<>();
    String sql =
        script
            .replace("${seed}", Long.toString(seed))
            .replace("${start_ms}", Long.toString(START_MS))
            .replace("${hours}", Integer.toString(HOURS));
    for (String part : sql.split(";\\s*\\n")) {
      if (!part.isBlank()) out.add(part);
    }
    return out;
  }

  // Shared helpers. u() is a uniform draw in [0, 1) from the top 53 bits of a 64-bit hash; gauss()
  // a standard normal (Box-Muller); zipf() a rank in 1..n with P(rank) ~ rank^-s (the inverse of a
  // truncated power law's CDF, floored), which gives the largest of 40 customers about 41% of the
  // traffic at s = 1.7. Customer ids are rank x 27 mod 41, so ids do not reveal size: c027 is the
  // largest, c037 is 12th (about 1%). adoption() is the share of users on a release `day` days
  // into the data, ramping linearly from its release day to `cap` over `ramp` days.
  private static final String COMMON =
      """
      SET TimeZone = 'UTC';
      CREATE MACRO u(id, salt) AS (hash(id, salt, ${seed}) >> 11)::DOUBLE / 9007199254740992.0;
      CREATE MACRO gauss(id, salt) AS
        sqrt(-2 * ln(1 - u(id, salt || '/a'))) * cos(2 * pi() * u(id, salt || '/b'));
      CREATE MACRO zipf(x, n, s) AS
        least(n, floor(pow(1 - x * (1 - pow(n + 1, 1 - s)), 1 / (1 - s))))::INTEGER;
      CREATE MACRO customer_num(rank) AS (rank * 27) % 41;
      CREATE MACRO customer_id(num) AS 'c' || lpad(num::VARCHAR, 3, '0');
      CREATE MACRO adoption(day, released, cap, ramp) AS
        cap * greatest(0, least(1, (day - released) / ramp));
      CREATE MACRO jst(local_time) AS
        epoch_ms((local_time || '+09')::TIMESTAMPTZ) - ${start_ms};
      -- traffic shapes by hour of day (JST), scaled so that a day's 24 weights average 1: business
      -- peaks in office hours and the evening; home peaks when people leave (7-8) and return (18-20)
      CREATE TABLE curve AS
        SELECT hod, business / avg(business) OVER () AS business, home / avg(home) OVER () AS home
        FROM (SELECT unnest(range(24)) AS hod,
                     unnest([0.30, 0.22, 0.18, 0.16, 0.18, 0.30, 0.65, 1.20, 1.55, 1.25, 1.05, 1.00,
                             1.05, 1.00, 0.95, 0.95, 1.00, 1.15, 1.50, 1.60, 1.35, 1.00, 0.70, 0.45])
                       AS business,
                     unnest([0.10, 0.06, 0.04, 0.03, 0.04, 0.15, 0.70, 1.90, 1.60, 0.90, 0.70, 0.75,
                             0.85, 0.75, 0.70, 0.75, 0.95, 1.40, 1.90, 2.00, 1.50, 0.95, 0.55, 0.25])
                       AS home);
      CREATE TABLE hours AS
        SELECT h, t.hod, business, home,
               isodow(DATE '2026-01-01' + (h // 24)::INTEGER) AS dow,
               -- 1-3 January are public holidays: fewer people at work, less traffic
               CASE WHEN h // 24 < 3 THEN 0.7 ELSE 1.0 END AS holiday
        FROM (SELECT h, h % 24 AS hod FROM range(0, ${hours}) r(h)) t JOIN curve USING (hod);
      """;

  // API requests: about 2,700 a day shaped by a business-day curve (JST), 3% from the internal test
  // tenant (which runs chaos tests: 8% 5xx), the rest Zipf over 40 customers. Incidents: the
  // outage on 17 Feb 14:20-15:00 JST (92% of non-/healthz requests fail with 503/504; /healthz
  // keeps answering 200, which is why the SLO leaves it out) and slow /events on 27 Feb
  // 14:00-18:30 JST (median 8x).
  private static final String API =
      """
      CREATE TABLE api_hours AS
        SELECT h, hod,
               round(2700 / 24 * business * holiday * (CASE WHEN dow >= 6 THEN 0.85 ELSE 1.0 END)
                     * (0.9 + 0.2 * u(h, 'api-hour')))::INTEGER AS n
        FROM hours;
      CREATE TABLE api_draws AS
        SELECT id, h,
               h * 3600000 + floor(u(id, 'ms') * 3600000)::BIGINT AS ms,
               u(id, 'tenant') < 0.03 AS internal,
               zipf(u(id, 'customer'), 40, 1.7) AS rank,
               u(id, 'endpoint') AS ue,
               u(id, 'status') AS us,
               u(id, 'eager') AS eager
        FROM (SELECT h, h * 100000 + unnest(range(n)) AS id FROM api_hours);
      CREATE TABLE api_rows AS
        SELECT *,
               CASE WHEN ue < 0.30 THEN '/status'
                    WHEN ue < 0.47 THEN '/events'
                    WHEN ue < 0.61 THEN '/healthz'
                    WHEN ue < 0.72 THEN '/unlock'
                    WHEN ue < 0.81 THEN '/lock'
                    WHEN ue < 0.89 THEN '/devices'
                    WHEN ue < 0.95 THEN '/auth/token'
                    ELSE '/users/me' END AS endpoint,
               ms >= jst('2026-02-17 14:20:00') AND ms < jst('2026-02-17 15:00:00') AS in_outage,
               ms >= jst('2026-02-27 14:00:00') AND ms < jst('2026-02-27 18:30:00') AS in_slow_events,
               ms / 86400000.0 AS day
        FROM api_draws;
      CREATE TABLE api_status AS
        SELECT *,
               CASE
                 WHEN internal AND u(id, 'chaos') < 0.08 THEN
                   CASE WHEN u(id, 'chaos-code') < 0.5 THEN 500 ELSE 503 END
                 WHEN in_outage AND endpoint <> '/healthz' AND us < 0.92 THEN
                   CASE WHEN u(id, 'outage-code') < 0.7 THEN 503 ELSE 504 END
                 WHEN us < 0.0003 THEN [500, 502, 503, 504][1 + floor(u(id, 'code') * 4)::INTEGER]
                 WHEN endpoint = '/healthz' THEN 200
                 WHEN us < 0.0083 THEN 401
                 WHEN us < 0.0123 AND endpoint IN ('/devices', '/status', '/users/me') THEN 404
                 WHEN us < 0.0153 AND endpoint = '/unlock' THEN 409
                 WHEN us < 0.0173 AND rank = 1 THEN 429
                 ELSE 200
               END AS status
        FROM api_rows;
      CREATE TABLE api AS
        SELECT id,
               epoch_ms(${start_ms} + ms) AT TIME ZONE 'UTC' AS ts,
               CASE WHEN internal THEN 't-internal-test'
                    ELSE customer_id(customer_num(rank)) END AS customer_id,
               endpoint,
               CASE WHEN endpoint IN ('/unlock', '/lock', '/auth/token') THEN 'POST'
                    WHEN endpoint = '/devices' AND u(id, 'method') < 0.15 THEN 'PUT'
                    ELSE 'GET' END AS method,
               status,
               CASE
                 WHEN status = 504 THEN 30000 + floor(u(id, 'lat') * 40)
                 WHEN status IN (401, 503) THEN 3 + floor(u(id, 'lat') * 25)
                 ELSE greatest(1, round(
                   CASE WHEN in_slow_events AND endpoint = '/events'
                        THEN 720 * exp(0.6 * gauss(id, 'lat'))
                        ELSE CASE endpoint WHEN '/healthz' THEN 2 WHEN '/status' THEN 35
                                           WHEN '/events' THEN 90 WHEN '/unlock' THEN 380
                                           WHEN '/lock' THEN 340 WHEN '/devices' THEN 50
                                           WHEN '/auth/token' THEN 110 ELSE 45 END
                             * exp(0.5 * gauss(id, 'lat')) END
                   -- a rare slow tail: GC pauses, cold caches, retries behind the gateway
                   * CASE WHEN u(id, 'tail') < 0.004 THEN 3 + 17 * u(id, 'tail-x') ELSE 1 END))
               END::INTEGER AS latency_ms,
               CASE WHEN eager < adoption(day, 39, 0.35, 21) THEN '3.2.0'
                    WHEN eager < adoption(day, 13, 0.80, 21) THEN '3.1.4'
                    WHEN eager < adoption(day, -42, 0.92, 30) THEN '3.1.0'
                    ELSE '3.0.2' END AS app_version,
               CASE WHEN internal THEN 'ap-northeast-1'
                    WHEN u(rank, 'region') < 0.7 THEN 'ap-northeast-1'
                    WHEN u(rank, 'region') < 0.9 THEN 'ap-northeast-3'
                    ELSE 'ap-southeast-1' END AS region
        FROM api_status;
      """;

  // App unlock attempts: about 510 a day shaped by a home curve (out at 7-8, back at 18-20 JST).
  // Users belong to one customer and own one lock; platform, lock model and how early they take app
  // updates are properties of the user. Incidents: app 3.2.0 (from 9 Feb) fails 6% of unlocks on
  // K3 and K3-Mini locks; customer c037 has a bad week 9-15 Feb (40% failures, 15% timeouts).
  private static final String UNLOCK =
      """
      CREATE TABLE unlock_draws AS
        SELECT id, ms, ms / 86400000.0 AS day, rank, customer_num(rank) AS cnum,
               customer_num(rank) * 1000
                 + floor(u(id, 'user') * least(999, greatest(4, round(1500 * pow(rank, -1.7)))))
                 ::INTEGER AS user_num
        FROM (
          SELECT id, h * 3600000 + floor(u(id, 'ms') * 3600000)::BIGINT AS ms,
                 zipf(u(id, 'customer'), 40, 1.7) AS rank
          FROM (
            SELECT h, 1000000000 + h * 100000 + unnest(range(n)) AS id
            FROM (SELECT h, round(510 / 24 * home * holiday * (0.9 + 0.2 * u(h, 'unlock-hour')))::INTEGER AS n
                  FROM hours)));
      CREATE TABLE unlock_rows AS
        SELECT *,
               CASE WHEN u(user_num, 'platform') < 0.62 THEN 'ios' ELSE 'android' END AS platform,
               CASE WHEN u(user_num, 'user-model') < 0.45 THEN 'HL-100'
                    WHEN u(user_num, 'user-model') < 0.75 THEN 'HL-200'
                    WHEN u(user_num, 'user-model') < 0.90 THEN 'K3'
                    ELSE 'K3-Mini' END AS lock_model,
               CASE WHEN u(user_num, 'user-eager') < adoption(day, 39, 0.35, 21) THEN '3.2.0'
                    WHEN u(user_num, 'user-eager') < adoption(day, 13, 0.80, 21) THEN '3.1.4'
                    WHEN u(user_num, 'user-eager') < adoption(day, -42, 0.92, 30) THEN '3.1.0'
                    ELSE '3.0.2' END AS app_version,
               cnum = 37 AND ms >= jst('2026-02-09 00:00:00') AND ms < jst('2026-02-16 00:00:00')
                 AS bad_week
        FROM unlock_draws;
      CREATE TABLE unlock_results AS
        SELECT *,
               CASE WHEN u(id, 'result') < p_failure THEN 'failure'
                    WHEN u(id, 'result') < p_failure + p_timeout THEN 'timeout'
                    ELSE 'success' END AS result
        FROM (
          SELECT *,
                 0.0018
                   + CASE WHEN app_version = '3.2.0' AND lock_model IN ('K3', 'K3-Mini')
                          THEN 0.06 ELSE 0 END
                   + CASE WHEN bad_week THEN 0.40 ELSE 0 END AS p_failure,
                 0.0007 + CASE WHEN bad_week THEN 0.15 ELSE 0 END AS p_timeout
          FROM unlock_rows);
      CREATE TABLE unlock AS
        SELECT id,
               strftime(epoch_ms(${start_ms} + ms) + INTERVAL 9 HOUR, '%Y-%m-%dT%H:%M:%S.%g')
                 || '+09:00' AS ts,
               'u' || lpad(user_num::VARCHAR, 5, '0') AS user_id,
               customer_id(cnum) AS customer_id,
               lock_model, app_version, platform, result,
               CASE result
                 WHEN 'timeout' THEN 10000 + floor(u(id, 'lat') * 40)
                 WHEN 'failure' THEN round(1800 * exp(0.5 * gauss(id, 'lat')))
                 ELSE round(CASE lock_model WHEN 'HL-100' THEN 800 WHEN 'HL-200' THEN 700
                                            WHEN 'K3' THEN 950 ELSE 1000 END
                            * exp(0.4 * gauss(id, 'lat')))
               END::INTEGER AS latency_ms
        FROM unlock_results;
      """;

  // Face-recognition unlocks: about 680 a day on the home curve, from face-capable locks. Each
  // device has a model and takes firmware updates at its own pace. Recognition fails more at night
  // (infrared only). Incident: firmware 2.4.1 (from 5 Feb) matches slower (median 240 ms instead of
  // 150 ms, wider spread).
  private static final String FACE =
      """
      CREATE TABLE face_draws AS
        SELECT id, ms, hod, ms / 86400000.0 AS day, customer_num(rank) AS cnum,
               customer_num(rank) * 1000
                 + floor(u(id, 'device') * least(999, greatest(3, round(600 * pow(rank, -1.7)))))
                 ::INTEGER AS device_num
        FROM (
          SELECT id, hod, h * 3600000 + floor(u(id, 'ms') * 3600000)::BIGINT AS ms,
                 zipf(u(id, 'customer'), 40, 1.7) AS rank
          FROM (
            SELECT h, hod, 2000000000 + h * 100000 + unnest(range(n)) AS id
            FROM (SELECT h, hod, round(680 / 24 * home * holiday * (0.9 + 0.2 * u(h, 'face-hour')))::INTEGER AS n
                  FROM hours)));
      CREATE TABLE face_rows AS
        SELECT *,
               CASE WHEN u(device_num, 'device-model') < 0.55 THEN 'K3'
                    WHEN u(device_num, 'device-model') < 0.85 THEN 'K3-Mini'
                    ELSE 'FX-1' END AS lock_model,
               CASE WHEN u(device_num, 'device-eager') < adoption(day, 35, 0.60, 14) THEN '2.4.1'
                    WHEN u(device_num, 'device-eager') < adoption(day, 11, 0.90, 10) THEN '2.4.0'
                    ELSE '2.3.7' END AS firmware,
               u(id, 'recognized') >= CASE WHEN hod >= 19 OR hod < 6 THEN 0.035 ELSE 0.02 END
                 AS recognized
        FROM face_draws;
      CREATE TABLE face AS
        SELECT id,
               ${start_ms} + ms AS event_ms,
               'd' || lpad(device_num::VARCHAR, 5, '0') AS device_id,
               customer_id(cnum) AS customer_id,
               lock_model, firmware, recognized,
               round(CASE WHEN NOT recognized THEN 520 * exp(0.35 * gauss(id, 'match'))
                          WHEN firmware = '2.4.1' THEN 240 * exp(0.4 * gauss(id, 'match'))
                          ELSE 150 * exp(0.3 * gauss(id, 'match')) END)::INTEGER AS match_ms
        FROM face_rows;
      """;
}
