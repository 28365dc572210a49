package io.slotoolkit.report;

import io.slotoolkit.model.Breakdown;
import io.slotoolkit.model.BudgetPoint;
import io.slotoolkit.model.GroupView;
import io.slotoolkit.model.Health;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.Report;
import io.slotoolkit.model.SloReport;
import io.slotoolkit.model.SourceStats;
import java.io.PrintWriter;

/** {@code slo report --format markdown}: a scorecard table, then one section per SLO. */
public final class ReportMarkdownRenderer implements ReportRenderer {

  @Override
  public void render(Report r, PrintWriter out) {
    out.println("# SLO report");
    out.println();
    out.println(
        "Evaluated at " + Times.iso(r.at(), r.zone()) + ". " + ReportFormat.summary(r) + ".");
    if (!r.masked().isEmpty())
      out.println("Masked columns (pseudonyms): " + code(String.join(", ", r.masked())) + ".");
    if (r.period() != null) out.println(PeriodHistory.chosen(r) + ".");
    out.println();
    out.println(
        "| | SLO | Objective | Window | Yesterday | Last 7 days | Window SLI | Budget left | Daily SLI |");
    out.println("|---|---|--:|---|--:|--:|--:|--:|---|");
    for (SloReport s : r.slos()) {
      Objective o = s.slo().objective();
      out.println(
          "| "
              + icon(s.health())
              + " "
              + ReportFormat.statusLabel(s.status(), s.health())
              + " | ["
              + cell(s.slo().name())
              + "](#"
              + s.slo().name()
              + ") | "
              + o.percent()
              + " | "
              + s.slo().window().label()
              + " | "
              + Numbers.sliPercent(s.yesterday().sli(), o)
              + " | "
              + Numbers.sliPercent(s.last7Days().sli(), o)
              + " | "
              + Numbers.sliPercent(s.window().sli(), o)
              + " | "
              + Numbers.budgetPercent(s.window().budget().remaining())
              + " | "
              + code(ReportFormat.trendSparkline(s.trend(), o))
              + " |");
    }
    ReportComposites.markdown(r, out);
    for (SloReport s : r.slos()) {
      section(s, out);
      PeriodHistory.markdown(s, r, out);
    }
    out.println();
    for (SourceStats s : r.sources()) {
      out.println(
          "- source "
              + code(s.source().name())
              + ": "
              + s.files()
              + " file(s), "
              + Numbers.count(s.rowsInRange())
              + " rows read, "
              + Numbers.count(s.excludedRows())
              + " excluded by where, "
              + Numbers.count(s.badRows())
              + " malformed");
    }
    out.flush();
  }

  private void section(SloReport s, PrintWriter out) {
    Objective o = s.slo().objective();
    out.println();
    out.println("## " + cell(s.slo().name()));
    out.println();
    out.println(
        "**"
            + icon(s.health())
            + " "
            + ReportFormat.statusLabel(s.status(), s.health())
            + "** · service "
            + code(s.slo().service())
            + " · objective "
            + o.percent()
            + " over "
            + s.slo().window().label());
    if (s.slo().description() != null) {
      out.println();
      out.println("> " + cell(s.slo().description()));
    }
    out.println();
    out.println(
        "- SLI yesterday **"
            + Numbers.sliPercent(s.yesterday().sli(), o)
            + "**, last 7 days **"
            + Numbers.sliPercent(s.last7Days().sli(), o)
            + "**, window **"
            + Numbers.sliPercent(s.window().sli(), o)
            + "** ("
            + (s.window().slices() == null
                ? ReportFormat.counts(s.window().good(), s.window().total())
                : ReportFormat.counts(s.window().slices().good(), s.window().slices().counted())
                    + " slices")
            + ")");
    if (s.window().total() > 0)
      out.println(
          "- error budget: "
              + Numbers.count(s.window().budget().bad())
              + (s.window().slices() == null ? " bad events of " : " bad slices of ")
              + ReportFormat.allowed(s.window().budget().allowed())
              + " allowed, **"
              + Numbers.budgetPercent(s.window().budget().remaining())
              + " left**, burn rate "
              + Numbers.burn(s.window().burnRate()));
    if (!s.trend().isEmpty())
      out.println(
          "- daily SLI "
              + code(ReportFormat.trendSparkline(s.trend(), o))
              + " ("
              + ReportFormat.day(s.trend().get(0).day())
              + " to "
              + ReportFormat.day(s.trend().get(s.trend().size() - 1).day())
              + ")");
    if (!s.burnDown().isEmpty() && s.window().total() > 0) {
      BudgetPoint last = s.burnDown().get(s.burnDown().size() - 1);
      out.println(
          "- budget left "
              + code(ReportFormat.burnSparkline(s.burnDown()))
              + " (100% to "
              + Numbers.budgetPercent(last.remaining())
              + ")");
    }
    String hidden = ReportFormat.hidden(s);
    if (hidden != null) {
      out.println();
      out.println("> ⚠️ **" + cell(hidden) + "**");
    }
    for (Breakdown b : s.breakdowns()) {
      out.println();
      out.println(
          "**By "
              + code(b.dimension())
              + "**"
              + (b.masked() ? " (masked)" : "")
              + ": "
              + b.values()
              + " values, biggest contributors to budget burn first.");
      out.println();
      out.println("| Value | Events | Share | SLI | Bad | Share of bad |");
      out.println("|---|--:|--:|--:|--:|--:|");
      for (Breakdown.Row row : b.rows())
        out.println(row(b, row, row.value() == null ? "(null)" : cell(row.value()), o));
      if (b.other() != null)
        out.println(row(b, b.other(), "other (" + b.other().values() + " values)", o));
    }
    if (s.groups() != null) {
      GroupView g = s.groups();
      out.println();
      out.println(
          "**Per "
              + code(String.join(", ", g.columns()))
              + "**: "
              + g.groups()
              + " "
              + g.noun()
              + " with events, "
              + g.breachedGroups()
              + " breached. Share of traffic of the top 1: "
              + ReportFormat.share(g.top1())
              + ", top 5: "
              + ReportFormat.share(g.top5())
              + ", top 10: "
              + ReportFormat.share(g.top10())
              + ".");
      out.println();
      out.println("| Group | Events | Traffic | SLI | Status |");
      out.println("|---|--:|--:|--:|---|");
      for (GroupView.Share sh : g.top()) out.println(share(sh, o));
      if (g.tail() != null) out.println(share(g.tail(), o));
      for (GroupView.Share b : g.breached()) if (!g.top().contains(b)) out.println(share(b, o));
      if (g.breachedGroups() > g.breached().size())
        out.println(
            "| and "
                + (g.breachedGroups() - g.breached().size())
                + " more breached "
                + g.noun()
                + " (--top shows more) | | | | |");
    }
  }

  private static String row(Breakdown b, Breakdown.Row row, String label, Objective o) {
    return "| "
        + label
        + " | "
        + Numbers.count(row.total())
        + " | "
        + ReportFormat.share(b.volumeShare(row))
        + " | "
        + Numbers.sliPercent(row.sli(), o)
        + " | "
        + Numbers.count(row.bad())
        + " | "
        + ReportFormat.share(b.badShare(row))
        + " |";
  }

  private static String share(GroupView.Share sh, Objective o) {
    return "| "
        + cell(sh.label())
        + " | "
        + Numbers.count(sh.total())
        + " | "
        + ReportFormat.share(sh.share())
        + " | "
        + Numbers.sliPercent(sh.sli(), o)
        + " | "
        + (sh.groups() > 1 ? "" : sh.status().word())
        + " |";
  }

  private static String icon(Health h) {
    return Style.dot(
        switch (h) {
          case GREEN -> io.slotoolkit.model.Status.Tone.GOOD;
          case AMBER -> io.slotoolkit.model.Status.Tone.WARNING;
          case RED -> io.slotoolkit.model.Status.Tone.BAD;
          case GREY -> io.slotoolkit.model.Status.Tone.NEUTRAL;
        });
  }

  private static String code(String s) {
    return "`" + s.replace("`", "'") + "`";
  }

  private static String cell(String s) {
    return MarkdownRenderer.cell(s);
  }
}
