package io.slotoolkit.cli;

import io.slotoolkit.engine.AdhocQuery;
import io.slotoolkit.engine.TimeColumn;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.SloException;
import io.slotoolkit.report.Style;
import io.slotoolkit.report.TextTable;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sql SELECT ...} in the shell: a read-only query over the session's sources. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Run one read-only SELECT over the loaded sources (each is a table named like the source)"
          + " and print the rows as a table.",
      "Only SELECT is allowed, and only the sources' files can be read. Values longer than 60"
          + " characters are cut."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sql SELECT status, count(*) FROM api GROUP BY ALL ORDER BY 2 DESC",
      "  sql --limit 5 SELECT * FROM api WHERE latency_ms > 1000",
      "  sql DESCRIBE api                      columns and their types"
    })
final class SqlCommand implements Callable<Integer> {
  private final Shell shell;
  @Spec CommandSpec spec;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "Print at most N rows. Default: ${DEFAULT-VALUE}.")
  int limit;

  @Parameters(
      paramLabel = "SELECT",
      arity = "0..1",
      description = "The query, the rest of the line as typed.")
  String query;

  SqlCommand(Shell shell) {
    this.shell = shell;
  }

  /** Longer values are cut, so that one user agent does not push every column off the screen. */
  static final int MAX_CELL = 60;

  static String cell(String v) {
    if (v == null) return "NULL";
    String one = v.replace('\n', ' ').replace('\t', ' ');
    return one.length() > MAX_CELL ? one.substring(0, MAX_CELL - 3) + "..." : one;
  }

  @Override
  public Integer call() {
    if (limit < 1) throw SloException.spec("--limit must be 1 or more", null);
    if (query == null || query.isBlank()) {
      throw SloException.spec(
          "sql: no query given",
          "tables: " + String.join(", ", shell.session().adhoc().tables().keySet()));
    }
    AdhocQuery.Rows rows = shell.session().adhoc().select(query, limit);
    PrintWriter out = spec.commandLine().getOut();
    boolean[] right = new boolean[rows.columns().size()];
    for (int i = 0; i < right.length; i++) right[i] = TimeColumn.isNumeric(rows.types().get(i));
    TextTable t = new TextTable(rows.columns(), right);
    for (var r : rows.rows()) t.add(r.stream().map(SqlCommand::cell).toArray(String[]::new));
    t.print(out, new Style(shell.color()));
    int n = rows.rows().size();
    out.println(
        rows.truncated()
            ? "(first " + n + " rows; --limit N shows more)"
            : "(" + n + (n == 1 ? " row)" : " rows)"));
    out.flush();
    return ExitCode.OK.code();
  }
}
