package io.slotoolkit.report;

import io.slotoolkit.model.Objective;
import io.slotoolkit.model.PeriodResult;
import io.slotoolkit.model.Report;
import io.slotoolkit.model.SloReport;
import io.slotoolkit.model.Window;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The period history of {@code slo report --periods N} and the chosen period of {@code --period},
 * in every report format: one table per calendar-window SLO, and which periods spent the whole
 * error budget.
 */
final class PeriodHistory {
  private PeriodHistory() {}

  /** {@code the last 12 complete months}; {@code fiscal quarters} for a fiscal window. */
  static String title(SloReport s, Report r) {
    Window.Calendar c = (Window.Calendar) s.slo().window();
    String noun = c.period().name().toLowerCase(Locale.ROOT);
    String plural = r.periods() == 1 ? noun : noun + "s";
    return "the last "
        + (r.periods() == 1 ? "" : r.periods() + " ")
        + "complete "
        + (c.fiscal() ? "fiscal " : "")
        + plural;
  }

  /** {@code 2026-01, 2025-11} or {@code none}. */
  static String spent(SloReport s) {
    List<String> labels = s.periodsSpent().stream().map(PeriodResult::label).toList();
    return labels.isEmpty() ? "none" : String.join(", ", labels);
  }

  /** Whether the SLO has periods to list (a calendar window, and --periods given). */
  static boolean listed(SloReport s, Report r) {
    return r.periods() > 0
        && s.slo().window() instanceof Window.Calendar
        && s.slo().timeslices() == null;
  }

  /** Why an SLO lists no periods: a rolling window, or a budget counted in time slices. */
  static String none(SloReport s) {
    return s.slo().timeslices() != null
        ? "not listed: a time-slice SLO budgets in slices, periods are counted in events"
        : "a rolling window has no calendar periods";
  }

  /** The line under the title of a report over a chosen period. */
  static String chosen(Report r) {
    return "period "
        + r.period().label()
        + ": every SLO is evaluated over this complete period instead of its window";
  }

  /** Budget used as a percent: {@code 37.5%}; {@code -} without events. */
  static String used(PeriodResult p) {
    return Numbers.budgetPercent(p.budgetUsed());
  }

  static void text(SloReport s, Report r, PrintWriter out, Style style) {
    if (r.periods() == 0) return;
    if (!listed(s, r)) {
      out.println("   periods: none (" + none(s) + ")");
      return;
    }
    Objective o = s.slo().objective();
    out.println(
        "   "
            + title(s, r)
            + (s.slo().per().isEmpty() ? "" : " (all groups together)")
            + " · spent the whole budget: "
            + spent(s));
    TextTable t =
        new TextTable(
            List.of("     PERIOD", "SLI", "GOOD/TOTAL", "BUDGET USED", "STATUS"),
            false,
            true,
            true,
            true,
            false);
    for (PeriodResult p : s.periods()) {
      t.add(
          "     " + p.label(),
          Numbers.sliPercent(p.result().sli(), o),
          ReportFormat.counts(p.result().good(), p.result().total()),
          used(p),
          p.result().status().name() + (p.spentWholeBudget() ? " (budget spent)" : ""));
    }
    t.print(out, style);
  }

  static void markdown(SloReport s, Report r, PrintWriter out) {
    if (r.periods() == 0) return;
    out.println();
    if (!listed(s, r)) {
      out.println("**Periods**: none (" + none(s) + ").");
      return;
    }
    Objective o = s.slo().objective();
    out.println(
        "**Periods**: "
            + title(s, r)
            + (s.slo().per().isEmpty() ? "" : " (all groups together)")
            + ". Spent the whole budget: "
            + spent(s)
            + ".");
    out.println();
    out.println("| Period | SLI | Good / total | Budget used | Status |");
    out.println("|---|--:|--:|--:|---|");
    for (PeriodResult p : s.periods()) {
      out.println(
          "| "
              + p.label()
              + " | "
              + Numbers.sliPercent(p.result().sli(), o)
              + " | "
              + ReportFormat.counts(p.result().good(), p.result().total())
              + " | "
              + used(p)
              + " | "
              + p.result().status().name()
              + (p.spentWholeBudget() ? " (budget spent)" : "")
              + " |");
    }
  }

  static void html(SloReport s, Report r, PrintWriter out) {
    if (r.periods() == 0) return;
    if (!listed(s, r)) {
      out.println("<h3>Periods</h3><p class=\"note\">None: " + Html.esc(none(s)) + ".</p>");
      return;
    }
    Objective o = s.slo().objective();
    out.println(
        "<h3>Periods</h3><p class=\"note\">"
            + Html.esc(
                capitalize(title(s, r))
                    + (s.slo().per().isEmpty() ? "" : " (all groups together)")
                    + ". Spent the whole budget: "
                    + spent(s)
                    + ".")
            + "</p>");
    out.println(
        "<div class=\"scroll\"><table><thead><tr><th>Period</th><th>SLI</th><th>Good / total</th>"
            + "<th>Budget used</th><th>Status</th></tr></thead><tbody>");
    for (PeriodResult p : s.periods()) {
      boolean below = p.result().sli() != null && p.result().sli() < o.value();
      out.println(
          "<tr><td>"
              + Html.esc(p.label())
              + "</td><td"
              + (below ? " class=\"bad\"" : "")
              + ">"
              + Html.esc(Numbers.sliPercent(p.result().sli(), o))
              + "</td><td>"
              + Html.esc(ReportFormat.counts(p.result().good(), p.result().total()))
              + "</td><td"
              + (p.spentWholeBudget() ? " class=\"bad\"" : "")
              + ">"
              + Html.esc(used(p))
              + "</td><td>"
              + Html.esc(p.result().status().name())
              + "</td></tr>");
    }
    out.println("</tbody></table></div>");
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
