package io.slotoolkit.forecast;

import io.slotoolkit.model.Frequency;
import java.time.LocalDate;

/**
 * The regressors of the seasonal models: an intercept, an optional linear trend (in years), the
 * yearly season (11 month dummies for monthly data, else {@code harmonics} sine/cosine pairs of the
 * position in the calendar year, so that a date-bound peak such as the end of March stays on its
 * dates), and 6 weekday dummies for daily data.
 */
final class SeasonalDesign {
  final Frequency frequency;
  final int harmonics;
  final boolean yearly;
  final boolean weekdays;
  final boolean trend;
  final int seasonalFrom;
  final int columns;

  SeasonalDesign(Frequency f, boolean yearly, int harmonics, boolean trend) {
    this.frequency = f;
    this.yearly = yearly;
    this.harmonics = f == Frequency.MONTHLY ? 0 : harmonics;
    this.weekdays = f == Frequency.DAILY;
    this.trend = trend;
    this.seasonalFrom = trend ? 2 : 1;
    int yearlyColumns = !yearly ? 0 : f == Frequency.MONTHLY ? 11 : 2 * this.harmonics;
    this.columns = seasonalFrom + yearlyColumns + (weekdays ? 6 : 0);
  }

  /** Fills {@code out} with the regressors of {@code date}, {@code years} from the reference. */
  void row(LocalDate date, double years, double[] out) {
    int c = 0;
    out[c++] = 1;
    if (trend) out[c++] = years;
    if (yearly) {
      if (frequency == Frequency.MONTHLY) {
        int month = date.getMonthValue();
        for (int m = 2; m <= 12; m++) out[c++] = month == m ? 1 : 0;
      } else {
        // A weekly value stands for its whole week: place it at the week's middle.
        LocalDate at = frequency == Frequency.WEEKLY ? date.plusDays(3) : date;
        double phase = 2 * Math.PI * (at.getDayOfYear() - 0.5) / at.lengthOfYear();
        // sin/cos of k x phase by the angle-addition recurrence: two trig calls per row, not 2k.
        double s1 = Math.sin(phase);
        double c1 = Math.cos(phase);
        double sk = s1;
        double ck = c1;
        for (int k = 1; k <= harmonics; k++) {
          out[c++] = sk;
          out[c++] = ck;
          double next = sk * c1 + ck * s1;
          ck = ck * c1 - sk * s1;
          sk = next;
        }
      }
    }
    if (weekdays) {
      int dow = date.getDayOfWeek().getValue();
      for (int d = 2; d <= 7; d++) out[c++] = dow == d ? 1 : 0;
    }
  }
}
