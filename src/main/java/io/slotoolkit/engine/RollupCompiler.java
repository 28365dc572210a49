package io.slotoolkit.engine;

import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.RollupQuery;
import io.slotoolkit.model.Sli;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SqlDialectName;
import io.slotoolkit.model.SqlExpression;
import io.slotoolkit.model.Window;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code slo sql}'s per-minute roll-up: for each source, one statement that counts, per SLO,
 * UTC minute and group of the SLO's {@code per:} columns, the good and valid events exactly as the
 * check scan does (the source's {@code where}, the SLI's good and total expressions, latency
 * thresholds, counts SLIs' sums, NULL group keys kept, rows without an event time left out), in one
 * dialect of {@link SqlDialect}. Windows and exclusions are not applied: they are the counts spec's
 * to apply when the exported result is evaluated.
 *
 * <p>The statement is one {@code UNION ALL} branch per SLO reading the same table, so that every
 * dialect runs it as plain SQL (no grouping sets, whose NULL keys would need {@code GROUPING()} to
 * tell apart from a real NULL).
 */
public final class RollupCompiler {
  private RollupCompiler() {}

  /**
   * The roll-up of these SLOs, one statement per source in the order the sources first appear.
   *
   * @param tables source name to warehouse table (default: the source's name)
   * @throws SloException a spec error (exit 2) naming the SLO, expression and construct the dialect
   *     cannot print, or a source with derived columns
   */
  static List<RollupQuery> compile(
      List<Slo> slos,
      SqlDialectName dialect,
      Map<String, String> tables,
      ExpressionChecker checker,
      Database db) {
    Map<DataSource, List<Slo>> bySource = new LinkedHashMap<>();
    for (Slo slo : slos) bySource.computeIfAbsent(slo.source(), s -> new ArrayList<>()).add(slo);
    List<Problem> problems = new ArrayList<>();
    List<RollupQuery> out = new ArrayList<>();
    for (var e : bySource.entrySet()) {
      try {
        out.add(source(e.getKey(), e.getValue(), dialect, tables, checker, db, problems));
      } catch (Untranslated u) {
        // collected in problems
      }
    }
    if (!problems.isEmpty()) throw SloException.spec(problems);
    return out;
  }

  /** Thrown after a problem was collected, to skip the rest of a source. */
  private static final class Untranslated extends RuntimeException {
    Untranslated() {
      super(null, null, false, false);
    }
  }

  private static RollupQuery source(
      DataSource src,
      List<Slo> slos,
      SqlDialectName d,
      Map<String, String> tables,
      ExpressionChecker checker,
      Database db,
      List<Problem> problems) {
    if (!src.derived().isEmpty()) {
      problems.add(
          new Problem(
              src.location(),
              "source '"
                  + src.name()
                  + "' has derived columns ("
                  + String.join(", ", src.derived().keySet())
                  + "): slo sql reads a warehouse table, which has the files' columns only",
              "compute them in a view of the warehouse, and name it with --table "
                  + src.name()
                  + "=VIEW; then drop derived: from the spec slo sql reads"));
      throw new Untranslated();
    }
    String tableName = tables.getOrDefault(src.name(), src.name());
    String table = SqlDialect.table(d, tableName);
    if (table == null)
      throw SloException.spec(
          "--table " + src.name() + "=" + tableName + ": not a table name",
          "dot-separated names of letters, digits, _, $ and -, e.g. project.dataset.requests");
    String timeColumn = src.time().column();
    String time = SqlDialect.column(d, timeColumn);
    String minute = SqlDialect.minute(d, SqlDialect.eventTime(d, time, src.time().encoding()));
    LinkedHashSet<String> groupSet = new LinkedHashSet<>();
    for (Slo slo : slos) groupSet.addAll(slo.per());
    List<String> groups = List.copyOf(groupSet);
    String keep =
        src.where() == null
            ? null
            : "COALESCE("
                + print(d, db, checker, src.where(), "where", null, problems)
                + ", FALSE)";

    List<String> branches = new ArrayList<>();
    for (Slo slo : slos) {
      StringBuilder b = new StringBuilder("SELECT ");
      b.append(SqlDialect.literal(d, slo.name())).append(" AS ").append(SqlDialect.alias(d, "slo"));
      b.append(", ").append(minute).append(" AS ").append(SqlDialect.alias(d, "minute"));
      for (String g : groups) {
        b.append(", ")
            .append(slo.per().contains(g) ? SqlDialect.column(d, g) : "NULL")
            .append(" AS ")
            .append(SqlDialect.alias(d, g));
      }
      String[] counts = counts(slo, d, db, checker, keep, problems);
      b.append(",\n  ").append(counts[0]).append(" AS ").append(SqlDialect.alias(d, "good"));
      b.append(",\n  ").append(counts[1]).append(" AS ").append(SqlDialect.alias(d, "total"));
      b.append("\nFROM ").append(table);
      b.append("\nWHERE ").append(time).append(" IS NOT NULL");
      b.append("\nGROUP BY ").append(minute);
      for (String g : slo.per()) b.append(", ").append(SqlDialect.column(d, g));
      branches.add(b.toString());
    }
    String sql =
        header(src, slos, d, table, timeColumn, groups) + String.join("\nUNION ALL\n", branches);
    return new RollupQuery(src.name(), table, slos, groups, sql);
  }

  /** The good and total count expressions of one SLO. */
  private static String[] counts(
      Slo slo,
      SqlDialectName d,
      Database db,
      ExpressionChecker checker,
      String keep,
      List<Problem> problems) {
    Sli sli = slo.sli();
    if (sli instanceof Sli.Counts c) {
      String g =
          "("
              + print(d, db, checker, c.goodCount(), CountRows.role(slo, "good"), slo, problems)
              + ")";
      String t =
          "("
              + print(d, db, checker, c.validCount(), CountRows.role(slo, "total"), slo, problems)
              + ")";
      String ok = SqlDialect.countsOk(d, g, t);
      String when = keep == null ? ok : keep + " AND " + ok;
      return new String[] {
        "COALESCE(SUM(CASE WHEN " + when + " THEN " + SqlDialect.exact(d, g) + " END), 0)",
        "COALESCE(SUM(CASE WHEN " + when + " THEN " + SqlDialect.exact(d, t) + " END), 0)"
      };
    }
    String good;
    if (sli instanceof Sli.Ratio r) {
      good = print(d, db, checker, r.good(), ScanCompiler.role(slo, "good"), slo, problems);
    } else {
      Sli.Latency l = (Sli.Latency) sli;
      good = SqlDialect.column(d, l.column()) + " <= " + l.threshold().toPlainString();
    }
    List<String> scope = new ArrayList<>();
    if (keep != null) scope.add(keep);
    if (sli.total() != null)
      scope.add(
          paren(
              print(d, db, checker, sli.total(), ScanCompiler.role(slo, "total"), slo, problems)));
    // as the check scan's flags: good = total AND good, valid = total AND good IS NOT NULL (a row
    // whose good is NULL is skipped, not bad); only TRUE counts
    List<String> goodParts = new ArrayList<>(scope);
    goodParts.add(paren(good));
    List<String> totalParts = new ArrayList<>(scope);
    totalParts.add(paren(good) + " IS NOT NULL");
    return new String[] {
      SqlDialect.countIf(d, String.join(" AND ", goodParts)),
      SqlDialect.countIf(d, String.join(" AND ", totalParts))
    };
  }

  /**
   * {@code sql} in parentheses: user expressions are spliced into conjunctions and {@code IS NOT
   * NULL} tests.
   */
  static String paren(String sql) {
    return "(" + sql + ")";
  }

  /** A user expression, checked, in the dialect; a problem naming it when the dialect refuses. */
  private static String print(
      SqlDialectName d,
      Database db,
      ExpressionChecker checker,
      SqlExpression e,
      String role,
      Slo slo,
      List<Problem> problems) {
    String duck = checker.checked(e, role).sql();
    try {
      return SqlDialect.expression(d, db, duck);
    } catch (SparkDialect.Untranslatable u) {
      String who = slo == null ? "source where" : role;
      problems.add(
          new Problem(
              e.location(),
              who
                  + " \""
                  + e.text()
                  + "\" cannot be printed for --dialect "
                  + d.label()
                  + ": "
                  + u.getMessage(),
              "rewrite the expression with what --dialect "
                  + d.label()
                  + " can print (docs/scale-out.md, \"The warehouse path\"), or roll this SLO up"
                  + " with another dialect"));
      throw new Untranslated();
    }
  }

  /**
   * The header comment: what the statement reads and returns, and the counts spec to evaluate it.
   */
  private static String header(
      DataSource src,
      List<Slo> slos,
      SqlDialectName d,
      String table,
      String timeColumn,
      List<String> groups) {
    List<String> h = new ArrayList<>();
    h.add(
        "slo sql --dialect "
            + d.label()
            + ": per-minute roll-up of source '"
            + src.name()
            + "' ("
            + slos.size()
            + (slos.size() == 1 ? " SLO)" : " SLOs)"));
    h.add(
        "Reads "
            + table
            + ": the spec's column names, with the event time '"
            + timeColumn
            + switch (src.time().encoding()) {
              case EPOCH_S -> "' in seconds since 1970-01-01 UTC.";
              case EPOCH_MS -> "' in milliseconds since 1970-01-01 UTC.";
              case EPOCH_US -> "' in microseconds since 1970-01-01 UTC.";
              case AUTO, PATTERN -> "' a timestamp (UTC, or with a zone).";
            });
    h.add("Rows without an event time are left out, as slo check leaves them out.");
    List<String> cols = new ArrayList<>(List.of("slo", "minute (UTC minute start)"));
    cols.addAll(groups);
    cols.addAll(List.of("good", "total"));
    h.add("One row per SLO, minute and group: " + String.join(", ", cols) + ".");
    h.add(
        "Export the result (CSV or Parquet) and evaluate it with slo check --at <a whole minute>");
    h.add("and this counts spec (path: the exported file; copy the SLOs' alerts:, exclude:,");
    h.add("budgeting: and labels from the original spec):");
    h.add("  version: 1");
    h.add("  sources:");
    for (Slo slo : slos) {
      h.add(
          "    "
              + slo.name()
              + ": {path: rollup.csv, timestamp: minute, timezone: "
              + src.zone().getId()
              + ", where: \"slo = '"
              + slo.name()
              + "'\"}");
    }
    h.add("  slos:");
    for (Slo slo : slos) {
      StringBuilder s =
          new StringBuilder("    - {name: ")
              .append(slo.name())
              .append(", source: ")
              .append(slo.name())
              .append(slo.service() == null ? "" : ", service: " + slo.service())
              .append(", sli: {counts: {good: good, total: total}}, objective: ")
              .append(slo.objective().percent())
              .append(", ")
              .append(window(slo.window()));
      if (!slo.per().isEmpty())
        s.append(", per: [").append(String.join(", ", slo.per())).append(']');
      if (slo.minEvents() > 0) s.append(", min_events: ").append(slo.minEvents());
      h.add(s.append('}').toString());
    }
    StringBuilder b = new StringBuilder();
    // a line break in a name would end the comment: every value stays on its line
    for (String line : h)
      b.append("-- ").append(line.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]", " ")).append('\n');
    return b.toString().replace("-- \n", "--\n");
  }

  /** The window as a spec writes it. */
  private static String window(Window w) {
    if (w instanceof Window.Calendar c && c.fiscal())
      return "window: "
          + c.period().name().toLowerCase(java.util.Locale.ROOT)
          + ", calendar: {start: "
          + String.format(
              java.util.Locale.ROOT,
              "%02d-%02d",
              c.yearStart().getMonthValue(),
              c.yearStart().getDayOfMonth())
          + "}";
    return "window: " + w.label();
  }
}
