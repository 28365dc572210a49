package io.slotoolkit.model;

/** Where an SLO stands in its window. */
public enum Status {
  /** Fewer valid events than {@code max(1, min_events)}. */
  NO_DATA,
  /** SLI below the objective. */
  BREACHED,
  /** SLI at or above the objective, and no burn-rate alert fired. */
  OK,
  /**
   * SLI at or above the objective, but a burn-rate alert pair fired: the budget is going fast. Only
   * ever replaces OK; NO_DATA and BREACHED keep precedence.
   */
  ALERT
}
