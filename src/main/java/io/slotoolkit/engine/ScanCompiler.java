package io.slotoolkit.engine;

import io.slotoolkit.model.ExcludedInterval;
import io.slotoolkit.model.Exclusion;
import io.slotoolkit.model.Sli;
import io.slotoolkit.model.SliceCalendar;
import io.slotoolkit.model.Slo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles every SLO that reads one source into ONE scan of that source.
 *
 * <p>The scan has four layers. The innermost reads the source, turns the event time into epoch
 * microseconds ({@code __t}) and applies the source's {@code where} ({@code __keep}). The next
 * computes, once per row, every distinct term the flags share ({@link ScanTerms}: user expressions,
 * window start tests, exclusion intervals). The third computes a boolean flag for every count
 * column: for each SLO "good in my window", "valid in my window" and "skipped because an expression
 * was NULL", each a bare conjunction of terms with the SLO's own window start baked in, so window
 * totals are exact whatever the bucket width. The outer one groups by the union of the SLOs' {@code
 * per} column sets (GROUPING SETS) and, when asked, a time bucket and an age class, and sums the
 * flags. Summing flags computed below the grouping is about three times faster than {@code count(*)
 * FILTER (...)} per grouping set, because DuckDB fans GROUPING SETS out to one aggregate per set
 * and would otherwise evaluate every predicate once per set; for the same reason the overall set is
 * not aggregated over the rows when a per-group set exists, but summed from it afterwards. The
 * result stays in a temp table inside DuckDB; only per-group sums are fetched.
 *
 * <p>A cached check may read some files in part: {@link PartScanCompiler} compiles that scan, one
 * statement per file read in part into the same table, through the layers here ({@link Branch}).
 *
 * <p>Why this class is large: the four layers share one column layout (names, grouping bitmask,
 * positions) that {@link ScanTable} reads back; keeping the layers together keeps that layout in
 * one place, as the single-scan design and the SQL pin tests require.
 */
public final class ScanCompiler {
  private ScanCompiler() {}

  /**
   * One SLO as the scan sees it: its window start is baked into its flags.
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

    /**
     * Whether an alert window reaches before the SLO window's start (a calendar window early in its
     * period, or a window shorter than the longest alert window): then the alert windows need their
     * own good/valid flags; otherwise the SLO window's flags already count their rows.
     */
    public boolean needsAlertFlags(Instant at) {
      return earliest(at).isBefore(start);
    }

    /** The distinct exclusions, in the order of their first interval. */
    public List<Exclusion> distinctExclusions() {
      return exclusions.stream().map(ExcludedInterval::exclusion).distinct().toList();
    }
  }

  /**
   * A column of the scan table: the number of rows, per group and bucket, for which a predicate
   * holds.
   *
   * @param name the column name, {@code [a-z0-9_]+}
   * @param predicate a SQL boolean over the source's columns and {@code __t} / {@code __keep}
   */
  public record CountColumn(String name, String predicate) {
    public CountColumn {
      if (!name.matches("[a-z0-9_]+"))
        throw new IllegalArgumentException("bad column name " + name);
    }

    /** Whether this is an SLO's alert flag ({@code ag<i>}, {@code av<i>}), not a window count. */
    boolean alertFlag() {
      return name.startsWith("ag") || name.startsWith("av");
    }

    /**
     * The index of the SLO this column counts for ({@code g<i>}, {@code t<i>}, {@code n<i>}, {@code
     * ag<i>}, {@code av<i>}, {@code x<i>_<k>}); -1 for a row statistic.
     */
    int slo() {
      java.util.regex.Matcher m = SLO_COLUMN.matcher(name);
      return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static final java.util.regex.Pattern SLO_COLUMN =
        java.util.regex.Pattern.compile("(?:g|t|n|ag|av|x)(\\d+)(?:_\\d+)?");
  }

  /**
   * The compiled scan.
   *
   * @param table the temp table the scan writes
   * @param statements the statements that scan the source into {@code table}, in order: the scan,
   *     then possibly one that adds the overall grouping set's rows from another set's
   * @param fetch the query that sums {@code table} per group: gid, keys..., then every count column
   * @param keys the group key columns, in the order of the {@code k} columns
   * @param sets each grouping set as its sorted columns, with the GROUPING() id DuckDB gives it
   * @param columns the count columns, in the order {@code fetch} returns them after the keys
   * @param ageBounds the alert window starts that split rows into age classes {@code __a} (empty
   *     when no SLO has alert windows): see {@link #ageBounds}
   * @param partRead whether the scan read files in part ({@link PartScanCompiler}): then its
   *     statements aggregate the files read whole and each file read in part separately into the
   *     table (each leaving 0 in the columns it does not count), every SLO with alert windows has
   *     alert flags of its own (0 for the files read whole where its window's flags serve), and
   *     each row has its statement's {@value PartScanCompiler#REACH_CLASS}
   * @param windowsFromWholeFiles whether the window counts and row statistics of {@code fetch} are
   *     those of the files read whole alone: no file was read in part, or the parts count in alert
   *     flags only
   */
  public record CompiledScan(
      String table,
      List<String> statements,
      String fetch,
      List<String> keys,
      List<GroupingSet> sets,
      List<CountColumn> columns,
      List<Instant> ageBounds,
      boolean partRead,
      boolean windowsFromWholeFiles) {
    public CompiledScan {
      statements = List.copyOf(statements);
    }
  }

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

  /** How messages name one of an SLO's expressions: {@code SLO 'x': good}. */
  static String role(Slo slo, String key) {
    return "SLO '" + slo.name() + "': " + key;
  }

  /** Row accounting columns, after the SLOs' g/t/n columns. */
  static final List<String> STATS = List.of("rows_in_range", "excluded", "null_time");

  /**
   * One SLO's flags as conjunctions of terms. Flags are summed and SUM skips NULL, so a flag only
   * has to be TRUE exactly on the rows it counts: {@code a AND b} is, whether the other rows make
   * it FALSE or NULL, so terms that may be NULL need no {@code IS TRUE} (a third of the scan's
   * boolean work, measured).
   *
   * @param keep {@code __keep} when the source has a {@code where} (rows it leaves out count
   *     nowhere), else null
   * @param totalTerm the term of the SLI's total expression, null when every event is valid
   * @param goodTerm the term of the SLI's good expression
   * @param excludedTerm the term "in one of the SLO's exclusions", null when it has none
   */
  private record SliTerms(
      String keep,
      String totalTerm,
      String goodTerm,
      String excludedTerm,
      Counted counts,
      boolean neverNull) {

    /**
     * The terms of a counts SLI: the row's good and valid numbers (exact, HUGEINT) and the test
     * that they are counts at all ({@link CountRows#ok}); rows failing it are malformed and count
     * nowhere.
     */
    record Counted(String good, String valid, String ok, String missing) {}

    static SliTerms of(SloWindow s, ScanTerms terms, ExpressionChecker checker) {
      Slo slo = s.slo();
      Sli sli = slo.sli();
      String keep = slo.source().where() == null ? null : "__keep";
      String excluded = s.exclusions().isEmpty() ? null : terms.in(s.exclusions());
      if (sli instanceof Sli.Counts) {
        String g = CountRows.good(checker, slo);
        String t = CountRows.total(checker, slo);
        // the cast only where the row is a count: a huge or fractional value would not convert
        String ok = CountRows.ok(g, t);
        Counted counted =
            new Counted(
                terms.value("CASE WHEN " + ok + " THEN " + CountRows.exact(g) + " END"),
                terms.value("CASE WHEN " + ok + " THEN " + CountRows.exact(t) + " END"),
                terms.of(ok),
                terms.of("(" + g + " IS NULL OR " + t + " IS NULL)"));
        return new SliTerms(keep, null, counted.ok(), excluded, counted, false);
      }
      ExpressionChecker.CheckedExpression total =
          sli.total() == null ? null : checker.checked(sli.total(), role(slo, "total"));
      boolean neverNull =
          (total == null || terms.neverNull(total))
              && (sli instanceof Sli.Ratio r
                  ? terms.neverNull(checker.checked(r.good(), role(slo, "good")))
                  : terms.neverNull(((Sli.Latency) sli).column()));
      return new SliTerms(
          keep,
          total == null ? null : terms.of(total.sql()),
          terms.of(goodExpression(slo, checker)),
          excluded,
          null,
          neverNull);
    }

    /** The same SLI counting the events its exclusions remove. */
    SliTerms withExcluded() {
      return new SliTerms(keep, totalTerm, goodTerm, null, counts, neverNull);
    }

    /** Valid and good, among the rows where every {@code scope} term holds. */
    String good(String... scope) {
      if (counts != null) return sum(scope, counts.good());
      return and(scope, goodTerm);
    }

    /** Valid with a known good/bad outcome (the SLI's denominator), within {@code scope}. */
    String total(String... scope) {
      if (counts != null) return sum(scope, counts.valid());
      return and(scope, goodTerm + " IS NOT NULL");
    }

    /** Skipped because an expression was NULL, within {@code scope}. */
    String skipped(String... scope) {
      if (neverNull) return ScanTerms.ZERO;
      List<String> parts = counted(scope);
      if (counts != null) {
        parts.add(counts.missing());
        return String.join(" AND ", parts);
      }
      parts.add(
          totalTerm == null
              ? goodTerm + " IS NULL"
              : "(" + totalTerm + " IS NULL OR (" + totalTerm + " AND " + goodTerm + " IS NULL))");
      return String.join(" AND ", parts);
    }

    /** A counts row's {@code value} where the row is counted (in scope, a count), else NULL. */
    private String sum(String[] scope, String value) {
      List<String> parts = counted(scope);
      parts.add(counts.ok());
      return "CASE WHEN " + String.join(" AND ", parts) + " THEN " + value + " END";
    }

    private String and(String[] scope, String last) {
      List<String> parts = counted(scope);
      if (totalTerm != null) parts.add(totalTerm);
      parts.add(last);
      return String.join(" AND ", parts);
    }

    /** The rows this SLO counts at all: kept by the source, in {@code scope}, not excluded. */
    private List<String> counted(String[] scope) {
      List<String> parts = new ArrayList<>();
      if (keep != null) parts.add(keep);
      parts.addAll(List.of(scope));
      if (excludedTerm != null) parts.add("NOT " + excludedTerm);
      return parts;
    }
  }

  /**
   * The count columns for these SLOs ending at {@code at}: g, t and n per SLO, in order, then the
   * row statistics, then for each SLO in order: when an alert window reaches before its window's
   * start, its good and valid events over the whole scanned range ({@code ag<i>}, {@code av<i>};
   * otherwise its {@code g<i>}, {@code t<i>} serve, split by the age class {@code __a}, see {@link
   * #ageBounds}), and the valid events each exclusion removed from its window ({@code x<i>_<k>}).
   * Events in an SLO's exclusions count in none of its other columns.
   *
   * @param at the end of every window; null when no SLO has alert windows
   */
  static List<CountColumn> sloColumns(
      List<SloWindow> slos, Instant at, ScanTerms terms, ExpressionChecker checker) {
    return sloColumns(slos, at, terms, checker, false);
  }

  /**
   * The same columns in a scan reading files in part ({@code partScan}), where every SLO with alert
   * windows has alert flags of its own: those of a file read in part ({@link ScanTerms#partRead})
   * do not follow its window's terms. A file read in part counts no row statistics.
   */
  static List<CountColumn> sloColumns(
      List<SloWindow> slos,
      Instant at,
      ScanTerms terms,
      ExpressionChecker checker,
      boolean partScan) {
    List<CountColumn> cols = new ArrayList<>();
    List<SliTerms> slis = slos.stream().map(s -> SliTerms.of(s, terms, checker)).toList();
    for (int i = 0; i < slos.size(); i++) {
      SloWindow s = slos.get(i);
      SliTerms sli = slis.get(i);
      String window = terms.since(s.start());
      if (window.equals(ScanTerms.NEVER)) continue; // a file read in part: no row read counts here
      cols.add(new CountColumn("g" + i, sli.good(window)));
      cols.add(new CountColumn("t" + i, sli.total(window)));
      cols.add(new CountColumn("n" + i, sli.skipped(window)));
    }
    cols.addAll(statColumns(slos, terms.partRead()));
    for (int i = 0; i < slos.size(); i++) {
      SloWindow s = slos.get(i);
      SliTerms sli = slis.get(i);
      if (alertFlags(s, at, partScan) && (!terms.partRead() || countsInAlertWindow(s, at, terms))) {
        // good and valid events at any time in range: the age class __a splits them by window
        boolean own = terms.partRead() || s.needsAlertFlags(at);
        String window = own ? null : terms.since(s.start());
        cols.add(new CountColumn("ag" + i, own ? sli.good() : sli.good(window)));
        cols.add(new CountColumn("av" + i, own ? sli.total() : sli.total(window)));
      }
      List<Exclusion> distinct = s.distinctExclusions();
      if (terms.since(s.start()).equals(ScanTerms.NEVER)) continue;
      for (int k = 0; k < distinct.size(); k++) {
        Exclusion e = distinct.get(k);
        List<ExcludedInterval> own =
            s.exclusions().stream().filter(x -> x.exclusion().equals(e)).toList();
        cols.add(
            new CountColumn(
                "x" + i + "_" + k,
                sli.withExcluded().total(terms.since(s.start()), terms.in(own))));
      }
    }
    return cols;
  }

  /**
   * Whether the rows of a file read in part count in one of an SLO's alert windows: one of them
   * starts where the part's rows count by their difference ({@link ScanTerms#since} is not {@link
   * ScanTerms#NEVER}). In the others the file's totals stand for it whole, and the part's flags for
   * the SLO would only sum zeros (a file straddling the start of one SLO's longest alert window is
   * read for that SLO alone).
   */
  private static boolean countsInAlertWindow(SloWindow s, Instant at, ScanTerms terms) {
    for (Duration d : s.alertWindows())
      if (!terms.since(at.minus(d)).equals(ScanTerms.NEVER)) return true;
    return false;
  }

  /**
   * Whether an SLO's alert windows are counted by flags of their own ({@code ag<i>}, {@code av<i>},
   * split by age class) rather than by its window's: when an alert window reaches before the
   * window's start, and in a scan reading files in part, where a part's window terms follow its
   * totals' reach, not the alert windows' starts.
   */
  static boolean alertFlags(SloWindow s, Instant at, boolean partRead) {
    return !s.alertWindows().isEmpty() && (partRead || s.needsAlertFlags(at));
  }

  /**
   * The row statistics; nothing is excluded from a source without {@code where}. The rows of files
   * read in part ({@code partRows}) count in none: the caller adds those files' accounting.
   */
  private static List<CountColumn> statColumns(List<SloWindow> slos, boolean partRows) {
    if (partRows) return List.of();
    boolean filtered = slos.isEmpty() || slos.get(0).slo().source().where() != null;
    return List.of(
        new CountColumn("rows_in_range", "__t IS NOT NULL"),
        new CountColumn("excluded", filtered ? "__t IS NOT NULL AND NOT __keep" : ScanTerms.ZERO),
        new CountColumn("null_time", "__t IS NULL"));
  }

  /** True for an event inside any of the intervals: {@code ((__t >= s AND __t < e) OR ...)}. */
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

  /**
   * The report's count columns: a (good), b (valid) and m (skipped) per SLO over the whole scanned
   * range, not cut at the window start (the segment column does that), then the row statistics.
   */
  static List<CountColumn> reportColumns(
      List<SloWindow> slos, ScanTerms terms, ExpressionChecker checker) {
    List<CountColumn> cols = new ArrayList<>();
    for (int i = 0; i < slos.size(); i++) {
      SliTerms sli = SliTerms.of(slos.get(i), terms, checker);
      cols.add(new CountColumn("a" + i, sli.good()));
      cols.add(new CountColumn("b" + i, sli.total()));
      cols.add(new CountColumn("m" + i, sli.skipped()));
    }
    cols.addAll(statColumns(slos, false));
    return cols;
  }

  /**
   * The scan {@code slo check} runs: every SLO's window counts (and alert windows and exclusion
   * counts), per {@code bucket} when not null. User expressions come from {@code checker} only, as
   * the canonical text of their checked trees.
   */
  public static CompiledScan compile(
      BoundSource src,
      List<SloWindow> slos,
      Instant from,
      Instant at,
      Duration bucket,
      String table,
      ExpressionChecker checker) {
    ScanTerms terms = new ScanTerms(src.columnsWithoutNulls());
    List<CountColumn> columns = sloColumns(slos, at, terms, checker);
    Branch whole = whole(src, columns, terms, from, at, checker);
    return compile(src, slos, List.of(whole), columns, false, from, at, bucket, null, false, table);
  }

  /**
   * The scan {@code slo check} runs when {@code at} is a guess of the default window end: the same
   * counts, but rows at or after {@code at} are read too (not left out), and the table also keeps
   * the latest event time of the rows read, {@code max(__t)} in a column {@value #LATEST} (see
   * {@link ScanTable#latestEvent}). When that latest event is before {@code at}, no row was at or
   * after it, and every count equals that of {@link #compile(BoundSource, List, Instant, Instant,
   * Duration, String, ExpressionChecker) the bounded scan} at {@code at}; then the one parse of the
   * source has found both the window end and the counts.
   */
  public static CompiledScan compileOpenEnded(
      BoundSource src,
      List<SloWindow> slos,
      Instant from,
      Instant at,
      String table,
      ExpressionChecker checker) {
    ScanTerms terms = new ScanTerms(src.columnsWithoutNulls());
    List<CountColumn> columns = sloColumns(slos, at, terms, checker);
    // rows at or after at are read too
    Branch whole = whole(src, columns, terms, from, TimeColumn.END, checker);
    return compile(src, slos, List.of(whole), columns, false, from, at, null, null, true, table);
  }

  /** The column of an open-ended scan's table holding the latest event time read (epoch us). */
  static final String LATEST = "latest";

  /**
   * The column of an open-ended scan's table holding the latest raw time value read (epoch us),
   * when {@link #rawLatest} gives one.
   */
  static final String LATEST_RAW = "latest_raw";

  /**
   * The column of an open-ended scan's table holding the latest time of a row the source's row
   * check refused ({@link TimeColumn#refusedRowMicros}), when there can be one: such a row at or
   * after the window end is malformed in the open-ended scan's row accounting but left out of the
   * bounded scan's, so the open-ended counts cannot stand for the bounded ones.
   */
  static final String LATEST_REFUSED = "latest_refused";

  /**
   * What an open-ended scan must also keep so that its latest event is the one {@link
   * DuckDbEngine#latestEvent} finds: for a time column read raw (a TIMESTAMPTZ, epoch microseconds)
   * in a source with a row check, the latest event counts the rows the check refuses (a NaN
   * latency), unless the raw maximum is out of range. The scan reads every such row at or after its
   * start and every out-of-range row, so its raw maximum is the source's whenever it read an event.
   * Null when {@code max(__t)} is the answer.
   */
  static String rawLatest(TimeColumn time) {
    return time.rowCheck() == null ? null : time.rawMaxOf("__traw");
  }

  /**
   * The scan {@code slo report} runs: what {@code slo check} counts, plus the report's {@link
   * Extras}; {@code fetch} returns the same columns as {@code slo check}'s.
   */
  public static CompiledScan compile(
      BoundSource src,
      List<SloWindow> slos,
      Instant from,
      Instant at,
      Extras extras,
      String table,
      ExpressionChecker checker) {
    ScanTerms terms = new ScanTerms(src.columnsWithoutNulls());
    List<CountColumn> columns = reportColumns(slos, terms, checker);
    Branch whole = whole(src, columns, terms, from, at, checker);
    return compile(
        src, slos, List.of(whole), columns, false, from, at, extras.bucket(), extras, false, table);
  }

  /**
   * The scan whose statements aggregate {@code branches} (one, or for a scan reading files in part,
   * {@code partRead}, one per part) into one table of {@code columns}: each branch's columns are
   * among them, in the same order, and it leaves 0 in the others.
   */
  static CompiledScan compile(
      BoundSource src,
      List<SloWindow> slos,
      List<Branch> branches,
      List<CountColumn> columns,
      boolean partRead,
      Instant from,
      Instant at,
      Duration bucket,
      Extras extras,
      boolean openEnd,
      String table) {
    TimeColumn time = src.time();
    TreeSet<String> keyNames =
        new TreeSet<>(slos.stream().flatMap(s -> s.slo().per().stream()).toList());
    if (extras != null) keyNames.addAll(extras.dimensions());
    // a check's time-slice SLOs are also grouped by their slice (one key per slice length)
    Map<String, String> sliceKeys =
        bucket == null && extras == null ? sliceKeys(slos, from, at, src) : Map.of();
    keyNames.addAll(sliceKeys.keySet());
    List<String> keys = new ArrayList<>(keyNames);
    LinkedHashSet<Set<String>> sets = new LinkedHashSet<>();
    if (extras != null) sets.add(new TreeSet<>());
    for (SloWindow s : slos) sets.add(new TreeSet<>(s.slo().per()));
    Set<Set<String>> sloSets = new LinkedHashSet<>(sets);
    if (!sliceKeys.isEmpty())
      for (SloWindow s : slos) if (s.slo().timeslices() != null) sets.add(sliceSet(s.slo()));
    if (extras != null) for (String d : extras.dimensions()) sets.add(new TreeSet<>(List.of(d)));
    List<String> quotedKeys = keys.stream().map(Sql::ident).toList();

    List<Instant> bounds = ageBounds(slos, at);
    // the flag layer over the rows read, once per statement
    List<String> flagLayers = new ArrayList<>();
    String rawLatest = openEnd ? rawLatest(time) : null;
    String refused = openEnd ? time.refusedRowMicros() : null;
    for (Branch branch : branches) {
      StringBuilder flags = new StringBuilder("SELECT ");
      for (int j = 0; j < keys.size(); j++) {
        String slice = sliceKeys.get(keys.get(j));
        if (slice != null) flags.append(slice).append(" AS ");
        flags.append(quotedKeys.get(j)).append(", ");
      }
      if (openEnd) flags.append("__t, ");
      if (rawLatest != null) flags.append(time.column()).append(" AS __traw, ");
      // a refused row's __t is NULL: the test runs on those rows only
      if (refused != null)
        flags.append("CASE WHEN __t IS NULL THEN ").append(refused).append(" END AS __tref, ");
      if (bucket != null)
        flags.append("__t // ").append(bucket.toNanos() / 1_000).append(" AS __b, ");
      if (!bounds.isEmpty()) {
        // oldest bound first: most rows are older than every alert window and stop at one test
        flags.append("CASE WHEN __t IS NULL THEN 0");
        for (int c = 0; c < bounds.size(); c++) {
          flags
              .append(" WHEN __t < ")
              .append(TimeColumn.micros(bounds.get(c)))
              .append(" THEN ")
              .append(c);
        }
        flags.append(" ELSE ").append(bounds.size()).append(" END AS __a, ");
      }
      if (extras != null) {
        List<String> tests = new ArrayList<>();
        for (Instant cut : extras.cuts(slos))
          tests.add("(__t >= " + TimeColumn.micros(cut) + ")::INTEGER");
        flags.append(String.join(" + ", tests)).append(" AS __seg, ");
      }
      boolean firstFlag = true;
      for (CountColumn c : branch.columns()) {
        // a column 0 by construction is written as 0 by the aggregate, not flagged per row
        if (c.predicate().equals(ScanTerms.ZERO)) continue;
        flags
            .append(firstFlag ? "" : ",")
            .append("\n    (")
            .append(c.predicate())
            .append(") AS ")
            .append(c.name());
        firstFlag = false;
      }
      // (the list so far ends with ", ")
      if (firstFlag) flags.append("\n    TRUE AS __row");
      flags
          .append("\n  FROM (SELECT *")
          .append(branch.terms().definitions())
          .append("\n    FROM (")
          .append(branch.read())
          .append(")\n    WHERE __t IS NULL OR ");
      if (openEnd) flags.append("__t >= ").append(TimeColumn.micros(from)).append(")");
      else
        flags
            .append("(__t >= ")
            .append(TimeColumn.micros(from))
            .append(" AND __t < ")
            .append(TimeColumn.micros(at))
            .append("))");
      flagLayers.add(flags.toString());
    }
    List<GroupingSet> out = new ArrayList<>();
    for (Set<String> set : sets) {
      long gid = 0;
      for (int j = 0; j < keys.size(); j++)
        if (!set.contains(keys.get(j))) gid |= 1L << (keys.size() - 1 - j);
      out.add(new GroupingSet(set, gid));
    }
    // The overall set needs no aggregate of its own when another set (not a report's: only its
    // overall set is bucketed) partitions the same rows: its sums are the sums over that set's
    // groups, added after the scan. One hash aggregate fewer per row (measured: a tenth of the
    // scan).
    Set<String> donor =
        extras != null || !sets.contains(Set.of())
            ? null
            : sets.stream()
                .filter(x -> !x.isEmpty())
                .min(java.util.Comparator.comparingInt(Set::size))
                .orElse(null);
    boolean reach = partRead && !bounds.isEmpty();
    // one aggregate per flag layer into the one table, the first creating it: a scan reading files
    // in part aggregates its plain files exactly as a scan of whole files does (their rows pay
    // nothing for the parts), and leaves 0 in the alert flags of their own that the parts need
    // (their rows are told apart by a reach class of -1); a part leaves 0 in the windows none of
    // its rows counts in
    List<String> statements = new ArrayList<>();
    for (int b = 0; b < branches.size(); b++) {
      Branch branch = branches.get(b);
      StringBuilder sql =
          new StringBuilder(b == 0 ? "CREATE OR REPLACE TEMP TABLE " : "INSERT INTO ")
              .append(Sql.ident(table))
              .append(b == 0 ? " AS\nSELECT " : "\nSELECT ");
      Set<String> computed = new java.util.HashSet<>();
      for (CountColumn c : branch.columns())
        if (!c.predicate().equals(ScanTerms.ZERO)) computed.add(c.name());
      // a part that counts for SLOs without per alone (the benchmark's file that the 28-day SLOs'
      // longest alert window starts in) is grouped into the overall set alone, which the donor's
      // rows do not hold for it
      boolean overallOnly =
          branch.reachClass() >= 0
              && branch.columns().stream()
                  .filter(c -> computed.contains(c.name()))
                  .allMatch(
                      c ->
                          c.slo() >= 0
                              && slos.get(c.slo()).slo().per().isEmpty()
                              && slos.get(c.slo()).slo().timeslices() == null);
      if (overallOnly) {
        long overall =
            out.stream().filter(g -> g.columns().isEmpty()).findFirst().orElseThrow().gid();
        sql.append(overall).append(" AS gid");
        for (int j = 0; j < keys.size(); j++) sql.append(", NULL::VARCHAR AS k").append(j);
      } else {
        sql.append(keys.isEmpty() ? "0" : "GROUPING(" + String.join(", ", quotedKeys) + ")")
            .append(" AS gid");
        for (int j = 0; j < keys.size(); j++)
          sql.append(", CAST(").append(quotedKeys.get(j)).append(" AS VARCHAR) AS k").append(j);
      }
      if (bucket != null) sql.append(", __b");
      if (extras != null) sql.append(", __seg");
      if (!bounds.isEmpty()) sql.append(", __a");
      // a constant per statement: -1 for the files read whole, else the reach's age class
      if (reach)
        sql.append(", ")
            .append(branch.reachClass())
            .append(" AS ")
            .append(PartScanCompiler.REACH_CLASS);
      // a negated branch counts -1 in its windows (not in its alert flags of its own, which the
      // reach class places)
      boolean negated = branch.negated();
      for (CountColumn c : columns) {
        String sum = "coalesce(sum(" + c.name() + "), 0)::BIGINT";
        if (!computed.contains(c.name())) sum = "0::BIGINT";
        else if (negated && !c.alertFlag()) sum = "-" + sum;
        sql.append(", ").append(sum).append(" AS ").append(c.name());
      }
      if (openEnd) sql.append(", max(__t) AS ").append(LATEST);
      if (rawLatest != null) sql.append(", ").append(rawLatest).append(" AS ").append(LATEST_RAW);
      if (refused != null) sql.append(", max(__tref) AS ").append(LATEST_REFUSED);
      sql.append("\nFROM (").append(flagLayers.get(b)).append(")\nGROUP BY GROUPING SETS (");
      boolean first = true;
      for (Set<String> set : sets) {
        if (overallOnly ? !set.isEmpty() : donor != null && set.isEmpty()) continue;
        List<String> cols = new ArrayList<>(set.stream().map(Sql::ident).toList());
        // a report buckets the overall set only: per-group and per-dimension sets stay small
        if (bucket != null && (extras == null || set.isEmpty())) cols.add("__b");
        if (extras != null) cols.add("__seg");
        if (!bounds.isEmpty()) cols.add("__a");
        sql.append(first ? "" : ", ").append('(').append(String.join(", ", cols)).append(')');
        first = false;
      }
      sql.append(')');
      statements.add(sql.toString());
    }
    if (donor != null) {
      long donorGid =
          out.stream().filter(g -> g.columns().equals(donor)).findFirst().orElseThrow().gid();
      List<String> classes = new ArrayList<>();
      if (bucket != null) classes.add("__b");
      if (!bounds.isEmpty()) classes.add("__a");
      if (reach) classes.add(PartScanCompiler.REACH_CLASS);
      statements.add(
          deriveOverall(
              table,
              keys.size(),
              donorGid,
              classes,
              columns,
              openEnd,
              rawLatest != null,
              refused != null));
    }

    StringBuilder fetch = new StringBuilder("SELECT gid");
    for (int j = 0; j < keys.size(); j++) fetch.append(", k").append(j);
    if (extras == null) {
      for (CountColumn c : columns) fetch.append(", sum(").append(c.name()).append(")::BIGINT");
      fetch.append(" FROM ").append(Sql.ident(table));
      // the slice sets' rows are read SLO by SLO (ScanTable.readSlices), not here
      if (!sliceKeys.isEmpty())
        fetch.append(" WHERE gid IN (").append(gids(out, sloSets)).append(')');
      fetch.append(" GROUP BY ALL");
    } else {
      // the same columns as check's fetch: each SLO's counts from the segments in its window
      for (int i = 0; i < slos.size(); i++) {
        String in =
            ") FILTER (WHERE __seg >= "
                + extras.segment(slos, slos.get(i).start())
                + "), 0)::BIGINT";
        for (String c : List.of("a", "b", "m"))
          fetch.append(", coalesce(sum(").append(c).append(i).append(in);
      }
      for (String c : STATS) fetch.append(", sum(").append(c).append(")::BIGINT");
      // the dimension sets are the report's to query; fetching them here could mean millions of
      // rows
      List<String> gids = new ArrayList<>();
      for (GroupingSet gs : out)
        if (sloSets.contains(gs.columns())) gids.add(Long.toString(gs.gid()));
      fetch
          .append(" FROM ")
          .append(Sql.ident(table))
          .append(" WHERE gid IN (")
          .append(String.join(", ", gids))
          .append(") GROUP BY ALL");
    }
    // no part of a file read in part counts in a window or a row statistic, only in alert flags
    boolean windowsFromWholeFiles =
        branches.stream()
            .filter(b -> b.reachClass() >= 0)
            .flatMap(b -> b.columns().stream())
            .allMatch(c -> c.alertFlag() || c.predicate().equals(ScanTerms.ZERO));
    return new CompiledScan(
        table,
        statements,
        fetch.toString(),
        keys,
        out,
        List.copyOf(columns),
        bounds,
        partRead,
        windowsFromWholeFiles);
  }

  /**
   * One statement of a scan: its count columns, the terms they are made of, and the rows they are
   * computed over ({@link #read}). In a scan reading files in part ({@link PartScanCompiler}),
   * {@code reachClass} is the constant {@value PartScanCompiler#REACH_CLASS} of its rows (-1: files
   * read whole), and a {@code negated} statement's rows count -1 in their windows.
   */
  record Branch(
      List<CountColumn> columns, ScanTerms terms, String read, int reachClass, boolean negated) {}

  /** The one statement of a scan of the source's view, its rows in {@code [from, to)}. */
  private static Branch whole(
      BoundSource src,
      List<CountColumn> columns,
      ScanTerms terms,
      Instant from,
      Instant to,
      ExpressionChecker checker) {
    return new Branch(
        columns, terms, read(src.time(), keep(src, checker), src.view(), from, to), -1, false);
  }

  /** The SQL of {@code __keep}: whether the source's {@code where} keeps the row. */
  static String keep(BoundSource src, ExpressionChecker checker) {
    return src.source().where() == null
        ? "TRUE"
        : "coalesce(" + checker.checked(src.source().where(), "where").sql() + ", FALSE)";
  }

  /**
   * The innermost layer over one view: its rows with the event time in epoch microseconds ({@code
   * __t}) and the source's {@code where} ({@code __keep}), {@code extra} select items, and a filter
   * that lets the reader skip what lies outside {@code [from, to)} (not exact: the scan's own range
   * test follows).
   */
  static String read(TimeColumn time, String keep, String view, Instant from, Instant to) {
    StringBuilder read =
        new StringBuilder("SELECT *, ")
            .append(time.epochMicros())
            .append(" AS __t, ")
            .append(keep)
            .append(" AS __keep FROM ")
            .append(Sql.ident(view));
    String prune = time.pruningFilter(from, to);
    if (prune != null)
      read.append(" WHERE (")
          .append(prune)
          .append(") OR ")
          .append(time.column())
          .append(" IS NULL");
    return read.toString();
  }

  /** The GROUPING() ids of {@code wanted} among the scan's sets, comma separated. */
  static String gids(List<GroupingSet> sets, Set<Set<String>> wanted) {
    List<String> gids = new ArrayList<>();
    for (GroupingSet gs : sets)
      if (wanted.contains(gs.columns())) gids.add(Long.toString(gs.gid()));
    return String.join(", ", gids);
  }

  /** The name of the group key holding the slice of a time-slice SLO: {@code __s<minutes>}. */
  public static String sliceKey(Slo slo) {
    return "__s" + slo.timeslices().minutes();
  }

  /** The grouping set of a time-slice SLO's slices: its per columns and its slice key. */
  public static Set<String> sliceSet(Slo slo) {
    Set<String> set = new TreeSet<>(slo.per());
    set.add(sliceKey(slo));
    return set;
  }

  /**
   * The slice keys of these SLOs' time slices, by key name, each with the SQL that computes it from
   * {@code __t} ({@link SliceCalendar}: the key grows with time and never repeats, and its
   * constants change only where the zone's offset does and at the next local midnight).
   */
  private static Map<String, String> sliceKeys(
      List<SloWindow> slos, Instant from, Instant at, BoundSource src) {
    Map<String, String> keys = new java.util.TreeMap<>();
    for (SloWindow s : slos) {
      if (s.slo().timeslices() == null) continue;
      keys.put(
          sliceKey(s.slo()),
          sliceKeySql(from, at, src.source().zone(), s.slo().timeslices().length()));
    }
    return keys;
  }

  /**
   * The SQL of the slice key ({@link SliceCalendar#key}) of an event at {@code __t} (epoch
   * microseconds) in {@code [from, at)}: one linear expression per {@link SliceCalendar.Piece}.
   */
  static String sliceKeySql(Instant from, Instant at, java.time.ZoneId zone, Duration length) {
    List<SliceCalendar.Piece> pieces = SliceCalendar.pieces(from, at, zone);
    StringBuilder b = new StringBuilder();
    if (pieces.size() > 1) b.append("CASE");
    for (int p = 0; p < pieces.size(); p++) {
      SliceCalendar.Piece piece = pieces.get(p);
      if (pieces.size() > 1) {
        if (p + 1 < pieces.size())
          b.append(" WHEN __t < ")
              .append(TimeColumn.micros(pieces.get(p + 1).start()))
              .append(" THEN ");
        else b.append(" ELSE ");
      }
      b.append(sliceKeyExpression(piece, length));
    }
    if (pieces.size() > 1) b.append(" END");
    return b.toString();
  }

  /** {@code ((__t + o + S) // D) * K + ((__t + m + S) - ((__t + o + S) // D) * D) // L}. */
  private static String sliceKeyExpression(SliceCalendar.Piece piece, Duration length) {
    if (length.toNanos() / 1_000 == SliceCalendar.DAY_US)
      // a day slice is the whole local day, however long
      return "(((__t + "
          + (piece.offsetUs() + SliceCalendar.SHIFT_US)
          + ") // "
          + SliceCalendar.DAY_US
          + ") * "
          + SliceCalendar.perDay(length)
          + ")";
    String day =
        "((__t + "
            + (piece.offsetUs() + SliceCalendar.SHIFT_US)
            + ") // "
            + SliceCalendar.DAY_US
            + ")";
    return "("
        + day
        + " * "
        + SliceCalendar.perDay(length)
        + " + ((__t + "
        + (piece.midnightOffsetUs() + SliceCalendar.SHIFT_US)
        + ") - "
        + day
        + " * "
        + SliceCalendar.DAY_US
        + ") // "
        + length.toNanos() / 1_000
        + ")";
  }

  /**
   * The statement that adds the overall set's rows to the scan table: per time bucket and age class
   * ({@code classes}), the sums of the rows of the set {@code donorGid}, which partitions the same
   * rows (a NULL key is a group of its own).
   */
  private static String deriveOverall(
      String table,
      int keyCount,
      long donorGid,
      List<String> classes,
      List<CountColumn> columns,
      boolean latest,
      boolean latestRaw,
      boolean latestRefused) {
    StringBuilder b =
        new StringBuilder("INSERT INTO ")
            .append(Sql.ident(table))
            .append(" SELECT ")
            .append((1L << keyCount) - 1); // GROUPING() of the overall set: every key rolled up
    for (int j = 0; j < keyCount; j++) b.append(", NULL");
    for (String c : classes) b.append(", ").append(c);
    for (CountColumn c : columns)
      b.append(", coalesce(sum(").append(c.name()).append("), 0)::BIGINT");
    if (latest) b.append(", max(").append(LATEST).append(")");
    if (latestRaw) b.append(", max(").append(LATEST_RAW).append(")");
    if (latestRefused) b.append(", max(").append(LATEST_REFUSED).append(")");
    b.append(" FROM ").append(Sql.ident(table)).append(" WHERE gid = ").append(donorGid);
    if (!classes.isEmpty()) b.append(" GROUP BY ").append(String.join(", ", classes));
    return b.toString();
  }

  /**
   * The starts of every alert window of these SLOs, {@code at - d}, distinct and oldest first: b1 <
   * ... < bm. A row's age class {@code __a} is how many of them it is at or after (0 when older
   * than every window), so a window starting at bj holds exactly the classes j and above. One small
   * grouping key replaces two count columns per window and SLO.
   */
  public static List<Instant> ageBounds(List<SloWindow> slos, Instant at) {
    java.util.TreeSet<Instant> b = new java.util.TreeSet<>();
    for (SloWindow s : slos) for (Duration d : s.alertWindows()) b.add(at.minus(d));
    return List.copyOf(b);
  }

  /** The SQL that is true for a good event, as the SLO's SLI defines it. */
  static String goodExpression(Slo slo, ExpressionChecker checker) {
    if (slo.sli() instanceof Sli.Ratio r) return checker.checked(r.good(), role(slo, "good")).sql();
    if (slo.sli() instanceof Sli.Counts)
      return CountRows.ok(CountRows.good(checker, slo), CountRows.total(checker, slo));
    Sli.Latency l = (Sli.Latency) slo.sli();
    return "(" + Sql.ident(l.column()) + " <= " + l.threshold().toPlainString() + ")";
  }
}
