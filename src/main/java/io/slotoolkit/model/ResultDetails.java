package io.slotoolkit.model;

import java.util.List;

/**
 * What a check found for one result beyond the contract's numbers.
 *
 * @param result the result (its status is ALERT when a pair fired on an OK result)
 * @param alerts every alert pair of its policy evaluated at the instant, in policy order
 * @param exclusions the exclusions that apply to it, with the events each removed
 * @param freshness how fresh its source's data is; null when the source has no staleness allowance
 */
public record ResultDetails(
    SloResult result,
    List<AlertStatus> alerts,
    List<ExclusionCount> exclusions,
    Freshness freshness) {
  public ResultDetails {
    alerts = List.copyOf(alerts);
    exclusions = List.copyOf(exclusions);
  }

  /** Whether its source's data is stale at the evaluation instant. */
  public boolean stale() {
    return freshness != null && freshness.stale();
  }

  /** Whether any pair fired. */
  public boolean alerting() {
    return alerts.stream().anyMatch(AlertStatus::fired);
  }
}
