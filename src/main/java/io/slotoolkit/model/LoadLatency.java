package io.slotoolkit.model;

/**
 * How a latency statistic (such as the daily p95 per-record latency) moves with daily volume:
 * {@code log(latency) = intercept + elasticity x log(volume)}, fitted by the Theil-Sen estimator
 * (the median of pairwise slopes), which a few incident days cannot drag. An elasticity of 0.3
 * means latency grows 0.3% for every 1% more volume. Intervals come from the residuals' quantiles,
 * widened for volumes far from the typical one. {@code forecast/LoadLatencyFit} fits it.
 *
 * @param statistic the latency column's name, for output
 * @param intercept log-latency at volume 1
 * @param elasticity d log(latency) / d log(volume)
 * @param points days with both a volume and a latency
 * @param maxVolume the highest daily volume in the history
 * @param meanLogVolume mean of log(volume) over those days
 * @param sxx sum of squared deviations of log(volume)
 * @param residuals log-residual quantiles {2.5%, 10%, 90%, 97.5%}
 */
public record LoadLatency(
    String statistic,
    double intercept,
    double elasticity,
    int points,
    double maxVolume,
    double meanLogVolume,
    double sxx,
    double[] residuals) {
  public LoadLatency {
    residuals = residuals.clone();
  }

  /** The latency statistic predicted at a daily volume. */
  public LatencyPrediction at(double volume) {
    double lx = Math.log(Math.max(volume, 1e-9));
    double mid = intercept + elasticity * lx;
    double widen = Math.sqrt(1 + 1.0 / points + (sxx > 0 ? sq(lx - meanLogVolume) / sxx : 0));
    return new LatencyPrediction(
        volume,
        Math.exp(mid),
        Math.exp(mid + residuals[1] * widen),
        Math.exp(mid + residuals[2] * widen),
        Math.exp(mid + residuals[0] * widen),
        Math.exp(mid + residuals[3] * widen),
        volume > maxVolume * 1.0001);
  }

  /**
   * The highest daily volume at which the 95% upper bound of the latency stays at or below {@code
   * limit}; infinite when latency does not grow with volume.
   */
  public double volumeAt(double limit) {
    if (elasticity <= 1e-9) return Double.POSITIVE_INFINITY;
    // Ignoring the small extrapolation widening keeps this a closed form; at() checks the result.
    return Math.exp((Math.log(limit) - intercept - residuals[3]) / elasticity);
  }

  private static double sq(double v) {
    return v * v;
  }
}
