package io.slotoolkit.report;

import io.slotoolkit.model.Breakdown;
import io.slotoolkit.model.BudgetPoint;
import io.slotoolkit.model.DailyCounts;
import io.slotoolkit.model.GroupView;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.Report;
import io.slotoolkit.model.SloReport;
import io.slotoolkit.model.SourceStats;
import io.slotoolkit.model.Status;
import java.io.PrintWriter;
import java.util.List;

/** The terminal report: a scorecard of every SLO, then one section per SLO. */
public final class ReportTextRenderer implements ReportRenderer {
  private final Style style;

  public ReportTextRenderer(Style style) {
    this.style = style;
  }

  @Override
  public void render(Report r, PrintWriter out) {
    out.println(
        style.bold("slo report")
            + style.dim(
                " · evaluated at "
                    + Times.human(r.at(), r.zone())
                    + " · "
                    + ReportFormat.summary(r)));
    if (!r.masked().isEmpty())
      out.println(style.dim("masked: " + String.join(", ", r.masked()) + " (pseudonyms)"));
    if (r.period() != null) out.println(style.dim(PeriodHistory.chosen(r)));
    out.println();
    TextTable t =
        new TextTable(
            List.of(
                "SLO",
                "WINDOW",
                "OBJECTIVE",
                "YESTERDAY",
                "LAST 7D",
                "WINDOW SLI",
                "BUDGET LEFT",
                "DAILY SLI",
                "STATUS"),
            false,
            true,
            true,
            true,
            true,
            true,
            true,
            false,
            false);
    for (SloReport s : r.slos()) {
      Objective o = s.slo().objective();
      t.add(
          s.slo().name(),
          s.slo().window().label(),
          o.percent(),
          Numbers.sliPercent(s.yesterday().sli(), o),
          Numbers.sliPercent(s.last7Days().sli(), o),
          Numbers.sliPercent(s.window().sli(), o),
          budget(s.window().budget().remaining()),
          recentTrend(s),
          health(s));
    }
    t.print(out, style);
    ReportComposites.text(r, out, style);
    for (SloReport s : r.slos()) {
      section(s, r, out);
      PeriodHistory.text(s, r, out, style);
    }
    out.println();
    for (SourceStats s : r.sources()) {
      out.println(
          style.dim(
              "source "
                  + s.source().name()
                  + ": "
                  + s.files()
                  + (s.files() == 1 ? " file, " : " files, ")
                  + Numbers.count(s.rowsInRange())
                  + " rows read, "
                  + Numbers.count(s.excludedRows())
                  + " excluded by where, "
                  + Numbers.count(s.badRows())
                  + " malformed"));
      for (String sample : s.badRowSamples()) out.println(style.dim("  " + sample));
      for (String note : s.notes()) out.println(style.dim("  note: " + note));
    }
    out.flush();
  }

  private void section(SloReport s, Report r, PrintWriter out) {
    Objective o = s.slo().objective();
    out.println();
    out.println(
        style.bold("── " + s.slo().name())
            + " ("
            + s.slo().service()
            + ") · "
            + o.percent()
            + " over "
            + s.slo().window().label()
            + " · "
            + health(s));
    if (s.slo().description() != null) out.println("   " + style.dim(s.slo().description()));
    out.println(
        "   SLI: yesterday "
            + Numbers.sliPercent(s.yesterday().sli(), o)
            + " · last 7 days "
            + Numbers.sliPercent(s.last7Days().sli(), o)
            + " · window "
            + Numbers.sliPercent(s.window().sli(), o)
            + " ("
            + ReportFormat.counts(s.window().good(), s.window().total())
            + ", "
            + Times.human(s.window().windowStart(), s.slo().source().zone()).substring(0, 16)
            + " to "
            + Times.human(s.window().windowEnd(), s.slo().source().zone()).substring(0, 16)
            + ")");
    if (s.window().total() > 0) {
      out.println(
          "   error budget: "
              + Numbers.count(s.window().budget().bad())
              + " bad of "
              + ReportFormat.allowed(s.window().budget().allowed())
              + " allowed, "
              + budget(s.window().budget().remaining())
              + " left, burn rate "
              + Numbers.burn(s.window().burnRate()));
    }
    if (!s.trend().isEmpty()) {
      DailyCounts worst = ReportFormat.worstDay(s.trend());
      out.println(
          "   daily SLI    "
              + trend(s)
              + "  "
              + ReportFormat.day(s.trend().get(0).day())
              + " to "
              + ReportFormat.day(s.trend().get(s.trend().size() - 1).day())
              + (worst == null
                  ? ""
                  : ", worst "
                      + Numbers.sliPercent(worst.sli(), o)
                      + " on "
                      + ReportFormat.day(worst.day())));
    }
    if (!s.burnDown().isEmpty() && s.window().total() > 0) {
      BudgetPoint last = s.burnDown().get(s.burnDown().size() - 1);
      String line = ReportFormat.burnSparkline(s.burnDown());
      out.println(
          "   budget left  "
              + (last.remaining() != null && last.remaining() < 0 ? style.red(line) : line)
              + "  100% on "
              + ReportFormat.day(s.burnDown().get(0).day())
              + " to "
              + budget(last.remaining())
              + " on "
              + ReportFormat.day(last.day()));
    }
    for (Breakdown b : s.breakdowns()) breakdown(b, o, out);
    if (s.groups() != null) groups(s, out);
  }

  private void breakdown(Breakdown b, Objective o, PrintWriter out) {
    out.println(
        "   by "
            + b.dimension()
            + (b.masked() ? " (masked)" : "")
            + ": "
            + b.values()
            + (b.values() == 1 ? " value" : " values")
            + ", "
            + Numbers.count(b.bad())
            + " bad events; biggest contributors first");
    TextTable t =
        new TextTable(
            List.of("     VALUE", "EVENTS", "SHARE", "SLI", "BAD", "SHARE OF BAD"),
            false,
            true,
            true,
            true,
            true,
            true);
    for (Breakdown.Row row : b.rows())
      t.add(breakdownRow(b, row, row.value() == null ? "(null)" : row.value(), o));
    if (b.other() != null)
      t.add(breakdownRow(b, b.other(), "other (" + b.other().values() + " values)", o));
    t.print(out, Style.PLAIN);
  }

  private String[] breakdownRow(Breakdown b, Breakdown.Row row, String label, Objective o) {
    String sli = Numbers.sliPercent(row.sli(), o);
    if (row.total() > 0 && row.sli() < o.value()) sli = style.red(sli);
    return new String[] {
      "     " + label,
      Numbers.count(row.total()),
      ReportFormat.share(b.volumeShare(row)),
      sli,
      Numbers.count(row.bad()),
      ReportFormat.share(b.badShare(row))
    };
  }

  private void groups(SloReport s, PrintWriter out) {
    GroupView g = s.groups();
    Objective o = s.slo().objective();
    out.println(
        "   "
            + g.noun()
            + " ("
            + String.join(", ", g.columns())
            + "): "
            + g.groups()
            + " with events, "
            + g.breachedGroups()
            + " breached; traffic of the top 1: "
            + ReportFormat.share(g.top1())
            + ", top 5: "
            + ReportFormat.share(g.top5())
            + ", top 10: "
            + ReportFormat.share(g.top10()));
    String hidden = ReportFormat.hidden(s);
    if (hidden != null) out.println("   " + style.red("! " + hidden));
    TextTable t =
        new TextTable(
            List.of("     GROUP", "EVENTS", "TRAFFIC", "SLI", "STATUS"),
            false,
            true,
            true,
            true,
            false);
    for (GroupView.Share sh : g.top()) t.add(shareRow(sh, "     " + sh.label(), o));
    if (g.tail() != null) t.add(shareRow(g.tail(), "     " + g.tail().label(), o));
    t.print(out, Style.PLAIN);
    List<GroupView.Share> beyond = g.breached().stream().filter(b -> !g.top().contains(b)).toList();
    if (!beyond.isEmpty()) {
      out.println("     breached beyond the top " + g.top().size() + ":");
      for (GroupView.Share b : beyond)
        out.println(
            "       "
                + b.label()
                + "  "
                + Numbers.sliPercent(b.sli(), o)
                + " ("
                + ReportFormat.counts(b.good(), b.total())
                + ", "
                + ReportFormat.share(b.share())
                + " of traffic)");
    }
    if (g.breachedGroups() > g.breached().size())
      out.println(
          "     and "
              + (g.breachedGroups() - g.breached().size())
              + " more breached "
              + g.noun()
              + " (--top shows more)");
  }

  private String[] shareRow(GroupView.Share sh, String label, Objective o) {
    String status =
        sh.groups() > 1
            ? (sh.status() == Status.BREACHED ? style.red("some BREACHED") : "")
            : style.status(sh.status());
    return new String[] {
      label,
      Numbers.count(sh.total()),
      ReportFormat.share(sh.share()),
      Numbers.sliPercent(sh.sli(), o),
      status
    };
  }

  private String trend(SloReport s) {
    return ReportFormat.trendSparkline(s.trend(), s.slo().objective());
  }

  /** The scorecard's trend: the last 28 days at most, so that a quarter fits a terminal. */
  private String recentTrend(SloReport s) {
    List<io.slotoolkit.model.DailyCounts> t = s.trend();
    return ReportFormat.trendSparkline(
        t.subList(Math.max(0, t.size() - 28), t.size()), s.slo().objective());
  }

  private String budget(Double remaining) {
    String b = Numbers.budgetPercent(remaining);
    return remaining != null && remaining < 0 ? style.red(b) : b;
  }

  private String health(io.slotoolkit.model.SloReport s) {
    String label = ReportFormat.statusLabel(s.status(), s.health());
    return switch (s.health()) {
      case GREEN -> style.green(label);
      case AMBER -> style.yellow(label);
      case RED -> style.red(label);
      case GREY -> style.dim(label);
    };
  }
}
