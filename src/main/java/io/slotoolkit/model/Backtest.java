package io.slotoolkit.model;

import java.time.LocalDate;

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
}
