package io.slotoolkit.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A composite SLO evaluated over its window.
 *
 * @param composite the composite
 * @param windowStart inclusive start of its window
 * @param windowEnd exclusive end of its window (the evaluation instant)
 * @param sli the composite's SLI (weighted mean, or the lowest, of the components' SLIs with data);
 *     null when no component has data
 * @param remaining error budget left, {@code 1 - (1 - sli) / (1 - objective)}; null without data
 * @param burnRate {@code (1 - sli) / (1 - objective)}; null without data
 * @param status NO_DATA when no component has data; BREACHED when {@code sli < objective}; OK
 * @param components each component's result over the composite's window, in the composite's order
 */
public record CompositeResult(
    Composite composite,
    Instant windowStart,
    Instant windowEnd,
    Double sli,
    Double remaining,
    Double burnRate,
    Status status,
    List<ComponentResult> components) {
  public CompositeResult {
    components = List.copyOf(components);
  }

  /** The share of the SLI the objective lets fail, {@code 1 - objective}. */
  public BigDecimal allowed() {
    return composite.objective().errorBudget();
  }

  /**
   * One component of an evaluated composite.
   *
   * @param component the component (its SLO and weight)
   * @param result its result over the composite's window, all groups together
   * @param share its weight over the sum of the weights of the components with data
   *     (weighted_mean); 0 for a component without data; null for least_healthy
   * @param decisive whether it set the composite's SLI (least_healthy: the least healthy one)
   */
  public record ComponentResult(
      Composite.Component component, SloResult result, Double share, boolean decisive) {}
}
