package io.slotoolkit.model;

import java.time.Duration;
import java.time.Instant;

/**
 * How fresh a source's data is at the evaluation instant, for a source with a staleness allowance
 * ({@code max_staleness} in its spec, or {@code --max-staleness}).
 *
 * @param source the source
 * @param latestEvent the latest event time the source holds (all of it, not only before {@code at})
 * @param maxStaleness how long after its latest event the source still counts as fresh; positive
 * @param at the evaluation instant
 */
public record Freshness(DataSource source, Instant latestEvent, Duration maxStaleness, Instant at) {
  public Freshness {
    if (source == null || latestEvent == null || maxStaleness == null || at == null)
      throw new IllegalArgumentException("incomplete freshness");
    if (maxStaleness.isNegative() || maxStaleness.isZero())
      throw new IllegalArgumentException("max_staleness must be positive: " + maxStaleness);
  }

  /**
   * Whether the data is stale: the evaluation instant is later than the latest event plus the
   * allowance. Exactly at the allowance it is still fresh.
   */
  public boolean stale() {
    return at.isAfter(latestEvent.plus(maxStaleness));
  }

  /**
   * How long before the evaluation instant the latest event happened; zero when the data reaches
   * {@code at} or beyond (an evaluation of the past).
   */
  public Duration age() {
    Duration d = Duration.between(latestEvent, at);
    return d.isNegative() ? Duration.ZERO : d;
  }
}
