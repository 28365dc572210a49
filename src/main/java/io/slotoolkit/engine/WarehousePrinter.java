package io.slotoolkit.engine;

import static io.slotoolkit.engine.SparkDialect.list;
import static io.slotoolkit.engine.SparkDialect.map;

import io.slotoolkit.model.SqlDialectName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a checked user expression, given DuckDB's parse tree of {@code SELECT <expression>}, as
 * BigQuery (GoogleSQL) or Snowflake SQL: the warehouse members of the dialect family ({@link
 * SqlDialect}). The walk is {@link TreePrinter}'s, shared with {@link SparkDialect}; what differs
 * per dialect is the quoting and the table of functions and operators.
 *
 * <p>Only constructs with the same meaning as in DuckDB for every input are printed; anything else
 * fails with {@link SparkDialect.Untranslatable} naming the construct and the dialect. Where the
 * two differ on NULLs, string positions, escapes or division by zero, the construct is rewritten to
 * DuckDB's meaning or refused (see docs/scale-out.md, "The warehouse path").
 */
final class WarehousePrinter extends TreePrinter {
  private final SqlDialectName dialect;

  WarehousePrinter(SqlDialectName dialect) {
    if (dialect != SqlDialectName.BIGQUERY && dialect != SqlDialectName.SNOWFLAKE)
      throw new IllegalArgumentException("not a warehouse dialect: " + dialect);
    this.dialect = dialect;
  }

  private boolean bigQuery() {
    return dialect == SqlDialectName.BIGQUERY;
  }

  private String dialectName() {
    return bigQuery() ? "BigQuery" : "Snowflake";
  }

  /** The functions printed for both warehouses (for messages and docs). */
  static final List<String> FUNCTIONS =
      List.of(
          "abs",
          "ceil",
          "coalesce",
          "ends_with",
          "floor",
          "greatest",
          "if",
          "least",
          "length",
          "lower",
          "nullif",
          "prefix",
          "round",
          "sign",
          "starts_with",
          "suffix",
          "upper");

  /** The expression's tree printed in this dialect. */
  String expression(String serializedTree) {
    Map<String, Object> top = map(Json.parse(serializedTree));
    if (Boolean.TRUE.equals(top.get("error")))
      throw new IllegalArgumentException("not parsed: " + top.get("error_message"));
    Map<String, Object> node = map(map(list(top.get("statements")).get(0)).get("node"));
    List<Object> select = list(node.get("select_list"));
    if (select.size() != 1) throw refuse("a list of expressions", null);
    return expr(map(select.get(0)));
  }

  @Override
  SparkDialect.Untranslatable refuse(String construct, String why) {
    return new SparkDialect.Untranslatable(
        construct,
        "has no " + dialectName() + " SQL with the same meaning" + (why == null ? "" : ": " + why));
  }

  @Override
  String column(List<Object> names) {
    if (names.size() != 1) throw refuse("a qualified column name", null);
    return SqlDialect.column(dialect, String.valueOf(names.get(0)));
  }

  @Override
  String other(String cls, Map<String, Object> n) {
    throw refuse(cls.toLowerCase(Locale.ROOT) + " expression", null);
  }

  @Override
  String constant(Map<String, Object> lit) {
    String kind = String.valueOf(lit.get("kind"));
    String text = String.valueOf(lit.get("text"));
    return switch (kind) {
      case "NULL_LITERAL", "NULL" -> "NULL";
      case "STRING", "VARCHAR" -> SqlDialect.literal(dialect, text);
      case "BOOLEAN" -> Boolean.parseBoolean(text) ? "TRUE" : "FALSE";
      case "INTEGER", "BIGINT", "TINYINT", "SMALLINT" -> text;
      // DuckDB reads 0.5 as an exact DECIMAL; BigQuery would read it as FLOAT64, Snowflake reads
      // it as an exact NUMBER already
      case "DECIMAL", "NUMERIC" ->
          bigQuery() ? "NUMERIC " + SqlDialect.literal(dialect, text) : text;
      default -> throw refuse("a " + kind + " constant", null);
    };
  }

  @Override
  String comparison(String type, Map<String, Object> n) {
    String l = expr(map(n.get("left")));
    String r = expr(map(n.get("right")));
    return switch (type) {
      case "COMPARE_EQUAL" -> "(" + l + " = " + r + ")";
      case "COMPARE_NOTEQUAL" -> "(" + l + " <> " + r + ")";
      case "COMPARE_LESSTHAN" -> "(" + l + " < " + r + ")";
      case "COMPARE_GREATERTHAN" -> "(" + l + " > " + r + ")";
      case "COMPARE_LESSTHANOREQUALTO" -> "(" + l + " <= " + r + ")";
      case "COMPARE_GREATERTHANOREQUALTO" -> "(" + l + " >= " + r + ")";
      case "COMPARE_NOT_DISTINCT_FROM" -> "(" + l + " IS NOT DISTINCT FROM " + r + ")";
      case "COMPARE_DISTINCT_FROM" -> "(" + l + " IS DISTINCT FROM " + r + ")";
      default -> throw refuse(type, null);
    };
  }

  @Override
  String operator(String type, List<Object> children) {
    List<String> c = new ArrayList<>();
    for (Object o : children) c.add(expr(map(o)));
    String common = commonOperator(type, c, false);
    if (common == null) throw refuse(type, null);
    return common;
  }

  @Override
  String cast(Map<String, Object> n) {
    if (Boolean.TRUE.equals(n.get("try_cast")))
      throw refuse("TRY_CAST", "it returns NULL for other inputs than DuckDB's");
    String name = String.valueOf(map(n.get("type_expr")).get("type_name")).toUpperCase(Locale.ROOT);
    // only a cast to a double is read the same way everywhere; casts to integers round and parse
    // text differently, casts to text print numbers and times differently
    if (!List.of("DOUBLE", "FLOAT8").contains(name))
      throw refuse("a cast to " + name, "only casts to DOUBLE are printed");
    return "CAST(" + expr(map(n.get("child"))) + (bigQuery() ? " AS FLOAT64)" : " AS DOUBLE)");
  }

  @Override
  String function(Map<String, Object> n) {
    String name = String.valueOf(n.get("function_name")).toLowerCase(Locale.ROOT);
    String fn = "function " + name + "()";
    if (n.get("filter") != null || Boolean.TRUE.equals(n.get("distinct")))
      throw refuse(fn, "FILTER and DISTINCT are not translated");
    List<Map<String, Object>> args = new ArrayList<>();
    for (Object arg : list(n.get("arguments"))) {
      Map<String, Object> m = map(arg);
      args.add(m != null && m.containsKey("expression") ? map(m.get("expression")) : m);
    }
    List<String> a = new ArrayList<>();
    for (Map<String, Object> e : args) a.add(expr(e));
    if (Boolean.TRUE.equals(n.get("is_operator"))) return operatorCall(name, a, args);
    return switch (name) {
      case "lower", "upper", "length", "abs", "ceil", "floor", "sign" ->
          name.toUpperCase(Locale.ROOT) + "(" + one(name, a) + ")";
      case "round" -> {
        // half away from zero in all three for numbers
        if (a.isEmpty() || a.size() > 2) throw arity(name);
        yield "ROUND(" + String.join(", ", a) + ")";
      }
      case "starts_with", "prefix" -> two(bigQuery() ? "STARTS_WITH" : "STARTSWITH", name, a);
      case "ends_with", "suffix" -> two(bigQuery() ? "ENDS_WITH" : "ENDSWITH", name, a);
      case "contains" -> {
        if (bigQuery())
          throw refuse(fn, "BigQuery's CONTAINS_SUBSTR ignores case and normalizes text");
        yield two("CONTAINS", name, a);
      }
      case "regexp_matches" -> {
        if (!bigQuery())
          throw refuse(
              fn,
              "Snowflake's regular expressions are POSIX, and REGEXP_LIKE matches the whole text");
        if (a.size() != 2) throw arity(name);
        // both RE2, both true when the pattern matches anywhere in the text
        yield two("REGEXP_CONTAINS", name, a);
      }
      case "coalesce" -> "COALESCE(" + String.join(", ", a) + ")";
      case "nullif" -> two("NULLIF", name, a);
      case "if" -> {
        if (a.size() != 3) throw arity(name);
        yield "(CASE WHEN " + a.get(0) + " THEN " + a.get(1) + " ELSE " + a.get(2) + " END)";
      }
      case "greatest", "least" -> {
        // DuckDB skips NULL arguments (NULL only when all are); both warehouses return NULL when
        // any is. Each NULL is replaced by the first non-NULL argument, which changes no extreme
        if (a.isEmpty()) throw arity(name);
        if (a.size() == 1) yield a.get(0);
        String any = "COALESCE(" + String.join(", ", a) + ")";
        List<String> filled = new ArrayList<>();
        for (String x : a) filled.add("COALESCE(" + x + ", " + any + ")");
        yield name.toUpperCase(Locale.ROOT) + "(" + String.join(", ", filled) + ")";
      }
      default ->
          throw refuse(
              fn,
              "not available with --dialect "
                  + dialect.label()
                  + "; allowed there: "
                  + String.join(", ", allowed()));
    };
  }

  /** Every function a user expression may call in this dialect. */
  List<String> allowed() {
    List<String> all = new ArrayList<>(FUNCTIONS);
    all.add(bigQuery() ? "regexp_matches" : "contains");
    java.util.Collections.sort(all);
    return all;
  }

  private String operatorCall(String op, List<String> a, List<Map<String, Object>> args) {
    if (a.size() == 1) {
      return switch (op) {
        case "-" -> "(-" + a.get(0) + ")";
        case "+" -> a.get(0);
        default -> throw refuse("operator " + op, null);
      };
    }
    if (a.size() != 2) throw refuse("operator " + op, null);
    String l = a.get(0);
    String r = a.get(1);
    return switch (op) {
      case "+", "-", "*" -> "(" + l + " " + op + " " + r + ")";
      case "/" -> {
        // DuckDB divides as doubles, and by zero gives Infinity or NaN, as IEEE_DIVIDE does
        if (bigQuery()) yield "IEEE_DIVIDE(CAST(" + l + " AS FLOAT64), CAST(" + r + " AS FLOAT64))";
        throw refuse(
            "operator /", "Snowflake fails on a division by zero where DuckDB gives Infinity");
      }
      case "//", "%" ->
          throw refuse("operator " + op, "integer division and remainder differ on zero");
      case "||" -> bigQuery() ? "CONCAT(" + l + ", " + r + ")" : "(" + l + " || " + r + ")";
      case "~~", "!~~" -> like(op.startsWith("!"), "LIKE", l, args.get(1));
      case "~~*", "!~~*" -> {
        if (bigQuery()) throw refuse("ILIKE", null);
        yield like(op.startsWith("!"), "ILIKE", l, args.get(1));
      }
      default -> throw refuse("operator " + op, null);
    };
  }

  /**
   * LIKE with a constant pattern without a backslash: DuckDB has no escape character by default,
   * the warehouses may read a backslash as one.
   */
  private String like(boolean not, String op, String left, Map<String, Object> pattern) {
    Map<String, Object> lit =
        "CONSTANT".equals(pattern.get("class")) ? map(pattern.get("literal")) : null;
    String text = lit == null ? null : String.valueOf(lit.get("text"));
    if (lit == null || !List.of("STRING", "VARCHAR").contains(String.valueOf(lit.get("kind"))))
      throw refuse(op + " with a pattern that is not a constant text", null);
    if (text.contains("\\")) throw refuse(op + " with a backslash in the pattern", null);
    String like = "(" + left + " " + op + " " + SqlDialect.literal(dialect, text) + ")";
    return not ? "(NOT " + like + ")" : like;
  }

  private static String two(String printed, String name, List<String> a) {
    if (a.size() != 2) throw arity(name);
    return printed + "(" + a.get(0) + ", " + a.get(1) + ")";
  }
}
