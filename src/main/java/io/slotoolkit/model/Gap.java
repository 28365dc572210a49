package io.slotoolkit.model;

import java.time.LocalDate;

/**
 * A run of missing steps inside a series: dates that should have had a value but did not (absent
 * rows or empty cells).
 *
 * @param first the first missing date
 * @param last the last missing date
 * @param steps how many steps are missing
 */
public record Gap(LocalDate first, LocalDate last, int steps) {
  /** {@code 2014-07-24..2014-08-06 (14 days)}. */
  public String label(Frequency f) {
    String range = first.equals(last) ? first.toString() : first + ".." + last;
    return range + " (" + steps + " " + f.unit() + (steps == 1 ? "" : "s") + ")";
  }
}
