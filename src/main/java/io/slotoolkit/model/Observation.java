package io.slotoolkit.model;

import java.time.LocalDate;

/**
 * One dated value as read, before it is placed on a regular grid.
 *
 * @param date the date (for monthly data any day of the month)
 * @param value the value; NaN when the cell was empty (counted as missing)
 * @param where where it came from, for messages: {@code file.csv:12} or {@code row 12}
 */
public record Observation(LocalDate date, double value, String where) {}
