package io.slotoolkit.engine;

import static io.slotoolkit.engine.SparkDialect.list;
import static io.slotoolkit.engine.SparkDialect.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The walk every dialect printer makes over DuckDB's parse tree of an expression ({@code
 * json_serialize_sql}): conjunctions, {@code BETWEEN} and {@code CASE} print the same in every
 * dialect; what differs per dialect (column names, constants, comparisons, operators, casts,
 * functions, what is refused and how) is a hook. {@link SparkDialect} and {@link WarehousePrinter}
 * extend it, so a construct added to the walk reaches every dialect.
 */
abstract class TreePrinter {

  /** The expression node {@code n} in this dialect. */
  final String expr(Map<String, Object> n) {
    String cls = String.valueOf(n.get("class"));
    String type = String.valueOf(n.get("type"));
    return switch (cls) {
      case "COLUMN_REF" -> column(list(n.get("column_names")));
      case "CONSTANT" -> constant(map(n.get("literal")));
      case "COMPARISON" -> comparison(type, n);
      case "CONJUNCTION" -> {
        String op =
            switch (type) {
              case "CONJUNCTION_AND" -> " AND ";
              case "CONJUNCTION_OR" -> " OR ";
              default -> throw refuse(type, null);
            };
        List<String> parts = new ArrayList<>();
        for (Object c : list(n.get("children"))) parts.add(expr(map(c)));
        yield "(" + String.join(op, parts) + ")";
      }
      case "OPERATOR" -> operator(type, list(n.get("children")));
      case "BETWEEN" ->
          "("
              + expr(map(n.get("input")))
              + " BETWEEN "
              + expr(map(n.get("lower")))
              + " AND "
              + expr(map(n.get("upper")))
              + ")";
      case "CASE" -> {
        StringBuilder b = new StringBuilder("CASE");
        for (Object c : list(n.get("case_checks"))) {
          Map<String, Object> check = map(c);
          b.append(" WHEN ").append(expr(map(check.get("when_expr"))));
          b.append(" THEN ").append(expr(map(check.get("then_expr"))));
        }
        Map<String, Object> other = map(n.get("else_expr"));
        if (other != null) b.append(" ELSE ").append(expr(other));
        yield b.append(" END").toString();
      }
      case "CAST" -> cast(n);
      case "FUNCTION" -> function(n);
      default -> other(cls, n);
    };
  }

  /** A column reference, by its name parts. */
  abstract String column(List<Object> names);

  abstract String constant(Map<String, Object> literal);

  abstract String comparison(String type, Map<String, Object> n);

  abstract String operator(String type, List<Object> children);

  /**
   * The operators every dialect writes alike over its printed operands {@code c}: NOT, IS [NOT]
   * NULL, [NOT] IN, and COALESCE and NULLIF named in the dialect's case ({@code lower}: Spark's
   * lower-case functions); null for any other operator.
   */
  static String commonOperator(String type, List<String> c, boolean lower) {
    return switch (type) {
      case "OPERATOR_NOT" -> "(NOT " + c.get(0) + ")";
      case "OPERATOR_IS_NULL" -> "(" + c.get(0) + " IS NULL)";
      case "OPERATOR_IS_NOT_NULL" -> "(" + c.get(0) + " IS NOT NULL)";
      case "COMPARE_IN", "COMPARE_NOT_IN" ->
          "("
              + c.get(0)
              + (type.equals("COMPARE_IN") ? " IN (" : " NOT IN (")
              + String.join(", ", c.subList(1, c.size()))
              + "))";
      case "OPERATOR_COALESCE" -> (lower ? "coalesce(" : "COALESCE(") + String.join(", ", c) + ")";
      case "OPERATOR_NULLIF" -> (lower ? "nullif(" : "NULLIF(") + String.join(", ", c) + ")";
      default -> null;
    };
  }

  abstract String cast(Map<String, Object> n);

  abstract String function(Map<String, Object> n);

  /** A node of another class ({@code STAR}, {@code SUBQUERY}, ...): printed or refused. */
  abstract String other(String cls, Map<String, Object> n);

  /** The refusal of {@code construct} in this dialect ({@code why}: null for the usual words). */
  abstract SparkDialect.Untranslatable refuse(String construct, String why);

  /** The only argument of a function call. */
  static String one(String name, List<String> a) {
    if (a.size() != 1) throw arity(name);
    return a.get(0);
  }

  static SparkDialect.Untranslatable arity(String name) {
    return new SparkDialect.Untranslatable(
        "function " + name + "()", "unexpected number of arguments");
  }
}
