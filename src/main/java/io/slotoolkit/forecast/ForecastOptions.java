package io.slotoolkit.forecast;

import io.slotoolkit.model.Season;

/**
 * What to forecast.
 *
 * @param horizon steps to forecast; 0 for automatic: to the end of the next season when one is
 *     given, else one year
 * @param season the recurring range of interest (peaks are looked for inside it); null for the
 *     whole horizon
 * @param allowNonSeasonal whether a history shorter than two years may fall back to a clearly
 *     labelled non-seasonal model instead of failing
 */
public record ForecastOptions(int horizon, Season season, boolean allowNonSeasonal) {
  public ForecastOptions {
    if (horizon < 0) throw new IllegalArgumentException("horizon must be >= 0: " + horizon);
  }

  public static ForecastOptions defaults() {
    return new ForecastOptions(0, null, false);
  }
}
