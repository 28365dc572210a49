package io.slotoolkit.run;

import io.slotoolkit.engine.Engine;
import io.slotoolkit.engine.ScanCompiler;
import io.slotoolkit.engine.TimeColumn;
import io.slotoolkit.model.ExcludedInterval;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a cached file stands at a run's window end, from its totals' time range and row accounting
 * ({@link Engine.FileCounts}): settled (its totals stand in for it), read in part, counted whole by
 * the scan, or read whole. {@link ScanCache} decides with it which files the check scan reads.
 */
final class FileSettlement {
  private FileSettlement() {}

  /** Whether every readable event of the file is in the scanned range {@code [from, at)}. */
  static boolean inRange(Engine.FileCounts c, long fromUs, long atUs) {
    return c.latest() != null && c.earliest() >= fromUs && c.latest() < atUs;
  }

  /**
   * Whether the file's totals stand in for reading it at {@code at}: all its events in the scanned
   * range {@code [from, at)} or all outside it, and for each SLO on one side of its window start
   * and of each alert window's start, and outside its exclusions. A settled file then counts, for
   * each SLO, its totals in the window when it is in the window, and in each alert window that
   * holds it.
   */
  static boolean settled(
      Engine.FileCounts c, List<ScanCompiler.SloWindow> scan, long fromUs, long atUs, Instant at) {
    // rows without a readable time or with a NaN or infinite number are accounted by the scan
    // (for the scanned range only) and still count for the latest event: such a file is read
    if (c.nullTime() > 0) return false;
    if (c.latest() == null) return true;
    boolean outside = c.latest() < fromUs || c.earliest() >= atUs;
    if (outside) return true;
    if (!inRange(c, fromUs, atUs)) return false;
    for (ScanCompiler.SloWindow w : scan) {
      if (w.slo().timeslices() != null) return false;
      if (straddles(c, w.start())) return false;
      for (Duration d : w.alertWindows()) if (straddles(c, at.minus(d))) return false;
      if (overlapsExclusion(c, w)) return false;
    }
    return true;
  }

  /**
   * Every instant where a window or an alert window starts at {@code at} (epoch microseconds,
   * ascending, distinct).
   */
  static List<Long> cuts(List<ScanCompiler.SloWindow> scan, Instant at) {
    java.util.TreeSet<Long> cuts = new java.util.TreeSet<>();
    for (ScanCompiler.SloWindow w : scan) {
      cuts.add(TimeColumn.micros(w.start()));
      for (Duration d : w.alertWindows()) cuts.add(TimeColumn.micros(at.minus(d)));
    }
    return List.copyOf(cuts);
  }

  /**
   * How the scan reads a file that is not settled but whose totals can still count: in the scanned
   * range {@code [from, at)}, outside every exclusion, every row with a readable time (no NaN) and
   * no row the CSV reader rejected, and a time-slice SLO nowhere (the source is then not cached).
   * Its events lie across window or alert window starts inside it, {@code c1 < ... < ck}: the rows
   * before {@code c1} lie in exactly the windows that hold the whole file, and so do the rows from
   * {@code ck} on in those that hold any of it. So the scan reads either its rows from {@code c1}
   * on, and its totals count in the windows starting at or before its earliest event; or its rows
   * before {@code ck}, and its totals count in the windows starting at or before its latest event
   * (the rows read count the difference: {@link Engine.PartFile}), whichever leaves more of the
   * file's time span unread (on Parquet, DuckDB skips the row groups outside it by their
   * statistics), when that is at least half of it. Null when the file is read whole.
   */
  static Engine.PartFile partRead(
      Engine.FileCounts c,
      List<ScanCompiler.SloWindow> scan,
      List<Long> cuts,
      Instant from,
      Instant at) {
    if (c.nullTime() > 0 || c.rejectRows() > 0 || c.latest() == null) return null;
    if (!inRange(c, TimeColumn.micros(from), TimeColumn.micros(at))) return null;
    for (ScanCompiler.SloWindow w : scan) {
      if (w.slo().timeslices() != null) return null;
      if (overlapsExclusion(c, w)) return null;
    }
    List<Long> inside = cuts.stream().filter(u -> u > c.earliest() && u <= c.latest()).toList();
    if (inside.isEmpty()) return null;
    long first = inside.get(0);
    long last = inside.get(inside.size() - 1);
    long span = c.latest() - c.earliest();
    boolean tail = first - c.earliest() >= c.latest() - last;
    // a part has a statement (and alert flags) of its own, and a CSV file is parsed whole anyway:
    // not worth it unless at least half the file's time span is left unread
    if (2 * (tail ? first - c.earliest() : c.latest() - last) < span) return null;
    // the rows read: the file's from the first start inside it on, or before the last
    if (tail)
      return new Engine.PartFile(
          c.file().path(), instant(c.earliest()), instant(first), instant(c.latest() + 1));
    return new Engine.PartFile(
        c.file().path(), instant(c.latest()), instant(c.earliest()), instant(last));
  }

  /** Whether an exclusion of the SLO's overlaps the file's events. */
  private static boolean overlapsExclusion(Engine.FileCounts c, ScanCompiler.SloWindow w) {
    for (ExcludedInterval x : w.exclusions())
      if (TimeColumn.micros(x.start()) <= c.latest() && TimeColumn.micros(x.end()) > c.earliest())
        return true;
    return false;
  }

  /**
   * Whether the scan reads the file whole and every SLO counts all of its events there: not
   * settled, not read in part, every row with a readable time, all of them in the scanned range
   * {@code [from, at)}, in every SLO's window and outside every exclusion. Its totals are then what
   * the scan counted of it (see {@link ScanCache}).
   */
  static boolean countedWhole(
      Engine.FileCounts c,
      List<ScanCompiler.SloWindow> scan,
      List<Long> cuts,
      Instant from,
      Instant at) {
    long fromUs = TimeColumn.micros(from);
    long atUs = TimeColumn.micros(at);
    if (c.nullTime() > 0 || !inRange(c, fromUs, atUs)) return false;
    for (ScanCompiler.SloWindow w : scan) {
      if (w.slo().timeslices() != null || c.earliest() < TimeColumn.micros(w.start())) return false;
      if (overlapsExclusion(c, w)) return false;
    }
    return !settled(c, scan, fromUs, atUs, at) && partRead(c, scan, cuts, from, at) == null;
  }

  /** Whether the file has events before {@code cut} and at or after it. */
  private static boolean straddles(Engine.FileCounts c, Instant cut) {
    long us = TimeColumn.micros(cut);
    return c.earliest() < us && c.latest() >= us;
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
  }
}
