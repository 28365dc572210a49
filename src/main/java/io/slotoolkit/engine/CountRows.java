package io.slotoolkit.engine;

import io.slotoolkit.model.Problem;
import io.slotoolkit.model.Sli;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SqlExpression;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of pre-aggregated counts ({@code sli: counts}): the numeric checks of the two expressions,
 * and the rows that cannot be counts (negative, not whole, good above total), which are malformed
 * rows: left out of every sum, counted against {@code max_bad_rows} and named.
 */
final class CountRows {
  private CountRows() {}

  /**
   * True when both values are whole, not negative, within HUGEINT's range (so NaN and infinity are
   * not), and good is at most total; NULL when either is NULL (the row is then skipped like a row
   * whose ratio expression is NULL).
   *
   * @param g the checked SQL of the good count, parenthesised
   * @param t the checked SQL of the total count, parenthesised
   */
  static String ok(String g, String t) {
    return "("
        + g
        + " >= 0 AND "
        + g
        + " <= "
        + t
        + " AND "
        + g
        + " = trunc("
        + g
        + ") AND "
        + t
        + " = trunc("
        + t
        + ") AND TRY_CAST("
        + t
        + " AS HUGEINT) IS NOT NULL)";
  }

  /**
   * A value as an exact whole number for summing; NULL (never an error) where it is not one, which
   * only {@link #ok} rows are summed anyway.
   */
  static String exact(String sql) {
    return "TRY_CAST(" + sql + " AS HUGEINT)";
  }

  /** The checked SQL of a counts SLO's good count. */
  static String good(ExpressionChecker checker, Slo slo) {
    return checker.checked(((Sli.Counts) slo.sli()).goodCount(), role(slo, "good")).sql();
  }

  /** The checked SQL of a counts SLO's total count. */
  static String total(ExpressionChecker checker, Slo slo) {
    return checker.checked(((Sli.Counts) slo.sli()).validCount(), role(slo, "total")).sql();
  }

  /** How messages name one of the two expressions, as the shape check names it. */
  static String role(Slo slo, String which) {
    return "SLO '" + slo.name() + "': counts " + which;
  }

  /**
   * Type-checks the good and total expressions of a counts SLO against its bound source: each must
   * be a number.
   */
  static List<ExpressionChecker.Located> checkTypes(
      Database db, ExpressionChecker checker, Slo slo, BoundSource src) {
    List<ExpressionChecker.Located> problems = new ArrayList<>();
    Sli.Counts c = (Sli.Counts) slo.sli();
    String p = "SLO '" + slo.name() + "': counts ";
    for (var e :
        List.of(
            java.util.Map.entry("good", c.goodCount()),
            java.util.Map.entry("total", c.validCount()))) {
      SqlExpression x = e.getValue();
      try {
        String type =
            db.one(
                "DESCRIBE SELECT "
                    + checker.checked(x, role(slo, e.getKey())).sql()
                    + " AS v FROM "
                    + Sql.ident(src.view()),
                r -> r.getString(2));
        if (!TimeColumn.isNumeric(type)) {
          problems.add(
              new ExpressionChecker.Located(
                  ExpressionChecker.Kind.SPEC,
                  new Problem(
                      x.location(),
                      p + e.getKey() + " must be a number for each row, but it is " + type,
                      "write a numeric expression such as \"requests - errors\"")));
        }
      } catch (Database.QueryFailed ex) {
        String missing = ex.missingColumn();
        problems.add(
            missing != null
                ? new ExpressionChecker.Located(
                    ExpressionChecker.Kind.DATA,
                    src.missingColumn(x.location(), p + e.getKey(), missing))
                : new ExpressionChecker.Located(
                    ExpressionChecker.Kind.SPEC,
                    new Problem(
                        x.location(), p + e.getKey() + " fails: " + ex.getMessage(), null)));
      }
    }
    return problems;
  }

  /**
   * The rows of these counts SLOs (all reading {@code src}) that are not counts, among the rows the
   * source's {@code where} keeps: how many, and the first few, named by SLO, event time and values.
   */
  static MalformedLines malformed(
      Database db, ExpressionChecker checker, BoundSource src, List<Slo> slos) {
    if (slos.isEmpty()) return MalformedLines.NONE;
    String keep =
        src.source().where() == null
            ? "TRUE"
            : "coalesce(" + checker.checked(src.source().where(), "where").sql() + ", FALSE)";
    String from = Sql.ident(src.view());
    long rows = 0;
    List<MalformedLines.Line> first = new ArrayList<>();
    for (Slo slo : slos) {
      String g = good(checker, slo);
      String t = total(checker, slo);
      String bad = keep + " AND NOT " + ok(g, t);
      long n = db.one("SELECT count(*) FROM " + from + " WHERE " + bad, r -> r.getLong(1));
      rows += n;
      if (n == 0 || first.size() >= 10) continue;
      db.query(
          "SELECT CAST("
              + src.time().column()
              + " AS VARCHAR), CAST("
              + g
              + " AS VARCHAR), CAST("
              + t
              + " AS VARCHAR) FROM "
              + from
              + " WHERE "
              + bad
              + " LIMIT "
              + (10 - first.size()),
          r -> {
            first.add(
                new MalformedLines.Line(
                    String.valueOf(slo.location().file()),
                    slo.location().line(),
                    "SLO '"
                        + slo.name()
                        + "': the row at "
                        + r.getString(1)
                        + " has good "
                        + r.getString(2)
                        + " and total "
                        + r.getString(3)
                        + what(r.getString(2), r.getString(3))));
            return null;
          });
    }
    return new MalformedLines(rows, first);
  }

  /** Why such a row is not counts. */
  private static String what(String good, String total) {
    try {
      java.math.BigDecimal g = new java.math.BigDecimal(good);
      java.math.BigDecimal t = new java.math.BigDecimal(total);
      if (g.signum() < 0 || t.signum() < 0) return ": a count cannot be negative";
      if (g.stripTrailingZeros().scale() > 0 || t.stripTrailingZeros().scale() > 0)
        return ": a count is a whole number";
      if (g.compareTo(t) > 0) return ": good is more than total";
    } catch (NumberFormatException e) {
      return ": not a finite number";
    }
    return "";
  }
}
