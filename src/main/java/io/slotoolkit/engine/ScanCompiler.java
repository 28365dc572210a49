package io.slotoolkit.engine;

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

  /** One SLO as the scan sees it: its window start is baked into its filters. */
  public record SloWindow(Slo slo, Instant start) {}

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

  /**
   * What {@code slo report} asks of the same scan besides the window counts.
   *
   * <p>Instead of window-restricted counts, each SLO gets good/valid/skipped counts over the whole
   * scanned range, and every grouping set is also grouped by a segment number {@code __seg}: how
   * many of the cut instants (every window start, and the start of the last 7 days) are at or
   * before the event. A cell of the table then lies wholly inside or outside each window, and a
   * window's count is the sum over the segments at or after its start ({@link #segment}). That
   * keeps three aggregates per SLO, as for {@code slo check}, however many periods a report shows.
   * The time bucket goes on the overall grouping set only, so per-group and per-dimension sets stay
   * small however many groups there are.
   *
   * @param bucket width of the time bucket, epoch-aligned; it must divide the zone offsets of the
   *     days reported so that local days are unions of buckets
   * @param recentStart start of the "last 7 days"
   * @param dimensions breakdown columns: each becomes a grouping set
   */
  public record Extras(Duration bucket, Instant recentStart, List<String> dimensions) {
    public Extras {
      dimensions = List.copyOf(dimensions);
    }

    /** The distinct cut instants, in order. */
    public List<Instant> cuts(List<SloWindow> slos) {
      TreeSet<Instant> cuts = new TreeSet<>();
      for (SloWindow s : slos) cuts.add(s.start());
      cuts.add(recentStart);
      return List.copyOf(cuts);
    }

    /** The segment events at or after {@code cut} (one of {@link #cuts}) have at least. */
    public int segment(List<SloWindow> slos, Instant cut) {
      int i = cuts(slos).indexOf(cut);
      if (i < 0) throw new IllegalArgumentException("not a cut: " + cut);
      return i + 1;
    }
  }

  public static CompiledScan compile(
      BoundSource src,
      List<SloWindow> slos,
      Instant from,
      Instant at,
      Duration bucket,
      String table) {
    return compile(src, slos, from, at, bucket, null, table);
  }

  /** The scan with what a report needs: see {@link Extras}. */
  public static CompiledScan compile(
      BoundSource src,
      List<SloWindow> slos,
      Instant from,
      Instant at,
      Extras extras,
      String table) {
    return compile(src, slos, from, at, extras.bucket(), extras, table);
  }

  private static CompiledScan compile(
      BoundSource src,
      List<SloWindow> slos,
      Instant from,
      Instant at,
      Duration bucket,
      Extras extras,
      String table) {
    TimeColumn time = src.time();
    TreeSet<String> keyNames =
        new TreeSet<>(slos.stream().flatMap(s -> s.slo().per().stream()).toList());
    if (extras != null) keyNames.addAll(extras.dimensions());
    List<String> keys = new ArrayList<>(keyNames);
    LinkedHashSet<Set<String>> sets = new LinkedHashSet<>();
    if (extras != null) sets.add(new TreeSet<>());
    for (SloWindow s : slos) sets.add(new TreeSet<>(s.slo().per()));
    Set<Set<String>> sloSets = new LinkedHashSet<>(sets);
    if (extras != null) for (String d : extras.dimensions()) sets.add(new TreeSet<>(List.of(d)));

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
    if (extras != null) select.append(", __seg");
    for (int i = 0; i < slos.size(); i++) {
      SloWindow s = slos.get(i);
      String total =
          s.slo().sli().total() == null ? "TRUE" : "(" + s.slo().sli().total().text() + ")";
      String good = goodExpression(s.slo().sli());
      if (extras != null) {
        // unrestricted by window: the segment column restricts them when the table is read
        select
            .append(",\n  count(*) FILTER (WHERE __keep AND ")
            .append(total)
            .append(" IS TRUE AND ")
            .append(good)
            .append(" IS TRUE) AS a")
            .append(i);
        select
            .append(",\n  count(*) FILTER (WHERE __keep AND ")
            .append(total)
            .append(" IS TRUE AND ")
            .append(good)
            .append(" IS NOT NULL) AS b")
            .append(i);
        select
            .append(",\n  count(*) FILTER (WHERE __keep AND (")
            .append(total)
            .append(" IS NULL OR (")
            .append(total)
            .append(" IS TRUE AND ")
            .append(good)
            .append(" IS NULL))) AS m")
            .append(i);
        continue;
      }
      String base = "__keep AND __t >= " + TimeColumn.micros(s.start());
      select
          .append(",\n  count(*) FILTER (WHERE ")
          .append(base)
          .append(" AND ")
          .append(total)
          .append(" IS TRUE AND ")
          .append(good)
          .append(" IS TRUE) AS g")
          .append(i);
      select
          .append(",\n  count(*) FILTER (WHERE ")
          .append(base)
          .append(" AND ")
          .append(total)
          .append(" IS TRUE AND ")
          .append(good)
          .append(" IS NOT NULL) AS t")
          .append(i);
      select
          .append(",\n  count(*) FILTER (WHERE ")
          .append(base)
          .append(" AND (")
          .append(total)
          .append(" IS NULL OR (")
          .append(total)
          .append(" IS TRUE AND ")
          .append(good)
          .append(" IS NULL))) AS n")
          .append(i);
    }
    select.append(",\n  count(*) FILTER (WHERE __t IS NOT NULL) AS rows_in_range");
    select.append(",\n  count(*) FILTER (WHERE __t IS NOT NULL AND NOT __keep) AS excluded");
    select.append(",\n  count(*) FILTER (WHERE __t IS NULL) AS null_time");

    StringBuilder sql =
        new StringBuilder("CREATE OR REPLACE TEMP TABLE ")
            .append(Sql.ident(table))
            .append(" AS\n")
            .append(select)
            .append("\nFROM (SELECT *");
    if (bucket != null) sql.append(", __t // ").append(bucket.toNanos() / 1_000).append(" AS __b");
    if (extras != null) {
      List<String> terms = new ArrayList<>();
      for (Instant cut : extras.cuts(slos))
        terms.add("(__t >= " + TimeColumn.micros(cut) + ")::INTEGER");
      sql.append(", ").append(String.join(" + ", terms)).append(" AS __seg");
    }
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
      if (bucket != null && (extras == null || set.isEmpty())) cols.add("__b");
      if (extras != null) cols.add("__seg");
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
      if (extras != null) {
        String in =
            " FILTER (WHERE __seg >= "
                + extras.segment(slos, slos.get(i).start())
                + "), 0)::BIGINT";
        fetch.append(", coalesce(sum(a").append(i).append(')').append(in);
        fetch.append(", coalesce(sum(b").append(i).append(')').append(in);
        fetch.append(", coalesce(sum(m").append(i).append(')').append(in);
        continue;
      }
      fetch
          .append(", sum(g")
          .append(i)
          .append(")::BIGINT, sum(t")
          .append(i)
          .append(")::BIGINT, sum(n")
          .append(i)
          .append(")::BIGINT");
    }
    fetch
        .append(", sum(rows_in_range)::BIGINT, sum(excluded)::BIGINT, sum(null_time)::BIGINT FROM ")
        .append(Sql.ident(table));
    if (extras != null) {
      // the dimension sets are the report's to query; fetching them here could mean millions of
      // rows
      List<String> gids = new ArrayList<>();
      for (GroupingSet gs : out)
        if (sloSets.contains(gs.columns())) gids.add(Long.toString(gs.gid()));
      fetch.append(" WHERE gid IN (").append(String.join(", ", gids)).append(')');
    }
    fetch.append(" GROUP BY ALL");
    return new CompiledScan(table, sql.toString(), fetch.toString(), keys, out);
  }

  /** The SQL that is true for a good event, as the SLI defines it. */
  public static String goodExpression(Sli sli) {
    if (sli instanceof Sli.Ratio r) return "(" + r.good().text() + ")";
    Sli.Latency l = (Sli.Latency) sli;
    return "(" + Sql.ident(l.column()) + " <= " + l.threshold().toPlainString() + ")";
  }
}
