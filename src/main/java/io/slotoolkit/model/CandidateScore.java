package io.slotoolkit.model;

/**
 * How one method did in the rolling-origin backtest that chose the model.
 *
 * @param method the method's label
 * @param error mean absolute log error over every origin and horizon (about the MAPE as a ratio for
 *     small errors: 0.05 is about 5%)
 * @param chosen whether it was chosen
 */
public record CandidateScore(String method, double error, boolean chosen) {}
