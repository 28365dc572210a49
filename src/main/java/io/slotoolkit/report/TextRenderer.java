package io.slotoolkit.report;

import io.slotoolkit.model.Assessment;
import io.slotoolkit.model.Composite;
import io.slotoolkit.model.CompositeResult;
import io.slotoolkit.model.Evaluation;
import io.slotoolkit.model.Percent;
import io.slotoolkit.model.SeverityMatch;
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
  private final Assessment assessment;

  public TextRenderer(Style style, boolean allGroups, String failOn) {
    this(style, allGroups, failOn, null);
  }

  /** With the fired alerts, exclusions and severity of a check. */
  public TextRenderer(Style style, boolean allGroups, String failOn, Assessment assessment) {
    this.style = style;
    this.allGroups = allGroups;
    this.failOn = failOn;
    this.assessment = assessment;
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
      long alerting = rs.stream().filter(r -> r.status() == Status.ALERT).count();
      long stale = rs.stream().filter(r -> r.status() == Status.STALE).count();
      long ok = rs.size() - breached - noData - alerting - stale;
      boolean empty = first.group().columns().isEmpty();
      String summary =
          empty ? "no groups" : rs.size() + " × " + String.join(",", first.group().columns());
      String statuses =
          (breached > 0 ? style.red(breached + " BREACHED") + " " : "")
              + (stale > 0 ? style.tone(Status.Tone.WARNING, stale + " STALE") + " " : "")
              + (alerting > 0 ? style.tone(Status.Tone.WARNING, alerting + " ALERT") + " " : "")
              + (ok > 0 ? style.green(ok + " OK") + " " : "")
              + (noData > 0 ? style.tone(Status.Tone.NEUTRAL, noData + " NO_DATA") : "");
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
        if (!allGroups
            && r.status() != Status.BREACHED
            && r.status() != Status.ALERT
            && r.status() != Status.STALE) {
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
    slices(out, e);
    if (!e.composites().isEmpty()) composites(out, style, e.composites());
    if (assessment != null) alerts(out);
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
      b.append(AlertText.freshness(assessment, s.source()));
      out.println(style.dim(b.toString()));
      for (String sample : s.badRowSamples()) out.println(style.dim("  " + sample));
      for (String note : s.notes()) out.println(style.dim("  note: " + note));
    }
    long breached = e.results().stream().filter(r -> r.status() == Status.BREACHED).count();
    long alerting = e.results().stream().filter(r -> r.status() == Status.ALERT).count();
    long staleSources =
        assessment == null ? 0 : assessment.freshness().stream().filter(f -> f.stale()).count();
    String verdict = e.passed() ? style.green("PASSED") : style.red("FAILED");
    out.println(
        verdict
            + ": "
            + breached
            + " of "
            + e.results().size()
            + " result(s) BREACHED"
            + (alerting > 0 ? ", " + alerting + " ALERT" : "")
            + (staleSources > 0 ? ", " + staleSources + " source(s) STALE" : "")
            + (e.composites().isEmpty()
                ? ""
                : ", "
                    + e.composites().stream().filter(c -> c.status() == Status.BREACHED).count()
                    + " of "
                    + e.composites().size()
                    + " composite(s) BREACHED")
            + (assessment != null && !assessment.slosWithoutData().isEmpty()
                ? ", " + assessment.slosWithoutData().size() + " SLO(s) without data"
                : "")
            + (assessment != null && assessment.severity().highest() != null
                ? ", severity " + assessment.severity().highest().level().name()
                : "")
            + " (--fail-on "
            + failOn
            + ")");
    out.flush();
  }

  /**
   * What each time-slice SLO (without per) counted: its slices and its events, since its SLI,
   * budget and burn are the slices'.
   */
  private void slices(PrintWriter out, Evaluation e) {
    List<String> lines = new ArrayList<>();
    for (SloResult r : e.results())
      if (r.slices() != null && r.group() == null) lines.add(SliceText.describe(r));
    if (lines.isEmpty()) return;
    out.println();
    out.println(style.bold("time slices"));
    for (String l : lines) out.println("  " + l);
  }

  /** Each composite, then its components over its window (also {@code slo report}'s table). */
  static void composites(PrintWriter out, Style style, List<CompositeResult> composites) {
    out.println();
    TextTable t =
        new TextTable(
            List.of(
                "COMPOSITE",
                "SERVICE",
                "METHOD",
                "WINDOW",
                "OBJECTIVE",
                "SLI",
                "BUDGET LEFT",
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
            false);
    for (CompositeResult c : composites) {
      Composite k = c.composite();
      String budget = Numbers.budgetPercent(c.remaining());
      if (c.remaining() != null && c.remaining() < 0) budget = style.red(budget);
      t.add(
          k.name(),
          k.service(),
          k.method().label(),
          k.window().label(),
          k.objective().percent(),
          Numbers.sliPercent(c.sli(), k.objective()),
          budget,
          Numbers.burn(c.burnRate()),
          style.status(c.status()));
      for (CompositeResult.ComponentResult part : c.components()) {
        SloResult r = part.result();
        String role =
            k.method() == Composite.Method.WEIGHTED_MEAN
                ? "weight "
                    + Json.plain(part.component().weight()).toPlainString()
                    + (part.share() == null
                        ? ""
                        : " (" + Percent.fixed(part.share() * 100, 1, false) + ")")
                : part.decisive() ? "least healthy" : "";
        t.add(
            "  " + r.slo().name(),
            "",
            role,
            "",
            r.slo().objective().percent(),
            Numbers.sliPercent(r.sli(), r.slo().objective()),
            Numbers.budgetPercent(r.budget().remaining()),
            Numbers.burn(r.burnRate()),
            style.status(r.status()));
      }
    }
    t.print(out, style);
  }

  /** Fired alerts (at most {@link #MAX_LINES}), exclusions and severities, after the table. */
  private void alerts(PrintWriter out) {
    List<String> stale = AlertText.stale(assessment);
    if (!stale.isEmpty()) {
      out.println();
      out.println(style.bold("stale data"));
      section(out, stale, true);
    }
    List<String> fired = AlertText.fired(assessment);
    if (!fired.isEmpty()) {
      out.println();
      out.println(style.bold("alerts firing"));
      section(out, fired, true);
    }
    List<String> pending = AlertText.pending(assessment);
    if (!pending.isEmpty()) {
      out.println();
      out.println(style.bold("pending (for:)"));
      section(out, pending, false);
    }
    List<String> held = AlertText.heldBack(assessment);
    if (!held.isEmpty()) {
      out.println();
      out.println(style.bold("held back by min_events"));
      section(out, held, false);
    }
    List<String> excluded = AlertText.exclusions(assessment);
    if (!excluded.isEmpty()) {
      out.println();
      out.println(style.bold("exclusions"));
      section(out, excluded, false);
    }
    SeverityMatch top = assessment.severity().highest();
    if (top != null) {
      out.println();
      out.println(style.bold("severity ") + style.red(AlertText.severity(top)));
      assessment.severity().perSlo().stream()
          .filter(m -> m != top)
          .sorted(java.util.Comparator.comparingInt(SeverityMatch::rank))
          .forEach(m -> out.println("  " + m.describe()));
    }
  }

  private static final int MAX_LINES = 10;

  private void section(PrintWriter out, List<String> lines, boolean red) {
    for (int i = 0; i < Math.min(MAX_LINES, lines.size()); i++) {
      out.println("  " + (red ? style.red(lines.get(i)) : lines.get(i)));
    }
    if (lines.size() > MAX_LINES) {
      out.println(
          style.dim("  (" + (lines.size() - MAX_LINES) + " more; --format json lists them all)"));
    }
  }

  private String[] row(SloResult r, String name, String service, String group) {
    String status = style.status(r.status());
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
      r.slices() == null
          ? Numbers.count(r.good()) + "/" + Numbers.count(r.total())
          : SliceText.goodOfCounted(r),
      budget,
      left,
      Numbers.burn(r.burnRate()),
      status
    };
  }
}
