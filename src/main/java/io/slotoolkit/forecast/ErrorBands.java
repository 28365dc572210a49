package io.slotoolkit.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Prediction intervals calibrated from a method's own out-of-sample errors. The log errors {@code e
 * = log(actual) - log(forecast)} of the rolling-origin backtest are grouped in horizon buckets (1,
 * 2, 3-4, 5-8, ... steps). Each bucket gives a scale (root mean square error, never smaller than a
 * shorter horizon's, so bands widen with the horizon); the errors divided by their bucket's scale
 * are pooled, and the interval's ends are their empirical quantiles. With few errors the ends are
 * at least the Student-t quantiles of the pooled errors, so a short history gets wider, not
 * overconfident, bands. Beyond the longest backtested horizon the scale grows like {@code sqrt(h)}.
 */
final class ErrorBands {
  private static final int MIN_PER_BUCKET = 6;
  private static final int TRUST_EMPIRICAL = 400;

  private final int[] bucketEnd;
  private final double[] scale;
  private final double lo80;
  private final double hi80;
  private final double lo95;
  private final double hi95;
  final int errors;

  private ErrorBands(int[] bucketEnd, double[] scale, double[] q, int errors) {
    this.bucketEnd = bucketEnd;
    this.scale = scale;
    this.lo95 = q[0];
    this.lo80 = q[1];
    this.hi80 = q[2];
    this.hi95 = q[3];
    this.errors = errors;
  }

  /** Calibrates from errors by horizon: {@code errors.get(h - 1)} holds the errors at horizon h. */
  static ErrorBands calibrate(List<List<Double>> errorsByHorizon) {
    List<Integer> ends = new ArrayList<>();
    List<Double> scales = new ArrayList<>();
    List<double[]> bucketErrors = new ArrayList<>();
    int h = 1;
    int maxH = errorsByHorizon.size();
    List<Double> pending = new ArrayList<>();
    while (h <= maxH) {
      int end = Math.min(maxH, bucketUpper(h));
      for (int k = h; k <= end; k++) pending.addAll(errorsByHorizon.get(k - 1));
      if (pending.size() >= MIN_PER_BUCKET || (end == maxH && ends.isEmpty())) {
        ends.add(end);
        double[] e = pending.stream().mapToDouble(Double::doubleValue).toArray();
        bucketErrors.add(e);
        scales.add(rms(e));
        pending.clear();
      } else if (end == maxH && !ends.isEmpty() && !pending.isEmpty()) {
        // Too few errors at the longest horizons: fold them into the last bucket.
        int last = ends.size() - 1;
        double[] merged = concat(bucketErrors.get(last), pending);
        bucketErrors.set(last, merged);
        scales.set(last, rms(merged));
        ends.set(last, end);
        pending.clear();
      }
      h = end + 1;
    }
    if (ends.isEmpty()) {
      throw new IllegalStateException("no backtest errors to calibrate intervals from");
    }
    int b = ends.size();
    int[] endArr = new int[b];
    double[] sc = new double[b];
    double floor = 1e-4;
    for (int i = 0; i < b; i++) {
      endArr[i] = ends.get(i);
      sc[i] = Math.max(floor, Math.max(scales.get(i), i > 0 ? sc[i - 1] : 0));
    }
    List<Double> standardised = new ArrayList<>();
    for (int i = 0; i < b; i++) for (double e : bucketErrors.get(i)) standardised.add(e / sc[i]);
    double[] u = standardised.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = u.length;
    double[] q = {quantile(u, 0.025), quantile(u, 0.10), quantile(u, 0.90), quantile(u, 0.975)};
    if (n < TRUST_EMPIRICAL) {
      double mean = Arrays.stream(u).average().orElse(0);
      double sd =
          Math.sqrt(Arrays.stream(u).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, n - 1));
      sd = Math.max(sd, 1e-9);
      TDistribution t = new TDistribution(Math.max(2, n - 1));
      double spread = Math.sqrt(1 + 1.0 / Math.max(1, n));
      // A bias seen in few backtests may not repeat: it may widen a side, never narrow it.
      double down = Math.min(mean, 0);
      double up = Math.max(mean, 0);
      q[0] = Math.min(q[0], down + t.inverseCumulativeProbability(0.025) * sd * spread);
      q[1] = Math.min(q[1], down + t.inverseCumulativeProbability(0.10) * sd * spread);
      q[2] = Math.max(q[2], up + t.inverseCumulativeProbability(0.90) * sd * spread);
      q[3] = Math.max(q[3], up + t.inverseCumulativeProbability(0.975) * sd * spread);
    }
    // The point forecast stays inside its own intervals even when the errors lean one way.
    q[1] = Math.min(q[1], 0);
    q[0] = Math.min(q[0], q[1]);
    q[2] = Math.max(q[2], 0);
    q[3] = Math.max(q[3], q[2]);
    return new ErrorBands(endArr, sc, q, n);
  }

  private static int bucketUpper(int h) {
    // 1, 2, 3-4, 5-8, 9-16, ...: short horizons get their own scale, long ones share.
    if (h <= 2) return h;
    return Integer.highestOneBit(h - 1) * 2;
  }

  /** The log-scale scale of errors at horizon {@code h} (1-based). */
  double scale(int h) {
    for (int i = 0; i < bucketEnd.length; i++) if (h <= bucketEnd[i]) return scale[i];
    int last = bucketEnd.length - 1;
    int from = last == 0 ? 1 : bucketEnd[last - 1] + 1;
    double mid = (from + bucketEnd[last]) / 2.0;
    return scale[last] * Math.sqrt(h / mid);
  }

  /** Log-scale offsets of {lower95, lower80, upper80, upper95} at horizon {@code h}. */
  double[] offsets(int h) {
    double s = scale(h);
    return new double[] {lo95 * s, lo80 * s, hi80 * s, hi95 * s};
  }

  /** The longest horizon the backtest measured. */
  int measuredHorizon() {
    return bucketEnd[bucketEnd.length - 1];
  }

  static double rms(double[] e) {
    double s = 0;
    for (double x : e) s += x * x;
    return e.length == 0 ? 0 : Math.sqrt(s / e.length);
  }

  /** Linear interpolation between order statistics (type 7, as R and numpy default). */
  static double quantile(double[] sorted, double p) {
    if (sorted.length == 1) return sorted[0];
    double pos = p * (sorted.length - 1);
    int i = (int) Math.floor(pos);
    int j = Math.min(i + 1, sorted.length - 1);
    return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
  }

  private static double[] concat(double[] a, List<Double> b) {
    double[] out = Arrays.copyOf(a, a.length + b.size());
    for (int i = 0; i < b.size(); i++) out[a.length + i] = b.get(i);
    return out;
  }
}
