package io.slotoolkit.evaluate;

import io.slotoolkit.model.Evaluation;
import io.slotoolkit.model.Status;
import java.util.List;

/**
 * A check with alerts, exclusions and severity: the evaluation (whose {@code passed} follows the
 * {@code --fail-on} gate) and the details of each result.
 *
 * @param evaluation the evaluation; results carry ALERT where a pair fired on an OK result
 * @param details one per result, in the same order
 * @param severity the severity table applied to the run (no levels: nothing matched)
 * @param failOn the gate
 */
public record Assessment(
    Evaluation evaluation,
    List<ResultDetails> details,
    SeverityAssessment severity,
    FailOn failOn) {
  public Assessment {
    details = List.copyOf(details);
    if (details.size() != evaluation.results().size()) {
      throw new IllegalArgumentException("one detail per result");
    }
  }

  /** Whether an SLO (or group) is BREACHED. */
  public boolean anyBreached() {
    return evaluation.results().stream().anyMatch(r -> r.status() == Status.BREACHED);
  }

  /** Whether any pair fired on any result. */
  public boolean anyAlert() {
    return details.stream().anyMatch(ResultDetails::alerting);
  }
}
