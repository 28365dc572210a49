package io.slotoolkit.report;

import io.slotoolkit.model.Backtest;
import io.slotoolkit.model.CandidateScore;
import io.slotoolkit.model.Forecast;
import io.slotoolkit.model.ForecastPoint;
import io.slotoolkit.model.ForecastReport;
import io.slotoolkit.model.LatencyPrediction;
import io.slotoolkit.model.LoadLatency;
import io.slotoolkit.model.Premortem;
import io.slotoolkit.model.Series;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code slo forecast} for people: what was read, a chart, the peak, the backtest, the verdict. */
public final class ForecastTextRenderer {
  private static final int WIDTH = 72;
  private static final int HEIGHT = 12;

  private final Style style;

  public ForecastTextRenderer(Style style) {
    this.style = style;
  }

  public void render(ForecastReport r, PrintWriter out) {
    Forecast f = r.forecast();
    Series h = f.history();
    out.printf(
        Locale.ROOT,
        "%s from %s: %s..%s, %,d %ss%s%n",
        h.name(),
        r.source(),
        h.first(),
        h.last(),
        h.size(),
        h.frequency().unit(),
        h.gaps().isEmpty() ? "" : ", " + h.gaps().size() + " gap(s)");
    out.printf(
        Locale.ROOT,
        "model: %s%s, chosen by a backtest from %d origins; intervals from %,d out-of-sample"
            + " errors%n",
        f.method(),
        f.seasonal() ? "" : " (NON-SEASONAL)",
        f.origins(),
        f.calibrationErrors());
    for (String note : f.notes()) out.println("note: " + note);
    out.println();
    for (String line : ForecastChart.render(f, WIDTH, HEIGHT)) out.println(line);
    out.println();
    Premortem p = r.premortem();
    if (p != null) premortem(p, h.frequency().unit(), out);
    else peakOfForecast(f, out);
    if (r.backtest() != null) backtest(r.backtest(), out);
    if (p != null && p.verdict() != null) {
      out.println();
      out.println("verdict: " + colour(p.verdict()) + verdictReason(p));
    }
    out.flush();
  }

  private static void peakOfForecast(Forecast f, PrintWriter out) {
    ForecastPoint peak = f.points().get(0);
    for (ForecastPoint x : f.points()) if (x.value() > peak.value()) peak = x;
    out.println("forecast peak:  " + point(peak));
  }

  /**
   * The season's peak and plan, in the series' own step: {@code per month} and {@code highest
   * months} for a monthly series.
   */
  private static void premortem(Premortem p, String unit, PrintWriter out) {
    String where = p.season() == null ? "" : " in the season " + p.season();
    out.println("peak" + where + ": " + point(p.peak()));
    StringBuilder top = new StringBuilder("highest " + unit + "s:");
    for (ForecastPoint d : p.topDays()) {
      top.append("  ").append(d.date()).append(' ').append(Fmt.volume(d.value()));
    }
    out.println(top);
    out.printf(
        "plan for: %s per %s (the highest 95%% upper bound, %s)%n",
        Fmt.volume(p.peakUpper95()), unit, p.peakUpper95Date());
    LoadLatency m = p.latencyModel();
    if (m != null) {
      out.printf(
          Locale.ROOT,
          "latency under load: %s grows %.2f%% per 1%% more volume (fitted on %,d days)%n",
          m.statistic(),
          m.elasticity(),
          m.points());
    }
    Premortem.JobCheck j = p.job();
    if (j != null) {
      out.println();
      out.printf(
          Locale.ROOT,
          "job: %d worker%s, window %s, headroom %.0f%% -> budget %s%n",
          j.workers(),
          j.workers() == 1 ? "" : "s",
          Fmt.duration(j.windowSeconds()),
          100 * (1 - j.budgetSeconds() / j.windowSeconds()),
          Fmt.duration(j.budgetSeconds()));
      out.printf(
          Locale.ROOT,
          "  at the peak:        %s items x %s / %d = %s%n",
          Fmt.volume(p.peak().value()),
          Fmt.millis(j.latencyMs()),
          j.workers(),
          Fmt.duration(j.durationSeconds()));
      out.printf(
          Locale.ROOT,
          "  at the upper bound: %s items x %s / %d = %s%s%n",
          Fmt.volume(p.peakUpper95()),
          Fmt.millis(j.latencyUpperMs()),
          j.workers(),
          Fmt.duration(j.durationUpperSeconds()),
          "given".equals(j.latencySource())
              ? ""
              : " (latency: 95% upper bound of " + j.latencySource() + " at that volume)");
      out.printf(
          Locale.ROOT,
          "  %s; to fit the upper bound in the budget: per-item latency <= %s, or %d worker%s%n",
          j.verdict().label(),
          Fmt.millis(j.requiredLatencyMs()),
          j.requiredWorkers(),
          j.requiredWorkers() == 1 ? "" : "s");
    }
    Premortem.SloCheck s = p.slo();
    if (s != null) {
      out.println();
      out.printf(
          "latency SLO: %s <= %s (budget with headroom %s)%n",
          p.latencyModel().statistic(), Fmt.millis(s.thresholdMs()), Fmt.millis(s.budgetMs()));
      out.println("  at the peak:        " + latency(s.atPeak()));
      out.println("  at the upper bound: " + latency(s.atUpper()));
      out.printf(
          "  %s; the 95%% upper bound stays within the budget up to %s items per day%n",
          s.verdict().label(), Fmt.volume(s.maxVolume()));
    }
  }

  private static void backtest(Backtest b, PrintWriter out) {
    out.println();
    out.printf(
        Locale.ROOT,
        "backtest: %s..%s (%,d points) forecast from the history before it by %s%n",
        b.from(),
        b.to(),
        b.points(),
        b.forecast().method());
    out.printf(Locale.ROOT, "  %-22s %10s %16s%n", "", "slo", "seasonal naive");
    out.printf(
        Locale.ROOT,
        "  %-22s %10s %16s%n",
        "MAPE",
        Fmt.percent(b.mape(), false),
        Fmt.percent(b.baselineMape(), false));
    out.printf(
        Locale.ROOT,
        "  %-22s %10s %16s%n",
        "peak error",
        Fmt.percent(b.peakError(), true),
        Fmt.percent(b.baselinePeakError(), true));
    out.printf(Locale.ROOT, "  %-22s %+10d%n", "peak date shift (days)", b.peakDateShiftDays());
    out.printf(
        Locale.ROOT, "  %-22s %10s%n", "80% interval coverage", Fmt.percent(b.coverage80(), false));
    out.printf(
        Locale.ROOT, "  %-22s %10s%n", "95% interval coverage", Fmt.percent(b.coverage95(), false));
    out.printf(
        Locale.ROOT,
        "  actual peak %s on %s; forecast peak %s on %s; 95%% upper bound %s (%s)%n",
        Fmt.volume(b.actualPeak()),
        b.actualPeakDate(),
        Fmt.volume(b.forecastPeak()),
        b.forecastPeakDate(),
        Fmt.volume(b.peakUpper95()),
        b.peakCovered() ? "reaches the peak" : "BELOW the actual peak");
    StringBuilder c = new StringBuilder("  methods tried:");
    for (CandidateScore s : b.forecast().candidates()) {
      c.append(
          String.format(
              Locale.ROOT, " %s %.1f%%%s;", s.method(), 100 * s.error(), s.chosen() ? "*" : ""));
    }
    out.println(c.substring(0, c.length() - 1));
  }

  private String colour(io.slotoolkit.model.Verdict v) {
    return switch (v) {
      case FITS -> style.green(v.label());
      case AT_RISK -> style.yellow(v.label());
      case DOES_NOT_FIT -> style.red(v.label());
    };
  }

  private static String verdictReason(Premortem p) {
    StringBuilder b = new StringBuilder();
    if (p.job() != null) b.append(" (job ").append(p.job().verdict().label());
    if (p.slo() != null) {
      b.append(b.length() == 0 ? " (" : ", ")
          .append("latency SLO ")
          .append(p.slo().verdict().label());
    }
    return b.length() == 0 ? "" : b.append(')').toString();
  }

  private static String point(ForecastPoint p) {
    return String.format(
        Locale.ROOT,
        "%s  %s   80%%: %s..%s   95%%: %s..%s",
        p.date(),
        Fmt.volume(p.value()),
        Fmt.volume(p.lower80()),
        Fmt.volume(p.upper80()),
        Fmt.volume(p.lower95()),
        Fmt.volume(p.upper95()));
  }

  private static String latency(LatencyPrediction l) {
    return String.format(
        Locale.ROOT,
        "%s at %s per day (95%%: %s..%s)%s",
        Fmt.millis(l.value()),
        Fmt.volume(l.volume()),
        Fmt.millis(l.lower95()),
        Fmt.millis(l.upper95()),
        l.extrapolated() ? ", beyond the highest volume seen" : "");
  }
}
