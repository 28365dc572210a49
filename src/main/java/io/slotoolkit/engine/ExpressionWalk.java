package io.slotoolkit.engine;

import static io.slotoolkit.engine.ExpressionAllowList.CLAUSES;
import static io.slotoolkit.engine.ExpressionAllowList.ENGINE_STATE;
import static io.slotoolkit.engine.ExpressionAllowList.FORMATS;
import static io.slotoolkit.engine.ExpressionAllowList.OPERATORS;
import static io.slotoolkit.engine.ExpressionAllowList.SCALAR_TYPES;
import static io.slotoolkit.engine.ExpressionAllowList.SEQUENCES;
import static io.slotoolkit.engine.ExpressionAllowList.SIZE_ARGUMENT;
import static io.slotoolkit.engine.ExpressionChecker.MAX_BUILT;
import static io.slotoolkit.engine.ExpressionChecker.MAX_DEPTH;
import static io.slotoolkit.engine.ExpressionChecker.MAX_LIST;
import static io.slotoolkit.engine.ExpressionChecker.PREFIX;
import static io.slotoolkit.engine.ExpressionChecker.ROW_MACROS;
import static io.slotoolkit.engine.ExpressionChecker.SPECIAL_NAMES;
import static io.slotoolkit.engine.ExpressionChecker.at;
import static io.slotoolkit.engine.ExpressionChecker.bareWord;
import static io.slotoolkit.engine.ExpressionChecker.example;

import io.slotoolkit.engine.ExpressionChecker.Item;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SourceLocation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One expression's walk for {@link ExpressionChecker}: DuckDB's parse tree of {@code SELECT } +
 * text, checked node by node against {@link ExpressionAllowList} and the size limits; its problems,
 * and the names it quoted that could read the clock.
 *
 * <p>Why this class is large: it is one recursive walk over every node class DuckDB's parser emits,
 * and the function-call rules (engine state, macros, size arguments, sequences, formats) it applies
 * on the way all add to the same problems and builder counters; splitting it would spread one
 * decision (is this tree safe to compile?) over several classes.
 */
final class ExpressionWalk {
  final Item item;
  final boolean original;

  /** function name (lower case) -> "type/stability" of each of its overloads. */
  private final Map<String, Set<String>> functionKinds;

  final List<Problem> problems = new ArrayList<>();
  final Set<String> quotedSpecial = new LinkedHashSet<>();
  int builders;
  boolean typographic;
  final List<int[]> nestedBuilders = new ArrayList<>();

  ExpressionWalk(Item item, boolean original, Map<String, Set<String>> functionKinds) {
    this.item = item;
    this.original = original;
    this.functionKinds = functionKinds;
  }

  void problem(int offset, String message, String hint) {
    SourceLocation where = original ? at(item.expression(), offset) : item.expression().location();
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
          window, "must be one expression, but the text goes on with WINDOW", example(item.role()));
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
   * Checks a function call; true when it is a size-building function (its arguments are then inside
   * a builder).
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
          node, "may not use the window function " + call, "an expression is evaluated per event");
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
          "may not call " + call + " with a width over " + MAX_BUILT + " or taken from an argument",
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

  /** A whole-number CONSTANT node's value, else null. */
  static BigDecimal wholeConstant(Map<String, Object> node) {
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
  static String stringConstant(Map<String, Object> node) {
    if (node == null || !"CONSTANT".equals(node.get("class"))) return null;
    Map<String, Object> lit = map(node.get("literal"));
    if (lit == null || !"STRING".equals(lit.get("kind"))) return null;
    return lit.get("text") instanceof String t ? t : null;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : null;
  }

  /** Null, "" or an empty list. */
  static boolean empty(Object v) {
    if (v == null) return true;
    if (v instanceof String s) return s.isEmpty();
    if (v instanceof List<?> l) return l.isEmpty();
    return false;
  }
}
