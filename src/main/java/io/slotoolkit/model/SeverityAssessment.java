package io.slotoolkit.model;

import java.util.List;
import java.util.Optional;

/**
 * A severity table applied to a run.
 *
 * @param perSlo the highest level of each SLO that reached one, in the order the SLOs were given
 * @param highest the highest level of the run (the first SLO's when several share it); null when no
 *     SLO reached any level
 */
public record SeverityAssessment(List<SeverityMatch> perSlo, SeverityMatch highest) {
  public SeverityAssessment {
    perSlo = List.copyOf(perSlo);
  }

  /** The highest level an SLO reached, if any. */
  public Optional<SeverityMatch> forSlo(String qualifiedName) {
    return perSlo.stream().filter(m -> m.slo().equals(qualifiedName)).findFirst();
  }
}
