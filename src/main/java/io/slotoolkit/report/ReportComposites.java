package io.slotoolkit.report;

import static io.slotoolkit.report.Html.esc;

import io.slotoolkit.model.Composite;
import io.slotoolkit.model.CompositeResult;
import io.slotoolkit.model.Report;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.Status;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The composite SLOs of {@code slo report} in every report format: the tables of {@code slo check}
 * (each composite, then its components over its window), or, for a chosen {@code --period}, one
 * line saying they are not evaluated. (JSON is ReportJsonRenderer's, the one that may use Jackson.)
 */
final class ReportComposites {
  private ReportComposites() {}

  /**
   * {@code composites unlock-journey, unlock-journey-weakest: not evaluated for a chosen period
   * (slo report without --period shows them)}; null when nothing was left out.
   */
  static String skipped(Report r) {
    if (r.skippedComposites().isEmpty()) return null;
    return (r.skippedComposites().size() == 1 ? "composite " : "composites ")
        + String.join(", ", r.skippedComposites().stream().map(Composite::name).toList())
        + ": not evaluated for a chosen period (slo report without --period shows "
        + (r.skippedComposites().size() == 1 ? "it" : "them")
        + ")";
  }

  static void text(Report r, PrintWriter out, Style style) {
    if (!r.composites().isEmpty()) TextRenderer.composites(out, style, r.composites());
    String skipped = skipped(r);
    if (skipped != null) {
      out.println();
      out.println(style.dim(skipped));
    }
  }

  static void markdown(Report r, PrintWriter out) {
    if (!r.composites().isEmpty()) {
      out.println();
      out.println("## Composite SLOs");
      out.println();
      // check's table ends with a blank line; here the next section starts with one
      StringWriter table = new StringWriter();
      MarkdownRenderer.composites(r.composites(), new PrintWriter(table));
      out.println(table.toString().stripTrailing());
    }
    String skipped = skipped(r);
    if (skipped != null) {
      out.println();
      out.println("**Composite SLOs**: " + skipped + ".");
    }
  }

  static void html(Report r, PrintWriter out) {
    String skipped = skipped(r);
    if (r.composites().isEmpty() && skipped == null) return;
    out.println("<article id=\"composite-slos\">");
    out.println("<div class=\"head\"><h2>Composite SLOs</h2></div>");
    if (skipped != null) {
      out.println("<p class=\"note\">" + esc(capitalize(skipped)) + ".</p>");
      out.println("</article>");
      return;
    }
    out.println(
        "<p class=\"note\">Each composite judges several SLOs as one over its own window; its"
            + " components are listed under it, measured over that window.</p>");
    out.println(
        "<div class=\"scroll\"><table><thead><tr><th>Composite</th><th>Method</th><th>Window</th>"
            + "<th>Objective</th><th>SLI</th><th>Budget left</th><th>Burn</th><th>Status</th>"
            + "</tr></thead><tbody>");
    for (CompositeResult c : r.composites()) {
      Composite k = c.composite();
      out.println(
          row(
              "<b>" + esc(k.name()) + "</b>",
              k.method().label(),
              k.window().label(),
              k.objective().percent(),
              c.sli() != null && c.status() == Status.BREACHED,
              Numbers.sliPercent(c.sli(), k.objective()),
              c.remaining() != null && c.remaining() < 0,
              Numbers.budgetPercent(c.remaining()),
              Numbers.burn(c.burnRate()),
              c.status()));
      for (CompositeResult.ComponentResult part : c.components()) {
        SloResult s = part.result();
        String role =
            k.method() == Composite.Method.WEIGHTED_MEAN
                ? "weight " + Json.plain(part.component().weight()).toPlainString()
                : part.decisive() ? "least healthy" : "";
        Double remaining = s.budget().remaining();
        out.println(
            row(
                "– " + esc(s.slo().name()),
                role,
                "",
                s.slo().objective().percent(),
                s.status() == Status.BREACHED,
                Numbers.sliPercent(s.sli(), s.slo().objective()),
                remaining != null && remaining < 0,
                Numbers.budgetPercent(remaining),
                Numbers.burn(s.burnRate()),
                s.status()));
      }
    }
    out.println("</tbody></table></div>");
    out.println("</article>");
  }

  private static String row(
      String name,
      String method,
      String window,
      String objective,
      boolean sliBad,
      String sli,
      boolean budgetBad,
      String budget,
      String burn,
      Status status) {
    return "<tr><td>"
        + name
        + "</td><td>"
        + esc(method)
        + "</td><td>"
        + esc(window)
        + "</td><td>"
        + esc(objective)
        + "</td><td"
        + (sliBad ? " class=\"bad\"" : "")
        + ">"
        + esc(sli)
        + "</td><td"
        + (budgetBad ? " class=\"bad\"" : "")
        + ">"
        + esc(budget)
        + "</td><td>"
        + esc(burn)
        + "</td><td"
        + (status == Status.BREACHED ? " class=\"bad\"" : "")
        + ">"
        + esc(status.word())
        + "</td></tr>";
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
