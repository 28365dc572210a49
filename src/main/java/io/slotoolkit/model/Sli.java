package io.slotoolkit.model;

import java.math.BigDecimal;

/** How good and valid events are told apart. */
public sealed interface Sli permits Sli.Ratio, Sli.Latency, Sli.Counts {

  /** Valid events; null means every row of the source. */
  SqlExpression total();

  /**
   * Good events are rows where {@code good} is true among the {@code total} rows.
   *
   * @param good required boolean expression
   * @param total optional boolean expression (null: every row)
   */
  record Ratio(SqlExpression good, SqlExpression total) implements Sli {
    public Ratio {
      if (good == null) throw new IllegalArgumentException("ratio SLI needs a good expression");
    }
  }

  /**
   * Good events are {@code total} rows whose {@code column} is at most the threshold.
   *
   * @param column the latency column
   * @param unit the unit the column is stored in
   * @param threshold the threshold, converted to the column's unit
   * @param thresholdLabel the threshold as the user wrote it ({@code 300ms})
   * @param total optional boolean expression (null: every row)
   * @param location where the column name was written
   */
  record Latency(
      String column,
      LatencyUnit unit,
      BigDecimal threshold,
      String thresholdLabel,
      SqlExpression total,
      SourceLocation location)
      implements Sli {
    public Latency {
      if (column == null || column.isBlank())
        throw new IllegalArgumentException("latency SLI needs a column");
      if (threshold == null || threshold.signum() <= 0) {
        throw new IllegalArgumentException("latency threshold must be positive");
      }
    }
  }

  /**
   * Pre-aggregated counts: each row holds how many events it stands for. Good and valid events are
   * the sums of two numeric expressions over the rows; a row whose values are negative, not whole,
   * or good above valid is malformed.
   *
   * @param goodCount numeric expression: good events the row stands for
   * @param validCount numeric expression: valid events the row stands for
   */
  record Counts(SqlExpression goodCount, SqlExpression validCount) implements Sli {
    public Counts {
      if (goodCount == null || validCount == null)
        throw new IllegalArgumentException("counts SLI needs good and total expressions");
    }

    /** Every row counts; which events are valid is in {@link #validCount}. */
    @Override
    public SqlExpression total() {
      return null;
    }
  }
}
