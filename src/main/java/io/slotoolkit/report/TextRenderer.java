package io.slotoolkit.report;

import io.slotoolkit.model.Evaluation;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.SourceStats;
import io.slotoolkit.model.Status;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The terminal scorecard: one line per SLO; for an SLO with {@code per}, a summary line and one
 * line per group that is not OK (every group with {@code allGroups}).
 */
public final class TextRenderer implements Renderer {
  private final Style style;
  private final boolean allGroups;
  private final String failOn;

  public TextRenderer(Style style, boolean allGroups, String failOn) {
    this.style = style;
    this.allGroups = allGroups;
    this.failOn = failOn;
  }

  @Override
  public void render(Evaluation e, PrintWriter out) {
    out.println(
        style.bold("slo check") + style.dim(" · evaluated at " + Times.human(e.at(), e.zone())));
    out.println();
    TextTable t =
        new TextTable(
            List.of(
                "SLO",
                "SERVICE",
                "GROUP",
                "WINDOW",
                "OBJECTIVE",
                "SLI",
                "GOOD/TOTAL",
                "BUDGET LEFT",
                "BAD LEFT",
                "BURN",
                "STATUS"),
            false,
            false,
            false,
            false,
            true,
            true,
            true,
            true,
            true,
            true,
            false);
    Map<String, List<SloResult>> bySlo = new LinkedHashMap<>();
    for (SloResult r : e.results())
      bySlo.computeIfAbsent(r.slo().qualifiedName(), k -> new ArrayList<>()).add(r);
    int hidden = 0;
    for (List<SloResult> rs : bySlo.values()) {
      SloResult first = rs.get(0);
      if (first.group() == null) {
        t.add(row(first, first.slo().name(), first.slo().service(), ""));
        continue;
      }
      long breached = rs.stream().filter(r -> r.status() == Status.BREACHED).count();
      long noData = rs.stream().filter(r -> r.status() == Status.NO_DATA).count();
      long ok = rs.size() - breached - noData;
      boolean empty = first.group().columns().isEmpty();
      String summary =
          empty ? "no groups" : rs.size() + " × " + String.join(",", first.group().columns());
      String statuses =
          (breached > 0 ? style.red(breached + " BREACHED") + " " : "")
              + (ok > 0 ? style.green(ok + " OK") + " " : "")
              + (noData > 0 ? style.yellow(noData + " NO_DATA") : "");
      long good = rs.stream().mapToLong(SloResult::good).sum();
      long total = rs.stream().mapToLong(SloResult::total).sum();
      t.add(
          first.slo().name(),
          first.slo().service(),
          summary,
          first.slo().window().label(),
          first.slo().objective().percent(),
          "",
          Numbers.count(good) + "/" + Numbers.count(total),
          "",
          "",
          "",
          statuses.strip());
      for (SloResult r : rs) {
        if (empty) continue;
        if (!allGroups && r.status() != Status.BREACHED) {
          hidden++;
          continue;
        }
        t.add(row(r, "", "", "  " + r.group().label()));
      }
    }
    t.print(out, style);
    if (hidden > 0)
      out.println(
          style.dim(
              "("
                  + hidden
                  + " groups that are OK or without enough data not shown; --all-groups lists them)"));
    out.println();
    for (SourceStats s : e.sources()) {
      StringBuilder b =
          new StringBuilder("source ")
              .append(s.source().name())
              .append(" (")
              .append(s.source().specFile())
              .append("): ")
              .append(s.files())
              .append(s.files() == 1 ? " file, " : " files, ")
              .append(Numbers.count(s.rowsInRange()))
              .append(" rows in range");
      if (s.source().where() != null)
        b.append(", ").append(Numbers.count(s.excludedRows())).append(" excluded by where");
      b.append(", ").append(Numbers.count(s.badRows())).append(" malformed");
      if (s.badRows() > 0) b.append(" (allowed ").append(s.source().maxBadRows()).append(')');
      out.println(style.dim(b.toString()));
      for (String sample : s.badRowSamples()) out.println(style.dim("  " + sample));
    }
    long breached = e.results().stream().filter(r -> r.status() == Status.BREACHED).count();
    String verdict = e.passed() ? style.green("PASSED") : style.red("FAILED");
    out.println(
        verdict
            + ": "
            + breached
            + " of "
            + e.results().size()
            + " result(s) BREACHED (--fail-on "
            + failOn
            + ")");
    out.flush();
  }

  private String[] row(SloResult r, String name, String service, String group) {
    String status =
        switch (r.status()) {
          case OK -> style.green("OK");
          case BREACHED -> style.red("BREACHED");
          case NO_DATA -> style.yellow("NO_DATA");
        };
    String budget = Numbers.budgetPercent(r.budget().remaining());
    if (r.budget().remaining() != null && r.budget().remaining() < 0) budget = style.red(budget);
    String left = r.total() == 0 ? "-" : Numbers.count(Numbers.badEventsLeft(r.budget()));
    return new String[] {
      name,
      service,
      group,
      name.isEmpty() ? "" : r.slo().window().label(),
      name.isEmpty() ? "" : r.slo().objective().percent(),
      Numbers.sliPercent(r.sli(), r.slo().objective()),
      Numbers.count(r.good()) + "/" + Numbers.count(r.total()),
      budget,
      left,
      Numbers.burn(r.burnRate()),
      status
    };
  }
}
