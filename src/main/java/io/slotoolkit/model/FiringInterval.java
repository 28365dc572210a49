package io.slotoolkit.model;

import java.time.Duration;
import java.time.Instant;

/**
 * One stretch of a replay during which an alert rule fired: {@code [start, end)}, the rule being
 * evaluated at every minute boundary.
 *
 * @param start the first evaluation instant at which the rule fired
 * @param end the first evaluation instant after {@code start} at which it no longer fired; null
 *     when it still fired at the end of the history
 * @param badSince start of the bad period that set it off: the first minute of the run of bad
 *     minutes (see {@link AlertReplay}) holding the last bad minute before {@code start}
 * @param detectionDelay {@code start - badSince}
 * @param badUntil end of the last bad minute before {@code end}; null when {@code end} is null
 * @param resetTime {@code end - badUntil}: how long the alert kept firing after the last bad
 *     minute; null when {@code end} is null
 */
public record FiringInterval(
    Instant start,
    Instant end,
    Instant badSince,
    Duration detectionDelay,
    Instant badUntil,
    Duration resetTime) {

  /** Whether the rule still fired at the end of the history. */
  public boolean open() {
    return end == null;
  }

  /** {@code end - start}; null while open. */
  public Duration duration() {
    return end == null ? null : Duration.between(start, end);
  }
}
