package io.slotoolkit.forecast;

import io.slotoolkit.model.LoadLatency;
import io.slotoolkit.model.Series;
import io.slotoolkit.model.SloException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Fits a {@link LoadLatency}: {@code log(latency)} against {@code log(volume)} by the Theil-Sen
 * estimator (the median of pairwise slopes), with intervals from the residuals' quantiles.
 */
public final class LoadLatencyFit {
  /** Days of history the fit requires. */
  public static final int MIN_POINTS = 14;

  private static final int MAX_SLOPE_POINTS = 1200;

  private LoadLatencyFit() {}

  /**
   * Fits latency against volume on the days where both have a value above 0.
   *
   * @throws SloException (data) when the latency series is empty or shares too few days with the
   *     volume
   */
  public static LoadLatency fit(Series volume, Series latency) {
    List<double[]> pairs = new ArrayList<>();
    java.util.Map<java.time.LocalDate, Double> byDate = new java.util.HashMap<>();
    for (int i = 0; i < latency.size(); i++) byDate.put(latency.date(i), latency.value(i));
    for (int i = 0; i < volume.size(); i++) {
      Double l = byDate.get(volume.date(i));
      double v = volume.value(i);
      if (l == null || Double.isNaN(l) || Double.isNaN(v) || l <= 0 || v <= 0) continue;
      pairs.add(new double[] {Math.log(v), Math.log(l)});
    }
    if (pairs.size() < MIN_POINTS) {
      throw SloException.data(
          "latency column "
              + latency.name()
              + " has a value on "
              + pairs.size()
              + " day(s) that also have a volume; fitting latency against volume needs at least "
              + MIN_POINTS,
          "check --latency-column, or give a fixed per-item latency with --latency");
    }
    int n = pairs.size();
    double[] x = new double[n];
    double[] y = new double[n];
    double maxV = 0;
    for (int i = 0; i < n; i++) {
      x[i] = pairs.get(i)[0];
      y[i] = pairs.get(i)[1];
      maxV = Math.max(maxV, Math.exp(x[i]));
    }
    double slope = theilSen(x, y);
    double[] rest = new double[n];
    for (int i = 0; i < n; i++) rest[i] = y[i] - slope * x[i];
    double intercept = median(rest);
    double[] r = new double[n];
    double meanX = Arrays.stream(x).average().orElse(0);
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      r[i] = y[i] - intercept - slope * x[i];
      sxx += (x[i] - meanX) * (x[i] - meanX);
    }
    Arrays.sort(r);
    double[] q = {
      ErrorBands.quantile(r, 0.025),
      ErrorBands.quantile(r, 0.10),
      ErrorBands.quantile(r, 0.90),
      ErrorBands.quantile(r, 0.975)
    };
    if (n < 100) {
      // Few days: the empirical tails are too short; keep at least Student-t tails.
      double mad = 1.4826 * median(Arrays.stream(r).map(Math::abs).toArray());
      double sd = Math.max(mad, 1e-9);
      TDistribution t = new TDistribution(n - 2);
      q[0] = Math.min(q[0], t.inverseCumulativeProbability(0.025) * sd);
      q[1] = Math.min(q[1], t.inverseCumulativeProbability(0.10) * sd);
      q[2] = Math.max(q[2], t.inverseCumulativeProbability(0.90) * sd);
      q[3] = Math.max(q[3], t.inverseCumulativeProbability(0.975) * sd);
    }
    q[1] = Math.min(q[1], 0);
    q[0] = Math.min(q[0], q[1]);
    q[2] = Math.max(q[2], 0);
    q[3] = Math.max(q[3], q[2]);
    return new LoadLatency(latency.name(), intercept, slope, n, maxV, meanX, sxx, q);
  }

  private static double theilSen(double[] x, double[] y) {
    int n = x.length;
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) idx[i] = i;
    if (n > MAX_SLOPE_POINTS) {
      // Beyond ~700k pairs the median barely moves: a fixed-seed sample keeps it fast and
      // repeatable.
      Random rnd = new Random(42);
      for (int i = n - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
      }
      idx = Arrays.copyOf(idx, MAX_SLOPE_POINTS);
    }
    int m = idx.length;
    double[] slopes = new double[m * (m - 1) / 2];
    int k = 0;
    for (int a = 0; a < m; a++) {
      for (int b = a + 1; b < m; b++) {
        double dx = x[idx[b]] - x[idx[a]];
        if (Math.abs(dx) > 1e-12) slopes[k++] = (y[idx[b]] - y[idx[a]]) / dx;
      }
    }
    if (k == 0) return 0;
    return median(Arrays.copyOf(slopes, k));
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
