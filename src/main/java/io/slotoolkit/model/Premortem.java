package io.slotoolkit.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The busy-season premortem: the forecast peak inside the season, and whether the daily job and the
 * API latency SLO still fit it. Capacity decisions use the 95% upper bound, not the point forecast.
 *
 * @param season the season looked at; null for the whole forecast
 * @param peak the day with the highest point forecast in the season
 * @param topDays the highest days of the season by point forecast, highest first (at most 5)
 * @param peakUpper95 the highest 95% upper bound of any day in the season (items per day): the
 *     volume capacity is planned for
 * @param peakUpper95Date the day of that upper bound
 * @param latencyModel how latency moves with volume; null without a latency series
 * @param job the job-duration check; null when no window was given
 * @param slo the latency-SLO check; null when no threshold was given
 * @param verdict the worse of the checks' verdicts; null when nothing was checked
 */
public record Premortem(
    Season season,
    ForecastPoint peak,
    List<ForecastPoint> topDays,
    double peakUpper95,
    LocalDate peakUpper95Date,
    LoadLatency latencyModel,
    JobCheck job,
    SloCheck slo,
    Verdict verdict) {

  public Premortem {
    topDays = List.copyOf(topDays);
  }

  /**
   * Whether the daily job finishes inside its window at the peak.
   *
   * @param latencyMs per-item latency at the point peak, in milliseconds
   * @param latencyUpperMs per-item latency at the upper-bound peak (95% upper), in milliseconds
   * @param latencySource {@code given} (a fixed latency) or the latency column's name (modelled)
   * @param workers items processed in parallel
   * @param windowSeconds the job's window, in seconds
   * @param budgetSeconds the window minus the headroom, in seconds
   * @param durationSeconds point peak x latency / workers, in seconds
   * @param durationUpperSeconds upper-bound peak x upper latency / workers, in seconds
   * @param requiredLatencyMs the per-item latency at which the upper-bound peak fits the budget
   * @param requiredWorkers the workers at which the upper-bound peak fits the budget at the upper
   *     latency
   * @param verdict DOES_NOT_FIT when the point duration exceeds the window; AT_RISK when the upper
   *     duration (or the point duration) exceeds the budget; else FITS
   */
  public record JobCheck(
      double latencyMs,
      double latencyUpperMs,
      String latencySource,
      int workers,
      double windowSeconds,
      double budgetSeconds,
      double durationSeconds,
      double durationUpperSeconds,
      double requiredLatencyMs,
      int requiredWorkers,
      Verdict verdict) {}

  /**
   * Whether the latency statistic stays under an SLO threshold at the peak.
   *
   * @param thresholdMs the threshold, in milliseconds
   * @param budgetMs the threshold minus the headroom, in milliseconds
   * @param atPeak the statistic predicted at the point peak
   * @param atUpper the statistic predicted at the upper-bound peak
   * @param maxVolume the highest daily volume at which the statistic's 95% upper bound stays within
   *     the budget (infinite when latency does not grow with volume)
   * @param verdict DOES_NOT_FIT when the prediction at the point peak exceeds the threshold;
   *     AT_RISK when the 95% upper bound at the upper peak exceeds the budget; else FITS
   */
  public record SloCheck(
      double thresholdMs,
      double budgetMs,
      LatencyPrediction atPeak,
      LatencyPrediction atUpper,
      double maxVolume,
      Verdict verdict) {}
}
