package io.slotoolkit.forecast;

import io.slotoolkit.model.Backtest;
import io.slotoolkit.model.Forecast;
import io.slotoolkit.model.ForecastPoint;
import io.slotoolkit.model.Frequency;
import io.slotoolkit.model.Season;
import io.slotoolkit.model.Series;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Scores a hold-out forecast against what happened and against the seasonal-naive baseline. */
final class HoldOut {
  private HoldOut() {}

  /**
   * The backtest of {@code fc}, a forecast of the steps of {@code all} from {@code trainSize} on
   * made from the steps before; peaks are looked for inside {@code season} when it has a value
   * there.
   */
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
