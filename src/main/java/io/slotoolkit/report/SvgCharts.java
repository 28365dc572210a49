package io.slotoolkit.report;

import io.slotoolkit.model.BudgetPoint;
import io.slotoolkit.model.DailyCounts;
import io.slotoolkit.model.GroupView;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.Percent;
import io.slotoolkit.model.Status;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG, drawn here so that the page needs no script, library or
 * network. Every chart has a fixed viewBox and scales to its container; labels are escaped.
 */
public final class SvgCharts {
  static final int W = 560;
  static final int H = 220;

  /** The group chart is wider: its labels and values sit beside the bars. */
  static final int GROUPS_W = 820;

  private static final int LEFT = 58;
  private static final int RIGHT = 14;
  private static final int TOP = 14;
  private static final int BOTTOM = 34;

  private SvgCharts() {}

  /** Daily SLI as a line with the objective dashed; days below the objective are red dots. */
  public static String trend(List<DailyCounts> days, Objective objective, String title) {
    double lo = ReportFormat.trendFloor(days, objective);
    double hi = 1.0;
    double[] ticks = ticks(lo, hi);
    lo = ticks[0];
    StringBuilder s = open("trend", title);
    axes(s, ticks, lo, hi, true);
    xLabels(s, days.stream().map(DailyCounts::day).toList());
    double oy = y(objective.value(), lo, hi);
    s.append(
        String.format(
            Locale.ROOT,
            "<line class=\"objective\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
            LEFT,
            oy,
            W - RIGHT,
            oy));
    s.append(
        String.format(
            Locale.ROOT,
            "<text class=\"objective-label\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">objective %s</text>",
            W - RIGHT - 2,
            oy - TOP < 16 ? oy + 13 : oy - 4,
            Html.esc(objective.percent())));
    List<String> segments = new ArrayList<>();
    StringBuilder seg = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    for (int i = 0; i < days.size(); i++) {
      DailyCounts d = days.get(i);
      if (d.sli() == null) {
        if (seg.length() > 0) segments.add(seg.toString());
        seg.setLength(0);
        continue;
      }
      double px = x(i, days.size());
      double py = y(d.sli(), lo, hi);
      seg.append(seg.length() == 0 ? "M" : " L").append(fmt(px)).append(' ').append(fmt(py));
      boolean below = d.sli() < objective.value();
      dots.append(
          String.format(
              Locale.ROOT,
              "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%s\"><title>%s: %s (%s)</title></circle>",
              below ? "dot bad" : "dot",
              px,
              py,
              below ? "4" : "2.5",
              Html.esc(ReportFormat.day(d.day())),
              Html.esc(Numbers.sliPercent(d.sli(), objective)),
              Html.esc(ReportFormat.counts(d.good(), d.total()))));
    }
    if (seg.length() > 0) segments.add(seg.toString());
    for (String p : segments) s.append("<path class=\"line\" d=\"").append(p).append("\"/>");
    s.append(dots);
    return s.append("</svg>").toString();
  }

  /** Error budget left at the end of each day: an area falling from 100%, red below zero. */
  public static String burnDown(List<BudgetPoint> points, String title) {
    double lo = 0;
    for (BudgetPoint p : points) if (p.remaining() != null) lo = Math.min(lo, p.remaining());
    double hi = 1.0;
    double[] ticks = ticks(lo, hi);
    lo = ticks[0];
    StringBuilder s = open("burn", title);
    axes(s, ticks, lo, hi, false);
    xLabels(s, points.stream().map(BudgetPoint::day).toList());
    double zero = y(0, lo, hi);
    s.append(
        String.format(
            Locale.ROOT,
            "<line class=\"zero\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
            LEFT,
            zero,
            W - RIGHT,
            zero));
    StringBuilder line = new StringBuilder();
    double firstX = -1;
    double lastX = -1;
    double lastY = 0;
    BudgetPoint last = null;
    for (int i = 0; i < points.size(); i++) {
      BudgetPoint p = points.get(i);
      if (p.remaining() == null) continue;
      double px = x(i, points.size());
      double py = y(p.remaining(), lo, hi);
      if (firstX < 0) firstX = px;
      line.append(line.length() == 0 ? "M" : " L").append(fmt(px)).append(' ').append(fmt(py));
      lastX = px;
      lastY = py;
      last = p;
    }
    if (last != null) {
      s.append("<path class=\"area\" d=\"")
          .append(line)
          .append(" L")
          .append(fmt(lastX))
          .append(' ')
          .append(fmt(zero))
          .append(" L")
          .append(fmt(firstX))
          .append(' ')
          .append(fmt(zero))
          .append(" Z\"/>");
      s.append("<path class=\"")
          .append(last.remaining() < 0 ? "line bad" : "line")
          .append("\" d=\"")
          .append(line)
          .append("\"/>");
      s.append(
          String.format(
              Locale.ROOT,
              "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>",
              last.remaining() < 0 ? "dot bad" : "dot",
              lastX,
              lastY));
      s.append(
          String.format(
              Locale.ROOT,
              "<text class=\"value-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s left</text>",
              lastX - 6,
              // below the point: the line comes from above-left, the area below is only a fill
              lastY + 20 <= H - BOTTOM - 4 ? lastY + 20 : lastY - 10,
              Html.esc(Numbers.budgetPercent(last.remaining()))));
    }
    return s.append("</svg>").toString();
  }

  /** Traffic share per group as horizontal bars, coloured by the group's status. */
  public static String groupShares(GroupView g, Objective objective, String title) {
    List<GroupView.Share> rows = new ArrayList<>(g.top());
    if (g.tail() != null) rows.add(g.tail());
    // breached groups too small for the top are the point of this chart: shown after the tail
    for (GroupView.Share b : g.breached()) if (!g.top().contains(b)) rows.add(b);
    int rowH = 24;
    int labelW = 170;
    int valueW = 170;
    int w = GROUPS_W;
    int height = TOP + rows.size() * rowH + 8;
    double max = rows.stream().mapToDouble(GroupView.Share::share).max().orElse(1);
    if (max <= 0) max = 1;
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "<svg class=\"chart groups\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                    + "><title>%s</title>",
                w,
                height,
                w,
                height,
                Html.esc(title)));
    double barSpace = w - labelW - valueW - RIGHT;
    for (int i = 0; i < rows.size(); i++) {
      GroupView.Share r = rows.get(i);
      double yy = TOP + i * rowH;
      double bw = Math.max(1, barSpace * r.share() / max);
      String cls =
          r.groups() > 1
              ? "bar tail"
              : r.status() == Status.BREACHED
                  ? "bar bad"
                  : r.status() == Status.OK ? "bar ok" : "bar none";
      s.append(
          String.format(
              Locale.ROOT,
              "<text class=\"bar-label\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
              labelW - 8,
              yy + 15,
              Html.esc(truncate(r.label(), 22))));
      s.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"%s\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\"><title>%s: %s of traffic, SLI %s</title></rect>",
              cls,
              labelW,
              yy + 3,
              bw,
              rowH - 8,
              Html.esc(r.label()),
              Html.esc(ReportFormat.share(r.share())),
              Html.esc(Numbers.sliPercent(r.sli(), objective))));
      s.append(
          String.format(
              Locale.ROOT,
              "<text class=\"bar-value\" x=\"%.1f\" y=\"%.1f\">%s · SLI %s</text>",
              labelW + bw + 6,
              yy + 15,
              Html.esc(ReportFormat.share(r.share())),
              Html.esc(Numbers.sliPercent(r.sli(), objective))));
    }
    return s.append("</svg>").toString();
  }

  /** A small sparkline for a scorecard tile: daily SLI, no axes. */
  public static String tileSparkline(List<DailyCounts> days, Objective objective) {
    int w = 200;
    int h = 36;
    double lo = ReportFormat.trendFloor(days, objective);
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "<svg class=\"spark\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" preserveAspectRatio=\"none\" aria-hidden=\"true\""
                    + ">",
                w,
                h,
                w,
                h));
    double oy = 2 + (h - 4) * (1 - (objective.value() - lo) / (1 - lo));
    s.append(
        String.format(
            Locale.ROOT,
            "<line class=\"objective\" x1=\"0\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
            oy,
            w,
            oy));
    StringBuilder p = new StringBuilder();
    for (int i = 0; i < days.size(); i++) {
      if (days.get(i).sli() == null) continue;
      double px = days.size() == 1 ? w / 2.0 : 2 + (w - 4) * i / (double) (days.size() - 1);
      double py = 2 + (h - 4) * (1 - (days.get(i).sli() - lo) / (1 - lo));
      p.append(p.length() == 0 ? "M" : " L").append(fmt(px)).append(' ').append(fmt(py));
    }
    if (p.length() > 0) s.append("<path class=\"line\" d=\"").append(p).append("\"/>");
    return s.append("</svg>").toString();
  }

  private static StringBuilder open(String kind, String title) {
    return new StringBuilder(
        String.format(
            Locale.ROOT,
            "<svg class=\"chart %s\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                + "><title>%s</title>",
            kind,
            W,
            H,
            W,
            H,
            Html.esc(title)));
  }

  private static void axes(StringBuilder s, double[] ticks, double lo, double hi, boolean sli) {
    for (double t : ticks) {
      double yy = y(t, lo, hi);
      s.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
              LEFT,
              yy,
              W - RIGHT,
              yy));
      s.append(
          String.format(
              Locale.ROOT,
              "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
              LEFT - 6,
              yy + 4,
              tickLabel(t, ticks)));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
            LEFT,
            TOP,
            LEFT,
            H - BOTTOM));
    s.append(
        String.format(
            Locale.ROOT,
            "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
            LEFT,
            H - BOTTOM,
            W - RIGHT,
            H - BOTTOM));
    s.append(
        String.format(
            Locale.ROOT,
            "<text class=\"axis-title\" transform=\"translate(12 %d) rotate(-90)\" text-anchor=\"middle\">%s</text>",
            (TOP + H - BOTTOM) / 2,
            sli ? "daily SLI" : "budget left"));
  }

  private static void xLabels(StringBuilder s, List<LocalDate> days) {
    int n = days.size();
    if (n == 0) return;
    int every = Math.max(1, (int) Math.ceil(n / 7.0));
    for (int i = 0; i < n; i += every) {
      double px = x(i, n);
      s.append(
          String.format(
              Locale.ROOT,
              "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
              px,
              H - BOTTOM,
              px,
              H - BOTTOM + 4));
      s.append(
          String.format(
              Locale.ROOT,
              "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
              px,
              H - BOTTOM + 18,
              Html.esc(ReportFormat.day(days.get(i)))));
    }
  }

  /** Four or five round ticks covering [lo, hi]; the first is at or below lo. */
  static double[] ticks(double lo, double hi) {
    double span = Math.max(hi - lo, 1e-6);
    double raw = span / 4;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = mag;
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * mag >= raw) {
        step = m * mag;
        break;
      }
    }
    double start = Math.floor(lo / step + 1e-9) * step;
    List<Double> t = new ArrayList<>();
    for (double v = start; v <= hi + step * 1e-6; v += step) t.add(v);
    double[] out = new double[t.size()];
    for (int i = 0; i < out.length; i++) out[i] = t.get(i);
    return out;
  }

  private static String tickLabel(double v, double[] ticks) {
    double step = (ticks.length > 1 ? ticks[1] - ticks[0] : 1) * 100;
    int decimals = 0;
    while (decimals < 4
        && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals)))
            > 1e-6) decimals++;
    return Percent.fixed(v * 100, decimals, false);
  }

  private static double x(int i, int n) {
    double plot = W - LEFT - RIGHT - 16;
    return LEFT + 8 + (n == 1 ? plot / 2 : plot * i / (n - 1));
  }

  private static double y(double v, double lo, double hi) {
    double plot = H - TOP - BOTTOM;
    return TOP + plot * (1 - (v - lo) / (hi - lo));
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String truncate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
