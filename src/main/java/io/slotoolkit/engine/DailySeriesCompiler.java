package io.slotoolkit.engine;

import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.ForecastEntry;
import java.time.Instant;
import java.util.Locale;

/**
 * Compiles the ONE query that turns a source into a {@code forecasts:} entry's daily series: every
 * row's event time becomes its local day in the source's timezone (so a 23- or 25-hour DST day is
 * one day), and per day the query returns the rows the source has, the events counted (the source's
 * {@code where} and the entry's {@code where}), the volume (count or sum) and the latency statistic
 * ({@code quantile_cont} or {@code avg}) over the counted events. Only the per-day rows leave
 * DuckDB.
 */
public final class DailySeriesCompiler {
  private DailySeriesCompiler() {}

  /**
   * The columns of the result, in order: {@code day} (DATE, NULL for rows without a readable time),
   * {@code rows_all}, {@code events}, {@code volume} (DOUBLE), {@code volume_values} (events with a
   * non-NULL volume column), {@code latency_ms} (DOUBLE), {@code latency_values}, {@code excluded}
   * (rows the source's where left out).
   */
  public static String compile(
      BoundSource src, ForecastEntry entry, Instant at, ExpressionChecker checker) {
    DataSource source = src.source();
    TimeColumn time = src.time();
    String sourceKeep =
        source.where() == null
            ? "TRUE"
            : "coalesce(" + checker.checked(source.where(), "where").sql() + ", FALSE)";
    String entryKeep =
        entry.where() == null
            ? "TRUE"
            : "coalesce("
                + checker.checked(entry.where(), "forecast '" + entry.name() + "': where").sql()
                + ", FALSE)";
    String volume;
    String volumeValues;
    if (entry.volume() instanceof ForecastEntry.Volume.Sum s) {
      String col = Sql.ident(s.column());
      volume = "(sum(" + col + ") FILTER (WHERE __count))::DOUBLE";
      volumeValues = "count(" + col + ") FILTER (WHERE __count)";
    } else {
      volume = "(count(*) FILTER (WHERE __count))::DOUBLE";
      volumeValues = "count(*) FILTER (WHERE __count)";
    }
    String latency = "NULL::DOUBLE";
    String latencyValues = "0::BIGINT";
    ForecastEntry.DailyLatency l = entry.latency();
    if (l != null) {
      // the unit's length in milliseconds: 1 for ms, 1000 for s, 0.001 for us
      String toMs = l.unit().micros().movePointLeft(3).stripTrailingZeros().toPlainString();
      String col = "(" + Sql.ident(l.column()) + " * " + toMs + ")::DOUBLE";
      String stat =
          l.statistic() == ForecastEntry.Statistic.MEAN
              ? "avg(" + col + ")"
              : "quantile_cont("
                  + col
                  + ", "
                  + String.format(Locale.ROOT, "%.2f", l.statistic().quantile())
                  + ")";
      latency = stat + " FILTER (WHERE __count)";
      latencyValues = "count(" + Sql.ident(l.column()) + ") FILTER (WHERE __count)";
    }
    String day =
        "CAST(timezone("
            + Sql.literal(source.zone().getId())
            + ", make_timestamp(__t)::TIMESTAMPTZ) AS DATE)";
    return "SELECT "
        + day
        + " AS day, count(*) AS rows_all, count(*) FILTER (WHERE __count) AS events, "
        + volume
        + " AS volume, "
        + volumeValues
        + " AS volume_values, "
        + latency
        + " AS latency_ms, "
        + latencyValues
        + " AS latency_values, count(*) FILTER (WHERE NOT __keep) AS excluded\nFROM (SELECT *, __keep AND "
        + entryKeep
        + " AS __count FROM (SELECT *, "
        + time.epochMicros()
        + " AS __t, "
        + sourceKeep
        + " AS __keep FROM "
        + Sql.ident(src.view())
        + "))\nWHERE __t IS NULL OR __t < "
        + TimeColumn.micros(at)
        + "\nGROUP BY ALL ORDER BY day NULLS FIRST";
  }
}
