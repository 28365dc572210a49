package io.slotoolkit.model;

import java.time.LocalDate;

/**
 * The forecast of one step with its prediction intervals, in the series' unit; never negative.
 *
 * @param date the step's date
 * @param value the point forecast (the median of the forecast distribution)
 * @param lower80 lower end of the 80% interval
 * @param upper80 upper end of the 80% interval
 * @param lower95 lower end of the 95% interval
 * @param upper95 upper end of the 95% interval
 */
public record ForecastPoint(
    LocalDate date, double value, double lower80, double upper80, double lower95, double upper95) {}
