package io.slotoolkit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The source-format benchmark's data and its floor (docs/bench-formats.sh).
 *
 * <p>{@code FormatsBench generate DIR ROWS} writes one seeded request log of ROWS events over 30
 * days (January 2026) four ways: {@code api.csv}, {@code api.jsonl} (the request as a nested
 * object), {@code access.log} (Common Log Format text) and {@code rollup.csv} (its per-minute
 * roll-up: minute, requests, errors). About 1 in 300 requests fails with a 5xx.
 *
 * <p>{@code FormatsBench query SQL} runs one query in a fresh in-memory DuckDB and prints its first
 * row: the least hand-written query a user would write for the same answer as {@code slo check}.
 */
public final class FormatsBench {
  private FormatsBench() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      if (args.length == 3 && args[0].equals("generate")) {
        generate(s, Path.of(args[1]).toAbsolutePath(), Long.parseLong(args[2]));
      } else if (args.length == 2 && args[0].equals("query")) {
        try (ResultSet r = s.executeQuery(args[1])) {
          r.next();
          StringBuilder b = new StringBuilder();
          for (int i = 1; i <= r.getMetaData().getColumnCount(); i++)
            b.append(i == 1 ? "" : " ").append(r.getString(i));
          System.out.println(b);
        }
      } else {
        System.err.println("usage: FormatsBench generate DIR ROWS | FormatsBench query SQL");
        System.exit(2);
      }
    }
  }

  private static void generate(Statement s, Path dir, long rows) throws Exception {
    Files.createDirectories(dir);
    String d = dir.toString().replace("'", "''") + "/";
    // event i at 2026-01-01 + i * (30 days / rows), in whole microseconds; status from a hash of i:
    // deterministic
    s.execute(
        "CREATE TABLE e AS SELECT TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_microseconds(i *"
            + " (2592000000000 // "
            + rows
            + ")) AS ts, CASE WHEN hash(i) % 300 = 0 THEN 503 WHEN hash(i) % 100 < 4 THEN 404 ELSE"
            + " 200 END AS status, ['GET', 'GET', 'GET', 'POST'][(hash(i * 3) % 4)::BIGINT + 1] AS method,"
            + " '/api/' || ['cart', 'pay', 'login', 'search', 'view'][(hash(i * 7) % 5)::BIGINT + 1] AS path,"
            + " (hash(i * 11) % 50000)::BIGINT AS bytes, '10.0.' || (i % 256) || '.' || (i * 7 %"
            + " 256) AS host FROM range("
            + rows
            + ") t(i)");
    s.execute(
        "COPY (SELECT strftime(ts, '%Y-%m-%dT%H:%M:%S.%fZ') AS ts, status, method, path, bytes"
            + " FROM e ORDER BY ts) TO '"
            + d
            + "api.csv' (FORMAT csv, HEADER true)");
    s.execute(
        "COPY (SELECT strftime(ts, '%Y-%m-%dT%H:%M:%S.%fZ') AS ts, status, {'method': method,"
            + " 'path': path} AS request, bytes FROM e ORDER BY ts) TO '"
            + d
            + "api.jsonl' (FORMAT json)");
    s.execute(
        "COPY (SELECT host || ' - - [' || strftime(ts, '%d/%b/%Y:%H:%M:%S +0000') || '] \"' ||"
            + " method || ' ' || path || ' HTTP/1.1\" ' || status || ' ' || bytes AS line FROM e"
            + " ORDER BY ts) TO '"
            + d
            + "access.log' (FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER '\t')");
    s.execute(
        "COPY (SELECT strftime(date_trunc('minute', ts), '%Y-%m-%dT%H:%M:%SZ') AS minute,"
            + " count(*) AS requests, count(*) FILTER (WHERE status >= 500) AS errors FROM e"
            + " GROUP BY ALL ORDER BY 1) TO '"
            + d
            + "rollup.csv' (FORMAT csv, HEADER true)");
  }
}
