package io.slotoolkit.engine;

import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.SqlExpression;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a user expression before any SQL is built from it, and hands out the only text of it the
 * compilers may splice.
 *
 * <p>The text is parsed on its own, exactly as written ({@code SELECT } + text, no wrapper), by
 * DuckDB's own parser ({@code json_serialize_sql}), and the tree is walked against allow-lists: one
 * expression (no statement, clause, subquery, window, star or parameter), node kinds, operators,
 * cast types, and functions that are scalar, deterministic and row-local (DuckDB's own
 * classification in {@code duckdb_functions()}, minus a short list of engine-state functions, plus
 * a reviewed list of built-in macros). Sizes are bounded: text length, list length, nesting depth,
 * and functions that build a list or string of a size given by an argument. What passes is printed
 * back by DuckDB from the tree ({@code json_deserialize_sql}, which drops comments and anything the
 * tree does not hold), that canonical text is parsed and checked again, and only it is compiled:
 * see {@link CheckedExpression}.
 */
public final class ExpressionChecker {
  /** Longest expression text, in characters. */
  public static final int MAX_LENGTH = 10_000;

  /** Most values in one IN list, list literal or function call. */
  public static final int MAX_LIST = 1_000;

  /** Deepest nesting of expression nodes (operators, calls, casts, ...). */
  public static final int MAX_DEPTH = 64;

  /** Largest list or string a size-building function may build per event. */
  public static final int MAX_BUILT = 1_000;

  private static final String PREFIX = "SELECT ";

  /**
   * Names that parse as column references but, when the source has no such column, are the clock or
   * the session: {@code SELECT current_date} works without a FROM clause.
   */
  static final Set<String> SPECIAL_NAMES =
      Set.of(
          "current_date",
          "current_time",
          "current_timestamp",
          "localtime",
          "localtimestamp",
          "current_user",
          "user",
          "session_user",
          "current_role",
          "current_catalog",
          "current_schema");

  /**
   * Scalar functions DuckDB marks deterministic that still read engine state or catalogs, or that
   * parse or plan SQL text: refused though their stability says CONSISTENT.
   */
  private static final Map<String, String> ENGINE_STATE =
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

  /**
   * Built-in macros reviewed as deterministic and row-local: each expands to scalar functions of
   * its arguments only. Every other macro is refused ({@code ago} reads the clock, {@code
   * pg_get_viewdef} and {@code get_block_size} query the catalog, {@code current_*} read the
   * session).
   */
  static final Set<String> ROW_MACROS =
      Set.of(
          "array_append",
          "array_pop_back",
          "array_pop_front",
          "array_prepend",
          "array_push_back",
          "array_push_front",
          "array_reverse",
          "array_to_string",
          "date_add",
          "days_in_month",
          "fdiv",
          "fmod",
          "if",
          "json",
          "list_any_value",
          "list_append",
          "list_avg",
          "list_bit_and",
          "list_bit_or",
          "list_bit_xor",
          "list_bool_and",
          "list_bool_or",
          "list_count",
          "list_first",
          "list_last",
          "list_max",
          "list_median",
          "list_min",
          "list_mode",
          "list_prepend",
          "list_product",
          "list_reverse",
          "list_string_agg",
          "list_sum",
          "map_contains_entry",
          "map_contains_value",
          "nullif",
          "pg_typeof",
          "split_part");

  /** Functions whose result size is given by an argument: (name, index of the size argument). */
  private static final Map<String, Integer> SIZE_ARGUMENT =
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
  private static final Set<String> SEQUENCES = Set.of("range", "generate_series");

  /** Formatting functions whose format string can ask for any width. */
  private static final Set<String> FORMATS = Set.of("printf", "format");

  private static final Set<String> OPERATORS =
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

  private static final Set<String> SCALAR_TYPES =
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
  private static final Map<String, String> CLAUSES =
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

  private final Database db;

  /** function name (lower case) -> "type/stability" of each of its overloads. */
  private final Map<String, Set<String>> functionKinds = new HashMap<>();

  private final Map<Item, Outcome> outcomes = new HashMap<>();

  /** Every expression that passed, under any role. */
  private final Map<SqlExpression, CheckedExpression> passed = new HashMap<>();

  public ExpressionChecker(Database db) {
    this.db = db;
  }

  /** An expression and its role in messages ({@code SLO 'x': good}). */
  public record Item(SqlExpression expression, String role) {}

  /**
   * An expression that passed every check, and the canonical text of its checked tree: the only
   * text of a user expression the compilers splice. Only the checker creates one.
   */
  public static final class CheckedExpression {
    private final SqlExpression written;
    private final String sql;
    private final Set<String> quotedSpecialNames;

    private CheckedExpression(SqlExpression written, String sql, Set<String> quotedSpecialNames) {
      this.written = written;
      this.sql = sql;
      this.quotedSpecialNames = Set.copyOf(quotedSpecialNames);
    }

    /** The canonical text in parentheses, ready to splice as one operand. */
    public String sql() {
      return "(" + sql + ")";
    }

    /** The expression as the user wrote it (for messages and display, never for SQL). */
    public SqlExpression written() {
      return written;
    }

    /**
     * Names such as {@code current_date} the user wrote in double quotes as columns: the source
     * must have them, or they would read the clock.
     */
    public Set<String> quotedSpecialNames() {
      return quotedSpecialNames;
    }

    @Override
    public String toString() {
      return sql;
    }
  }

  /**
   * What checking some expressions found.
   *
   * @param problems every problem, in the order of the items
   * @param checked the canonical form of each expression without problems
   */
  public record Checked(List<Problem> problems, Map<SqlExpression, CheckedExpression> checked) {
    public Checked {
      problems = List.copyOf(problems);
      checked = Map.copyOf(checked);
    }
  }

  private record Outcome(List<Problem> problems, CheckedExpression checked) {}

  /** Syntax and safety problems of one expression (empty when it is fine); needs no source. */
  public List<Problem> checkShape(SqlExpression e, String role) {
    return checkShapes(List.of(new Item(e, role)));
  }

  /** Syntax and safety problems of many expressions, parsed in one query. */
  public List<Problem> checkShapes(List<Item> items) {
    return check(items).problems();
  }

  /**
   * Checks every item (each distinct one once per connection) and returns the problems and the
   * canonical text of each expression that passed. Any type of expression: the boolean test is
   * {@link #checkTypes}'s.
   */
  public Checked check(List<Item> items) {
    Set<Item> todo = new LinkedHashSet<>();
    for (Item item : items) if (!outcomes.containsKey(item)) todo.add(item);
    if (!todo.isEmpty()) run(List.copyOf(todo));
    List<Problem> problems = new ArrayList<>();
    Map<SqlExpression, CheckedExpression> checked = new LinkedHashMap<>();
    for (Item item : items) {
      Outcome o = outcomes.get(item);
      for (Problem p : o.problems) if (!problems.contains(p)) problems.add(p);
      if (o.checked != null) checked.put(item.expression(), o.checked);
    }
    return new Checked(problems, checked);
  }

  /**
   * The checked form of an expression, checking it now if it was not yet: the compilers' only way
   * to get SQL text of a user expression.
   *
   * @throws SloException a spec error (exit 2) when the expression does not pass
   */
  public CheckedExpression checked(SqlExpression e, String role) {
    CheckedExpression known = passed.get(e);
    if (known != null) return known;
    Checked c = check(List.of(new Item(e, role)));
    if (!c.problems().isEmpty()) throw SloException.spec(c.problems());
    return c.checked().get(e);
  }

  // ---- parsing and walking ----

  private void run(List<Item> items) {
    List<Integer> toParse = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Problem p = textProblem(items.get(i));
      if (p != null) outcomes.put(items.get(i), new Outcome(List.of(p), null));
      else toParse.add(i);
    }
    if (toParse.isEmpty()) return;
    List<String> texts =
        toParse.stream().map(i -> PREFIX + items.get(i).expression().text()).toList();
    // Usually one query parses every text, prints each tree back and parses that again; if
    // DuckDB cannot print one of them back, the texts are parsed alone and printed one by one.
    List<String> parsed = new ArrayList<>();
    List<String> canonicalAll = new ArrayList<>();
    List<String> reparsedAll = new ArrayList<>();
    boolean oneQuery = serializeAll(texts, parsed, canonicalAll, reparsedAll);
    if (!oneQuery) parsed = serialize(texts);
    List<Integer> passed = new ArrayList<>();
    List<Walk> walks = new ArrayList<>();
    List<Object> trees = new ArrayList<>();
    for (int k = 0; k < toParse.size(); k++) {
      Object tree;
      try {
        tree = Json.parse(parsed.get(k));
      } catch (Json.Malformed e) {
        tree = null;
      }
      trees.add(tree);
    }
    loadKinds(trees);
    for (int k = 0; k < toParse.size(); k++) {
      Item item = items.get(toParse.get(k));
      Walk w = new Walk(item, true);
      Object tree = trees.get(k);
      if (tree == null) w.problem(0, "is nested too deeply to check", null);
      else w.statement(tree);
      walks.add(w);
      if (w.problems.isEmpty()) passed.add(k);
      else outcomes.put(item, new Outcome(List.copyOf(w.problems), null));
    }
    if (passed.isEmpty()) return;
    // The canonical text of each passing tree, and that text parsed again: what is compiled is
    // checked too (and comments, clauses the tree dropped, are gone from it).
    List<String> canonical = new ArrayList<>();
    List<String> reparsed = new ArrayList<>();
    if (oneQuery) {
      for (int k : passed) {
        canonical.add(canonicalAll.get(k));
        reparsed.add(reparsedAll.get(k));
      }
    } else {
      final List<String> texts1 = parsed;
      canonicalise(passed.stream().map(texts1::get).toList(), canonical, reparsed);
    }
    List<Object> again = new ArrayList<>();
    for (String r : reparsed) {
      try {
        again.add(r == null ? null : Json.parse(r));
      } catch (Json.Malformed e) {
        again.add(null);
      }
    }
    loadKinds(again);
    for (int n = 0; n < passed.size(); n++) {
      int k = passed.get(n);
      Item item = items.get(toParse.get(k));
      String text = canonical.get(n);
      Walk w = new Walk(item, false);
      if (text == null || !text.startsWith(PREFIX) || again.get(n) == null) {
        w.problem(0, "cannot be checked: DuckDB does not print it back as SQL", null);
      } else {
        w.statement(again.get(n));
      }
      if (!w.problems.isEmpty()) {
        outcomes.put(item, new Outcome(List.copyOf(w.problems), null));
      } else {
        CheckedExpression ce =
            new CheckedExpression(
                item.expression(), text.substring(PREFIX.length()), walks.get(k).quotedSpecial);
        outcomes.put(item, new Outcome(List.of(), ce));
        this.passed.put(item.expression(), ce);
      }
    }
  }

  /** Problems seen in the text itself, before parsing: NUL, length. */
  private static Problem textProblem(Item item) {
    String t = item.expression().text();
    int nul = t.indexOf('\0');
    if (nul >= 0) {
      return new Problem(
          at(item.expression(), nul),
          item.role() + " contains a NUL character",
          "remove it; write chr(0) if you mean to compare with one");
    }
    if (t.length() > MAX_LENGTH) {
      return new Problem(
          item.expression().location(),
          item.role() + " is " + t.length() + " characters long, more than " + MAX_LENGTH,
          "shorten it: a long IN list usually means a column of the export is missing");
    }
    return null;
  }

  /**
   * Each text parsed, its tree printed back (null when it did not parse) and that text parsed
   * again, in one query; false (and nothing added) when DuckDB cannot print one of them back.
   */
  private boolean serializeAll(
      List<String> texts, List<String> parsed, List<String> canonical, List<String> reparsed) {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < texts.size(); i++) {
      values
          .append(i == 0 ? "" : ", ")
          .append('(')
          .append(i)
          .append(", ")
          .append(Sql.literal(texts.get(i)))
          .append(')');
    }
    try {
      List<String[]> rows =
          db.query(
              "SELECT j, c, CASE WHEN c IS NOT NULL THEN json_serialize_sql(c) END FROM (SELECT i, j,"
                  + " CASE WHEN j->>'error' = 'false' THEN json_deserialize_sql(j::JSON) END AS c"
                  + " FROM (SELECT i, json_serialize_sql(sql) AS j FROM (VALUES "
                  + values
                  + ") q(i, sql))) ORDER BY i",
              r -> new String[] {r.getString(1), r.getString(2), r.getString(3)});
      for (String[] row : rows) {
        parsed.add(row[0]);
        canonical.add(row[1]);
        reparsed.add(row[2]);
      }
      return true;
    } catch (Database.QueryFailed e) {
      return false;
    }
  }

  /** {@code json_serialize_sql} of each text, in one query. */
  private List<String> serialize(List<String> texts) {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < texts.size(); i++) {
      values
          .append(i == 0 ? "" : ", ")
          .append('(')
          .append(i)
          .append(", ")
          .append(Sql.literal(texts.get(i)))
          .append(')');
    }
    return db.query(
        "SELECT json_serialize_sql(sql) FROM (VALUES " + values + ") q(i, sql) ORDER BY i",
        r -> r.getString(1));
  }

  /**
   * For each serialized statement: its canonical text ({@code json_deserialize_sql}) and that text
   * serialized again; null for both when DuckDB cannot print it back.
   */
  private void canonicalise(List<String> json, List<String> canonical, List<String> reparsed) {
    try {
      StringBuilder values = new StringBuilder();
      for (int i = 0; i < json.size(); i++) {
        values
            .append(i == 0 ? "" : ", ")
            .append('(')
            .append(i)
            .append(", ")
            .append(Sql.literal(json.get(i)))
            .append("::JSON)");
      }
      db.query(
          "SELECT c, json_serialize_sql(c) FROM (SELECT i, json_deserialize_sql(j) AS c FROM (VALUES "
              + values
              + ") q(i, j)) ORDER BY i",
          r -> {
            canonical.add(r.getString(1));
            reparsed.add(r.getString(2));
            return null;
          });
    } catch (Database.QueryFailed e) {
      canonical.clear();
      reparsed.clear();
      if (json.size() == 1) {
        canonical.add(null);
        reparsed.add(null);
        return;
      }
      // one of them cannot be printed back: find which, one by one
      for (String j : json) {
        List<String> c = new ArrayList<>();
        List<String> r = new ArrayList<>();
        canonicalise(List.of(j), c, r);
        canonical.add(c.get(0));
        reparsed.add(r.get(0));
      }
    }
  }

  /** One expression's walk: its problems, and the names it quoted that could read the clock. */
  private final class Walk {
    final Item item;
    final boolean original;
    final List<Problem> problems = new ArrayList<>();
    final Set<String> quotedSpecial = new LinkedHashSet<>();
    int builders;
    boolean typographic;
    final List<int[]> nestedBuilders = new ArrayList<>();

    Walk(Item item, boolean original) {
      this.item = item;
      this.original = original;
    }

    void problem(int offset, String message, String hint) {
      SourceLocation where =
          original ? at(item.expression(), offset) : item.expression().location();
      Problem p = new Problem(where, item.role() + " " + message, hint);
      if (!problems.contains(p)) problems.add(p);
    }

    /** Problem at a node: its location in the text when DuckDB gave one. */
    void problemAt(Map<String, Object> node, String message, String hint) {
      problem(offset(node), message, hint);
    }

    int offset(Map<String, Object> node) {
      if (!(node.get("query_location") instanceof BigDecimal loc)) return 0;
      if (loc.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) return 0;
      return charOffset(loc.intValue());
    }

    /** A byte offset into {@code SELECT text} as a character offset into the text. */
    int charOffset(int bytes) {
      byte[] all = (PREFIX + item.expression().text()).getBytes(StandardCharsets.UTF_8);
      int b = Math.max(0, Math.min(bytes, all.length));
      int chars = new String(all, 0, b, StandardCharsets.UTF_8).length() - PREFIX.length();
      return Math.max(0, chars);
    }

    void statement(Object tree) {
      Map<String, Object> top = map(tree);
      if (top == null) {
        problem(0, "cannot be checked", null);
        return;
      }
      if (Boolean.TRUE.equals(top.get("error"))) {
        parseError(top);
        return;
      }
      List<Object> statements = list(top.get("statements"));
      if (statements == null || statements.size() != 1) {
        problem(
            0,
            "must be one expression, not several statements",
            "remove the ';' and what follows it");
        return;
      }
      Map<String, Object> stmt = map(statements.get(0));
      List<Object> params = stmt == null ? null : list(stmt.get("named_param_map"));
      Map<String, Object> node = stmt == null ? null : map(stmt.get("node"));
      if (node == null) {
        problem(0, "cannot be checked", null);
        return;
      }
      if (!"SELECT_NODE".equals(node.get("type"))) {
        problem(
            0,
            "must be one expression, not a query (UNION, INTERSECT, EXCEPT, VALUES, ...)",
            example(item.role()));
        return;
      }
      Set<String> clauses = new LinkedHashSet<>();
      for (var e : node.entrySet()) {
        String key = e.getKey();
        Object v = e.getValue();
        switch (key) {
          case "type", "select_list" -> {}
          case "from_table" -> {
            Map<String, Object> from = map(v);
            if (from == null || !"EMPTY".equals(from.get("type"))) clauses.add("FROM");
          }
          case "aggregate_handling" -> {
            if (!"STANDARD_HANDLING".equals(v)) clauses.add("GROUP BY ALL");
          }
          case "cte_map" -> {
            Map<String, Object> cte = map(v);
            List<Object> m = cte == null ? null : list(cte.get("map"));
            if (m == null || !m.isEmpty()) clauses.add("WITH");
          }
          default -> {
            if (!empty(v)) clauses.add(CLAUSES.getOrDefault(key, key.toUpperCase(Locale.ROOT)));
          }
        }
      }
      List<Object> select = list(node.get("select_list"));
      if (select == null || select.size() != 1) clauses.add("a second value after a ','");
      if (!clauses.isEmpty()) {
        problem(
            0,
            "must be one expression, but the text goes on with " + String.join(", ", clauses),
            example(item.role()));
        return;
      }
      int window = original ? bareWord(item.expression().text(), "WINDOW") : -1;
      if (window >= 0) {
        // DuckDB inlines a WINDOW clause into the tree and leaves no trace of it
        problem(
            window,
            "must be one expression, but the text goes on with WINDOW",
            example(item.role()));
        return;
      }
      if (params != null && !params.isEmpty()) {
        problem(0, "may not contain parameters ($1, ?)", "write the value itself");
      }
      Map<String, Object> expr = map(select.get(0));
      if (expr == null) {
        problem(0, "cannot be checked", null);
        return;
      }
      if (expr.get("alias") instanceof String a && !a.isEmpty()) {
        problemAt(expr, "may not name its value (AS " + a + ")", "remove the alias");
        return;
      }
      expression(expr, 1, false, false);
      if (builders > 1) {
        for (int[] nested : nestedBuilders) {
          problem(
              nested[0],
              "may not use a size-building function inside a lambda when it uses another one",
              "results could grow to millions of values per event");
        }
      }
    }

    void parseError(Map<String, Object> top) {
      String message = String.valueOf(top.get("error_message"));
      if (message.startsWith("Only SELECT statements")) {
        problem(0, "must be one SQL expression, not a statement", example(item.role()));
        return;
      }
      if (message.startsWith("Max expression depth")) {
        problem(
            0,
            "is nested more than " + MAX_DEPTH + " levels deep",
            "split it, or simplify the nesting");
        return;
      }
      int offset = 0;
      if (top.get("position") instanceof String p && p.matches("[0-9]+")) {
        offset = charOffset(Integer.parseInt(p));
      }
      String hint = example(item.role());
      String rest =
          item.expression().text().substring(Math.min(offset, item.expression().text().length()));
      if (rest.startsWith(")")) {
        hint = "this ')' closes nothing: an expression may not close parentheses it did not open";
      }
      problem(offset, "does not parse: " + message.lines().findFirst().orElse(message), hint);
    }

    /**
     * Checks one expression node and everything below it.
     *
     * @param depth nesting level of this node (1 for the top)
     * @param inLambda whether an enclosing node is a lambda
     * @param inBuilder whether an enclosing call is a size-building function
     */
    void expression(Map<String, Object> node, int depth, boolean inLambda, boolean inBuilder) {
      if (depth > MAX_DEPTH) {
        problemAt(
            node,
            "is nested more than " + MAX_DEPTH + " levels deep",
            "split it, or simplify the nesting");
        return;
      }
      String cls = String.valueOf(node.get("class"));
      String type = String.valueOf(node.get("type"));
      boolean builder = false;
      switch (cls) {
        case "CONSTANT", "COMPARISON", "CONJUNCTION", "CASE", "BETWEEN", "COLLATE", "LAMBDA" -> {}
        case "COLUMN_REF" -> columnRef(node, inLambda);
        case "OPERATOR" -> {
          if (type.equals("OPERATOR_UNPACK")) {
            problemAt(node, "may not unpack columns with *", "name the columns");
            return;
          }
          if (!OPERATORS.contains(type)) {
            problemAt(node, "may not use the operator " + type, null);
            return;
          }
          List<Object> children = list(node.get("children"));
          if ((type.equals("COMPARE_IN") || type.equals("COMPARE_NOT_IN"))
              && children != null
              && children.size() - 1 > MAX_LIST) {
            problemAt(
                node,
                "has an IN list of " + (children.size() - 1) + " values, more than " + MAX_LIST,
                "compare with a pattern or a range instead, or shorten the list");
            return;
          }
        }
        case "CAST" -> {
          Map<String, Object> t = map(node.get("type_expr"));
          String bad = t == null ? "an unknown type" : badType(t);
          if (bad != null) {
            problemAt(
                node,
                "may not cast to " + bad,
                "cast to a number, text, boolean, date, time, timestamp, interval or UUID type");
            return;
          }
          Map<String, Object> child = map(node.get("child"));
          if (child != null) expression(child, depth + 1, inLambda, inBuilder);
          return;
        }
        case "FUNCTION" -> {
          builder = function(node, inLambda, inBuilder);
          if (refused.contains(node)) return;
        }
        case "SUBQUERY" -> {
          problemAt(node, "may not contain a subquery", "use columns of the source only");
          return;
        }
        case "WINDOW" -> {
          problemAt(
              node,
              "may not use the window function " + node.get("function_name") + "() OVER (...)",
              "an expression is evaluated per event");
          return;
        }
        case "STAR" -> {
          problemAt(node, "may not use * or COLUMNS(...)", "name the columns");
          return;
        }
        case "PARAMETER" -> {
          problemAt(node, "may not contain parameters ($1, ?)", "write the value itself");
          return;
        }
        case "POSITIONAL_REFERENCE" -> {
          problemAt(node, "may not refer to a column by position (#n)", "name the column");
          return;
        }
        default -> {
          problemAt(node, "may not use " + cls.toLowerCase(Locale.ROOT) + " expressions", null);
          return;
        }
      }
      boolean lambda = inLambda || cls.equals("LAMBDA");
      boolean insideBuilder = inBuilder || builder;
      for (var e : node.entrySet()) {
        if (cls.equals("LAMBDA") && e.getKey().equals("lhs")) continue;
        children(e.getValue(), depth + 1, lambda, insideBuilder);
      }
    }

    private final Set<Map<String, Object>> refused =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** Walks the values under a node: every map with a "class" is an expression node. */
    void children(Object v, int depth, boolean inLambda, boolean inBuilder) {
      if (v instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Map<String, Object> node = (Map<String, Object>) m;
        if (node.containsKey("class")) {
          if ("TYPE".equals(node.get("class"))) {
            problemAt(node, "may not use a type here", null);
            return;
          }
          expression(node, depth, inLambda, inBuilder);
        } else {
          for (Object x : node.values()) children(x, depth, inLambda, inBuilder);
        }
      } else if (v instanceof List<?> l) {
        for (Object x : l) children(x, depth, inLambda, inBuilder);
      }
    }

    void columnRef(Map<String, Object> node, boolean inLambda) {
      List<Object> names = list(node.get("column_names"));
      if (names == null) return;
      for (Object n : names) {
        if (String.valueOf(n).startsWith("__")) {
          problemAt(
              node,
              "may not refer to '" + n + "': names starting with __ are slo's own",
              "rename the column in the export");
          return;
        }
      }
      for (Object n : names) {
        if (!typographic
            && String.valueOf(n)
                .matches(".*[\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u00AB\u00BB].*")) {
          problemAt(
              node,
              "uses typographic quotes (" + n + "), which SQL reads as part of a column name",
              "write text in straight single quotes: 'like this'");
          typographic = true;
          return;
        }
      }
      if (names.size() != 1 || inLambda) return;
      String name = String.valueOf(names.get(0));
      if (!SPECIAL_NAMES.contains(name.toLowerCase(Locale.ROOT))) return;
      if (!original) {
        // the canonical text prints a quoted column unquoted; the first walk decided
        return;
      }
      int off = offset(node);
      String text = item.expression().text();
      if (off < text.length() && text.charAt(off) == '"') {
        quotedSpecial.add(name);
        return;
      }
      problemAt(
          node,
          "may not use "
              + name
              + ": it is the "
              + (name.toLowerCase(Locale.ROOT).contains("time")
                      || name.toLowerCase(Locale.ROOT).contains("date")
                  ? "current time"
                  : "current session")
              + ", so results would change from run to run",
          "compare with the event time column and pass --at; for a column of that name write \""
              + name
              + "\"");
    }

    /**
     * Checks a function call; true when it is a size-building function (its arguments are then
     * inside a builder).
     */
    boolean function(Map<String, Object> node, boolean inLambda, boolean inBuilder) {
      String raw = String.valueOf(node.get("function_name"));
      String name = raw.toLowerCase(Locale.ROOT);
      String call = name.equals("count_star") ? "count(*)" : raw + "()";
      if (!empty(node.get("schema")) || !empty(node.get("catalog"))) {
        refuse(
            node,
            "may not call a function by schema or catalog (" + raw + ")",
            "call " + raw + " by its name alone");
        return false;
      }
      if (!empty(node.get("filter"))
          || Boolean.TRUE.equals(node.get("distinct"))
          || Boolean.TRUE.equals(node.get("export_state"))
          || hasOrders(node)) {
        refuse(
            node,
            "may not use aggregate clauses (FILTER, DISTINCT, ORDER BY) in " + call,
            "an expression is evaluated per event; slo counts the events for you");
        return false;
      }
      List<Object> args = list(node.get("arguments"));
      int argc = args == null ? 0 : args.size();
      if (argc > MAX_LIST) {
        refuse(
            node,
            "passes " + argc + " values to " + call + ", more than " + MAX_LIST,
            "shorten the list");
        return false;
      }
      if (name.startsWith("__")) {
        refuse(node, "may not call " + call + ": it is internal to DuckDB", null);
        return false;
      }
      String state = ENGINE_STATE.get(name);
      if (state != null) {
        refuse(node, "may not call " + call + ": it " + state, "use columns of the source only");
        return false;
      }
      Set<String> kinds = functionKinds.getOrDefault(name, Set.of());
      boolean scalar = kinds.stream().anyMatch(k -> k.startsWith("scalar/"));
      boolean macro = kinds.contains("macro/");
      if (kinds.isEmpty()) {
        refuse(node, "calls " + call + ", which is not a DuckDB function", null);
        return false;
      }
      if (kinds.stream().anyMatch(k -> k.startsWith("aggregate/"))) {
        refuse(
            node,
            "may not call the aggregate " + call,
            "an expression is evaluated per event; slo counts the events for you");
        return false;
      }
      if (kinds.stream().anyMatch(k -> k.startsWith("window/"))) {
        refuse(
            node,
            "may not use the window function " + call,
            "an expression is evaluated per event");
        return false;
      }
      if (!scalar && !macro) {
        refuse(
            node,
            "may not call " + call + ": expressions may not read files or tables",
            "use columns of the source only");
        return false;
      }
      if (kinds.stream().anyMatch(k -> k.startsWith("scalar/") && !k.equals("scalar/CONSISTENT"))) {
        boolean clock =
            name.contains("time")
                || name.contains("date")
                || name.equals("now")
                || name.equals("today");
        refuse(
            node,
            "may not call "
                + call
                + ": "
                + (clock
                    ? "it reads the clock"
                    : kinds.contains("scalar/VOLATILE")
                        ? "it has side effects or a different result on every call"
                        : "its result depends on the session or the query")
                + ", so results would change from run to run",
            clock
                ? "compare with the event time column instead, and pass --at"
                : "use columns of the source only");
        return false;
      }
      if (macro && !ROW_MACROS.contains(name)) {
        String why =
            name.equals("ago") || name.endsWith("_time")
                ? "it reads the clock, so results would change from run to run"
                : "it is a built-in macro that reads DuckDB's session or catalog, not the event";
        refuse(node, "may not call " + call + ": " + why, "use columns of the source only");
        return false;
      }
      boolean builder =
          SIZE_ARGUMENT.containsKey(name) || SEQUENCES.contains(name) || FORMATS.contains(name);
      if (!builder) return false;
      builders++;
      if (inBuilder) {
        refuse(
            node,
            "may not call " + call + " inside another function that builds lists or strings",
            "results could grow to millions of values per event");
        return true;
      }
      if (inLambda) nestedBuilders.add(new int[] {offset(node)});
      List<Map<String, Object>> values = new ArrayList<>();
      if (args != null)
        for (Object a : args) values.add(map(map(a) == null ? null : map(a).get("expression")));
      if (SEQUENCES.contains(name)) sequence(node, call, name, values);
      else if (FORMATS.contains(name)) format(node, call, name, values);
      else {
        int at = SIZE_ARGUMENT.get(name);
        if (values.size() > at) {
          BigDecimal n = wholeConstant(values.get(at));
          if (n == null) {
            refuse(
                node,
                "may not call " + call + " with a size that is not a whole-number constant",
                "write the size as a number up to " + MAX_BUILT);
          } else if (n.compareTo(BigDecimal.valueOf(MAX_BUILT)) > 0) {
            refuse(
                node,
                "may not call "
                    + call
                    + " with size "
                    + n.toPlainString()
                    + ", more than "
                    + MAX_BUILT,
                "every event would build a value that large");
          }
        }
      }
      return true;
    }

    private void sequence(
        Map<String, Object> node, String call, String name, List<Map<String, Object>> values) {
      List<BigDecimal> n = new ArrayList<>();
      for (Map<String, Object> v : values) n.add(wholeConstant(v));
      if (n.isEmpty() || n.size() > 3 || n.contains(null)) {
        refuse(
            node,
            "may not call " + call + " with arguments that are not whole-number constants",
            "a list built per event must have a fixed size of at most " + MAX_BUILT);
        return;
      }
      BigDecimal start = n.size() == 1 ? BigDecimal.ZERO : n.get(0);
      BigDecimal stop = n.size() == 1 ? n.get(0) : n.get(1);
      BigDecimal step = n.size() == 3 ? n.get(2) : BigDecimal.ONE;
      if (step.signum() == 0) return; // DuckDB refuses a zero step itself
      // range excludes its stop, generate_series includes it
      BigDecimal ratio = stop.subtract(start).divide(step, 6, java.math.RoundingMode.FLOOR);
      BigDecimal count =
          name.equals("range")
              ? ratio.setScale(0, java.math.RoundingMode.CEILING)
              : ratio.setScale(0, java.math.RoundingMode.FLOOR).add(BigDecimal.ONE);
      count = count.max(BigDecimal.ZERO);
      if (count.compareTo(BigDecimal.valueOf(MAX_BUILT)) > 0) {
        refuse(
            node,
            "may not call "
                + call
                + ": it builds about "
                + count.toPlainString()
                + " values per event, more than "
                + MAX_BUILT,
            "every event would build a list that large");
      }
    }

    private void format(
        Map<String, Object> node, String call, String name, List<Map<String, Object>> values) {
      String fmt = values.isEmpty() ? null : stringConstant(values.get(0));
      if (fmt == null) {
        refuse(
            node,
            "may not call " + call + " with a format that is not a constant string",
            "write the format in quotes");
        return;
      }
      boolean dynamic =
          name.equals("printf") ? fmt.contains("*") : fmt.matches("(?s).*\\{[^}]*\\{.*");
      java.util.regex.Matcher digits = java.util.regex.Pattern.compile("[0-9]+").matcher(fmt);
      boolean wide = false;
      while (digits.find()) {
        String d = digits.group();
        if (d.length() > 5 || Integer.parseInt(d) > MAX_BUILT) wide = true;
      }
      if (dynamic || wide) {
        refuse(
            node,
            "may not call "
                + call
                + " with a width over "
                + MAX_BUILT
                + " or taken from an argument",
            "every event would build a value that large");
      }
    }

    private void refuse(Map<String, Object> node, String message, String hint) {
      refused.add(node);
      problemAt(node, message, hint);
    }

    private boolean hasOrders(Map<String, Object> node) {
      Map<String, Object> o = map(node.get("order_bys"));
      List<Object> orders = o == null ? null : list(o.get("orders"));
      return orders != null && !orders.isEmpty();
    }

    /** Why a cast's type is refused (its name), or null when it is allowed. */
    private String badType(Map<String, Object> t) {
      if (!"TYPE".equals(t.get("class"))) return "a computed type";
      String name = String.valueOf(t.get("type_name"));
      if (!empty(t.get("schema")) || !empty(t.get("catalog"))) return name;
      String upper = name.toUpperCase(Locale.ROOT);
      List<Object> children = list(t.get("children"));
      if (children == null) children = List.of();
      switch (upper) {
        case "LIST" -> {
          return children.size() == 1 ? badType(map(children.get(0))) : name;
        }
        case "ARRAY" -> {
          if (children.size() != 2) return name;
          BigDecimal size = wholeConstant(map(children.get(1)));
          if (size == null || size.compareTo(BigDecimal.valueOf(MAX_LIST)) > 0)
            return "an array of more than " + MAX_LIST + " values";
          return badType(map(children.get(0)));
        }
        case "STRUCT", "MAP" -> {
          if (children.isEmpty() || children.size() > MAX_LIST) return name;
          for (Object c : children) {
            Map<String, Object> m = map(c);
            String bad = m == null ? name : badType(m);
            if (bad != null) return bad;
          }
          return null;
        }
        default -> {
          if (!SCALAR_TYPES.contains(upper)) return name;
          for (Object c : children) {
            Map<String, Object> m = map(c);
            if (m == null || !"CONSTANT".equals(m.get("class")))
              return name + " with these modifiers";
          }
          return null;
        }
      }
    }
  }

  /**
   * The character offset of the first occurrence of {@code keyword} (upper case) as a bare word in
   * SQL text, outside string literals, quoted identifiers and comments; -1 when there is none.
   */
  static int bareWord(String sql, String keyword) {
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        boolean escapes =
            c == '\'' && i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
        int j = i + 1;
        while (j < n) {
          char d = sql.charAt(j);
          if (escapes && d == '\\') {
            j += 2;
            continue;
          }
          if (d == c) {
            if (j + 1 < n && sql.charAt(j + 1) == c) {
              j += 2;
              continue;
            }
            break;
          }
          j++;
        }
        i = j + 1;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int depth = 1;
        int j = i + 2;
        while (j < n && depth > 0) {
          if (sql.startsWith("/*", j)) {
            depth++;
            j += 2;
          } else if (sql.startsWith("*/", j)) {
            depth--;
            j += 2;
          } else j++;
        }
        i = j;
      } else if (c == '$') {
        java.util.regex.Matcher tag =
            java.util.regex.Pattern.compile("\\$[A-Za-z_]*\\$").matcher(sql).region(i, n);
        if (tag.lookingAt()) {
          int end = sql.indexOf(tag.group(), tag.end());
          i = end < 0 ? n : end + tag.group().length();
        } else i++;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < n
            && (Character.isLetterOrDigit(sql.charAt(j))
                || sql.charAt(j) == '_'
                || sql.charAt(j) == '$')) j++;
        if (sql.substring(i, j).toUpperCase(Locale.ROOT).equals(keyword)) return i;
        i = j;
      } else if (Character.isDigit(c)) {
        int j = i;
        while (j < n
            && (Character.isLetterOrDigit(sql.charAt(j))
                || sql.charAt(j) == '_'
                || sql.charAt(j) == '.')) j++;
        i = j;
      } else i++;
    }
    return -1;
  }

  /** A whole-number CONSTANT node's value, else null. */
  private static BigDecimal wholeConstant(Map<String, Object> node) {
    if (node == null || !"CONSTANT".equals(node.get("class"))) return null;
    Map<String, Object> lit = map(node.get("literal"));
    if (lit == null || !(lit.get("text") instanceof String t)) return null;
    try {
      BigDecimal d = new BigDecimal(t.strip());
      return d.stripTrailingZeros().scale() <= 0 ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A string CONSTANT node's text, else null. */
  private static String stringConstant(Map<String, Object> node) {
    if (node == null || !"CONSTANT".equals(node.get("class"))) return null;
    Map<String, Object> lit = map(node.get("literal"));
    if (lit == null || !"STRING".equals(lit.get("kind"))) return null;
    return lit.get("text") instanceof String t ? t : null;
  }

  /**
   * Type-checks many expressions against one source with two queries; only when one of them is
   * wrong are they checked one by one, to say which.
   */
  public List<Located> checkTypes(List<Item> items, BoundSource source) {
    if (items.isEmpty()) return List.of();
    List<Located> problems = new ArrayList<>();
    List<Item> typed = new ArrayList<>();
    Map<Item, CheckedExpression> sql = new HashMap<>();
    for (Item item : items) {
      Checked c = check(List.of(item));
      if (!c.problems().isEmpty()) {
        for (Problem p : c.problems()) problems.add(new Located(Kind.SPEC, p));
        continue;
      }
      CheckedExpression ce = c.checked().get(item.expression());
      List<Problem> special = specialNames(item, ce, source);
      if (!special.isEmpty()) {
        for (Problem p : special) problems.add(new Located(Kind.SPEC, p));
        continue;
      }
      sql.put(item, ce);
      typed.add(item);
    }
    if (typed.isEmpty()) return problems;
    String from = Sql.ident(source.view());
    StringBuilder cols = new StringBuilder();
    StringBuilder probes = new StringBuilder();
    for (int i = 0; i < typed.size(); i++) {
      String e = sql.get(typed.get(i)).sql();
      cols.append(i == 0 ? "" : ", ").append(e).append(" AS c").append(i);
      probes.append(i == 0 ? "" : ", ").append("count_if(").append(e).append(" IS TRUE)");
    }
    try {
      List<String> types =
          db.query("DESCRIBE SELECT " + cols + " FROM " + from, r -> r.getString(2));
      if (types.stream().allMatch("BOOLEAN"::equals)) {
        db.query(
            "SELECT " + probes + " FROM (SELECT * FROM " + from + " LIMIT 500)", r -> r.getLong(1));
        return problems;
      }
    } catch (Database.QueryFailed e) {
      // one of them is wrong: find which below
    }
    for (Item item : typed) problems.addAll(checkType(sql.get(item), item.role(), source));
    return problems;
  }

  /**
   * Type-checks an expression against its bound source, and runs it over the first rows so that
   * impossible casts surface now with the SLO's name.
   *
   * @return problems; a missing column is reported as {@link Kind#DATA}, the rest as {@link
   *     Kind#SPEC}
   */
  public List<Located> checkTypes(SqlExpression e, String role, BoundSource source) {
    return checkTypes(List.of(new Item(e, role)), source);
  }

  /** Quoted clock names the source has no column for: unquoted, they would read the clock. */
  private static List<Problem> specialNames(Item item, CheckedExpression ce, BoundSource source) {
    List<Problem> problems = new ArrayList<>();
    for (String name : ce.quotedSpecialNames()) {
      boolean has = source.columns().keySet().stream().anyMatch(c -> c.equalsIgnoreCase(name));
      if (!has) {
        problems.add(
            new Problem(
                item.expression().location(),
                item.role()
                    + " refers to column \""
                    + name
                    + "\", which "
                    + source.label()
                    + " does not have (without such a column, "
                    + name
                    + " reads the clock or the session)",
                "columns: " + source.columnList()));
      }
    }
    return problems;
  }

  private List<Located> checkType(CheckedExpression ce, String role, BoundSource source) {
    List<Located> problems = new ArrayList<>();
    SqlExpression e = ce.written();
    String from = Sql.ident(source.view());
    try {
      String type =
          db.one("DESCRIBE SELECT " + ce.sql() + " AS v FROM " + from, r -> r.getString(2));
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
          "SELECT count(*) FROM (SELECT * FROM " + from + " LIMIT 500) WHERE " + ce.sql(),
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
            new Located(Kind.SPEC, new Problem(e.location(), role + " fails: " + tidy(m), null)));
      }
    }
    return problems;
  }

  /** DuckDB's message without its multi-line context (which quotes slo's internal SQL). */
  private static String tidy(String m) {
    String first = m.lines().findFirst().orElse(m).strip();
    return first.replaceFirst("^java\\.sql\\.SQLException: ", "");
  }

  /** Looks up the kinds of every function name in these trees not known yet, in one query. */
  private void loadKinds(List<Object> trees) {
    Set<String> names = new HashSet<>();
    for (Object t : trees) collectFunctions(t, names);
    names.removeIf(functionKinds::containsKey);
    if (names.isEmpty()) return;
    for (String n : names) functionKinds.put(n, new HashSet<>());
    db.query(
        "SELECT DISTINCT lower(function_name), function_type, coalesce(stability, '') FROM duckdb_functions() WHERE lower(function_name) IN ("
            + String.join(", ", names.stream().map(Sql::literal).toList())
            + ")",
        r -> functionKinds.get(r.getString(1)).add(r.getString(2) + "/" + r.getString(3)));
  }

  private static void collectFunctions(Object v, Set<String> names) {
    if (v instanceof Map<?, ?> m) {
      if ("FUNCTION".equals(m.get("class")) && m.get("function_name") instanceof String n) {
        if (n.indexOf('\0') < 0) names.add(n.toLowerCase(Locale.ROOT));
      }
      for (Object x : m.values()) collectFunctions(x, names);
    } else if (v instanceof List<?> l) {
      for (Object x : l) collectFunctions(x, names);
    }
  }

  /**
   * Where the character at {@code offset} of an expression's text is: further along the first line,
   * or (in a {@code |} block) on a later line, counted from the block's indentation.
   */
  static SourceLocation at(SqlExpression e, int offset) {
    String t = e.text();
    int off = Math.max(0, Math.min(offset, t.length()));
    int lastNewline = t.lastIndexOf('\n', off - 1);
    SourceLocation start = e.location();
    if (lastNewline < 0) return start.shifted(off);
    int lines = 0;
    for (int i = 0; i < off; i++) if (t.charAt(i) == '\n') lines++;
    if (start.line() <= 0) return start;
    return new SourceLocation(
        start.file(),
        start.line() + lines,
        start.column() == 0 ? 0 : start.column() + (off - lastNewline - 1));
  }

  private static String example(String role) {
    return role.endsWith("where") ? "for example: tenant <> 'test'" : "for example: status < 500";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : null;
  }

  /** Null, "" or an empty list. */
  private static boolean empty(Object v) {
    if (v == null) return true;
    if (v instanceof String s) return s.isEmpty();
    if (v instanceof List<?> l) return l.isEmpty();
    return false;
  }

  /** Whether a problem is about the spec (exit 2) or about the data (exit 3). */
  public enum Kind {
    SPEC,
    DATA
  }

  /** A problem with its kind. */
  public record Located(Kind kind, Problem problem) {}
}
