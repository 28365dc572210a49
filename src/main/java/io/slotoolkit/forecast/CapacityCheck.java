package io.slotoolkit.forecast;

import io.slotoolkit.model.Forecast;
import io.slotoolkit.model.ForecastPoint;
import io.slotoolkit.model.Frequency;
import io.slotoolkit.model.LatencyPrediction;
import io.slotoolkit.model.LoadLatency;
import io.slotoolkit.model.Premortem;
import io.slotoolkit.model.Season;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The busy-season premortem: finds the forecast peak inside the season and checks the daily job and
 * the latency SLO against it ({@link Premortem} holds the result).
 */
public final class CapacityCheck {
  private CapacityCheck() {}

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
    Premortem.JobCheck job = null;
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
          new Premortem.JobCheck(
              lat, latUp, source, w, window, budget, dur, durUp, needLat, needWorkers, v);
    }
    Premortem.SloCheck slo = null;
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
          new Premortem.SloCheck(
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
