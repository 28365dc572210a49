package io.slotoolkit.model;

import java.util.List;

/**
 * An SLO's window counts split by the values of one column, biggest contributors to budget burn
 * (most bad events) first.
 *
 * @param dimension the column
 * @param masked whether the values are pseudonyms
 * @param values how many distinct values the column has in the window (NULL counts as one)
 * @param rows the values shown, at most {@code --top}
 * @param other the remaining values folded into one row; null when none were folded
 * @param good good events of the window, all values
 * @param total valid events of the window, all values
 */
public record Breakdown(
    String dimension,
    boolean masked,
    long values,
    List<Row> rows,
    Row other,
    long good,
    long total) {
  public Breakdown {
    rows = List.copyOf(rows);
  }

  public long bad() {
    return total - good;
  }

  /**
   * One value (or the folded rest).
   *
   * @param value the value as text (a pseudonym when masked); null for NULL, and for the folded row
   * @param values how many values the row stands for: 1, or the number folded into "other"
   * @param good good events
   * @param total valid events
   */
  public record Row(String value, long values, long good, long total) {
    public long bad() {
      return total - good;
    }

    /** {@code good / total}, a ratio; null without events. */
    public Double sli() {
      return total == 0 ? null : (double) good / total;
    }
  }

  /** Share of the breakdown's valid events in {@code row}, a ratio; null when there are none. */
  public Double volumeShare(Row row) {
    return total == 0 ? null : (double) row.total() / total;
  }

  /** Share of the breakdown's bad events in {@code row}, a ratio; null when there are none. */
  public Double badShare(Row row) {
    return bad() == 0 ? null : (double) row.bad() / bad();
  }
}
