package io.slotoolkit.engine;

import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SqlExpression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source's derived columns ({@code columns: {section: "regexp_extract(path, '^/[^/]*')"}}): a
 * view over the bound source that adds one column per expression, so that they are columns like any
 * other for expressions, {@code per:}, {@code dimensions:}, {@code --by} and {@code mask:}.
 *
 * <p>The expressions' shape (one expression, no statements, subqueries or table functions) is
 * checked with every other expression before anything is read ({@link #shapeItems}); their types
 * here, against the files' columns. A derived column reads the file's columns only, not other
 * derived columns.
 */
final class DerivedColumns {
  private DerivedColumns() {}

  /** The items for the expression checker's shape check. */
  static List<ExpressionChecker.Item> shapeItems(DataSource source) {
    List<ExpressionChecker.Item> items = new ArrayList<>();
    source
        .derived()
        .forEach((name, e) -> items.add(new ExpressionChecker.Item(e, role(source, name))));
    return items;
  }

  private static String role(DataSource source, String name) {
    return "source '" + source.name() + "': derived column '" + name + "'";
  }

  /**
   * The source with its derived columns added, or {@code b} itself when it has none.
   *
   * @throws SloException a spec error (exit 2) for an expression that does not type-check or a name
   *     that is already a column; a data error (exit 3) for one that reads a column the files do
   *     not have
   */
  static BoundSource bind(Database db, ExpressionChecker checker, BoundSource b) {
    DataSource source = b.source();
    if (source.derived().isEmpty()) return b;
    List<Problem> spec = new ArrayList<>();
    List<Problem> data = new ArrayList<>();
    String from = Sql.ident(b.view());
    StringBuilder select = new StringBuilder("SELECT *");
    for (Map.Entry<String, SqlExpression> e : source.derived().entrySet()) {
      String name = e.getKey();
      SqlExpression x = e.getValue();
      if (b.columns().keySet().stream().anyMatch(c -> c.equalsIgnoreCase(name))) {
        spec.add(
            new Problem(
                x.location(),
                role(source, name) + " has the name of a column of the files",
                "choose another name; a derived column may not hide a file column"));
        continue;
      }
      String sql = checker.checked(x, role(source, name)).sql();
      try {
        db.one("DESCRIBE SELECT " + sql + " AS v FROM " + from, r -> r.getString(2));
      } catch (Database.QueryFailed ex) {
        String m = ex.getMessage();
        String missing = ex.missingColumn();
        if (missing != null) {
          Problem p = b.missingColumn(x.location(), role(source, name), missing);
          data.add(
              new Problem(
                  p.location(),
                  p.message(),
                  p.hint() + " (derived columns cannot read each other)"));
        } else {
          spec.add(new Problem(x.location(), role(source, name) + " fails: " + m, null));
        }
        continue;
      }
      select.append(", ").append(sql).append(" AS ").append(Sql.ident(name));
    }
    if (!spec.isEmpty() || !data.isEmpty()) {
      List<Problem> all = new ArrayList<>(spec);
      all.addAll(data);
      throw new SloException(
          spec.isEmpty() ? io.slotoolkit.model.ExitCode.DATA : io.slotoolkit.model.ExitCode.USAGE,
          all.size() == 1 ? all.get(0).render() : all.size() + " problems with derived columns",
          null,
          all,
          null);
    }
    String view = b.view() + "_derived";
    select.append(" FROM ").append(from);
    Map<String, String> columns = new LinkedHashMap<>();
    db.query("DESCRIBE " + select, r -> columns.put(r.getString(1), r.getString(2)));
    db.createTempView(view, select.toString());
    return b.withView(view, columns);
  }
}
