package io.slotoolkit.model;

/**
 * What one SLO's alert policy (for one group of a {@code per} SLO) would have done over a history.
 *
 * @param slo the SLO
 * @param group the group; null for an SLO without {@code per}
 * @param policy the policy replayed
 * @param result every interval each pair fired, the alerts people would have got, and counts per
 *     month
 */
public record SloReplay(Slo slo, Group group, AlertPolicy policy, ReplayResult result) {}
