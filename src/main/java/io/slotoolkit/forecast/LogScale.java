package io.slotoolkit.forecast;

import io.slotoolkit.model.Series;

/**
 * The series on the scale the models work on: {@code log(y + offset)}. Seasonal swings of busy
 * seasons are multiplicative (March is "three times" a normal month, not "plus 7,000"), the log
 * makes them additive, and back-transformed forecasts can never go below 0. The offset is 0 for
 * strictly positive data, else a small share of the typical value, so that zero days stay finite.
 */
final class LogScale {
  final double offset;
  final double[] z;
  final double[] filled;
  private final Series series;
  private final java.util.Map<String, NormalEquations> equations = new java.util.HashMap<>();

  LogScale(Series s) {
    this.series = s;
    double min = Double.POSITIVE_INFINITY;
    double sum = 0;
    int n = 0;
    for (int i = 0; i < s.size(); i++) {
      double v = s.value(i);
      if (Double.isNaN(v)) continue;
      min = Math.min(min, v);
      sum += v;
      n++;
    }
    double mean = n == 0 ? 1 : sum / n;
    this.offset = min > 0 ? 0 : Math.max(mean * 0.01, 1e-9);
    this.z = new double[s.size()];
    for (int i = 0; i < z.length; i++) {
      double v = s.value(i);
      z[i] = Double.isNaN(v) ? Double.NaN : Math.log(v + offset);
    }
    this.filled = interpolate(z);
  }

  /**
   * The normal equations of one design and weighting, shared by every method and origin of one
   * forecast: methods with the same design (regression and seasonal+holt) solve them once.
   */
  NormalEquations equations(SeasonalDesign d, double halfLifeYears) {
    String key = d.yearly + "/" + d.harmonics + "/" + d.trend + "/" + halfLifeYears;
    return equations.computeIfAbsent(key, k -> new NormalEquations(series, z, d, halfLifeYears));
  }

  double toValue(double logValue) {
    return Math.max(0, Math.exp(logValue) - offset);
  }

  /** Missing steps get the straight line between their neighbours (recursions need every step). */
  static double[] interpolate(double[] z) {
    double[] out = z.clone();
    int i = 0;
    while (i < out.length) {
      if (!Double.isNaN(out[i])) {
        i++;
        continue;
      }
      int j = i;
      while (j < out.length && Double.isNaN(out[j])) j++;
      double left = i > 0 ? out[i - 1] : (j < out.length ? out[j] : 0);
      double right = j < out.length ? out[j] : left;
      for (int k = i; k < j; k++) {
        double w = (double) (k - i + 1) / (j - i + 1);
        out[k] = left + w * (right - left);
      }
      i = j;
    }
    return out;
  }
}
