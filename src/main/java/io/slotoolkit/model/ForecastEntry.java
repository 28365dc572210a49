package io.slotoolkit.model;

import java.time.Duration;
import java.time.MonthDay;

/**
 * A spec file's {@code forecasts:} entry: a daily volume (and optionally a per-item latency
 * statistic) computed from a source, the busy season to look at, and the capacity it must fit.
 *
 * @param name unique within its spec file, {@code [a-z0-9][a-z0-9-]*}
 * @param service the service of the spec file
 * @param description what is forecast, for people; may be null
 * @param source the event log the daily series are computed from
 * @param volume what one day's volume is: a count of events or a sum of a column
 * @param where which events count (together with the source's own {@code where}); null for all
 * @param latency the per-item latency statistic per day; null when none is modelled
 * @param seasonFrom the first day of the recurring busy season
 * @param seasonTo the last day of the season (inclusive; before {@code seasonFrom} when it wraps)
 * @param capacity the daily job's window, workers and headroom; null for no job check
 * @param latencySlo an API latency threshold on the latency statistic; null for no SLO check
 * @param location where the entry is declared
 */
public record ForecastEntry(
    String name,
    String service,
    String description,
    DataSource source,
    Volume volume,
    SqlExpression where,
    DailyLatency latency,
    MonthDay seasonFrom,
    MonthDay seasonTo,
    JobCapacity capacity,
    LatencySlo latencySlo,
    SourceLocation location) {
  public ForecastEntry {
    if (name == null || !name.matches("[a-z0-9][a-z0-9-]*"))
      throw new IllegalArgumentException("invalid forecast name: " + name);
    if (source == null || volume == null || seasonFrom == null || seasonTo == null)
      throw new IllegalArgumentException("forecast " + name + " is incomplete");
    if ((capacity != null || latencySlo != null) && latency == null)
      throw new IllegalArgumentException("forecast " + name + ": a capacity check needs latency");
  }

  /** {@code service/name}. */
  public String qualifiedName() {
    return service + "/" + name;
  }

  /** The same entry reading another source (for {@code --source NAME=PATH}). */
  public ForecastEntry withSource(DataSource newSource) {
    return new ForecastEntry(
        name,
        service,
        description,
        newSource,
        volume,
        where,
        latency,
        seasonFrom,
        seasonTo,
        capacity,
        latencySlo,
        location);
  }

  /** What one day's volume is. */
  public sealed interface Volume permits Volume.Count, Volume.Sum {
    /** The number of events of the day. */
    record Count() implements Volume {}

    /**
     * The sum of a numeric column over the day's events (items per event, such as records per
     * page).
     *
     * @param column the column summed
     * @param location where the column name is written
     */
    record Sum(String column, SourceLocation location) implements Volume {
      public Sum {
        if (column == null || column.isBlank()) throw new IllegalArgumentException("no column");
      }
    }
  }

  /** A per-day statistic of a latency column. */
  public enum Statistic {
    P50("p50", 0.50),
    P90("p90", 0.90),
    P95("p95", 0.95),
    P99("p99", 0.99),
    MEAN("mean", Double.NaN);

    private final String symbol;
    private final double quantile;

    Statistic(String symbol, double quantile) {
      this.symbol = symbol;
      this.quantile = quantile;
    }

    public String symbol() {
      return symbol;
    }

    /** The quantile as a ratio (0.95 for p95); NaN for the mean. */
    public double quantile() {
      return quantile;
    }

    public static Statistic fromSymbol(String s) {
      for (Statistic x : values()) if (x.symbol.equals(s)) return x;
      return null;
    }
  }

  /**
   * The per-item latency of a day: a statistic of a column over the day's counted events.
   *
   * @param column the latency column (one value per event: per item, or per item averaged over the
   *     event's items)
   * @param unit the unit the column is stored in
   * @param statistic which statistic of the day's values
   * @param location where the column name is written
   */
  public record DailyLatency(
      String column, LatencyUnit unit, Statistic statistic, SourceLocation location) {
    public DailyLatency {
      if (column == null || column.isBlank()) throw new IllegalArgumentException("no column");
      if (unit == null || statistic == null) throw new IllegalArgumentException("incomplete");
    }
  }

  /**
   * A daily job: every item processed by {@code workers} in parallel within {@code window}.
   *
   * @param window the time the job must finish in
   * @param workers items processed in parallel (at least 1)
   * @param headroom the share of the window (and of a latency SLO threshold) to keep free, a ratio
   *     in [0, 1)
   */
  public record JobCapacity(Duration window, int workers, double headroom) {
    public JobCapacity {
      if (workers < 1) throw new IllegalArgumentException("workers must be >= 1");
      if (!(headroom >= 0 && headroom < 1)) throw new IllegalArgumentException("bad headroom");
      if (window != null && (window.isZero() || window.isNegative()))
        throw new IllegalArgumentException("window must be positive");
    }
  }

  /**
   * An API latency SLO on the latency statistic at the season's peak.
   *
   * @param statistic the statistic the threshold applies to (the entry's latency statistic)
   * @param thresholdMs the threshold in milliseconds
   * @param label the threshold as written ({@code 300ms})
   */
  public record LatencySlo(Statistic statistic, double thresholdMs, String label) {
    public LatencySlo {
      if (!(thresholdMs > 0)) throw new IllegalArgumentException("threshold must be positive");
    }
  }
}
