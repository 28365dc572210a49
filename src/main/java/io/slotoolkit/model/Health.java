package io.slotoolkit.model;

/** A report's traffic light for one SLO: what a reader should feel at a glance. */
public enum Health {
  /** OK, budget comfortably left, and the last 7 days meet the objective. */
  GREEN,
  /**
   * OK over the window, but at risk: less than a quarter of the budget left, or the last 7 days
   * below the objective.
   */
  AMBER,
  /** BREACHED: the SLO (or, for a {@code per} SLO, at least one group) misses the objective. */
  RED,
  /** NO_DATA: too few events to judge. */
  GREY
}
