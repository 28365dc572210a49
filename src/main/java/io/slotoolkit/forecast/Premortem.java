package io.slotoolkit.forecast;

import io.slotoolkit.model.SloException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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

  /**
   * Assesses a daily forecast against a capacity.
   *
   * @param latencyModel how latency moves with volume; null when only a fixed latency is known
   * @param latencyUnitMs milliseconds per unit of the latency series (1 for ms, 1000 for s)
   * @throws SloException (usage) when a check needs what was not given, or the forecast does not
   *     reach the season
   */
  public static Premortem assess(
      Forecast forecast,
      Season season,
      Capacity capacity,
      LoadLatency latencyModel,
      double latencyUnitMs) {
    List<ForecastPoint> days = new ArrayList<>();
    Frequency f = forecast.history().frequency();
    for (ForecastPoint p : forecast.points()) {
      if (season == null || season.overlaps(p.date(), f.lastDayOf(p.date()))) days.add(p);
    }
    if (days.isEmpty()) {
      throw SloException.spec(
          "the forecast ("
              + forecast.points().get(0).date()
              + ".."
              + forecast.points().get(forecast.points().size() - 1).date()
              + ") does not reach the season "
              + season,
          "leave out --horizon to forecast up to the end of the next season");
    }
    if (capacity.any() && f != Frequency.DAILY) {
      throw SloException.spec(
          "a capacity check needs a daily series (one value per job run); "
              + forecast.history().name()
              + " is "
              + f.name().toLowerCase(java.util.Locale.ROOT),
          "give daily volumes, or leave out --window and --latency-slo to forecast only");
    }
    ForecastPoint peak = days.stream().max(Comparator.comparingDouble(ForecastPoint::value)).get();
    ForecastPoint upper =
        days.stream().max(Comparator.comparingDouble(ForecastPoint::upper95)).get();
    List<ForecastPoint> top =
        days.stream()
            .sorted(Comparator.comparingDouble(ForecastPoint::value).reversed())
            .limit(5)
            .toList();
    JobCheck job = null;
    if (capacity.window() != null) {
      double lat;
      double latUp;
      String source;
      if (capacity.perItemLatencyMs() != null) {
        lat = capacity.perItemLatencyMs();
        latUp = lat;
        source = "given";
      } else if (latencyModel != null) {
        lat = latencyModel.at(peak.value()).value() * latencyUnitMs;
        latUp = latencyModel.at(upper.upper95()).upper95() * latencyUnitMs;
        source = latencyModel.statistic();
      } else {
        throw SloException.spec(
            "the job check needs the per-item latency",
            "give --latency (such as 120ms) or a --latency-column to model it from history");
      }
      int w = capacity.workers();
      double window = capacity.window().toMillis() / 1000.0;
      double budget = capacity.budgetSeconds();
      double dur = peak.value() * lat / 1000 / w;
      double durUp = upper.upper95() * latUp / 1000 / w;
      Verdict v =
          dur > window
              ? Verdict.DOES_NOT_FIT
              : (durUp > budget || dur > budget) ? Verdict.AT_RISK : Verdict.FITS;
      double needLat =
          upper.upper95() <= 0 ? Double.POSITIVE_INFINITY : budget * 1000 * w / upper.upper95();
      int needWorkers = (int) Math.max(1, Math.ceil(upper.upper95() * latUp / 1000 / budget));
      job =
          new JobCheck(lat, latUp, source, w, window, budget, dur, durUp, needLat, needWorkers, v);
    }
    SloCheck slo = null;
    if (capacity.latencySloMs() != null) {
      if (latencyModel == null) {
        throw SloException.spec(
            "the latency SLO check needs to know how latency moves with volume",
            "give --latency-column with the latency statistic per day");
      }
      double thr = capacity.latencySloMs() / latencyUnitMs;
      double budget = thr * (1 - capacity.headroom());
      LatencyPrediction atPeak = latencyModel.at(peak.value());
      LatencyPrediction atUp = latencyModel.at(upper.upper95());
      Verdict v =
          atPeak.value() > thr
              ? Verdict.DOES_NOT_FIT
              : atUp.upper95() > budget ? Verdict.AT_RISK : Verdict.FITS;
      slo =
          new SloCheck(
              capacity.latencySloMs(),
              budget * latencyUnitMs,
              scale(atPeak, latencyUnitMs),
              scale(atUp, latencyUnitMs),
              latencyModel.volumeAt(budget),
              v);
    }
    Verdict verdict = null;
    if (job != null) verdict = job.verdict();
    if (slo != null) verdict = slo.verdict().worst(verdict);
    return new Premortem(
        season, peak, top, upper.upper95(), upper.date(), latencyModel, job, slo, verdict);
  }

  private static LatencyPrediction scale(LatencyPrediction p, double ms) {
    return new LatencyPrediction(
        p.volume(),
        p.value() * ms,
        p.lower80() * ms,
        p.upper80() * ms,
        p.lower95() * ms,
        p.upper95() * ms,
        p.extrapolated());
  }
}
