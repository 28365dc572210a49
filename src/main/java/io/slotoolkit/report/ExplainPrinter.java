package io.slotoolkit.report;

import io.slotoolkit.model.Evaluation;
import io.slotoolkit.model.ScanPlan;
import io.slotoolkit.model.Sli;
import io.slotoolkit.model.SliceSummary;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.Status;
import io.slotoolkit.model.TimeSlices;
import io.slotoolkit.model.Window;
import io.slotoolkit.model.WindowLengths;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/** The text of {@code slo explain}: each step from the files to the status, with its numbers. */
public final class ExplainPrinter {
  private static final int MAX_GROUPS = 10;
  private final PrintWriter out;

  public ExplainPrinter(PrintWriter out) {
    this.out = out;
  }

  /**
   * Prints the explanation of {@code slo}.
   *
   * @param plan the scan that counts it, with its source as the engine bound it
   * @param at the evaluation instant
   * @param defaultAt whether {@code at} is the default (no --at)
   * @param evaluation the evaluation of the SLO at {@code at}
   * @param chosen the group worked through for a per: SLO; null for the first result
   * @param asked whether the user chose that group (--group)
   */
  public void print(
      Slo slo,
      ScanPlan plan,
      Instant at,
      boolean defaultAt,
      Evaluation evaluation,
      SloResult chosen,
      boolean asked) {
    ZoneId zone = slo.source().zone();
    out.println("SLO " + slo.qualifiedName() + " (" + slo.location() + ")");
    if (slo.description() != null) out.println("  " + slo.description());
    out.println(
        "  objective " + slo.objective().percent() + " of valid events good, over " + window(slo));

    out.println();
    out.println("1. Source '" + slo.source().name() + "'");
    out.println(
        "   files       "
            + plan.files().size()
            + " "
            + plan.format().name()
            + " file(s) matched by "
            + String.join(", ", slo.source().paths()));
    // the matched files, unless the pattern already names the only one
    if (!plan.files().equals(slo.source().paths())) {
      for (String f : plan.files().stream().limit(5).toList()) out.println("               " + f);
      if (plan.files().size() > 5)
        out.println("               ... and " + (plan.files().size() - 5) + " more");
    }
    out.println(
        "   columns     "
            + plan.columns().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
    out.println(
        "   event time  "
            + slo.source().time().column()
            + ": "
            + plan.timeReading()
            + ", as epoch microseconds: "
            + plan.timeExpression());
    out.println("   timezone    " + zone.getId() + " (calendar windows)");
    out.println(
        "   where       "
            + (slo.source().where() == null
                ? "(none: every row is analysed)"
                : slo.source().where().text() + "  (other rows are excluded and counted)"));

    out.println();
    out.println("2. SLI");
    String total = slo.sli().total() == null ? "every row" : slo.sli().total().text();
    if (slo.sli() instanceof Sli.Counts c) {
      out.println(
          "   valid (total)  sum of " + c.validCount().text() + "  (pre-aggregated counts)");
      out.println("   good           sum of " + c.goodCount().text());
      out.println("   a row whose counts are negative, not whole or good > total is malformed");
    } else {
      out.println("   valid (total)  " + total);
    }
    if (slo.sli() instanceof Sli.Ratio r) {
      out.println("   good           " + r.good().text() + "  (among valid)");
    } else if (slo.sli() instanceof Sli.Latency l) {
      out.println(
          "   good           "
              + l.column()
              + " <= "
              + l.threshold().toPlainString()
              + " ("
              + l.thresholdLabel()
              + " in "
              + l.unit().name().toLowerCase(java.util.Locale.ROOT)
              + ")  (among valid)");
    }
    if (!slo.per().isEmpty()) out.println("   per            " + String.join(", ", slo.per()));
    out.println("   a row where an expression is NULL is not counted (skipped)");

    SloResult first = evaluation.results().get(0);
    out.println();
    out.println(
        "3. Window "
            + window(slo)
            + " ending at "
            + Times.iso(at, zone)
            + (defaultAt
                ? " (default: just after the latest event of the run's sources; --at changes it)"
                : " (--at)"));
    out.println(
        "   ["
            + Times.iso(first.windowStart(), zone)
            + ", "
            + Times.iso(first.windowEnd(), zone)
            + ")  =  ["
            + first.windowStart()
            + ", "
            + first.windowEnd()
            + ")");

    out.println();
    out.println("4. Scan (one query per source for all its SLOs; here just this one):");
    for (String statement : plan.statements())
      for (String line : (statement + ";").split("\n")) out.println("     " + line);
    out.println("   then, per group:");
    for (String line : plan.fetch().split("\n")) out.println("     " + line);

    List<SloResult> results = evaluation.results();
    out.println();
    if (!slo.per().isEmpty()) {
      out.println(
          "5. Counts: "
              + results.size()
              + " group(s)"
              + (results.size() > MAX_GROUPS ? ", the first " + MAX_GROUPS + ":" : ":"));
      for (SloResult r : results.stream().limit(MAX_GROUPS).toList()) {
        out.println(
            "   "
                + (r.group() == null ? "" : r.group().values())
                + "  good "
                + r.good()
                + " / total "
                + r.total()
                + "  "
                + r.status());
      }
      SloResult worst = chosen != null ? chosen : first;
      out.println();
      out.println(
          "6. Arithmetic for "
              + (worst.group() == null ? "" : worst.group().label())
              + (asked
                  ? " (--group)"
                  : worst.status() == Status.NO_DATA
                      ? ", the group with the lowest SLI (every group is NO_DATA)"
                      : ", the group with the lowest SLI among those with data (--group picks"
                          + " another)")
              + ":");
      arithmetic(slo, worst);
    } else {
      out.println("5. Counts in the window");
      counts(first);
      out.println();
      out.println("6. Arithmetic");
      arithmetic(slo, first);
    }
  }

  private void counts(SloResult r) {
    out.println("   total    " + r.total() + "  valid events whose good expression is not NULL");
    out.println("   good     " + r.good());
    out.println(
        "   bad      "
            + (r.total() - r.good())
            + "  = total - good = "
            + r.total()
            + " - "
            + r.good());
    out.println("   skipped  " + r.skippedNull() + "  rows where an expression was NULL");
  }

  private void arithmetic(Slo slo, SloResult r) {
    if (!slo.per().isEmpty()) counts(r);
    if (r.slices() != null) {
      sliceArithmetic(slo, r);
      return;
    }
    BigDecimal target = slo.objective().target();
    String budget = slo.objective().errorBudget().toPlainString();
    long bad = r.budget().bad();
    if (r.total() == 0) {
      out.println("   no valid events: SLI, budget and burn rate are undefined");
    } else {
      out.println(
          "   SLI               = good / total = "
              + r.good()
              + " / "
              + r.total()
              + " = "
              + num(r.sli()));
      out.println(
          "   allowed bad       = (1 - objective) x total = (1 - "
              + target.toPlainString()
              + ") x "
              + r.total()
              + " = "
              + r.budget().allowed().stripTrailingZeros().toPlainString());
      out.println(
          "   budget remaining  = 1 - bad / allowed = 1 - "
              + bad
              + " / "
              + r.budget().allowed().stripTrailingZeros().toPlainString()
              + " = "
              + num(r.budget().remaining())
              + "  (1 untouched, 0 spent, below 0 overspent)");
      out.println(
          "   burn rate         = (bad / total) / (1 - objective) = ("
              + bad
              + " / "
              + r.total()
              + ") / "
              + budget
              + " = "
              + num(r.burnRate())
              + "  (1 spends the budget exactly over the window)");
    }
    out.println("   status            " + r.status() + ": " + why(slo, r));
  }

  /** A time-slice result: its slices, then SLI, budget and burn rate in slices. */
  private void sliceArithmetic(Slo slo, SloResult r) {
    TimeSlices ts = slo.timeslices();
    SliceSummary s = r.slices();
    String length = WindowLengths.label(ts.length());
    out.println(
        "   slices            "
            + s.slices()
            + " slices of "
            + length
            + " in the window (from each local midnight of "
            + slo.source().zone()
            + "; the window's edges cut the first and last), "
            + (s.slices() - s.empty())
            + " with valid events, "
            + s.empty()
            + " empty ("
            + ts.empty().label()
            + ")");
    if (ts.budgeting() == TimeSlices.Budgeting.TIMESLICES)
      out.println(
          "   good slices       "
              + s.good()
              + " of "
              + s.counted()
              + " counted: a slice is good when its own good / total >= "
              + ts.target().toPlainString());
    else
      out.println(
          "   spent             "
              + plain(s.spent())
              + " = sum over the counted slices of (1 - good / total)");
    String budget = slo.objective().errorBudget().toPlainString();
    if (s.counted() == 0) {
      out.println("   no counted slices: SLI, budget and burn rate are undefined");
    } else {
      out.println(
          "   SLI               = 1 - spent / counted = 1 - "
              + plain(s.spent())
              + " / "
              + s.counted()
              + " = "
              + num(r.sli())
              + (ts.budgeting() == TimeSlices.Budgeting.TIMESLICES
                  ? "  (good slices / counted slices)"
                  : "  (the mean of the slices' ratios)"));
      out.println(
          "   allowed bad       = (1 - objective) x counted = (1 - "
              + slo.objective().target().toPlainString()
              + ") x "
              + s.counted()
              + " = "
              + r.budget().allowed().stripTrailingZeros().toPlainString()
              + " slices");
      out.println(
          "   budget remaining  = 1 - spent / allowed = "
              + num(r.budget().remaining())
              + "  (1 untouched, 0 spent, below 0 overspent)");
      out.println(
          "   burn rate         = (spent / counted) / (1 - objective) = ("
              + plain(s.spent())
              + " / "
              + s.counted()
              + ") / "
              + budget
              + " = "
              + num(r.burnRate()));
    }
    out.println(
        "   status            "
            + r.status()
            + ": "
            + (r.status() == Status.NO_DATA
                ? "events "
                    + r.total()
                    + " < max(1, min_events "
                    + slo.minEvents()
                    + ")"
                    + (s.counted() == 0 ? ", or no counted slice" : "")
                : why(slo, r)));
  }

  private static String plain(BigDecimal d) {
    BigDecimal x = d.round(java.math.MathContext.DECIMAL64).stripTrailingZeros();
    return x.signum() == 0 ? "0" : x.toPlainString();
  }

  private static String why(Slo slo, SloResult r) {
    if (r.status() == Status.NO_DATA) {
      return "total " + r.total() + " < max(1, min_events " + slo.minEvents() + ")";
    }
    String cmp = r.status() == Status.BREACHED ? " < " : " >= ";
    return "SLI " + num(r.sli()) + cmp + "objective " + slo.objective().target().toPlainString();
  }

  private static String window(Slo slo) {
    if (slo.window() instanceof Window.Rolling w) return "a rolling " + w.label() + " window";
    return "the calendar " + slo.window().label() + " (in " + slo.source().zone() + ")";
  }

  /** Up to 9 decimals, without trailing zeros. */
  static String num(Double d) {
    if (d == null) return "undefined";
    return new BigDecimal(d)
        .setScale(9, RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }
}
