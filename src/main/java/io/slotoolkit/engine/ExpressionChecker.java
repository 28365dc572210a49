package io.slotoolkit.engine;

import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.SqlExpression;
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
 *
 * <p>The walk itself is {@link ExpressionWalk}, its lists are {@link ExpressionAllowList}. Why this
 * class is still large: it owns the whole pipeline around the walk (batched parse, print back,
 * re-parse, and the type check against a bound source) with a one-by-one fallback at each step to
 * say which expression failed, plus the limits and lists its callers and tests read.
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

  static final String PREFIX = "SELECT ";

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
    private final Set<String> nullOnlyThrough;

    private CheckedExpression(
        SqlExpression written,
        String sql,
        Set<String> quotedSpecialNames,
        Set<String> nullOnlyThrough) {
      this.written = written;
      this.sql = sql;
      this.quotedSpecialNames = Set.copyOf(quotedSpecialNames);
      this.nullOnlyThrough = nullOnlyThrough;
    }

    /**
     * Whether the expression is never NULL on rows where none of {@code columnsWithoutNulls}
     * (lower-case names) is: its shape is NULL only through columns, all of them among these
     * ({@link NullShape}).
     */
    public boolean neverNullOver(Set<String> columnsWithoutNulls) {
      return nullOnlyThrough != null && columnsWithoutNulls.containsAll(nullOnlyThrough);
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
    List<ExpressionWalk> walks = new ArrayList<>();
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
      ExpressionWalk w = new ExpressionWalk(item, true, functionKinds);
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
      ExpressionWalk w = new ExpressionWalk(item, false, functionKinds);
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
                item.expression(),
                text.substring(PREFIX.length()),
                walks.get(k).quotedSpecial,
                NullShape.of(again.get(n)));
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
      String missing = ex.missingColumn();
      if (missing != null) {
        problems.add(new Located(Kind.DATA, source.missingColumn(e.location(), role, missing)));
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

  static String example(String role) {
    return role.endsWith("where") ? "for example: tenant <> 'test'" : "for example: status < 500";
  }

  /** Whether a problem is about the spec (exit 2) or about the data (exit 3). */
  public enum Kind {
    SPEC,
    DATA
  }

  /** A problem with its kind. */
  public record Located(Kind kind, Problem problem) {}
}
