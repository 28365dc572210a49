package io.slotoolkit.engine;

import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.ForecastEntry;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.SourceStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded engine's steps for busy-season forecasts: which expressions a forecast reads, the
 * checks of its volume and latency columns, the default end of its history, and its daily series
 * read in one query ({@link DailySeriesCompiler}) and laid out day by day. {@link DuckDbEngine}
 * strings them together with its bound sources.
 */
final class ForecastReads {
  private ForecastReads() {}

  /** Every expression a forecast reads, per source: the source's where, then the entry's. */
  static Map<DataSource, List<ExpressionChecker.Item>> items(List<ForecastEntry> entries) {
    Map<DataSource, List<ExpressionChecker.Item>> items = new LinkedHashMap<>();
    for (ForecastEntry f : entries) {
      List<ExpressionChecker.Item> list =
          items.computeIfAbsent(
              f.source(),
              s -> {
                List<ExpressionChecker.Item> l = new ArrayList<>();
                if (s.where() != null) l.add(new ExpressionChecker.Item(s.where(), "where"));
                return l;
              });
      if (f.where() != null)
        list.add(new ExpressionChecker.Item(f.where(), "forecast '" + f.name() + "': where"));
    }
    return items;
  }

  /** The volume and latency columns of each forecast whose source is bound: present, numeric. */
  static void checkColumns(
      List<ForecastEntry> entries, Map<DataSource, BoundSource> bound, List<Problem> data) {
    for (ForecastEntry f : entries) {
      BoundSource src = bound.get(f.source());
      if (src == null) continue;
      if (f.volume() instanceof ForecastEntry.Volume.Sum s)
        numericColumn(f, src, "volume column", s.column(), s.location(), data);
      if (f.latency() != null)
        numericColumn(f, src, "latency column", f.latency().column(), f.latency().location(), data);
    }
  }

  private static void numericColumn(
      ForecastEntry f,
      BoundSource src,
      String what,
      String column,
      SourceLocation at,
      List<Problem> data) {
    SourceLocation where = at == null ? f.location() : at;
    String type = src.columns().get(column);
    String prefix = "forecast '" + f.name() + "': " + what + " '" + column + "'";
    if (type == null) {
      data.add(
          new Problem(where, prefix + " is not in " + src.label(), "columns: " + src.columnList()));
    } else if (!TimeColumn.isNumeric(type)) {
      data.add(new Problem(where, prefix + " is " + type + ", not a number", null));
    }
  }

  /**
   * The default end of a forecast's history: the start of the local day after the latest event
   * {@code e} of {@code source} ({@code label} names it), so that the latest day counts as a whole
   * day.
   */
  static Instant dayAfter(Engine.LatestEvent e, DataSource source, String label) {
    if (e.rows() == 0 || e.latest() == null) {
      throw SloException.data(
          label
              + (e.rows() == 0
                  ? " holds no events"
                  : ": no row has a readable event time in column '"
                      + source.time().column()
                      + "'"),
          "a forecast needs at least two years of daily history");
    }
    return e.latest()
        .atZone(source.zone())
        .toLocalDate()
        .plusDays(1)
        .atStartOfDay(source.zone())
        .toInstant();
  }

  /**
   * Computes a forecast entry's daily series from its bound source in one query over the events
   * before {@code at} (exclusive); a day that {@code at} cuts in two is left out.
   *
   * @throws SloException (data) when the source cannot be read, has too many malformed rows, or the
   *     latency column has no value on any counted event
   */
  static DailySeries dailySeries(
      Database db,
      ExpressionChecker checker,
      BadRows badRows,
      BoundSource src,
      ForecastEntry entry,
      Instant at) {
    String sql = DailySeriesCompiler.compile(src, entry, at, checker);
    long watermark = badRows.watermark(src);
    record Day(
        java.time.LocalDate day,
        long rows,
        long events,
        double volume,
        long volumeValues,
        double latency,
        long latencyValues,
        long excluded) {}
    List<Day> rows;
    try {
      rows =
          db.query(
              sql,
              r -> {
                java.sql.Date d = r.getDate(1);
                double v = r.getDouble(4);
                boolean vNull = r.wasNull();
                double l = r.getDouble(6);
                boolean lNull = r.wasNull();
                return new Day(
                    d == null ? null : d.toLocalDate(),
                    r.getLong(2),
                    r.getLong(3),
                    vNull ? Double.NaN : v,
                    r.getLong(5),
                    lNull ? Double.NaN : l,
                    r.getLong(7),
                    r.getLong(8));
              });
    } catch (Database.QueryFailed e) {
      throw SloException.data(
          src.label()
              + ": the daily series of forecast '"
              + entry.name()
              + "' failed: "
              + e.getMessage(),
          null,
          e);
    }
    long nullTime = 0;
    long inRange = 0;
    long excluded = 0;
    java.util.TreeMap<java.time.LocalDate, Day> byDay = new java.util.TreeMap<>();
    for (Day d : rows) {
      if (d.day() == null) {
        nullTime += d.rows();
        continue;
      }
      inRange += d.rows();
      excluded += d.excluded();
      byDay.put(d.day(), d);
    }
    SourceStats stats = badRows.check(src, watermark, inRange, excluded, nullTime);
    java.time.ZonedDateTime end = at.atZone(entry.source().zone());
    java.time.LocalDate partial = null;
    if (!end.toLocalDate().atStartOfDay(end.getZone()).toInstant().equals(at)) {
      partial = end.toLocalDate();
      if (byDay.remove(partial) == null) partial = null;
    }
    if (byDay.isEmpty()) {
      throw SloException.data(
          src.label() + " has no events before " + at + " for forecast '" + entry.name() + "'",
          "check the source's path, or pass a later --at");
    }
    if (entry.latency() != null && byDay.values().stream().allMatch(d -> d.latencyValues() == 0)) {
      SourceLocation loc =
          entry.latency().location() == null ? entry.location() : entry.latency().location();
      throw SloException.data(
          loc
              + ": forecast '"
              + entry.name()
              + "': latency column '"
              + entry.latency().column()
              + "' is empty (NULL) on every counted event in "
              + src.label(),
          "check the column name and the where filters");
    }
    java.time.LocalDate first = byDay.firstKey();
    java.time.LocalDate last = byDay.lastKey();
    int n = (int) java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1;
    List<java.time.LocalDate> days = new ArrayList<>(n);
    double[] volume = new double[n];
    double[] latency = entry.latency() == null ? null : new double[n];
    long[] events = new long[n];
    for (int i = 0; i < n; i++) {
      java.time.LocalDate day = first.plusDays(i);
      days.add(day);
      Day d = byDay.get(day);
      if (d == null) {
        // the export has no row at all that day: a gap, not a day without events
        volume[i] = Double.NaN;
        if (latency != null) latency[i] = Double.NaN;
        continue;
      }
      events[i] = d.events();
      // rows but none counted: nothing of this kind happened that day (a sum over no events is 0)
      volume[i] = d.events() == 0 ? 0 : d.volumeValues() == 0 ? Double.NaN : d.volume();
      if (latency != null) latency[i] = d.latencyValues() == 0 ? Double.NaN : d.latency();
    }
    return new DailySeries(entry, days, volume, latency, events, partial, stats);
  }
}
