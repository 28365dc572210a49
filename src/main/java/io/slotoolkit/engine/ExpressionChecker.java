package io.slotoolkit.engine;

import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SqlExpression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a user expression before it is spliced into SQL: it must parse as exactly one scalar
 * expression, with no subquery, window, aggregate, table function, file access or clock, and (once
 * its source is bound) it must type as BOOLEAN over the source's columns.
 */
public final class ExpressionChecker {
  private static final String PREFIX = "SELECT (";
  private static final Set<String> NOT_REPRODUCIBLE =
      Set.of(
          "random",
          "setseed",
          "uuid",
          "gen_random_uuid",
          "uuidv4",
          "uuidv7",
          "nextval",
          "currval",
          "now",
          "get_current_timestamp",
          "current_timestamp",
          "transaction_timestamp",
          "today",
          "current_date",
          "current_time",
          "get_current_time",
          "current_localtime",
          "current_localtimestamp");
  private static final Set<String> ENGINE_STATE =
      Set.of(
          "current_setting",
          "getenv",
          "current_query",
          "current_database",
          "current_schema",
          "current_schemas",
          "current_catalog",
          "version",
          "pg_typeof",
          "txid_current",
          "error");

  private final Database db;
  private final Map<String, Set<String>> functionKinds = new HashMap<>();

  public ExpressionChecker(Database db) {
    this.db = db;
  }

  /** An expression and its role in messages ({@code SLO 'x': good}). */
  public record Item(SqlExpression expression, String role) {}

  /** Syntax and safety problems of one expression (empty when it is fine); needs no source. */
  public List<Problem> checkShape(SqlExpression e, String role) {
    return checkShapes(List.of(new Item(e, role)));
  }

  /** Syntax and safety problems of many expressions, parsed in one query. */
  public List<Problem> checkShapes(List<Item> items) {
    if (items.isEmpty()) return List.of();
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      values
          .append(i == 0 ? "" : ", ")
          .append('(')
          .append(i)
          .append(", ")
          .append(Sql.literal(PREFIX + items.get(i).expression().text() + ")"))
          .append(')');
    }
    List<Shape> shapes =
        db.query(
            "WITH q(i, sql) AS (VALUES "
                + values
                + "), "
                + "p AS (SELECT i, json_serialize_sql(sql)::JSON AS j FROM q) SELECT "
                + "(j->>'$.error')::BOOLEAN, j->>'$.error_message', j->>'$.position', "
                + "json_array_length(j->'$.statements'), "
                + "json_array_length(j->'$.statements[0].node.select_list'), "
                + "j->>'$.statements[0].node.from_table.type', "
                + "j->>'$.statements[0].node.type', "
                + "(j->'$.statements[0].node.where_clause') IS NOT NULL AND j->>'$.statements[0].node.where_clause' <> 'null', "
                + "json_array_length(j->'$.statements[0].node.group_expressions'), "
                + "json_array_length(j->'$.statements[0].node.modifiers'), "
                + "regexp_extract_all(j::VARCHAR, '\"class\":\"([A-Z_]+)\"', 1), "
                + "regexp_extract_all(j::VARCHAR, '\"function_name\":\"([^\"]*)\"', 1) FROM p ORDER BY i",
            r ->
                new Shape(
                    r.getBoolean(1),
                    r.getString(2),
                    r.getString(3),
                    r.getInt(4),
                    r.getInt(5),
                    r.getString(6),
                    r.getString(7),
                    r.getBoolean(8),
                    r.getInt(9),
                    r.getInt(10),
                    stringList(r.getArray(11)),
                    stringList(r.getArray(12))));
    loadKinds(
        shapes.stream()
            .flatMap(x -> x.functions.stream())
            .map(f -> f.toLowerCase(Locale.ROOT))
            .toList());
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      problems.addAll(problems(items.get(i).expression(), items.get(i).role(), shapes.get(i)));
    }
    return problems;
  }

  private List<Problem> problems(SqlExpression e, String role, Shape s) {
    List<Problem> problems = new ArrayList<>();
    if (s.error) {
      if (s.message != null && s.message.startsWith("Only SELECT statements")) {
        problems.add(
            new Problem(
                e.location(),
                role + " must be one SQL expression, not a statement",
                example(role)));
        return problems;
      }
      int pos = s.position == null ? 0 : Integer.parseInt(s.position) - PREFIX.length();
      problems.add(
          new Problem(
              e.location().shifted(Math.max(0, Math.min(pos, e.text().length()))),
              role + " does not parse: " + s.message,
              example(role)));
      return problems;
    }
    if (s.statements != 1
        || s.selectItems != 1
        || !"EMPTY".equals(s.fromType)
        || !"SELECT_NODE".equals(s.nodeType)
        || s.hasWhere
        || s.groups > 0
        || s.modifiers > 0) {
      problems.add(
          new Problem(e.location(), role + " must be one expression, not a query", example(role)));
      return problems;
    }
    if (s.classes.contains("SUBQUERY")) {
      problems.add(
          new Problem(
              e.location(),
              role + " may not contain a subquery",
              "use columns of the source only"));
    }
    if (s.classes.contains("WINDOW")) {
      problems.add(
          new Problem(
              e.location(),
              role + " may not use window functions",
              "an expression is evaluated per event"));
    }
    if (s.classes.contains("PARAMETER")) {
      problems.add(new Problem(e.location(), role + " may not contain parameters ($1, ?)", null));
    }
    if (s.classes.contains("STAR") || s.classes.contains("COLUMNS")) {
      problems.add(
          new Problem(e.location(), role + " may not use * or COLUMNS(...)", "name the columns"));
    }
    for (String raw : s.functions) {
      String fn = raw.equals("count_star") ? "count(*)" : raw;
      String name = raw.toLowerCase(Locale.ROOT);
      Set<String> kinds = kinds(name);
      var at = e.location().shifted(Math.max(0, e.text().toLowerCase(Locale.ROOT).indexOf(name)));
      if (name.startsWith("read_")
          || name.startsWith("duckdb_")
          || name.startsWith("pragma_")
          || name.equals("glob")
          || ((kinds.contains("table") || kinds.contains("table_macro"))
              && !kinds.contains("scalar"))) {
        problems.add(
            new Problem(
                at,
                role + " may not call " + call(fn) + ": expressions may not read files or tables",
                "use columns of the source only"));
      } else if (kinds.contains("aggregate") && !kinds.contains("scalar")) {
        problems.add(
            new Problem(
                at,
                role + " may not call the aggregate " + call(fn) + "",
                "an expression is evaluated per event; slo counts the events for you"));
      } else if (kinds.contains("window") && !kinds.contains("scalar")) {
        problems.add(
            new Problem(at, role + " may not use the window function " + call(fn) + "", null));
      } else if (NOT_REPRODUCIBLE.contains(name)) {
        problems.add(
            new Problem(
                at,
                role
                    + " may not call "
                    + fn
                    + "(): results must not depend on when or how often slo runs",
                "compare with the event time column instead, and pass --at"));
      } else if (ENGINE_STATE.contains(name)) {
        problems.add(
            new Problem(
                at, role + " may not call " + call(fn) + "", "use columns of the source only"));
      }
    }
    return problems;
  }

  /**
   * Type-checks many expressions against one source with two queries; only when one of them is
   * wrong are they checked one by one, to say which.
   */
  public List<Located> checkTypes(List<Item> items, BoundSource source) {
    if (items.isEmpty()) return List.of();
    String from = Sql.ident(source.view());
    StringBuilder cols = new StringBuilder();
    StringBuilder probes = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      String e = items.get(i).expression().text();
      cols.append(i == 0 ? "" : ", ").append('(').append(e).append(") AS c").append(i);
      probes.append(i == 0 ? "" : ", ").append("count_if((").append(e).append(") IS TRUE)");
    }
    try {
      List<String> types =
          db.query("DESCRIBE SELECT " + cols + " FROM " + from, r -> r.getString(2));
      if (types.stream().allMatch("BOOLEAN"::equals)) {
        db.query(
            "SELECT " + probes + " FROM (SELECT * FROM " + from + " LIMIT 500)", r -> r.getLong(1));
        return List.of();
      }
    } catch (Database.QueryFailed e) {
      // one of them is wrong: find which below
    }
    List<Located> problems = new ArrayList<>();
    for (Item item : items) problems.addAll(checkTypes(item.expression(), item.role(), source));
    return problems;
  }

  /**
   * Type-checks an expression that already has the right shape against its bound source, and runs
   * it over the first rows so that impossible casts surface now with the SLO's name.
   *
   * @return problems; a missing column is reported as {@link Kind#DATA}, the rest as {@link
   *     Kind#SPEC}
   */
  public List<Located> checkTypes(SqlExpression e, String role, BoundSource source) {
    List<Located> problems = new ArrayList<>();
    String from = Sql.ident(source.view());
    try {
      String type =
          db.one("DESCRIBE SELECT (" + e.text() + ") AS v FROM " + from, r -> r.getString(2));
      if (!type.equals("BOOLEAN")) {
        problems.add(
            new Located(
                Kind.SPEC,
                new Problem(
                    e.location(),
                    role + " must be true or false for each event, but it is " + type,
                    example(role))));
        return problems;
      }
      db.query(
          "SELECT count(*) FROM (SELECT * FROM " + from + " LIMIT 500) WHERE (" + e.text() + ")",
          r -> r.getLong(1));
    } catch (Database.QueryFailed ex) {
      String m = ex.getMessage();
      var missing =
          java.util.regex.Pattern.compile("Referenced column \"?([^\"]+?)\"? not found").matcher(m);
      if (missing.find()) {
        problems.add(
            new Located(
                Kind.DATA,
                new Problem(
                    e.location(),
                    role
                        + " refers to column '"
                        + missing.group(1)
                        + "', which "
                        + source.label()
                        + " does not have",
                    "columns: " + source.columnList())));
      } else if (m.contains("rejected")
          || m.contains("CSV Error")
          || m.contains("Could not convert string") && m.contains("line")) {
        // a malformed row in the first lines: the scan reports it with its line number
      } else {
        problems.add(
            new Located(Kind.SPEC, new Problem(e.location(), role + " fails: " + m, null)));
      }
    }
    return problems;
  }

  /** {@code lower()} for a function name; {@code count(*)} stays as it is. */
  private static String call(String fn) {
    return fn.endsWith(")") ? fn : fn + "()";
  }

  /** Looks up the kinds of every not yet known function name in one query. */
  private void loadKinds(List<String> names) {
    List<String> unknown =
        names.stream().distinct().filter(n -> !functionKinds.containsKey(n)).toList();
    if (unknown.isEmpty()) return;
    for (String n : unknown) functionKinds.put(n, new java.util.HashSet<>());
    db.query(
        "SELECT DISTINCT function_name, function_type FROM duckdb_functions() WHERE function_name IN ("
            + String.join(", ", unknown.stream().map(Sql::literal).toList())
            + ")",
        r -> functionKinds.get(r.getString(1)).add(r.getString(2)));
  }

  private Set<String> kinds(String name) {
    return functionKinds.computeIfAbsent(
        name,
        n ->
            Set.copyOf(
                db.query(
                    "SELECT DISTINCT function_type FROM duckdb_functions() WHERE function_name = "
                        + Sql.literal(n),
                    r -> r.getString(1))));
  }

  private static String example(String role) {
    return role.endsWith("where") ? "for example: tenant <> 'test'" : "for example: status < 500";
  }

  private static List<String> stringList(java.sql.Array a) throws java.sql.SQLException {
    if (a == null) return List.of();
    Object[] items = (Object[]) a.getArray();
    List<String> out = new ArrayList<>();
    for (Object o : items) out.add(String.valueOf(o));
    return out;
  }

  /** Whether a problem is about the spec (exit 2) or about the data (exit 3). */
  public enum Kind {
    SPEC,
    DATA
  }

  /** A problem with its kind. */
  public record Located(Kind kind, Problem problem) {}

  private record Shape(
      boolean error,
      String message,
      String position,
      int statements,
      int selectItems,
      String fromType,
      String nodeType,
      boolean hasWhere,
      int groups,
      int modifiers,
      List<String> classes,
      List<String> functions) {}
}
