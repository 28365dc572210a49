package io.slotoolkit.model;

/**
 * Everything {@code slo forecast} shows: the forecast, the optional hold-out backtest and the
 * optional premortem.
 *
 * @param source where the series came from, for output (a file name, or a spec entry later)
 * @param forecast the forecast over the horizon
 * @param backtest the hold-out backtest; null when not asked for
 * @param premortem the peak and capacity checks; null when neither a season nor a capacity was
 *     given
 */
public record ForecastReport(
    String source, Forecast forecast, Backtest backtest, Premortem premortem) {

  /** The verdict of the capacity checks; null when nothing was checked. */
  public Verdict verdict() {
    return premortem == null ? null : premortem.verdict();
  }
}
