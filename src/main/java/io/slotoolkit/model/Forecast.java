package io.slotoolkit.model;

import java.util.List;

/**
 * A forecast of a series with calibrated intervals, and how its model was chosen.
 *
 * @param history the series it was fitted on
 * @param method the chosen method's label
 * @param seasonal false when the history was too short and the caller allowed the non-seasonal
 *     fallback
 * @param points one per future step, in date order
 * @param candidates every method tried, with its backtest error
 * @param origins how many rolling forecast origins the choice and the intervals rest on
 * @param calibrationErrors how many out-of-sample errors calibrated the intervals
 * @param notes what the user should know: gaps filled, duplicates combined, fallbacks
 */
public record Forecast(
    Series history,
    String method,
    boolean seasonal,
    List<ForecastPoint> points,
    List<CandidateScore> candidates,
    int origins,
    int calibrationErrors,
    List<String> notes) {
  public Forecast {
    points = List.copyOf(points);
    candidates = List.copyOf(candidates);
    notes = List.copyOf(notes);
  }
}
