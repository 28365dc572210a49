package io.slotoolkit.model;

/** Where an SLO stands in its window. */
public enum Status {
  /** Fewer valid events than {@code max(1, min_events)}. */
  NO_DATA,
  /** SLI below the objective. */
  BREACHED,
  /** SLI at or above the objective. */
  OK
}
