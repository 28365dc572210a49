package io.slotoolkit.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prints DuckDB SQL as Spark SQL: the dialect seam of the scan compiler. {@link ScanCompiler}
 * writes one scan in DuckDB's dialect (pinned byte for byte by the SQL tests); another engine has
 * that text parsed by DuckDB's own parser ({@code json_serialize_sql}) and printed from the tree by
 * this class, so there is one compiler and the same single scan runs on both engines.
 *
 * <p>Only what is listed here is printed; anything else (a function, an operator, a cast type, a
 * clause) fails with {@link Untranslatable} naming it, so a user expression that would mean
 * something else on Spark is refused instead of run. Each mapping keeps DuckDB's meaning under the
 * session settings the Spark engine uses (time zone UTC, ANSI mode): see docs/scale-out.md.
 */
public final class SparkDialect {
  private SparkDialect() {}

  /** A construct of the DuckDB tree that has no Spark SQL with the same meaning. */
  public static final class Untranslatable extends RuntimeException {
    private final String construct;

    Untranslatable(String construct, String why) {
      super(construct + (why == null ? " has no Spark SQL equivalent" : ": " + why));
      this.construct = construct;
    }

    /** The function, operator, type or clause that could not be printed. */
    public String construct() {
      return construct;
    }
  }

  /**
   * Functions a user expression may call on Spark, each printed as a Spark function of the same
   * name and arguments with the same result for every input the checker lets through.
   */
  static final Set<String> SAME_NAME =
      Set.of(
          "lower",
          "upper",
          "length",
          "abs",
          "ceil",
          "floor",
          "greatest",
          "least",
          "trim",
          "ltrim",
          "rtrim",
          "reverse",
          "sqrt",
          "ln",
          "exp",
          "sign",
          "concat",
          "year",
          "month",
          "day",
          "hour",
          "minute",
          "second",
          "replace",
          "left",
          "right",
          "isnan");

  /** DuckDB name to Spark name, same arguments. */
  static final Map<String, String> RENAMED =
      Map.ofEntries(
          Map.entry("starts_with", "startswith"),
          Map.entry("prefix", "startswith"),
          Map.entry("ends_with", "endswith"),
          Map.entry("suffix", "endswith"),
          Map.entry("contains", "contains"),
          Map.entry("strlen", "octet_length"),
          Map.entry("regexp_matches", "regexp"),
          Map.entry("ifnull", "coalesce"),
          Map.entry("log10", "log10"),
          Map.entry("log2", "log2"),
          Map.entry("pow", "power"),
          Map.entry("power", "power"),
          Map.entry("epoch_us", "unix_micros"));

  /** The functions a user expression may call with --engine spark (for messages and docs). */
  public static Set<String> userFunctions() {
    java.util.TreeSet<String> all = new java.util.TreeSet<>(SAME_NAME);
    all.addAll(RENAMED.keySet());
    all.remove("epoch_us");
    all.addAll(List.of("round", "trunc", "nullif", "coalesce", "if", "substring", "substr"));
    return all;
  }

  /**
   * The Spark form of a DuckDB SELECT statement, given its {@code json_serialize_sql} tree.
   *
   * @throws Untranslatable naming the first construct without a Spark form
   */
  public static String select(String serializedTree) {
    Map<String, Object> top = map(Json.parse(serializedTree));
    if (Boolean.TRUE.equals(top.get("error")))
      throw new IllegalArgumentException("not parsed: " + top.get("error_message"));
    List<Object> statements = list(top.get("statements"));
    if (statements.size() != 1) throw new Untranslatable("several statements", null);
    return node(map(map(statements.get(0)).get("node")));
  }

  /** The Spark form of one expression: the tree of {@code SELECT <expression>}. */
  public static String expression(String serializedTree) {
    Map<String, Object> top = map(Json.parse(serializedTree));
    Map<String, Object> node = map(map(list(top.get("statements")).get(0)).get("node"));
    List<Object> select = list(node.get("select_list"));
    if (select.size() != 1) throw new Untranslatable("a list of expressions", null);
    return new SparkDialectPrinter().expr(map(select.get(0)));
  }

  private static String node(Map<String, Object> node) {
    return new SparkDialectPrinter().selectNode(node);
  }

  /** A Spark string literal: backslashes and quotes escaped (Spark unescapes both). */
  public static String literal(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /**
   * The instant of a wall clock time in a zone as DuckDB gives it for {@code timezone(zone, naive)}
   * (ICU), for every wall time: a time that occurs once is that instant; a time in the
   * spring-forward gap moves forward by the gap (as Spark's {@code to_utc_timestamp} does too); a
   * time that occurs twice (the fall-back hour) is its <em>later</em> occurrence, where {@code
   * to_utc_timestamp} gives the earlier one.
   *
   * <p>How: {@code e} is {@code to_utc_timestamp(wall)}, the earlier occurrence. The wall time one
   * day later occurs once (in the JDK's time zone data, no switch from 1900 to 2040 in any zone
   * repeats a day or falls within a day of another: checked zone by zone), so reading it and
   * stepping back a day gives {@code c}, the wall time read with the offset in force after any
   * switch in between. Where {@code c} shows the same wall time in the zone, the time occurs at
   * {@code c} (the later occurrence when it occurs twice); elsewhere (a gap, a switch within the
   * next day that {@code wall} is not part of) {@code c} shows another wall time and {@code e} is
   * the answer. {@code wall} is a Spark TIMESTAMP read under session time zone UTC (its epoch
   * microseconds are the wall time's); it is printed four times.
   */
  public static String wallTimeInZone(String wall, String zone) {
    String e = "to_utc_timestamp(" + wall + ", " + zone + ")";
    String c = "(to_utc_timestamp(" + wall + " + INTERVAL 1 DAY, " + zone + ") - INTERVAL 1 DAY)";
    return "(CASE WHEN from_utc_timestamp("
        + c
        + ", "
        + zone
        + ") = "
        + wall
        + " THEN "
        + c
        + " ELSE "
        + e
        + " END)";
  }

  /** A Spark identifier: backticks, a backtick doubled. */
  public static String ident(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : List.of();
  }

  /** The printer proper: one walk over a tree. */
  private static final class SparkDialectPrinter extends TreePrinter {

    String selectNode(Map<String, Object> node) {
      if (!"SELECT_NODE".equals(node.get("type")))
        throw new Untranslatable(String.valueOf(node.get("type")), null);
      for (String k : List.of("having", "qualify", "sample"))
        if (node.get(k) != null) throw new Untranslatable(k.toUpperCase(Locale.ROOT), null);
      if (!list(node.get("modifiers")).isEmpty())
        throw new Untranslatable("ORDER BY, LIMIT or DISTINCT", null);
      Map<String, Object> cte = map(node.get("cte_map"));
      if (cte != null && !list(cte.get("map")).isEmpty()) throw new Untranslatable("WITH", null);
      if (!"STANDARD_HANDLING".equals(String.valueOf(node.get("aggregate_handling"))))
        throw new Untranslatable("GROUP BY ALL", null);
      StringBuilder b = new StringBuilder("SELECT ");
      List<Object> items = list(node.get("select_list"));
      for (int i = 0; i < items.size(); i++) {
        Map<String, Object> e = map(items.get(i));
        if (i > 0) b.append(", ");
        b.append(expr(e));
        if (e.get("alias") instanceof String a && !a.isEmpty()) b.append(" AS ").append(ident(a));
      }
      Map<String, Object> from = map(node.get("from_table"));
      if (from != null && !"EMPTY".equals(from.get("type"))) b.append(" FROM ").append(table(from));
      if (node.get("where_clause") != null)
        b.append(" WHERE ").append(expr(map(node.get("where_clause"))));
      List<Object> groups = list(node.get("group_expressions"));
      if (!groups.isEmpty()) {
        List<String> g = new ArrayList<>();
        for (Object e : groups) g.add(expr(map(e)));
        List<Object> sets = list(node.get("group_sets"));
        // always as grouping sets: Spark's grouping() is defined only there, even for one set
        b.append(" GROUP BY GROUPING SETS (");
        for (int s = 0; s < sets.size(); s++) {
          if (s > 0) b.append(", ");
          List<String> cols = new ArrayList<>();
          for (Object i : list(sets.get(s))) cols.add(g.get(((BigDecimal) i).intValue()));
          b.append('(').append(String.join(", ", cols)).append(')');
        }
        b.append(')');
      }
      return b.toString();
    }

    private String table(Map<String, Object> from) {
      String type = String.valueOf(from.get("type"));
      String alias = from.get("alias") instanceof String a && !a.isEmpty() ? a : null;
      if (!list(from.get("column_name_alias")).isEmpty())
        throw new Untranslatable("column aliases of a table", null);
      String t =
          switch (type) {
            case "BASE_TABLE" -> {
              if (!empty(from.get("schema_name")) || !empty(from.get("catalog_name")))
                throw new Untranslatable("a qualified table name", null);
              yield ident(String.valueOf(from.get("table_name")));
            }
            case "SUBQUERY" ->
                "(" + selectNode(map(map(map(from.get("subquery")).get("node")))) + ")";
            default -> throw new Untranslatable("FROM " + type, null);
          };
      // Spark wants every subquery in FROM named
      if (alias == null && type.equals("SUBQUERY")) alias = "__q" + (++subqueries);
      return alias == null ? t : t + " AS " + ident(alias);
    }

    private int subqueries;

    @Override
    String column(List<Object> names) {
      List<String> parts = new ArrayList<>();
      for (Object o : names) parts.add(ident(String.valueOf(o)));
      return String.join(".", parts);
    }

    @Override
    String other(String cls, Map<String, Object> n) {
      return switch (cls) {
        case "STAR" -> {
          if (!empty(n.get("relation_name"))
              || !list(n.get("exclude_list")).isEmpty()
              || !list(n.get("replace_list")).isEmpty()
              || Boolean.TRUE.equals(n.get("columns")))
            throw new Untranslatable("a qualified star", null);
          yield "*";
        }
        case "SUBQUERY" -> throw new Untranslatable("a subquery", null);
        case "WINDOW" -> throw new Untranslatable("a window function", null);
        default -> throw new Untranslatable(cls.toLowerCase(Locale.ROOT) + " expression", null);
      };
    }

    @Override
    Untranslatable refuse(String construct, String why) {
      return new Untranslatable(construct, why);
    }

    @Override
    String constant(Map<String, Object> lit) {
      String kind = String.valueOf(lit.get("kind"));
      String text = String.valueOf(lit.get("text"));
      return switch (kind) {
        case "NULL_LITERAL", "NULL" -> "NULL";
        case "STRING", "VARCHAR" -> literal(text);
        case "BOOLEAN" -> Boolean.parseBoolean(text) ? "TRUE" : "FALSE";
        case "INTEGER", "BIGINT", "TINYINT", "SMALLINT" -> {
          // a BIGINT literal needs its suffix where it does not fit an INT
          long v = Long.parseLong(text);
          yield v == (int) v ? text : text + "L";
        }
        case "HUGEINT" -> "CAST(" + literal(text) + " AS DECIMAL(38,0))";
        case "DECIMAL", "NUMERIC" -> text.contains(".") ? text : text + "BD";
        case "DOUBLE", "FLOAT" -> "CAST(" + literal(text) + " AS DOUBLE)";
        default -> throw new Untranslatable("a " + kind + " constant", null);
      };
    }

    @Override
    String comparison(String type, Map<String, Object> n) {
      String l = expr(map(n.get("left")));
      String r = expr(map(n.get("right")));
      return switch (type) {
        case "COMPARE_EQUAL" -> "(" + l + " = " + r + ")";
        case "COMPARE_NOTEQUAL" -> "(" + l + " != " + r + ")";
        case "COMPARE_LESSTHAN" -> "(" + l + " < " + r + ")";
        case "COMPARE_GREATERTHAN" -> "(" + l + " > " + r + ")";
        case "COMPARE_LESSTHANOREQUALTO" -> "(" + l + " <= " + r + ")";
        case "COMPARE_GREATERTHANOREQUALTO" -> "(" + l + " >= " + r + ")";
        case "COMPARE_NOT_DISTINCT_FROM" -> "(" + l + " <=> " + r + ")";
        case "COMPARE_DISTINCT_FROM" -> "(NOT (" + l + " <=> " + r + "))";
        default -> throw new Untranslatable(type, null);
      };
    }

    @Override
    String operator(String type, List<Object> children) {
      List<String> c = new ArrayList<>();
      for (Object o : children) c.add(expr(map(o)));
      String common = commonOperator(type, c, true);
      if (common != null) return common;
      return switch (type) {
        case "GROUPING_FUNCTION" -> {
          // DuckDB's GROUPING(a, b) is one bitmask, the first column the highest bit; Spark's
          // grouping_id() must name every GROUP BY column, so the mask is built from grouping()
          List<String> bits = new ArrayList<>();
          for (int i = 0; i < c.size(); i++) {
            long weight = 1L << (c.size() - 1 - i);
            bits.add("CAST(grouping(" + c.get(i) + ") AS BIGINT) * " + weight);
          }
          yield "(" + String.join(" + ", bits) + ")";
        }
        default -> throw new Untranslatable(type, null);
      };
    }

    @Override
    String cast(Map<String, Object> n) {
      String child = expr(map(n.get("child")));
      Map<String, Object> t = map(n.get("type_expr"));
      String name = String.valueOf(t.get("type_name")).toUpperCase(Locale.ROOT);
      List<Object> args = list(t.get("children"));
      boolean tryCast = Boolean.TRUE.equals(n.get("try_cast"));
      String target =
          switch (name) {
            case "VARCHAR", "TEXT", "STRING", "CHAR", "BPCHAR" -> "STRING";
            case "BOOLEAN", "BOOL" -> "BOOLEAN";
            case "TINYINT", "INT1" -> "TINYINT";
            case "SMALLINT", "INT2" -> "SMALLINT";
            case "INTEGER", "INT", "INT4" -> "INT";
            case "BIGINT", "INT8", "LONG" -> "BIGINT";
            case "HUGEINT", "INT128" -> "DECIMAL(38,0)";
            case "DOUBLE", "FLOAT8" -> "DOUBLE";
            case "FLOAT", "FLOAT4", "REAL" -> "FLOAT";
            case "DATE" -> "DATE";
            // the session zone is UTC: a Spark TIMESTAMP holds DuckDB's naive and zoned values
            // alike as the same epoch microseconds
            case "TIMESTAMP", "DATETIME", "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE" -> "TIMESTAMP";
            case "DECIMAL", "NUMERIC" -> {
              if (args.isEmpty()) yield "DECIMAL(18,3)";
              List<String> ps = new ArrayList<>();
              for (Object a : args) ps.add(expr(map(a)));
              yield "DECIMAL(" + String.join(",", ps) + ")";
            }
            default -> throw new Untranslatable("a cast to " + name, null);
          };
      if (name.startsWith("TIMESTAMP") || name.equals("DATETIME")) {
        // a TIMESTAMPTZ literal as DuckDB prints it ('... +00'): Spark wants '+00:00'
        Map<String, Object> c = map(n.get("child"));
        if ("CONSTANT".equals(c.get("class"))) {
          String text = String.valueOf(map(c.get("literal")).get("text"));
          if (text.matches(".*[+-][0-9][0-9]$")) text = text + ":00";
          child = literal(text);
        }
      }
      return (tryCast ? "try_cast(" : "CAST(") + child + " AS " + target + ")";
    }

    @Override
    String function(Map<String, Object> n) {
      String name = String.valueOf(n.get("function_name")).toLowerCase(Locale.ROOT);
      if (!empty(n.get("schema")) || !empty(n.get("catalog")))
        throw new Untranslatable("function " + name + "()", "a qualified function name");
      if (n.get("filter") != null || Boolean.TRUE.equals(n.get("distinct")))
        throw new Untranslatable(
            "function " + name + "()", "FILTER and DISTINCT are not translated");
      Map<String, Object> orders = map(n.get("order_bys"));
      if (orders != null && !list(orders.get("orders")).isEmpty())
        throw new Untranslatable("function " + name + "()", "ORDER BY in a call");
      List<String> a = new ArrayList<>();
      for (Object arg : list(n.get("arguments"))) {
        Map<String, Object> m = map(arg);
        Map<String, Object> e =
            m != null && m.containsKey("expression") ? map(m.get("expression")) : m;
        if (m != null && !empty(m.get("name")))
          throw new Untranslatable("function " + name + "()", "named arguments");
        a.add(expr(e));
      }
      if (Boolean.TRUE.equals(n.get("is_operator"))) return operatorCall(name, a);
      return switch (name) {
        // the scan's own functions
        case "sum" -> "sum(CAST(" + one(name, a) + " AS BIGINT))";
        case "count" -> a.isEmpty() ? "count(1)" : "count(" + one(name, a) + ")";
        case "epoch_us" -> "unix_micros(CAST(" + one(name, a) + " AS TIMESTAMP))";
        case "timezone" -> {
          // timezone(zone, naive) reads a naive time as wall clock time in zone
          if (a.size() != 2) throw arity(name);
          yield wallTimeInZone(a.get(1), a.get(0));
        }
        case "isfinite" -> {
          String x = one(name, a);
          yield "(NOT isnan(" + x + ") AND abs(" + x + ") != CAST('Infinity' AS DOUBLE))";
        }
        case "trunc" -> {
          // DuckDB's trunc(x) rounds toward zero; Spark's trunc() truncates dates
          String x = one(name, a);
          yield "(CASE WHEN " + x + " >= 0 THEN floor(" + x + ") ELSE ceil(" + x + ") END)";
        }
        case "round" ->
            a.size() == 1 ? "round(" + a.get(0) + ")" : "round(" + String.join(", ", a) + ")";
        case "nullif", "coalesce" -> name + "(" + String.join(", ", a) + ")";
        case "if" -> {
          if (a.size() != 3) throw arity(name);
          yield "(CASE WHEN " + a.get(0) + " THEN " + a.get(1) + " ELSE " + a.get(2) + " END)";
        }
        case "substring", "substr" -> "substring(" + String.join(", ", a) + ")";
        default -> {
          if (SAME_NAME.contains(name)) yield name + "(" + String.join(", ", a) + ")";
          String renamed = RENAMED.get(name);
          if (renamed != null) yield renamed + "(" + String.join(", ", a) + ")";
          throw new Untranslatable(
              "function " + name + "()",
              "not available with --engine spark; allowed there: "
                  + String.join(", ", userFunctions()));
        }
      };
    }

    private static String operatorCall(String op, List<String> a) {
      if (a.size() == 1) {
        return switch (op) {
          case "-" -> "(-" + a.get(0) + ")";
          case "+" -> a.get(0);
          default -> throw new Untranslatable("operator " + op, null);
        };
      }
      if (a.size() != 2) throw new Untranslatable("operator " + op, null);
      String l = a.get(0);
      String r = a.get(1);
      return switch (op) {
        case "+", "-", "*", "%" -> "(" + l + " " + op + " " + r + ")";
        // DuckDB: / is always a division of doubles (as in Spark), // divides integers; by zero
        // both give NULL where Spark's ANSI mode would fail the query
        case "/" -> "try_divide(" + l + ", " + r + ")";
        case "//" -> "(" + l + " div " + r + ")";
        case "||" -> "concat(" + l + ", " + r + ")";
        case "~~" -> "(" + l + " LIKE " + r + ")";
        case "!~~" -> "(NOT (" + l + " LIKE " + r + "))";
        case "~~*" -> "(" + l + " ILIKE " + r + ")";
        case "!~~*" -> "(NOT (" + l + " ILIKE " + r + "))";
        default -> throw new Untranslatable("operator " + op, null);
      };
    }

    private static boolean empty(Object o) {
      return o == null || (o instanceof String s && s.isEmpty());
    }
  }

  private static boolean empty(Object o) {
    return o == null || (o instanceof String s && s.isEmpty());
  }
}
