package io.slotoolkit.engine;

import io.slotoolkit.model.Counts;
import io.slotoolkit.model.Group;
import io.slotoolkit.model.Slo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The one reader of a compiled scan's result table ({@link ScanCompiler} writes it): it alone knows
 * the table's layout, which is {@code gid} (the grouping bitmask of the row's grouping set), one
 * {@code k<j>} per group key, the age class {@code __a}, then per SLO {@code i} its good, valid and
 * NULL-skipped counts ({@code g<i>}, {@code t<i>}, {@code n<i>}), then the row statistics, then per
 * SLO its alert flags and exclusion counts ({@code x<i>_<n>}); with buckets also {@code __b}
 * (bucket number) and {@code __seg} (the segment between window starts), and per SLO {@code
 * a<i>}/{@code b<i>} (good/valid events after that SLO's window start). Use cases get typed results
 * from it, never column positions.
 */
public final class ScanTable {
  /** The name of an exclusion count column: {@code x<slo>_<exclusion>}. */
  private static final Pattern EXCLUSION_COUNT = Pattern.compile("x[0-9]+_[0-9]+");

  private final Database db;
  private final ScanCompiler.CompiledScan scan;

  /** A reader of {@code scan}'s table in {@code db} (another engine may fill that table). */
  public ScanTable(Database db, ScanCompiler.CompiledScan scan) {
    this.db = db;
    this.scan = scan;
  }

  /** The grouping bitmask of the rows grouped by exactly {@code columns}. */
  long gid(Set<String> columns) {
    Set<String> set = new TreeSet<>(columns);
    for (ScanCompiler.GroupingSet gs : scan.sets()) if (gs.columns().equals(set)) return gs.gid();
    throw new IllegalStateException("no grouping set " + columns + " in " + scan.table());
  }

  /**
   * The query of one SLO's per-minute counts (a scan with 1-minute buckets): group key values,
   * bucket, good and valid events, for the minutes with events, in key and time order.
   *
   * @param i the SLO's position in the scan
   */
  public String minuteSeriesQuery(int i, Slo slo) {
    List<String> keys = scan.keys();
    long gid = gid(new TreeSet<>(slo.per()));
    StringBuilder sql = new StringBuilder("SELECT ");
    for (String col : slo.per()) sql.append("k").append(keys.indexOf(col)).append(", ");
    sql.append("__b, g").append(i).append(", t").append(i);
    sql.append(" FROM ").append(Sql.ident(scan.table()));
    sql.append(" WHERE gid = ").append(gid).append(" AND t").append(i).append(" > 0");
    sql.append(" ORDER BY ");
    for (String col : slo.per()) sql.append("k").append(keys.indexOf(col)).append(", ");
    sql.append("__b");
    return sql.toString();
  }

  /**
   * Reads the per-group sums of a scan into {@code counts}, and returns the row statistics (in
   * range, excluded, without time) summed over one grouping set: every set partitions all rows.
   */
  public long[] readCounts(
      List<ScanCompiler.SloWindow> slos, Instant at, Map<Slo, List<Engine.GroupCounts>> counts) {
    int k = scan.keys().size();
    long[] gidOf = new long[slos.size()];
    int[][] keyIndex = new int[slos.size()][];
    // each SLO's list, looked up once: a record's hash walks the whole SLO, on every row
    List<List<Engine.GroupCounts>> lists = new ArrayList<>();
    for (int i = 0; i < slos.size(); i++) {
      Slo slo = slos.get(i).slo();
      List<Engine.GroupCounts> list = new ArrayList<>();
      lists.add(list);
      counts.put(slo, list);
      Set<String> set = new TreeSet<>(slo.per());
      gidOf[i] = gid(set);
      keyIndex[i] = slo.per().stream().mapToInt(c -> scan.keys().indexOf(c)).toArray();
    }
    long statsGid = scan.sets().get(0).gid();
    int statsColumn = 2 + k + 3 * slos.size();
    boolean hasExclusionCounts =
        scan.columns().stream().anyMatch(c -> EXCLUSION_COUNT.matcher(c.name()).matches());
    // alert window and exclusion columns follow the row stats, SLO by SLO: where each SLO's
    // exclusion counts start and how many there are, worked out once rather than on every row
    int[] exclusionsAt = new int[slos.size()];
    int[] exclusionCount = new int[slos.size()];
    int next = statsColumn + 3;
    for (int i = 0; i < slos.size(); i++) {
      exclusionsAt[i] = next + alertFlags(slos.get(i), at);
      exclusionCount[i] = slos.get(i).distinctExclusions().size();
      next = exclusionsAt[i] + exclusionCount[i];
    }
    long[] stats = new long[3];
    db.query(
        scan.fetch(),
        r -> {
          long gid = r.getLong(1);
          for (int i = 0; i < slos.size(); i++) {
            if (gid != gidOf[i]) continue;
            Slo slo = slos.get(i).slo();
            Group group = null;
            if (!slo.per().isEmpty()) {
              List<String> values = new ArrayList<>();
              for (int key : keyIndex[i]) values.add(r.getString(2 + key));
              group = new Group(slo.per(), values);
            }
            int c = 2 + k + 3 * i;
            List<Long> excluded = new ArrayList<>();
            // a report's scan leaves exclusions out of its counts but does not count them
            if (hasExclusionCounts)
              for (int x = 0; x < exclusionCount[i]; x++)
                excluded.add(r.getLong(exclusionsAt[i] + x));
            lists
                .get(i)
                .add(
                    new Engine.GroupCounts(
                        group,
                        r.getLong(c),
                        r.getLong(c + 1),
                        r.getLong(c + 2),
                        Map.of(),
                        excluded));
          }
          if (gid == statsGid) {
            for (int s = 0; s < 3; s++) stats[s] += r.getLong(statsColumn + s);
          }
          return null;
        });
    return stats;
  }

  /**
   * The totals of the one file a scan read whole ({@link Engine.FileByFile#scannedTotals}): per SLO
   * its groups' good, valid and skipped events summed over the age classes (an SLO without {@code
   * per} has its one group, empty or not), and into {@code stats} the row statistics; from the rows
   * of the file read whole only, in a scan that also read files in part. Null when the table cannot
   * tell those rows apart (a scan reading files in part without alert windows has no reach class).
   */
  public List<List<Engine.GroupTotal>> wholeFileTotals(
      List<ScanCompiler.SloWindow> slos, long[] stats) {
    boolean reach = scan.partRead() && !scan.ageBounds().isEmpty();
    if (scan.partRead() && !reach) return null;
    int k = scan.keys().size();
    List<ScanCompiler.CountColumn> columns = scan.columns();
    int summed = 3 * slos.size() + 3;
    StringBuilder sql = new StringBuilder("SELECT gid");
    for (int j = 0; j < k; j++) sql.append(", k").append(j);
    for (int c = 0; c < summed; c++)
      sql.append(", sum(").append(columns.get(c).name()).append(")::BIGINT");
    sql.append(" FROM ").append(Sql.ident(scan.table()));
    if (reach) sql.append(" WHERE ").append(PartScanCompiler.REACH_CLASS).append(" < 0");
    sql.append(" GROUP BY ALL");
    long[] gidOf = new long[slos.size()];
    Map<Slo, List<Engine.GroupCounts>> counts = new java.util.HashMap<>();
    for (int i = 0; i < slos.size(); i++) {
      gidOf[i] = gid(new TreeSet<>(slos.get(i).slo().per()));
      counts.put(slos.get(i).slo(), new ArrayList<>());
    }
    long statsGid = scan.sets().get(0).gid();
    query(
        sql.toString(),
        r -> {
          long gid = r.getLong(1);
          for (int i = 0; i < slos.size(); i++) {
            if (gid != gidOf[i]) continue;
            int c = 2 + k + 3 * i;
            List<String> per = slos.get(i).slo().per();
            Group group = null;
            if (!per.isEmpty()) {
              List<String> values = new ArrayList<>();
              for (String col : per) values.add(r.getString(2 + scan.keys().indexOf(col)));
              group = new Group(per, values);
            }
            counts
                .get(slos.get(i).slo())
                .add(
                    new Engine.GroupCounts(
                        group, r.getLong(c), r.getLong(c + 1), r.getLong(c + 2)));
          }
          if (gid == statsGid)
            for (int j = 0; j < 3; j++) stats[j] += r.getLong(2 + k + 3 * slos.size() + j);
          return null;
        });
    return wholeFileTotals(slos, counts);
  }

  /**
   * A file's totals from the window counts of a scan in which every SLO counted it whole and only
   * it: the sums {@link #wholeFileTotals(List, long[])} reads, or the counts {@link #readCounts}
   * read when no other file counted in the windows ({@link
   * ScanCompiler.CompiledScan#windowsFromWholeFiles}). An SLO without {@code per} has its one
   * group, empty or not.
   */
  static List<List<Engine.GroupTotal>> wholeFileTotals(
      List<ScanCompiler.SloWindow> slos, Map<Slo, List<Engine.GroupCounts>> counts) {
    List<List<Engine.GroupTotal>> groups = new ArrayList<>();
    long[] overall = new long[3 * slos.size()];
    for (int i = 0; i < slos.size(); i++) {
      Slo slo = slos.get(i).slo();
      List<Engine.GroupTotal> own = new ArrayList<>();
      groups.add(own);
      for (Engine.GroupCounts g : counts.getOrDefault(slo, List.of())) {
        if (slo.per().isEmpty()) {
          overall[3 * i] += g.good();
          overall[3 * i + 1] += g.total();
          overall[3 * i + 2] += g.skippedNull();
        } else
          own.add(new Engine.GroupTotal(g.group().values(), g.good(), g.total(), g.skippedNull()));
      }
    }
    FileTotals.addOverall(slos, overall, groups);
    return groups;
  }

  /**
   * The latest event time among the rows an open-ended scan read ({@link
   * ScanCompiler#compileOpenEnded}), as {@link DuckDbEngine#latestEvent} defines it for the source
   * (see {@link ScanCompiler#rawLatest}), or null when it read no row with an event time.
   */
  Instant latestEvent(TimeColumn time) {
    boolean raw = ScanCompiler.rawLatest(time) != null;
    return db.one(
        "SELECT max("
            + ScanCompiler.LATEST
            + ")"
            + (raw ? ", max(" + ScanCompiler.LATEST_RAW + ")" : "")
            + " FROM "
            + Sql.ident(scan.table()),
        r -> {
          if (r.getObject(1) == null) return null;
          Instant valid = TimeColumn.instant(r.getLong(1));
          if (!raw || r.getObject(2) == null) return valid;
          // as DuckDbEngine.latestEvent: the raw maximum, unless it is out of range
          Instant any = TimeColumn.instant(r.getLong(2));
          return !any.isBefore(TimeColumn.EARLIEST) && any.isBefore(TimeColumn.END) ? any : valid;
        });
  }

  /**
   * Whether an open-ended scan read a row the source's row check refused, timed at or after {@code
   * at} (see {@link ScanCompiler#LATEST_REFUSED}).
   */
  boolean refusedRowAtOrAfter(TimeColumn time, Instant at) {
    if (time.refusedRowMicros() == null) return false;
    Long us =
        db.one(
            "SELECT max(" + ScanCompiler.LATEST_REFUSED + ") FROM " + Sql.ident(scan.table()),
            r -> r.getObject(1) == null ? null : r.getLong(1));
    return us != null && us >= TimeColumn.micros(at);
  }

  /** How many alert flag columns ({@code ag}, {@code av}) the scan has for this SLO. */
  private int alertFlags(ScanCompiler.SloWindow w, Instant at) {
    return ScanCompiler.alertFlags(w, at, scan.partRead()) ? 2 : 0;
  }

  /**
   * Fills in each group's alert window counts from the scan table's age classes: one small query
   * returns good and valid events per group and class, and a window starting at the j-th bound sums
   * the classes j and above.
   */
  public void readAlertWindows(
      List<ScanCompiler.SloWindow> slos, Instant at, Map<Slo, List<Engine.GroupCounts>> counts) {
    List<Instant> bounds = scan.ageBounds();
    int k = scan.keys().size();
    List<Integer> with = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT gid");
    for (int j = 0; j < k; j++) sql.append(", k").append(j);
    sql.append(", __a");
    // a scan reading files in part: the age class of the row's file's totals reach (-1 for the
    // rows of files read whole)
    boolean reach = scan.partRead();
    String reachClass = PartScanCompiler.REACH_CLASS;
    if (reach) sql.append(", ").append(reachClass);
    for (int i = 0; i < slos.size(); i++) {
      if (slos.get(i).alertWindows().isEmpty()) continue;
      with.add(i);
      // the SLO window's own flags count the alert windows' rows when those lie inside it; in a
      // scan reading files in part, only for the files read whole (the alert flags of their own
      // are 0 there)
      boolean own = alertFlags(slos.get(i), at) > 0;
      boolean plainOwn = slos.get(i).needsAlertFlags(at);
      for (String[] f : List.of(new String[] {"ag", "g"}, new String[] {"av", "t"})) {
        String flag = own ? f[0] + i : f[1] + i;
        if (reach && !plainOwn)
          flag = "CASE WHEN " + reachClass + " < 0 THEN " + f[1] + i + " ELSE " + flag + " END";
        sql.append(", sum(").append(flag).append(")::BIGINT");
      }
    }
    sql.append(" FROM ").append(Sql.ident(scan.table()));
    if (hasSliceSets(slos)) sql.append(" WHERE gid IN (").append(sloGids(slos)).append(')');
    sql.append(" GROUP BY ALL");
    // (gid, every key) -> [read, taken][class][2 x SLO with windows]
    Map<List<Object>, long[][][]> byGroup = new HashMap<>();
    db.query(
        sql.toString(),
        r -> {
          List<Object> key = new ArrayList<>();
          key.add(r.getLong(1));
          for (int j = 0; j < k; j++) key.add(r.getString(2 + j));
          int cls = r.getInt(2 + k);
          int from = reach ? 3 + k + 1 : 3 + k;
          // [0][class]: events by their own age class; [1][class]: by their file's reach class
          long[][][] c =
              byGroup.computeIfAbsent(
                  key, x -> new long[reach ? 2 : 1][bounds.size() + 1][2 * with.size()]);
          for (int w = 0; w < 2 * with.size(); w++) c[0][cls][w] += r.getLong(from + w);
          // a row of a file read in part counts in an alert window by its difference: +1 where
          // the window holds it, -1 where the window starts at or before its file's totals reach
          // (which the caller adds there): the second is what the totals already count
          int rc = reach ? r.getInt(3 + k) : -1;
          if (rc >= 0) for (int w = 0; w < 2 * with.size(); w++) c[1][rc][w] += r.getLong(from + w);
          return null;
        });
    for (int n = 0; n < with.size(); n++) {
      int i = with.get(n);
      ScanCompiler.SloWindow sw = slos.get(i);
      Slo slo = sw.slo();
      long gid = gid(new TreeSet<>(slo.per()));
      // the first age class of each alert window, and where each key sits in the SLO's group
      List<Duration> lengths = List.copyOf(sw.alertWindows());
      int[] firstClass = new int[lengths.size()];
      for (int w = 0; w < lengths.size(); w++)
        firstClass[w] = bounds.indexOf(at.minus(lengths.get(w))) + 1;
      int[] perIndex = scan.keys().stream().mapToInt(col -> slo.per().indexOf(col)).toArray();
      List<Engine.GroupCounts> filled = new ArrayList<>();
      for (Engine.GroupCounts g : counts.get(slo)) {
        List<Object> key = new ArrayList<>();
        key.add(gid);
        for (int p : perIndex) key.add(p < 0 ? null : g.group().values().get(p));
        long[][][] c = byGroup.get(key);
        Map<Duration, Counts> windows = new HashMap<>();
        Map<Duration, Counts> taken = new HashMap<>();
        for (int w = 0; w < lengths.size(); w++) {
          windows.put(lengths.get(w), classesFrom(c, 0, firstClass[w], n));
          if (reach) taken.put(lengths.get(w), classesFrom(c, 1, firstClass[w], n));
        }
        filled.add(
            new Engine.GroupCounts(
                g.group(),
                g.good(),
                g.total(),
                g.skippedNull(),
                windows,
                g.excluded(),
                Map.of(),
                Map.of(),
                taken));
      }
      counts.put(slo, filled);
    }
  }

  /**
   * The good and valid events of the {@code n}-th SLO with alert windows in the age classes {@code
   * first} and above of {@code c[by]} (null: none).
   */
  private static Counts classesFrom(long[][][] c, int by, int first, int n) {
    long good = 0;
    long total = 0;
    for (int cls = first; c != null && cls < c[by].length; cls++) {
      good += c[by][cls][2 * n];
      total += c[by][cls][2 * n + 1];
    }
    return new Counts(good, total);
  }

  /** Whether the scan groups some of these SLOs by slice (a check scan of time-slice SLOs). */
  private boolean hasSliceSets(List<ScanCompiler.SloWindow> slos) {
    return slos.stream().anyMatch(w -> slicedHere(w.slo()));
  }

  private boolean slicedHere(Slo slo) {
    return slo.timeslices() != null && scan.keys().contains(ScanCompiler.sliceKey(slo));
  }

  /** The GROUPING() ids of the SLOs' own (per) sets, comma separated. */
  private String sloGids(List<ScanCompiler.SloWindow> slos) {
    Set<Set<String>> wanted = new java.util.LinkedHashSet<>();
    for (ScanCompiler.SloWindow w : slos) wanted.add(new TreeSet<>(w.slo().per()));
    return ScanCompiler.gids(scan.sets(), wanted);
  }

  /**
   * Fills in each group's slices for the time-slice SLOs of a check scan: one query per such SLO
   * reads its slice set's rows (per group, slice and age class, only those with valid events), and
   * an alert window starting at the j-th age bound keeps the classes j and above of each slice.
   */
  void readSlices(
      List<ScanCompiler.SloWindow> slos, Instant at, Map<Slo, List<Engine.GroupCounts>> counts) {
    List<Instant> bounds = scan.ageBounds();
    List<String> keys = scan.keys();
    for (int i = 0; i < slos.size(); i++) {
      ScanCompiler.SloWindow sw = slos.get(i);
      Slo slo = sw.slo();
      if (!slicedHere(slo)) continue;
      boolean alerts = !sw.alertWindows().isEmpty() && !bounds.isEmpty();
      String g = alertFlags(sw, at) > 0 ? "ag" : "g";
      String t = alertFlags(sw, at) > 0 ? "av" : "t";
      StringBuilder sql = new StringBuilder("SELECT ");
      for (String col : slo.per()) sql.append("k").append(keys.indexOf(col)).append(", ");
      sql.append("k").append(keys.indexOf(ScanCompiler.sliceKey(slo)));
      sql.append(alerts ? ", __a" : ", 0");
      sql.append(", g").append(i).append(", t").append(i);
      sql.append(", ").append(g).append(i).append(", ").append(t).append(i);
      sql.append(" FROM ").append(Sql.ident(scan.table()));
      sql.append(" WHERE gid = ").append(gid(ScanCompiler.sliceSet(slo)));
      sql.append(" AND (t").append(i).append(" > 0 OR ").append(t).append(i).append(" > 0)");
      int p = slo.per().size();
      // group values -> slice key -> window counts; and per alert window
      Map<List<String>, Map<Long, long[]>> window = new HashMap<>();
      Map<List<String>, Map<Duration, Map<Long, long[]>>> alert = new HashMap<>();
      query(
          sql.toString(),
          r -> {
            List<String> values = new ArrayList<>();
            for (int j = 0; j < p; j++) values.add(r.getString(1 + j));
            String keyText = r.getString(p + 1);
            if (keyText == null) return null; // rows without an event time belong to no slice
            long key = Long.parseLong(keyText);
            int cls = r.getInt(p + 2);
            long wg = r.getLong(p + 3);
            long wt = r.getLong(p + 4);
            if (wt > 0) {
              long[] c =
                  window
                      .computeIfAbsent(values, x -> new HashMap<>())
                      .computeIfAbsent(key, x -> new long[2]);
              c[0] += wg;
              c[1] += wt;
            }
            long ag = r.getLong(p + 5);
            long av = r.getLong(p + 6);
            if (alerts && av > 0) {
              for (Duration d : sw.alertWindows()) {
                int from = bounds.indexOf(at.minus(d)) + 1;
                if (cls < from) continue;
                long[] c =
                    alert
                        .computeIfAbsent(values, x -> new HashMap<>())
                        .computeIfAbsent(d, x -> new HashMap<>())
                        .computeIfAbsent(key, x -> new long[2]);
                c[0] += ag;
                c[1] += av;
              }
            }
            return null;
          });
      List<Engine.GroupCounts> filled = new ArrayList<>();
      for (Engine.GroupCounts gc : counts.get(slo)) {
        List<String> values = gc.group() == null ? List.of() : gc.group().values();
        Map<Duration, Map<Long, Counts>> alertSlices = new HashMap<>();
        for (Duration d : sw.alertWindows())
          alertSlices.put(d, asCounts(alert.getOrDefault(values, Map.of()).get(d)));
        filled.add(
            new Engine.GroupCounts(
                gc.group(),
                gc.good(),
                gc.total(),
                gc.skippedNull(),
                gc.alertWindows(),
                gc.excluded(),
                asCounts(window.get(values)),
                alertSlices));
      }
      counts.put(slo, filled);
    }
  }

  private static Map<Long, Counts> asCounts(Map<Long, long[]> m) {
    Map<Long, Counts> out = new HashMap<>();
    if (m != null) m.forEach((k, c) -> out.put(k, new Counts(c[0], c[1])));
    return out;
  }

  /**
   * The source's row accounting; a data error (exit 3) when malformed rows exceed the allowance.
   */

  /** {@code sum(column) FILTER (WHERE __seg >= segment)}, 0 when no row matches. */
  private static String since(String column, int segment) {
    return "coalesce(sum(" + column + ") FILTER (WHERE __seg >= " + segment + "), 0)::BIGINT";
  }

  /**
   * Per day (by its index in {@code days}, days without events left out) and per SLO: good and
   * valid events in the SLO's window (from its segment on), then over the whole day; four counts
   * per SLO. Over every row (the grouping set without keys) of a scan with {@code bucket}s; every
   * day must start and end on a bucket boundary.
   *
   * @param segments each SLO's first segment (its window start)
   */
  public Map<Integer, long[]> dailyCounts(int[] segments, List<Engine.Span> days, Duration bucket) {
    int slos = segments.length;
    long gid = gid(Set.of());
    long width = bucket.toNanos() / 1_000;
    StringBuilder values = new StringBuilder();
    for (int d = 0; d < days.size(); d++) {
      if (d > 0) values.append(", ");
      values
          .append('(')
          .append(d)
          .append(", ")
          .append(Math.floorDiv(TimeColumn.micros(days.get(d).start()), width))
          .append(", ")
          .append(Math.floorDiv(TimeColumn.micros(days.get(d).end()), width))
          .append(')');
    }
    StringBuilder sql = new StringBuilder("SELECT d.i");
    for (int i = 0; i < slos; i++) {
      sql.append(", ").append(since("a" + i, segments[i]));
      sql.append(", ").append(since("b" + i, segments[i]));
      sql.append(", coalesce(sum(a").append(i).append("), 0)::BIGINT");
      sql.append(", coalesce(sum(b").append(i).append("), 0)::BIGINT");
    }
    sql.append(" FROM ")
        .append(Sql.ident(scan.table()))
        .append(" s JOIN (VALUES ")
        .append(values)
        .append(") d(i, lo, hi) ON s.__b >= d.lo AND s.__b < d.hi WHERE s.gid = ")
        .append(gid)
        .append(" GROUP BY d.i");
    Map<Integer, long[]> out = new HashMap<>();
    query(
        sql.toString(),
        r -> {
          long[] c = new long[4 * slos];
          for (int j = 0; j < c.length; j++) c[j] = r.getLong(2 + j);
          out.put(r.getInt(1), c);
          return null;
        });
    return out;
  }

  /** Per SLO: good and valid events from {@code segment} on (two counts per SLO). */
  public long[] recentCounts(int slos, int segment) {
    StringBuilder sql = new StringBuilder("SELECT 0");
    for (int i = 0; i < slos; i++) {
      sql.append(", ").append(since("a" + i, segment));
      sql.append(", ").append(since("b" + i, segment));
    }
    sql.append(" FROM ")
        .append(Sql.ident(scan.table()))
        .append(" WHERE gid = ")
        .append(gid(Set.of()));
    long[] out = new long[2 * slos];
    query(
        sql.toString(),
        r -> {
          for (int j = 0; j < out.length; j++) out[j] = r.getLong(2 + j);
          return null;
        });
    return out;
  }

  /**
   * SLO {@code slo}'s counts from {@code segment} on by the values of {@code column}: the {@code
   * top} values with the most bad events (then the most events, then by value), then the rest
   * summed into one row, in one query.
   */
  public List<Engine.BreakdownRow> breakdown(String column, int slo, int segment, int top) {
    long gid = gid(Set.of(column));
    String k = "k" + scan.keys().indexOf(column);
    String sql =
        "WITH v AS (SELECT "
            + k
            + " AS v, "
            + since("a" + slo, segment)
            + " AS good, "
            + since("b" + slo, segment)
            + " AS total FROM "
            + Sql.ident(scan.table())
            + " WHERE gid = "
            + gid
            + " GROUP BY "
            + k
            + " HAVING total > 0), r AS (SELECT *, row_number() OVER (ORDER BY total - good DESC, total DESC,"
            + " v ASC NULLS LAST) AS rn FROM v)"
            + " SELECT rn, v, 1, good, total FROM r WHERE rn <= "
            + top
            + " UNION ALL SELECT "
            + (top + 1)
            + ", NULL, count(*), coalesce(sum(good), 0), coalesce(sum(total), 0) FROM r WHERE rn > "
            + top
            + " ORDER BY 1";
    List<Engine.BreakdownRow> rows = new ArrayList<>();
    query(
        sql,
        r -> {
          rows.add(
              new Engine.BreakdownRow(
                  r.getLong(1), r.getString(2), r.getLong(3), r.getLong(4), r.getLong(5)));
          return null;
        });
    return rows;
  }

  private void query(String sql, Database.RowMapper<Void> mapper) {
    try {
      db.query(sql, mapper);
    } catch (Database.QueryFailed e) {
      throw new IllegalStateException("report query failed: " + e.getMessage() + "\n" + sql, e);
    }
  }
}
