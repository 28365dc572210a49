package io.slotoolkit.report;

import io.slotoolkit.model.Forecast;
import io.slotoolkit.model.ForecastPoint;
import io.slotoolkit.model.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A terminal chart of a forecast: history as bars, the forecast as a line inside its 80% (▒) and
 * 95% (░) bands. Several days share a column when the series is longer than the chart is wide; a
 * column shows the highest value of its days, so that a one-day peak is never averaged away.
 */
public final class ForecastChart {
  private static final String EIGHTHS = " ▁▂▃▄▅▆▇█";

  private ForecastChart() {}

  /**
   * The chart's lines.
   *
   * @param width columns of the plot area (the axis labels come on top of it)
   * @param height rows of the plot area
   */
  public static List<String> render(Forecast f, int width, int height) {
    Series full = f.history();
    // Two years of history show the last two peaks; more would squeeze the forecast.
    int shown = Math.min(full.size(), 2 * full.frequency().stepsPerYear());
    Series h = full.tail(full.size() - shown);
    List<ForecastPoint> pts = f.points();
    int total = h.size() + pts.size();
    int per = Math.max(1, (int) Math.ceil((double) total / width));
    // Align buckets to the forecast start so that no column mixes history and forecast.
    int histCols = (int) Math.ceil((double) h.size() / per);
    int fcCols = (int) Math.ceil((double) pts.size() / per);
    int cols = histCols + fcCols;
    double[] hist = new double[cols];
    double[] mid = new double[cols];
    double[] lo80 = new double[cols];
    double[] hi80 = new double[cols];
    double[] lo95 = new double[cols];
    double[] hi95 = new double[cols];
    java.util.Arrays.fill(hist, Double.NaN);
    java.util.Arrays.fill(mid, Double.NaN);
    double max = 0;
    for (int c = 0; c < histCols; c++) {
      int end = h.size() - (histCols - 1 - c) * per;
      int start = Math.max(0, end - per);
      for (int i = start; i < end; i++) {
        double v = h.value(i);
        if (!Double.isNaN(v)) hist[c] = Double.isNaN(hist[c]) ? v : Math.max(hist[c], v);
      }
      if (!Double.isNaN(hist[c])) max = Math.max(max, hist[c]);
    }
    for (int c = 0; c < fcCols; c++) {
      int start = c * per;
      int end = Math.min(pts.size(), start + per);
      int col = histCols + c;
      for (int i = start; i < end; i++) {
        ForecastPoint p = pts.get(i);
        if (Double.isNaN(mid[col]) || p.value() > mid[col]) mid[col] = p.value();
        lo80[col] = i == start ? p.lower80() : Math.max(lo80[col], p.lower80());
        hi80[col] = Math.max(hi80[col], p.upper80());
        lo95[col] = i == start ? p.lower95() : Math.max(lo95[col], p.lower95());
        hi95[col] = Math.max(hi95[col], p.upper95());
      }
      max = Math.max(max, hi95[col]);
    }
    if (max <= 0) max = 1;
    char[][] grid = new char[height][cols];
    for (char[] row : grid) java.util.Arrays.fill(row, ' ');
    double cell = max / height;
    for (int c = 0; c < cols; c++) {
      if (c < histCols) {
        if (Double.isNaN(hist[c])) continue;
        double units = hist[c] / cell;
        for (int r = 0; r < height; r++) {
          double fill = units - r;
          int row = height - 1 - r;
          if (fill >= 1) grid[row][c] = '█';
          else if (fill > 0) grid[row][c] = EIGHTHS.charAt(Math.max(1, (int) Math.round(fill * 8)));
        }
      } else {
        for (int r = 0; r < height; r++) {
          double bottom = r * cell;
          double top = (r + 1) * cell;
          int row = height - 1 - r;
          if (hi95[c] > bottom && lo95[c] < top) grid[row][c] = '░';
          if (hi80[c] > bottom && lo80[c] < top) grid[row][c] = '▒';
        }
        int r = Math.min(height - 1, (int) Math.floor(mid[c] / cell));
        grid[height - 1 - r][c] = '━';
      }
    }
    String top = Fmt.volume(max);
    int label = Math.max(top.length(), 1);
    List<String> lines = new ArrayList<>();
    for (int r = 0; r < height; r++) {
      String l = r == 0 ? top : r == height - 1 ? "0" : r == height / 2 ? Fmt.volume(max / 2) : "";
      lines.add(pad(l, label) + " ┤" + new String(grid[r]).stripTrailing());
    }
    StringBuilder axis = new StringBuilder(" ".repeat(label) + " └");
    axis.append("─".repeat(histCols)).append("┬").append("─".repeat(Math.max(0, fcCols - 1)));
    lines.add(axis.toString());
    String first = h.first().toString();
    String fcStart = pts.get(0).date().toString();
    String last = pts.get(pts.size() - 1).date().toString();
    StringBuilder dates = new StringBuilder(" ".repeat(label + 2)).append(first);
    int at = label + 2 + histCols - fcStart.length() / 2;
    if (at > dates.length() + 1) dates.append(" ".repeat(at - dates.length())).append(fcStart);
    int endAt = label + 2 + cols - last.length();
    if (endAt > dates.length() + 1) dates.append(" ".repeat(endAt - dates.length())).append(last);
    lines.add(dates.toString());
    lines.add(
        " ".repeat(label + 2)
            + String.format(
                Locale.ROOT,
                "█ history  ━ forecast  ▒ 80%%  ░ 95%%   (1 column = %d %s%s, highest shown)",
                per,
                h.frequency().unit(),
                per == 1 ? "" : "s"));
    return lines;
  }

  private static String pad(String s, int w) {
    return " ".repeat(Math.max(0, w - s.length())) + s;
  }
}
