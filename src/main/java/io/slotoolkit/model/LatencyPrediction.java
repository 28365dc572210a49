package io.slotoolkit.model;

/**
 * A latency statistic predicted at one daily volume, with its prediction intervals.
 *
 * @param volume the daily volume it is predicted at (items per day)
 * @param value the predicted latency, in the latency series' unit (milliseconds by default)
 * @param lower80 lower end of the 80% interval
 * @param upper80 upper end of the 80% interval
 * @param lower95 lower end of the 95% interval
 * @param upper95 upper end of the 95% interval
 * @param extrapolated whether the volume lies above the highest volume in the history
 */
public record LatencyPrediction(
    double volume,
    double value,
    double lower80,
    double upper80,
    double lower95,
    double upper95,
    boolean extrapolated) {}
