package io.slotoolkit.report;

import io.slotoolkit.model.Evaluation;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.SourceStats;
import io.slotoolkit.model.Status;
import java.io.PrintWriter;

/** A Markdown scorecard for a pull-request comment or a CI job summary. */
public final class MarkdownRenderer implements Renderer {
  private final String failOn;

  public MarkdownRenderer(String failOn) {
    this.failOn = failOn;
  }

  @Override
  public void render(Evaluation e, PrintWriter out) {
    long breached = e.results().stream().filter(r -> r.status() == Status.BREACHED).count();
    long noData = e.results().stream().filter(r -> r.status() == Status.NO_DATA).count();
    out.println("## SLO check: " + (e.passed() ? "✅ passed" : "❌ failed"));
    out.println();
    out.println(
        "Evaluated at "
            + Times.iso(e.at(), e.zone())
            + ": "
            + e.results().size()
            + " result(s), "
            + breached
            + " breached, "
            + noData
            + " without data (gate: `--fail-on "
            + failOn
            + "`).");
    out.println();
    out.println(
        "| SLO | Service | Group | Window | Objective | SLI | Good / total | Budget left | Burn | Status |");
    out.println("|---|---|---|---|---|--:|--:|--:|--:|---|");
    for (SloResult r : e.results()) {
      String status =
          switch (r.status()) {
            case OK -> "✅ OK";
            case BREACHED -> "❌ **BREACHED**";
            case NO_DATA -> "⚪ NO_DATA";
          };
      out.println(
          "| "
              + cell(r.slo().name())
              + " | "
              + cell(r.slo().service())
              + " | "
              + cell(r.group() == null ? "" : r.group().label())
              + " | "
              + r.slo().window().label()
              + " | "
              + r.slo().objective().percent()
              + " | "
              + Numbers.sliPercent(r.sli(), r.slo().objective())
              + " | "
              + Numbers.count(r.good())
              + " / "
              + Numbers.count(r.total())
              + " | "
              + Numbers.budgetPercent(r.budget().remaining())
              + " | "
              + Numbers.burn(r.burnRate())
              + " | "
              + status
              + " |");
    }
    out.println();
    for (SourceStats s : e.sources()) {
      out.println(
          "- source `"
              + s.source().name()
              + "`: "
              + s.files()
              + " file(s), "
              + Numbers.count(s.rowsInRange())
              + " rows in range, "
              + Numbers.count(s.excludedRows())
              + " excluded, "
              + Numbers.count(s.badRows())
              + " malformed");
    }
    out.flush();
  }

  /** Escapes the characters that would break a table cell. */
  static String cell(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;");
  }
}
