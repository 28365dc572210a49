package io.slotoolkit.engine;

import io.slotoolkit.evaluate.ExcludedInterval;
import io.slotoolkit.model.Exclusion;
import io.slotoolkit.model.Sli;
import io.slotoolkit.model.Slo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles every SLO that reads one source into ONE scan of that source. The scan groups by the
 * union of the SLOs' {@code per} column sets (GROUPING SETS) and, when asked, a time bucket; each
 * SLO contributes {@code count(*) FILTER (...)} columns whose filter includes its own window start,
 * so window totals are exact whatever the bucket width. The result stays in a temp table inside
 * DuckDB; only per-group sums are fetched.
 */
public final class ScanCompiler {
  private ScanCompiler() {}

  /**
   * One SLO as the scan sees it: its window start is baked into its filters.
   *
   * @param slo the SLO
   * @param start inclusive start of its window
   * @param alertWindows lengths d of the alert windows {@code [at - d, at)} to count exactly
   * @param exclusions excluded intervals: events in them count in neither good nor total, and the
   *     events each exclusion removed from the window are counted
   */
  public record SloWindow(
      Slo slo, Instant start, List<Duration> alertWindows, List<ExcludedInterval> exclusions) {
    public SloWindow {
      alertWindows = List.copyOf(alertWindows);
      exclusions = List.copyOf(exclusions);
    }

    /** An SLO without alert windows or exclusions. */
    public SloWindow(Slo slo, Instant start) {
      this(slo, start, List.of(), List.of());
    }

    /** The earliest instant the scan must read for this SLO when it ends at {@code at}. */
    public Instant earliest(Instant at) {
      Instant e = start;
      for (Duration d : alertWindows) if (at.minus(d).isBefore(e)) e = at.minus(d);
      return e;
    }

    /** The distinct exclusions, in the order of their first interval. */
    public List<Exclusion> distinctExclusions() {
      return exclusions.stream().map(ExcludedInterval::exclusion).distinct().toList();
    }
  }

  /**
   * The compiled scan.
   *
   * @param table the temp table the scan writes
   * @param create the statement that scans the source into {@code table}
   * @param fetch the query that sums {@code table} per group: gid, keys..., then g/t/n per SLO,
   *     then row stats
   * @param keys the group key columns, in the order of the {@code k} columns
   * @param sets each grouping set as its sorted columns, with the GROUPING() id DuckDB gives it
   */
  public record CompiledScan(
      String table, String create, String fetch, List<String> keys, List<GroupingSet> sets) {}

  /** A set of group columns and the {@code GROUPING(...)} bitmask DuckDB reports for it. */
  public record GroupingSet(Set<String> columns, long gid) {}

  public static CompiledScan compile(
      BoundSource src,
      List<SloWindow> slos,
      Instant from,
      Instant at,
      Duration bucket,
      String table) {
    TimeColumn time = src.time();
    List<String> keys =
        new ArrayList<>(new TreeSet<>(slos.stream().flatMap(s -> s.slo().per().stream()).toList()));
    LinkedHashSet<Set<String>> sets = new LinkedHashSet<>();
    for (SloWindow s : slos) sets.add(new TreeSet<>(s.slo().per()));

    String keep =
        src.source().where() == null
            ? "TRUE"
            : "coalesce((" + src.source().where().text() + "), FALSE)";
    long fromUs = TimeColumn.micros(from);
    long atUs = TimeColumn.micros(at);

    StringBuilder inner =
        new StringBuilder("SELECT *, ")
            .append(time.epochMicros())
            .append(" AS __t, ")
            .append(keep)
            .append(" AS __keep FROM ")
            .append(Sql.ident(src.view()));
    String prune = time.pruningFilter(from, at);
    if (prune != null)
      inner
          .append(" WHERE (")
          .append(prune)
          .append(") OR ")
          .append(time.column())
          .append(" IS NULL");

    StringBuilder select = new StringBuilder("SELECT ");
    select
        .append(
            keys.isEmpty()
                ? "0"
                : "GROUPING(" + String.join(", ", keys.stream().map(Sql::ident).toList()) + ")")
        .append(" AS gid");
    for (int j = 0; j < keys.size(); j++) {
      select.append(", CAST(").append(Sql.ident(keys.get(j))).append(" AS VARCHAR) AS k").append(j);
    }
    if (bucket != null) select.append(", __b");
    // Each SLO's expressions are evaluated once per row in the subquery (__tt: total, __gg: good,
    // __ex: inside an exclusion); every count column then only combines these flags with a time
    // comparison, however many windows it counts.
    StringBuilder flags = new StringBuilder();
    for (int i = 0; i < slos.size(); i++) {
      SloWindow s = slos.get(i);
      String total =
          s.slo().sli().total() == null ? "TRUE" : "(" + s.slo().sli().total().text() + ")";
      flags.append(", ").append(total).append(" AS __tt").append(i);
      flags.append(", ").append(goodExpression(s.slo().sli())).append(" AS __gg").append(i);
      if (!s.exclusions().isEmpty()) {
        flags
            .append(", coalesce(")
            .append(inAny(s.exclusions()))
            .append(", FALSE) AS __ex")
            .append(i);
      }
      String notExcluded = s.exclusions().isEmpty() ? "" : " AND NOT __ex" + i;
      String base = "__keep AND __t >= " + TimeColumn.micros(s.start()) + notExcluded;
      select
          .append(",\n  count(*) FILTER (WHERE ")
          .append(base)
          .append(" AND ")
          .append(good(i))
          .append(") AS g")
          .append(i);
      select
          .append(",\n  count(*) FILTER (WHERE ")
          .append(base)
          .append(" AND ")
          .append(valid(i))
          .append(") AS t")
          .append(i);
      select
          .append(",\n  count(*) FILTER (WHERE ")
          .append(base)
          .append(" AND (__tt")
          .append(i)
          .append(" IS NULL OR (__tt")
          .append(i)
          .append(" IS TRUE AND __gg")
          .append(i)
          .append(" IS NULL))) AS n")
          .append(i);
    }
    select.append(",\n  count(*) FILTER (WHERE __t IS NOT NULL) AS rows_in_range");
    select.append(",\n  count(*) FILTER (WHERE __t IS NOT NULL AND NOT __keep) AS excluded");
    select.append(",\n  count(*) FILTER (WHERE __t IS NULL) AS null_time");
    List<String> extras = new ArrayList<>();
    for (int i = 0; i < slos.size(); i++) {
      SloWindow s = slos.get(i);
      String notExcluded = s.exclusions().isEmpty() ? "" : " AND NOT __ex" + i;
      for (int j = 0; j < s.alertWindows().size(); j++) {
        String w =
            "__keep AND __t >= "
                + TimeColumn.micros(at.minus(s.alertWindows().get(j)))
                + notExcluded;
        String g = "a" + i + "_" + j + "g";
        String t = "a" + i + "_" + j + "t";
        select.append(",\n  count(*) FILTER (WHERE ").append(w).append(" AND ").append(good(i));
        select.append(") AS ").append(g);
        select.append(",\n  count(*) FILTER (WHERE ").append(w).append(" AND ").append(valid(i));
        select.append(") AS ").append(t);
        extras.add(g);
        extras.add(t);
      }
      List<Exclusion> distinct = s.distinctExclusions();
      for (int k = 0; k < distinct.size(); k++) {
        Exclusion e = distinct.get(k);
        List<ExcludedInterval> own =
            s.exclusions().stream().filter(x -> x.exclusion().equals(e)).toList();
        String x = "x" + i + "_" + k;
        select
            .append(",\n  count(*) FILTER (WHERE __keep AND __t >= ")
            .append(TimeColumn.micros(s.start()))
            .append(" AND ")
            .append(valid(i))
            .append(" AND ")
            .append(inAny(own))
            .append(") AS ")
            .append(x);
        extras.add(x);
      }
    }

    StringBuilder sql =
        new StringBuilder("CREATE OR REPLACE TEMP TABLE ")
            .append(Sql.ident(table))
            .append(" AS\n")
            .append(select)
            .append("\nFROM (SELECT *")
            .append(flags);
    if (bucket != null) sql.append(", __t // ").append(bucket.toNanos() / 1_000).append(" AS __b");
    sql.append(" FROM (")
        .append(inner)
        .append(")\n  WHERE __t IS NULL OR (__t >= ")
        .append(fromUs)
        .append(" AND __t < ")
        .append(atUs)
        .append("))\nGROUP BY GROUPING SETS (");
    List<GroupingSet> out = new ArrayList<>();
    boolean first = true;
    for (Set<String> set : sets) {
      List<String> cols = new ArrayList<>(set.stream().map(Sql::ident).toList());
      if (bucket != null) cols.add("__b");
      sql.append(first ? "" : ", ").append('(').append(String.join(", ", cols)).append(')');
      first = false;
      long gid = 0;
      for (int j = 0; j < keys.size(); j++)
        if (!set.contains(keys.get(j))) gid |= 1L << (keys.size() - 1 - j);
      out.add(new GroupingSet(set, gid));
    }
    sql.append(')');

    StringBuilder fetch = new StringBuilder("SELECT gid");
    for (int j = 0; j < keys.size(); j++) fetch.append(", k").append(j);
    for (int i = 0; i < slos.size(); i++) {
      fetch
          .append(", sum(g")
          .append(i)
          .append(")::BIGINT, sum(t")
          .append(i)
          .append(")::BIGINT, sum(n")
          .append(i)
          .append(")::BIGINT");
    }
    fetch.append(", sum(rows_in_range)::BIGINT, sum(excluded)::BIGINT, sum(null_time)::BIGINT");
    for (String x : extras) fetch.append(", sum(").append(x).append(")::BIGINT");
    fetch.append(" FROM ").append(Sql.ident(table)).append(" GROUP BY ALL");
    return new CompiledScan(table, sql.toString(), fetch.toString(), keys, out);
  }

  /** A good event of SLO i: counted as valid, and good. */
  private static String good(int i) {
    return "__tt" + i + " IS TRUE AND __gg" + i + " IS TRUE";
  }

  /** A valid event of SLO i: total is true and good is not NULL. */
  private static String valid(int i) {
    return "__tt" + i + " IS TRUE AND __gg" + i + " IS NOT NULL";
  }

  /** True for an event inside any of the intervals: {@code (__t >= s AND __t < e OR ...)}. */
  static String inAny(List<ExcludedInterval> intervals) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < intervals.size(); i++) {
      ExcludedInterval x = intervals.get(i);
      if (i > 0) b.append(" OR ");
      b.append("(__t >= ")
          .append(TimeColumn.micros(x.start()))
          .append(" AND __t < ")
          .append(TimeColumn.micros(x.end()))
          .append(')');
    }
    return b.append(')').toString();
  }

  /** The SQL that is true for a good event, as the SLI defines it. */
  public static String goodExpression(Sli sli) {
    if (sli instanceof Sli.Ratio r) return "(" + r.good().text() + ")";
    Sli.Latency l = (Sli.Latency) sli;
    return "(" + Sql.ident(l.column()) + " <= " + l.threshold().toPlainString() + ")";
  }
}
