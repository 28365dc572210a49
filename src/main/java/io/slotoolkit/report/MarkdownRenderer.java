package io.slotoolkit.report;

import io.slotoolkit.model.Assessment;
import io.slotoolkit.model.Composite;
import io.slotoolkit.model.CompositeResult;
import io.slotoolkit.model.Evaluation;
import io.slotoolkit.model.SeverityMatch;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.SourceStats;
import io.slotoolkit.model.Status;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;

/** A Markdown scorecard for a pull-request comment or a CI job summary. */
public final class MarkdownRenderer implements Renderer {
  private final String failOn;
  private final Assessment assessment;

  public MarkdownRenderer(String failOn) {
    this(failOn, null);
  }

  /** A PR comment with the check's alerts, severity, exclusions and top offenders too. */
  public MarkdownRenderer(String failOn, Assessment assessment) {
    this.failOn = failOn;
    this.assessment = assessment;
  }

  /** GitHub's limit on a pull-request comment, in characters. */
  public static final int COMMENT_LIMIT = 65_536;

  /** What the table's rows may take, leaving room for the summary, details and sources. */
  static final int TABLE_BUDGET = 48_000;

  @Override
  public void render(Evaluation e, PrintWriter target) {
    java.io.StringWriter text = new java.io.StringWriter();
    PrintWriter out = new PrintWriter(text);
    write(e, out);
    out.flush();
    target.print(bounded(text.toString()));
    target.flush();
  }

  /**
   * The comment cut at a line before GitHub's limit, with a note, in case the details and sources
   * (already bounded) still push it over.
   */
  static String bounded(String md) {
    if (md.length() <= COMMENT_LIMIT) return md;
    String note =
        "\n_(cut here: the comment would exceed GitHub's 65,536 characters; --format json lists everything)_\n";
    int cut = md.lastIndexOf('\n', COMMENT_LIMIT - note.length() - 1);
    return md.substring(0, Math.max(0, cut + 1)) + note;
  }

  /** Links to act on and labels to route by, after the SLO's name; empty when there are none. */
  static String metadata(io.slotoolkit.model.SloMetadata m) {
    StringBuilder b = new StringBuilder();
    m.links()
        .forEach(
            (name, url) ->
                b.append(" · [")
                    .append(cell(name))
                    .append("](")
                    .append(url.replace(" ", "%20").replace(")", "%29").replace("|", "%7C"))
                    .append(')'));
    for (String label : m.labelSelectors())
      b.append(" `").append(cell(label).replace("`", "'")).append('`');
    return b.toString();
  }

  private void write(Evaluation e, PrintWriter out) {
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
            + " without data"
            + (assessment == null
                ? ""
                : ", "
                    + assessment.details().stream().filter(d -> d.alerting()).count()
                    + " alerting"
                    + (assessment.anyStale()
                        ? ", "
                            + assessment.freshness().stream().filter(f -> f.stale()).count()
                            + " source(s) stale"
                        : "")
                    + (assessment.severity().highest() == null
                        ? ""
                        : ", severity **" + assessment.severity().highest().level().name() + "**"))
            + " (gate: `--fail-on "
            + failOn
            + "`).");
    out.println();
    out.println(
        "| SLO | Service | Group | Window | Objective | SLI | Good / total | Budget left | Burn | Status |");
    out.println("|---|---|---|---|---|--:|--:|--:|--:|---|");
    long hiddenOk = 0;
    long hiddenNoData = 0;
    long leftOut = 0;
    int used = 0;
    for (SloResult r : e.results()) {
      // a PR comment stays short: groups of per SLOs that are simply OK or without data are
      // counted, not listed; what fails is listed while it fits
      if (assessment != null
          && r.group() != null
          && !r.group().columns().isEmpty()
          && (r.status() == Status.OK || r.status() == Status.NO_DATA)) {
        if (r.status() == Status.OK) hiddenOk++;
        else hiddenNoData++;
        continue;
      }
      if (used > TABLE_BUDGET) {
        leftOut++;
        continue;
      }
      // the same dot and word as slo report's Markdown; bold where a reader must act
      String word = r.status().word();
      String status =
          Style.dot(r.status().tone())
              + " "
              + (r.status() == Status.BREACHED
                      || r.status() == Status.ALERT
                      || r.status() == Status.STALE
                  ? "**" + word + "**"
                  : word);
      String row =
          "| "
              + cell(r.slo().name())
              + metadata(r.slo().metadata())
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
              + (r.slices() == null
                  ? Numbers.count(r.good()) + " / " + Numbers.count(r.total())
                  : SliceText.goodOfCounted(r))
              + " | "
              + Numbers.budgetPercent(r.budget().remaining())
              + " | "
              + Numbers.burn(r.burnRate())
              + " | "
              + status
              + " |";
      used += row.length() + 1;
      out.println(row);
    }
    if (leftOut > 0) {
      out.println();
      out.println(
          "_"
              + Numbers.count(leftOut)
              + " more failing result(s) not listed, to stay within a pull-request comment;"
              + " `--format json` or `--output json=FILE` lists them all._");
    }
    if (hiddenOk + hiddenNoData > 0) {
      out.println();
      out.println(
          "_"
              + (hiddenOk > 0 ? Numbers.count(hiddenOk) + " OK" : "")
              + (hiddenOk > 0 && hiddenNoData > 0 ? " and " : "")
              + (hiddenNoData > 0 ? Numbers.count(hiddenNoData) + " NO_DATA" : "")
              + " group(s) of per-group SLOs not listed._");
    }
    out.println();
    List<String> slices = new java.util.ArrayList<>();
    for (SloResult r : e.results())
      if (r.slices() != null && r.group() == null) slices.add(SliceText.describe(r));
    if (!slices.isEmpty()) {
      out.println("**Time slices:**");
      for (String l : slices) out.println("- " + cell(l));
      out.println();
    }
    if (!e.composites().isEmpty()) composites(e.composites(), out);
    if (assessment != null) details(e, out);
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
              + " malformed"
              + AlertText.freshness(assessment, s.source()));
    }
  }

  private static final int TOP = 5;

  /**
   * The composites, each followed by its components (indented by a dash); also {@code slo report}'s
   * table.
   */
  static void composites(List<CompositeResult> composites, PrintWriter out) {
    out.println(
        "| Composite | Service | Method | Window | Objective | SLI | Budget left | Burn | Status |");
    out.println("|---|---|---|---|---|--:|--:|--:|---|");
    for (CompositeResult c : composites) {
      Composite k = c.composite();
      out.println(
          "| **"
              + cell(k.name())
              + "** | "
              + cell(k.service())
              + " | "
              + k.method().label()
              + " | "
              + k.window().label()
              + " | "
              + k.objective().percent()
              + " | "
              + Numbers.sliPercent(c.sli(), k.objective())
              + " | "
              + Numbers.budgetPercent(c.remaining())
              + " | "
              + Numbers.burn(c.burnRate())
              + " | "
              + statusCell(c.status())
              + " |");
      for (CompositeResult.ComponentResult part : c.components()) {
        SloResult r = part.result();
        String role =
            k.method() == Composite.Method.WEIGHTED_MEAN
                ? "weight " + Json.plain(part.component().weight()).toPlainString()
                : part.decisive() ? "least healthy" : "";
        out.println(
            "| – "
                + cell(r.slo().name())
                + " |  | "
                + role
                + " |  | "
                + r.slo().objective().percent()
                + " | "
                + Numbers.sliPercent(r.sli(), r.slo().objective())
                + " | "
                + Numbers.budgetPercent(r.budget().remaining())
                + " | "
                + Numbers.burn(r.burnRate())
                + " | "
                + statusCell(r.status())
                + " |");
      }
    }
    out.println();
  }

  private static String statusCell(Status s) {
    String word = s.word();
    return Style.dot(s.tone())
        + " "
        + (s == Status.BREACHED || s == Status.ALERT ? "**" + word + "**" : word);
  }

  private void details(Evaluation e, PrintWriter out) {
    SeverityMatch top = assessment.severity().highest();
    if (top != null) {
      out.println("**Severity:** " + cell(AlertText.severity(top)));
      out.println();
    }
    List<String> stale = AlertText.stale(assessment);
    if (!stale.isEmpty()) {
      out.println("**Stale data:**");
      out.println();
      for (String l : stale) out.println("- " + cell(l));
      out.println();
    }
    List<String> fired = AlertText.fired(assessment);
    if (!fired.isEmpty()) {
      out.println("### Alerts firing");
      out.println();
      for (String f : fired.subList(0, Math.min(fired.size(), 20))) out.println("- 🔥 " + cell(f));
      if (fired.size() > 20) out.println("- ... and " + (fired.size() - 20) + " more");
      out.println();
    }
    List<String> pending = AlertText.pending(assessment);
    if (!pending.isEmpty()) {
      out.println("**Pending (`for:` not yet met):**");
      out.println();
      for (String l : pending.subList(0, Math.min(pending.size(), 20))) out.println("- " + cell(l));
      out.println();
    }
    // worst groups: least budget left among groups with data, across per SLOs
    List<SloResult> groups =
        e.results().stream()
            .filter(r -> r.group() != null && !r.group().columns().isEmpty())
            .filter(r -> r.status() != Status.NO_DATA && r.budget().remaining() != null)
            .filter(r -> r.budget().remaining() < 1)
            .sorted(Comparator.comparingDouble((SloResult r) -> r.budget().remaining()))
            .limit(TOP)
            .toList();
    if (!groups.isEmpty()) {
      out.println("### Top offenders");
      out.println();
      out.println("| SLO | Group | SLI | Bad events | Budget left | Status |");
      out.println("|---|---|--:|--:|--:|---|");
      for (SloResult r : groups) {
        out.println(
            "| "
                + cell(r.slo().name())
                + " | "
                + cell(r.group().label())
                + " | "
                + Numbers.sliPercent(r.sli(), r.slo().objective())
                + " | "
                + Numbers.count(r.budget().bad())
                + " | "
                + Numbers.budgetPercent(r.budget().remaining())
                + " | "
                + r.status()
                + " |");
      }
      out.println();
    }
    List<String> excluded = AlertText.exclusions(assessment);
    if (!excluded.isEmpty()) {
      out.println("<details><summary>Exclusions</summary>");
      out.println();
      for (String x : excluded.subList(0, Math.min(excluded.size(), 20)))
        out.println("- " + cell(x));
      if (excluded.size() > 20) out.println("- ... and " + (excluded.size() - 20) + " more");
      out.println();
      out.println("</details>");
      out.println();
    }
  }

  /** Escapes the characters that would break a table cell. */
  static String cell(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;");
  }
}
