package io.slotoolkit.engine;

import io.slotoolkit.model.ForecastEntry;
import io.slotoolkit.model.SourceStats;
import java.time.LocalDate;
import java.util.List;

/**
 * The daily series of a {@code forecasts:} entry, computed from its source: one row per local day
 * from the source's first to its last covered day.
 *
 * @param entry the forecast entry
 * @param days every local day (in the source's timezone) from the first to the last day on which
 *     the source has any row, in order; days without any row are included with NaN values
 * @param volume the day's volume (events counted, or the column summed) per day; NaN where the
 *     source has no row that day (a gap in the export), 0 where it has rows but none counted
 * @param latency the day's latency statistic per day, in milliseconds; NaN where no counted event
 *     has a latency value; null when the entry has no latency
 * @param events the counted events per day (0 on days without any)
 * @param partialDayDropped the local day that {@code at} cuts in two and that was left out, or null
 * @param stats the source's row accounting for the query
 */
public record DailySeries(
    ForecastEntry entry,
    List<LocalDate> days,
    double[] volume,
    double[] latency,
    long[] events,
    LocalDate partialDayDropped,
    SourceStats stats) {
  public DailySeries {
    days = List.copyOf(days);
    volume = volume.clone();
    latency = latency == null ? null : latency.clone();
    events = events.clone();
  }

  @Override
  public double[] volume() {
    return volume.clone();
  }

  @Override
  public double[] latency() {
    return latency == null ? null : latency.clone();
  }

  @Override
  public long[] events() {
    return events.clone();
  }
}
