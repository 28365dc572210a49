package io.slotoolkit.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.List;

/**
 * The benchmark's floor: one hand-written DuckDB query computing the good and total counts of every
 * SLO in {@code src/test/resources/bench/bench-spec.yaml} for the windows ending at an instant.
 * Usage: {@code ReferenceQuery FILE AT} (FILE: {@code .csv} or {@code .parquet}; AT: ISO-8601).
 *
 * <p>It prints how many result rows the query returned and the counts of the two SLOs without
 * {@code per}, to compare with {@code slo check --format json}.
 */
public final class ReferenceQuery {

  private ReferenceQuery() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: ReferenceQuery FILE.{csv,parquet} AT");
      System.exit(2);
    }
    Path file = Path.of(args[0]).toAbsolutePath();
    Instant at = Instant.parse(args[1]);

    // The spec's windows, in its timezone (UTC): rolling ones end at `at`; calendar ones start at
    // the beginning of the period containing `at`.
    ZonedDateTime end = at.atZone(ZoneOffset.UTC);
    Instant days28 = at.minus(Duration.ofDays(28));
    Instant days7 = at.minus(Duration.ofDays(7));
    Instant month = end.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
    Instant week =
        end.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .truncatedTo(ChronoUnit.DAYS)
            .toInstant();
    Instant from = Collections.min(List.of(days28, days7, month, week));

    String read =
        (file.toString().endsWith(".csv") ? "read_csv(" : "read_parquet(")
            + "'"
            + file.toString().replace("'", "''")
            + "')";
    String sql =
        """
        SELECT GROUPING(customer_id, endpoint) AS grouping_set, customer_id, endpoint,
          -- availability: 28d, overall
          count(*) FILTER (WHERE ts >= %1$s AND endpoint <> '/healthz' AND status < 500) AS a_good,
          count(*) FILTER (WHERE ts >= %1$s AND endpoint <> '/healthz') AS a_total,
          -- latency: 28d, overall, 300 ms
          count(*) FILTER (WHERE ts >= %1$s AND status < 500 AND endpoint <> '/healthz'
                             AND latency_ms <= 300) AS l_good,
          count(*) FILTER (WHERE ts >= %1$s AND status < 500 AND endpoint <> '/healthz') AS l_total,
          -- availability-per-customer: 7d
          count(*) FILTER (WHERE ts >= %2$s AND endpoint <> '/healthz' AND status < 500) AS ac_good,
          count(*) FILTER (WHERE ts >= %2$s AND endpoint <> '/healthz') AS ac_total,
          -- latency-per-customer: month, 500 ms
          count(*) FILTER (WHERE ts >= %3$s AND status < 500 AND latency_ms <= 500) AS lc_good,
          count(*) FILTER (WHERE ts >= %3$s AND status < 500) AS lc_total,
          -- availability-per-endpoint: week
          count(*) FILTER (WHERE ts >= %4$s AND status < 500) AS ae_good,
          count(*) FILTER (WHERE ts >= %4$s) AS ae_total,
          -- latency-per-endpoint: 7d, 1 s
          count(*) FILTER (WHERE ts >= %2$s AND status < 500 AND latency_ms <= 1000) AS le_good,
          count(*) FILTER (WHERE ts >= %2$s AND status < 500) AS le_total
        FROM %5$s
        WHERE ts >= %6$s AND ts < %7$s
        GROUP BY GROUPING SETS ((), (customer_id), (endpoint))
        """
            .formatted(
                literal(days28),
                literal(days7),
                literal(month),
                literal(week),
                read,
                literal(from),
                literal(at));

    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      long rows = 0;
      String overall = null;
      try (ResultSet r = s.executeQuery(sql)) {
        while (r.next()) {
          rows++;
          // 3: both columns rolled up, the grouping set ()
          if (r.getInt("grouping_set") == 3) {
            overall =
                "availability "
                    + r.getLong("a_good")
                    + "/"
                    + r.getLong("a_total")
                    + ", latency "
                    + r.getLong("l_good")
                    + "/"
                    + r.getLong("l_total");
          }
        }
      }
      System.out.println(rows + " result rows; " + overall);
    }
    System.err.printf("query took %.2f s%n", (System.nanoTime() - t0) / 1e9);
  }

  private static String literal(Instant i) {
    return "TIMESTAMPTZ '" + i + "'";
  }
}
