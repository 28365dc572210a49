package io.slotoolkit.model;

/**
 * The highest severity level an SLO reached, and why.
 *
 * @param slo the SLO's qualified name, {@code service/name}
 * @param level the level
 * @param rank the level's position in the table, 0 for the highest
 * @param condition the condition that selected it, as the table words it
 * @param reason what made the condition hold, with the numbers
 */
public record SeverityMatch(
    String slo, SeverityLevel level, int rank, String condition, String reason) {

  /** {@code SEV2 (api/checkout): a page alert fired}. */
  public String describe() {
    return level.name() + " (" + slo + "): " + reason;
  }
}
