package io.slotoolkit.report;

import io.slotoolkit.model.BudgetPoint;
import io.slotoolkit.model.DailyCounts;
import io.slotoolkit.model.Health;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.Percent;
import io.slotoolkit.model.Report;
import io.slotoolkit.model.SloReport;
import io.slotoolkit.model.Status;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Wording and number formats every report format shares, so they say the same thing. */
public final class ReportFormat {
  private static final String BARS = "▁▂▃▄▅▆▇█";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ROOT);

  private ReportFormat() {}

  /** {@code 41.7%}; {@code -} when undefined. */
  public static String share(Double ratio) {
    return ratio == null ? "-" : Percent.fixed(ratio * 100, 1, false);
  }

  /** {@code 3 Feb}. */
  public static String day(LocalDate d) {
    return d.format(DAY);
  }

  /**
   * How an SLO's state reads in a report: its status word, as {@code slo check} prints it, with
   * {@code (at risk)} after an OK whose traffic light is amber (little budget left, or a poor last
   * 7 days).
   */
  public static String statusLabel(Status status, Health h) {
    return status.word() + (status == Status.OK && h == Health.AMBER ? " (at risk)" : "");
  }

  /** The lower end of a daily SLI chart: low enough to show the objective and the worst day. */
  public static double trendFloor(List<DailyCounts> trend, Objective objective) {
    double budget = objective.errorBudget().doubleValue();
    double lo = objective.value() - 2 * budget;
    for (DailyCounts d : trend) if (d.sli() != null) lo = Math.min(lo, d.sli());
    return Math.max(0, lo);
  }

  /** One character per day, higher is better; a blank for a day without events. */
  public static String trendSparkline(List<DailyCounts> trend, Objective objective) {
    double lo = trendFloor(trend, objective);
    StringBuilder b = new StringBuilder();
    for (DailyCounts d : trend) b.append(d.sli() == null ? ' ' : bar(d.sli(), lo, 1));
    return b.toString();
  }

  /** One character per day of budget left, from full down to the lowest point (0 at least). */
  public static String burnSparkline(List<BudgetPoint> points) {
    double lo = 0;
    for (BudgetPoint p : points) if (p.remaining() != null) lo = Math.min(lo, p.remaining());
    StringBuilder b = new StringBuilder();
    for (BudgetPoint p : points) b.append(p.remaining() == null ? ' ' : bar(p.remaining(), lo, 1));
    return b.toString();
  }

  private static char bar(double v, double lo, double hi) {
    if (hi <= lo) return BARS.charAt(BARS.length() - 1);
    double x = (v - lo) / (hi - lo);
    int i = (int) Math.round(x * (BARS.length() - 1));
    return BARS.charAt(Math.max(0, Math.min(BARS.length() - 1, i)));
  }

  /** The worst day of a trend, or null when no day has events. */
  public static DailyCounts worstDay(List<DailyCounts> trend) {
    DailyCounts worst = null;
    for (DailyCounts d : trend)
      if (d.sli() != null && (worst == null || d.sli() < worst.sli())) worst = d;
    return worst;
  }

  /**
   * {@code 12 SLOs: 5 BREACHED, 1 ALERT, 6 OK (1 at risk)}, the statuses as {@code slo check}
   * counts them.
   */
  public static String summary(Report r) {
    StringBuilder b = new StringBuilder();
    b.append(r.slos().size()).append(r.slos().size() == 1 ? " SLO: " : " SLOs: ");
    b.append(count(r, Status.BREACHED)).append(" BREACHED, ");
    long alert = count(r, Status.ALERT);
    if (alert > 0) b.append(alert).append(" ALERT, ");
    b.append(count(r, Status.OK)).append(" OK");
    long atRisk =
        r.slos().stream()
            .filter(s -> s.status() == Status.OK && s.health() == Health.AMBER)
            .count();
    if (atRisk > 0) b.append(" (").append(atRisk).append(" at risk)");
    long noData = count(r, Status.NO_DATA);
    if (noData > 0) b.append(", ").append(noData).append(" NO_DATA");
    return b.toString();
  }

  private static long count(Report r, Status s) {
    return r.slos().stream().filter(x -> x.status() == s).count();
  }

  private static long count(Report r, Health h) {
    return r.slos().stream().filter(s -> s.health() == h).count();
  }

  /**
   * The sentence that says what the aggregate hides, or null: {@code the aggregate (99.34%) meets
   * 97% but hides 1 breached customer with 0.6% of traffic}.
   */
  public static String hidden(SloReport s) {
    if (s.groups() == null || !s.groups().aggregateHidesBreaches()) return null;
    int n = s.groups().breachedGroups();
    String noun = s.groups().noun();
    if (n == 1 && noun.endsWith("s")) noun = noun.substring(0, noun.length() - 1);
    return "the aggregate ("
        + Numbers.sliPercent(s.window().sli(), s.slo().objective())
        + ") meets "
        + s.slo().objective().percent()
        + " but hides "
        + n
        + " breached "
        + noun
        + " with "
        + share(s.groups().breachedShare())
        + " of traffic";
  }

  /** Bad events a budget allows, one decimal: {@code 99,803.8}. */
  public static String allowed(java.math.BigDecimal allowed) {
    return String.format(
        Locale.ROOT, "%,.1f", allowed.setScale(1, java.math.RoundingMode.HALF_EVEN));
  }

  /** {@code 60,151 / 60,239}. */
  public static String counts(long good, long total) {
    return Numbers.count(good) + " / " + Numbers.count(total);
  }
}
