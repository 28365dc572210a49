package io.slotoolkit.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A hold-out backtest: the last steps of a series forecast from the history before them, compared
 * with what happened and with the seasonal-naive baseline (the same step one year earlier; for
 * daily data 364 days, the same weekday). Percentages are percent (5.0 is 5%), not ratios.
 *
 * @param forecast the forecast of the hold-out, made from the history before it
 * @param from first held-out date
 * @param to last held-out date
 * @param points held-out steps that have a value (the ones scored)
 * @param mape mean absolute percentage error of the point forecast, percent
 * @param peakError forecast peak minus actual peak, percent of the actual peak (negative: under)
 * @param peakDateShiftDays forecast peak date minus actual peak date, in days
 * @param coverage80 share of held-out values inside the 80% interval, percent
 * @param coverage95 share of held-out values inside the 95% interval, percent
 * @param actualPeak the highest held-out value (inside the season when one is given)
 * @param actualPeakDate its date
 * @param forecastPeak the highest point forecast over the same steps
 * @param forecastPeakDate its date
 * @param peakUpper95 the highest upper-95% bound over the same steps
 * @param baselineMape the seasonal-naive MAPE, percent; NaN when no step of the year before exists
 * @param baselinePeakError the seasonal-naive peak error, percent
 */
public record Backtest(
    Forecast forecast,
    LocalDate from,
    LocalDate to,
    int points,
    double mape,
    double peakError,
    long peakDateShiftDays,
    double coverage80,
    double coverage95,
    double actualPeak,
    LocalDate actualPeakDate,
    double forecastPeak,
    LocalDate forecastPeakDate,
    double peakUpper95,
    double baselineMape,
    double baselinePeakError) {

  /** Whether the 95% upper bound reached the real peak. */
  public boolean peakCovered() {
    return peakUpper95 >= actualPeak;
  }

  static Backtest compare(Series all, int trainSize, Forecast fc, Season season) {
    Frequency f = all.frequency();
    int lag = f.seasonalLag();
    int n = fc.points().size();
    boolean useSeason = false;
    if (season != null) {
      for (int k = 0; k < n; k++) {
        LocalDate d = all.date(trainSize + k);
        if (season.overlaps(d, f.lastDayOf(d)) && !Double.isNaN(all.value(trainSize + k))) {
          useSeason = true;
        }
      }
    }
    double ape = 0;
    double baseApe = 0;
    int scored = 0;
    int baseScored = 0;
    int in80 = 0;
    int in95 = 0;
    int covered = 0;
    double actualPeak = -1;
    int actualPeakAt = -1;
    double fcPeak = -1;
    int fcPeakAt = -1;
    double basePeak = -1;
    double upperPeak = -1;
    for (int k = 0; k < n; k++) {
      int i = trainSize + k;
      double a = all.value(i);
      ForecastPoint p = fc.points().get(k);
      double base = Double.NaN;
      for (int back = i - lag; back >= 0 && Double.isNaN(base); back -= lag) {
        if (back < trainSize) base = all.value(back);
      }
      LocalDate d = all.date(i);
      boolean inPeakWindow = !useSeason || season.overlaps(d, f.lastDayOf(d));
      if (inPeakWindow) {
        if (p.value() > fcPeak) {
          fcPeak = p.value();
          fcPeakAt = k;
        }
        upperPeak = Math.max(upperPeak, p.upper95());
        if (!Double.isNaN(base)) basePeak = Math.max(basePeak, base);
      }
      if (Double.isNaN(a)) continue;
      covered++;
      if (a >= p.lower80() && a <= p.upper80()) in80++;
      if (a >= p.lower95() && a <= p.upper95()) in95++;
      if (inPeakWindow && a > actualPeak) {
        actualPeak = a;
        actualPeakAt = k;
      }
      if (a > 0) {
        ape += Math.abs(p.value() - a) / a;
        scored++;
        if (!Double.isNaN(base)) {
          baseApe += Math.abs(base - a) / a;
          baseScored++;
        }
      }
    }
    LocalDate actualDate = actualPeakAt < 0 ? null : all.date(trainSize + actualPeakAt);
    LocalDate fcDate = fcPeakAt < 0 ? null : fc.points().get(fcPeakAt).date();
    return new Backtest(
        fc,
        all.date(trainSize),
        all.date(trainSize + n - 1),
        covered,
        scored == 0 ? Double.NaN : 100 * ape / scored,
        actualPeak <= 0 ? Double.NaN : 100 * (fcPeak - actualPeak) / actualPeak,
        actualDate == null || fcDate == null ? 0 : ChronoUnit.DAYS.between(actualDate, fcDate),
        covered == 0 ? Double.NaN : 100.0 * in80 / covered,
        covered == 0 ? Double.NaN : 100.0 * in95 / covered,
        actualPeak,
        actualDate,
        fcPeak,
        fcDate,
        upperPeak,
        baseScored == 0 ? Double.NaN : 100 * baseApe / baseScored,
        actualPeak <= 0 || basePeak < 0 ? Double.NaN : 100 * (basePeak - actualPeak) / actualPeak);
  }
}
