package io.slotoolkit.engine;

import io.slotoolkit.model.SloException;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only ad-hoc queries over the bound sources, for exploring an SLI interactively: exactly one
 * SELECT, run on the locked-down connection (so it reads no file but the sources), and at most a
 * given number of rows fetched.
 */
public final class AdhocQuery {
  private final DuckDbEngine engine;
  private final Map<String, BoundSource> names = new LinkedHashMap<>();

  /**
   * Gives every bound source a view under its own name ({@code api}), so queries read like the
   * specs; a name used by two sources, or already taken, keeps only the internal view name.
   */
  AdhocQuery(DuckDbEngine engine) {
    this.engine = engine;
    Map<String, Integer> uses = new LinkedHashMap<>();
    for (BoundSource b : engine.boundSources()) uses.merge(b.source().name(), 1, Integer::sum);
    for (BoundSource b : engine.boundSources()) {
      String name = b.source().name();
      if (uses.get(name) > 1 || name.equals(b.view())) {
        names.put(b.view(), b);
        continue;
      }
      engine
          .database()
          .execute(
              "CREATE OR REPLACE TEMP VIEW "
                  + Sql.ident(name)
                  + " AS SELECT * FROM "
                  + Sql.ident(b.view()));
      names.put(name, b);
    }
  }

  /** The table names a query can read, with their sources. */
  public Map<String, BoundSource> tables() {
    return java.util.Collections.unmodifiableMap(names);
  }

  /**
   * Rows of a query, as text.
   *
   * @param columns column names
   * @param types DuckDB type names
   * @param rows at most the limit, NULL as null
   * @param truncated whether the query had more rows than were fetched
   */
  public record Rows(
      List<String> columns, List<String> types, List<List<String>> rows, boolean truncated) {}

  /** Runs one SELECT and fetches at most {@code limit} rows; anything else is a usage error. */
  public Rows select(String sql, int limit) {
    String q = sql.strip();
    while (q.endsWith(";")) q = q.substring(0, q.length() - 1).stripTrailing();
    if (q.isEmpty()) throw SloException.spec("sql: no query given", "for example: sql SELECT 1");
    checkOneSelect(q);
    List<String> columns = new ArrayList<>();
    List<String> types = new ArrayList<>();
    boolean[] more = {false};
    List<List<String>> rows = new ArrayList<>();
    try {
      // The wrapper makes DuckDB stop after limit + 1 rows instead of materialising the result.
      engine
          .database()
          .query(
              "SELECT * FROM (" + q + "\n) LIMIT " + (limit + 1L),
              r -> {
                if (columns.isEmpty()) {
                  ResultSetMetaData m = r.getMetaData();
                  for (int i = 1; i <= m.getColumnCount(); i++) {
                    columns.add(m.getColumnLabel(i));
                    types.add(m.getColumnTypeName(i));
                  }
                }
                if (rows.size() == limit) {
                  more[0] = true;
                  return null;
                }
                List<String> row = new ArrayList<>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                  Object v = r.getObject(i);
                  row.add(v == null ? null : display(v, r.getString(i)));
                }
                rows.add(row);
                return null;
              });
    } catch (Database.QueryFailed e) {
      throw SloException.spec(
          "sql: " + e.getMessage(), "tables: " + String.join(", ", names.keySet()));
    }
    return new Rows(columns, types, rows, more[0]);
  }

  private static final java.time.format.DateTimeFormatter TIME =
      java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  /**
   * Timestamps as people read them (2015-05-17 10:05:03+00:00), everything else as DuckDB's text.
   */
  static String display(Object v, String text) {
    if (v instanceof java.time.OffsetDateTime o) {
      String s = o.format(TIME) + (o.getNano() == 0 ? "" : fraction(o.getNano()));
      return s + o.format(java.time.format.DateTimeFormatter.ofPattern("xxx"));
    }
    if (v instanceof java.sql.Timestamp t) v = t.toLocalDateTime();
    if (v instanceof java.time.LocalDateTime l)
      return l.format(TIME) + (l.getNano() == 0 ? "" : fraction(l.getNano()));
    return text;
  }

  private static String fraction(int nanos) {
    return String.format(java.util.Locale.ROOT, ".%06d", nanos / 1000);
  }

  /** Refuses anything but exactly one SELECT (or WITH ... SELECT) statement, without running it. */
  private void checkOneSelect(String q) {
    Database.QueryFailed failed = null;
    String[] shape;
    try {
      shape =
          engine
              .database()
              .one(
                  "WITH j AS (SELECT json_serialize_sql("
                      + Sql.literal(q)
                      + ")::JSON AS j) SELECT (j->>'$.error')::BOOLEAN, j->>'$.error_message',"
                      + " json_array_length(j->'$.statements') FROM j",
                  r -> new String[] {r.getString(1), r.getString(2), r.getString(3)});
    } catch (Database.QueryFailed e) {
      failed = e;
      shape = null;
    }
    if (failed != null) throw SloException.spec("sql: " + failed.getMessage(), null);
    if (Boolean.parseBoolean(shape[0])) {
      String m = shape[1] == null ? "" : shape[1];
      if (m.startsWith("Only SELECT statements"))
        throw SloException.spec(
            "sql: only a single SELECT is allowed here",
            "the shell reads the sources; it does not change them");
      throw SloException.spec("sql: " + m.replaceFirst("^[A-Za-z ]+ Error: ", ""), null);
    }
    if (!"1".equals(shape[2]))
      throw SloException.spec(
          "sql: only a single SELECT is allowed here", "run one statement at a time");
  }

  /** SQL keywords offered by completion after {@code sql}. */
  public static final List<String> KEYWORDS =
      List.of(
          "SELECT",
          "FROM",
          "WHERE",
          "GROUP",
          "BY",
          "ORDER",
          "LIMIT",
          "HAVING",
          "AND",
          "OR",
          "NOT",
          "count(*)",
          "DESC",
          "DISTINCT",
          "quantile_cont",
          "date_trunc");
}
