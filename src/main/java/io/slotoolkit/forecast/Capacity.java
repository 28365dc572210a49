package io.slotoolkit.forecast;

import java.time.Duration;

/**
 * The capacity the busy season must fit in: a daily job processing every item with {@code workers}
 * in parallel inside a time window, and/or an API latency threshold. Every field but {@code
 * headroom} may be null when that check is not wanted.
 *
 * @param perItemLatencyMs the time one worker spends on one item, in milliseconds; null to use the
 *     latency-under-load model at the forecast peak instead
 * @param workers items processed in parallel (at least 1)
 * @param window the time the daily job must finish in; null for no job check
 * @param headroom the share of the window (or of the SLO threshold) to keep free, a ratio in [0,
 *     1): 0.2 means the job must fit in 80% of the window
 * @param latencySloMs an API latency threshold in milliseconds on the latency statistic; null for
 *     no SLO check
 */
public record Capacity(
    Double perItemLatencyMs, int workers, Duration window, double headroom, Double latencySloMs) {
  public Capacity {
    if (workers < 1) throw new IllegalArgumentException("workers must be >= 1: " + workers);
    if (!(headroom >= 0 && headroom < 1))
      throw new IllegalArgumentException("headroom must be in [0, 1): " + headroom);
    if (perItemLatencyMs != null && !(perItemLatencyMs > 0))
      throw new IllegalArgumentException("per-item latency must be positive");
    if (latencySloMs != null && !(latencySloMs > 0))
      throw new IllegalArgumentException("latency threshold must be positive");
    if (window != null && (window.isNegative() || window.isZero()))
      throw new IllegalArgumentException("window must be positive");
  }

  /** No capacity check: forecast only. */
  public static Capacity none() {
    return new Capacity(null, 1, null, 0, null);
  }

  /** Whether any check is asked for. */
  public boolean any() {
    return window != null || latencySloMs != null;
  }

  /** The part of the window the job may use: {@code window x (1 - headroom)}, in seconds. */
  public double budgetSeconds() {
    return window == null ? Double.NaN : window.toMillis() / 1000.0 * (1 - headroom);
  }
}
