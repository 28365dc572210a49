package io.slotoolkit.model;

/** What to do when a date appears more than once in a series file. */
public enum DuplicateRule {
  /** Refuse the file and name both rows (the default: a repeated date is usually a bad export). */
  ERROR,
  /** Add the values: the file holds partial counts of the same day (such as one row per shard). */
  SUM,
  /** Average the values. */
  MEAN,
  /** Keep the largest value. */
  MAX,
  /** Keep the value of the row that comes last in the file (a corrected re-export). */
  LAST
}
