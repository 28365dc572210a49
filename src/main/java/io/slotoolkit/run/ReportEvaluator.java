package io.slotoolkit.run;

import io.slotoolkit.engine.BoundSource;
import io.slotoolkit.engine.Engine;
import io.slotoolkit.engine.ScanCompiler;
import io.slotoolkit.evaluate.CalendarPeriods;
import io.slotoolkit.evaluate.Pseudonyms;
import io.slotoolkit.evaluate.ReportMath;
import io.slotoolkit.evaluate.SloMath;
import io.slotoolkit.evaluate.TimeSliceMath;
import io.slotoolkit.model.Breakdown;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.CompositeResult;
import io.slotoolkit.model.DailyCounts;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.Evaluation;
import io.slotoolkit.model.FailOn;
import io.slotoolkit.model.GroupView;
import io.slotoolkit.model.Health;
import io.slotoolkit.model.PeriodChoice;
import io.slotoolkit.model.PeriodCounts;
import io.slotoolkit.model.PeriodResult;
import io.slotoolkit.model.Report;
import io.slotoolkit.model.SliceSummary;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SloReport;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.SourceStats;
import io.slotoolkit.model.Status;
import io.slotoolkit.model.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs {@code slo report}: the same single scan per source as {@code slo check}, with a time bucket
 * on the overall grouping set and one grouping set per breakdown dimension, then small queries over
 * the scan's temp table for daily sums and the top values of each breakdown. Only what is shown is
 * fetched.
 */
public final class ReportEvaluator {
  /** How far back "last 7 days" reaches. */
  static final Duration RECENT = Duration.ofDays(7);

  private final Engine engine;

  /** Decides each status as slo check does (through the scan cache with {@code --cache}). */
  private final Evaluator checks;

  /** The report's cache ({@code slo report --cache}); null for none. */
  private final ReportCache cache;

  public ReportEvaluator(Engine engine) {
    this(engine, new Evaluator(engine), null);
  }

  private ReportEvaluator(Engine engine, Evaluator checks, ReportCache cache) {
    this.engine = engine;
    this.checks = checks;
    this.cache = cache;
  }

  /**
   * This evaluator with the caches of {@code slo report --cache}: check's statuses through {@code
   * scanCache}, the report's scan through {@code reportCache} (see {@link ReportCache}); either may
   * be null (none).
   */
  public ReportEvaluator withCache(ScanCache scanCache, ReportCache reportCache) {
    Evaluator plain = new Evaluator(engine);
    return new ReportEvaluator(
        engine, scanCache == null ? plain : plain.withCache(scanCache), reportCache);
  }

  /**
   * What to break down and what to hide.
   *
   * @param by ad-hoc breakdown columns ({@code --by}), for every SLO whose source has them
   * @param top how many values a breakdown or group view shows before folding the rest
   * @param maskColumns columns to mask given on the command line ({@code --mask})
   * @param maskKey the key of the pseudonyms; null when nothing is masked
   * @param period one complete period to evaluate every SLO over ({@code --period}); null for the
   *     SLOs' own windows ending at the evaluation instant
   * @param periods how many complete periods of history to list per calendar-window SLO ({@code
   *     --periods}); 0 for none
   */
  public record Options(
      List<String> by,
      int top,
      List<String> maskColumns,
      byte[] maskKey,
      PeriodChoice period,
      int periods) {
    public Options {
      by = List.copyOf(by);
      maskColumns = List.copyOf(maskColumns);
      if (top < 1) throw new IllegalArgumentException("top must be at least 1");
      if (periods < 0) throw new IllegalArgumentException("periods must not be negative");
    }
  }

  /**
   * Every column masked in this run: {@code --mask} columns and every source's {@code mask:}. A
   * column masked in one source is masked in every source, as the same identifiers travel between
   * exports.
   */
  public static List<String> maskedColumns(Catalog catalog, Options options) {
    TreeSet<String> columns = new TreeSet<>(options.maskColumns());
    for (DataSource s : catalog.sources()) columns.addAll(s.mask());
    return List.copyOf(columns);
  }

  /**
   * Checks that every dimension, {@code --by} and mask column exists (exit 3 with the columns that
   * do); call after {@link Evaluator#prepare}.
   */
  public void checkColumns(Catalog catalog, Options options) {
    // dimensions: and mask: columns were checked when the engine bound the sources
    List<DataSource> sources = catalog.slos().stream().map(Slo::source).distinct().toList();
    checkOption("--by", options.by(), sources);
    checkOption("--mask", options.maskColumns(), sources);
  }

  private void checkOption(String option, List<String> columns, List<DataSource> sources) {
    for (String c : columns) {
      if (sources.stream().noneMatch(s -> engine.bound(s).columns().containsKey(c))) {
        StringBuilder hint = new StringBuilder();
        for (DataSource s : sources) {
          if (hint.length() > 0) hint.append("; ");
          hint.append(s.name()).append(": ").append(engine.bound(s).columnList());
        }
        throw SloException.data(
            option + " " + c + ": no source of the selected SLOs has a column '" + c + "'",
            "columns: " + hint);
      }
    }
  }

  /**
   * Scans each source once and builds the report at {@code at}; with {@link Options#period} over
   * that period instead, which must have ended by {@code at}.
   */
  public Report evaluate(Catalog catalog, Instant at, FailOn gate, Options options) {
    ZoneId display = Evaluator.displayZone(catalog);
    Map<List<Object>, SloResult> checked = new HashMap<>();
    // composites are check's: a past period's report does not evaluate them
    List<CompositeResult> composites = List.of();
    Instant reportAt = at;
    MonthDay yearStart = null;
    if (options.period() != null) {
      for (Slo slo : catalog.slos()) {
        if (slo.timeslices() != null) {
          throw SloException.spec(
              "--period "
                  + options.period().label()
                  + ": "
                  + slo.qualifiedName()
                  + " budgets in time slices, which a past period's report does not count",
              "leave it out with --slo or --label, or run slo check --at the period's end");
        }
      }
      // a past period's statuses come from its own counts: check's burn-rate alerts look at the
      // hours before `at`, which is not the end of the period
      yearStart = yearStart(catalog, options.period());
      for (DataSource source : catalog.slos().stream().map(Slo::source).distinct().toList()) {
        CalendarPeriods.Span span = span(options.period(), yearStart, source.zone());
        if (span.end().isAfter(at)) {
          throw SloException.spec(
              "--period "
                  + options.period().label()
                  + " has not ended: it ends at "
                  + span.end().atZone(source.zone()).toOffsetDateTime()
                  + ", after the evaluation instant "
                  + at.atZone(source.zone()).toOffsetDateTime(),
              "pick a period that ended by then, or pass a later --at");
        }
      }
      reportAt = span(options.period(), yearStart, display).end();
    } else {
      // every status as slo check decides it (ALERT where a burn-rate pair fired): check's own
      // scan, with the alert windows the report's scan does not count; its composites too
      Evaluation assessed = checks.assess(catalog, at, new FailOn.Never()).evaluation();
      for (SloResult r : assessed.results()) checked.put(key(r), r);
      composites = assessed.composites();
    }
    List<String> masked = maskedColumns(catalog, options);
    Pseudonyms names =
        masked.isEmpty() ? Pseudonyms.none() : Pseudonyms.of(options.maskKey(), masked);
    List<SourceStats> stats = new ArrayList<>();
    Map<Slo, SloReport> reports = new HashMap<>();
    List<SloResult> all = new ArrayList<>();
    for (DataSource source : catalog.slos().stream().map(Slo::source).distinct().toList()) {
      List<Slo> slos = catalog.slos().stream().filter(s -> s.source().equals(source)).toList();
      CalendarPeriods.Span span =
          options.period() == null ? null : span(options.period(), yearStart, source.zone());
      SourceReport r =
          source(
              source,
              slos,
              span == null ? at : span.end(),
              span == null ? null : span.start(),
              options,
              names,
              catalog.exclusions(),
              checked);
      stats.add(scrubbed(r.stats, names));
      reports.putAll(r.reports);
      all.addAll(r.results);
    }
    List<SloReport> ordered = catalog.slos().stream().map(reports::get).toList();
    return new Report(
        reportAt,
        display,
        ordered,
        stats,
        names.columns(),
        options.top(),
        !gate.failed(
            new FailOn.Outcome(
                all.stream().anyMatch(r -> r.status() == Status.BREACHED)
                    || composites.stream().anyMatch(c -> c.status() == Status.BREACHED),
                false,
                false,
                FailOn.Outcome.NO_LEVEL,
                false)),
        options.period(),
        options.periods(),
        engine.name(),
        composites,
        options.period() == null ? List.of() : catalog.composites());
  }

  /**
   * The first day of the fiscal year for a fiscal {@code --period}: the one the selected SLOs'
   * {@code calendar.start} agree on; 1 January for a civil period.
   */
  private static MonthDay yearStart(Catalog catalog, PeriodChoice period) {
    if (!period.fiscal()) return Window.Calendar.JANUARY_1;
    Set<MonthDay> starts = new TreeSet<>();
    for (Slo slo : catalog.slos()) {
      if (slo.window() instanceof Window.Calendar c && c.fiscal()) starts.add(c.yearStart());
    }
    if (starts.isEmpty()) {
      throw SloException.spec(
          "--period " + period.label() + ": no selected SLO has a fiscal calendar",
          "give a year or quarter window a calendar: {start: MM-DD}, or name a civil period such"
              + " as "
              + period.label().substring(2));
    }
    if (starts.size() > 1) {
      throw SloException.spec(
          "--period "
              + period.label()
              + ": the selected SLOs' fiscal years start on different days ("
              + String.join(", ", starts.stream().map(CalendarPeriods::monthDay).toList())
              + ")",
          "select SLOs of one fiscal calendar with --slo or --label");
    }
    return starts.iterator().next();
  }

  private static CalendarPeriods.Span span(PeriodChoice period, MonthDay yearStart, ZoneId zone) {
    try {
      return CalendarPeriods.resolve(period, yearStart, zone);
    } catch (IllegalArgumentException e) {
      throw SloException.spec("--period " + period.label() + ": " + e.getMessage(), null);
    }
  }

  /** A result's identity across the two scans: its SLO and group. */
  private static List<Object> key(SloResult r) {
    return java.util.Arrays.asList(r.slo(), r.group());
  }

  private record SourceReport(
      Map<Slo, SloReport> reports, List<SloResult> results, SourceStats stats) {}

  private SourceReport source(
      DataSource source,
      List<Slo> slos,
      Instant at,
      Instant periodStart,
      Options options,
      Pseudonyms names,
      List<io.slotoolkit.model.Exclusion> exclusions,
      Map<List<Object>, SloResult> checked) {
    ZoneId zone = source.zone();
    BoundSource src = engine.bound(source);
    Instant recent = at.minus(RECENT);
    List<ScanCompiler.SloWindow> windows = new ArrayList<>();
    Instant from = ReportMath.startOfDay(recent, zone);
    for (Slo slo : slos) {
      Instant start = windowStart(slo, at, periodStart, zone);
      Instant day = ReportMath.startOfDay(start, zone);
      if (day.isBefore(from)) from = day;
    }
    // period history: the last N complete periods of each calendar-window SLO, counted from the
    // same scan, which then starts at the oldest of them
    Map<Slo, List<CalendarPeriods.Span>> history = new LinkedHashMap<>();
    Instant scanFrom = from;
    for (Slo slo : slos) {
      if (options.periods() > 0
          && slo.window() instanceof Window.Calendar c
          && slo.timeslices() == null) {
        List<CalendarPeriods.Span> spans =
            CalendarPeriods.lastComplete(c, at, zone, options.periods());
        history.put(slo, spans);
        if (spans.get(0).start().isBefore(scanFrom)) scanFrom = spans.get(0).start();
      }
    }
    // exclusions (slo check's) leave their events out of every count of the report too
    for (Slo slo : slos) {
      Instant start = windowStart(slo, at, periodStart, zone);
      windows.add(
          new ScanCompiler.SloWindow(
              slo,
              start,
              List.of(),
              scanFrom.isBefore(at)
                  ? io.slotoolkit.evaluate.Exclusions.intervalsFor(exclusions, slo, scanFrom, at)
                  : List.of()));
    }
    Set<String> dims = new LinkedHashSet<>();
    Map<Slo, List<String>> sloDims = new LinkedHashMap<>();
    for (Slo slo : slos) {
      Set<String> mine = new LinkedHashSet<>(slo.dimensions());
      for (String b : options.by()) if (src.columns().containsKey(b)) mine.add(b);
      sloDims.put(slo, List.copyOf(mine));
      dims.addAll(mine);
    }
    Duration bucket = ReportMath.bucketWidth(scanFrom, at, zone);
    // "Yesterday" and the daily trend are unions of whole buckets: every local midnight is a
    // bucket boundary (bucketWidth makes sure of it), so they are exact. "Last 7 days" starts at
    // at - 7 x 24 h, which is not on a boundary: like every window start it is a cut of the scan's
    // segment column instead (ScanCompiler.Extras), so its counts are exact too.
    ScanCompiler.Extras extras = new ScanCompiler.Extras(bucket, recent, List.copyOf(dims));
    Engine.SourceScan scan =
        cache == null ? null : cache.scan(source, windows, scanFrom, at, extras);
    if (scan == null) scan = engine.scan(source, windows, scanFrom, at, extras);

    List<ReportMath.Day> days = ReportMath.days(from, at, zone);
    int[] segments = new int[slos.size()];
    for (int i = 0; i < slos.size(); i++)
      segments[i] = extras.segment(windows, windows.get(i).start());
    Map<LocalDate, long[]> daily = new HashMap<>();
    engine
        .dailyCounts(
            scan,
            segments,
            days.stream().map(d -> new Engine.Span(d.start(), d.end())).toList(),
            bucket)
        .forEach((d, c) -> daily.put(days.get(d).day(), c));
    long[] recentCounts = engine.recentCounts(scan, slos.size(), extras.segment(windows, recent));
    Map<Slo, List<PeriodResult>> periodResults =
        periodResults(scan, slos, history, segments, bucket);

    Map<Slo, SloReport> reports = new LinkedHashMap<>();
    List<SloResult> results = new ArrayList<>();
    LocalDate today = at.atZone(zone).toLocalDate();
    LocalDate yesterday = today.minusDays(1);
    for (int i = 0; i < slos.size(); i++) {
      Slo slo = slos.get(i);
      Instant start = windows.get(i).start();
      // a time-slice SLO's results are check's (slices are counted by check's scan only)
      List<SloResult> groups =
          Evaluator.results(slo, scan.counts().get(slo), start, at).stream()
              .map(r -> slo.timeslices() != null ? checked.getOrDefault(key(r), r) : r)
              .map(
                  r ->
                      r.withStatus(
                          checked.containsKey(key(r)) ? checked.get(key(r)).status() : r.status()))
              .toList();
      results.addAll(groups);
      SloResult window;
      Status status;
      GroupView view = null;
      if (slo.per().isEmpty()) {
        window = groups.get(0);
        status = window.status();
      } else {
        long good = groups.stream().mapToLong(SloResult::good).sum();
        long total = groups.stream().mapToLong(SloResult::total).sum();
        long skipped = groups.stream().mapToLong(SloResult::skippedNull).sum();
        window =
            slo.timeslices() == null
                ? SloMath.result(slo, null, start, at, good, total, skipped)
                : TimeSliceMath.result(slo, null, start, at, good, total, skipped, pooled(groups));
        status = ReportMath.worst(groups);
        view =
            ReportMath.groupView(
                slo.per(),
                groups,
                window,
                options.top(),
                r -> label(r, names),
                ReportMath.noun(slo.per()));
      }
      List<DailyCounts> trend = new ArrayList<>();
      List<DailyCounts> inWindow = new ArrayList<>();
      LocalDate trendFrom =
          ReportMath.startOfDay(start.isBefore(recent) ? start : recent, zone)
              .atZone(zone)
              .toLocalDate();
      LocalDate windowFrom = start.atZone(zone).toLocalDate();
      for (ReportMath.Day d : days) {
        long[] c = daily.getOrDefault(d.day(), new long[4 * slos.size()]);
        if (!d.day().isBefore(trendFrom))
          trend.add(new DailyCounts(d.day(), c[4 * i + 2], c[4 * i + 3]));
        if (!d.day().isBefore(windowFrom))
          inWindow.add(new DailyCounts(d.day(), c[4 * i], c[4 * i + 1]));
      }
      long[] y = daily.getOrDefault(yesterday, new long[4 * slos.size()]);
      PeriodCounts yesterdayCounts =
          new PeriodCounts(
              yesterday.atStartOfDay(zone).toInstant(),
              today.atStartOfDay(zone).toInstant(),
              y[4 * i + 2],
              y[4 * i + 3]);
      PeriodCounts last7 =
          new PeriodCounts(recent, at, recentCounts[2 * i], recentCounts[2 * i + 1]);
      Health health =
          ReportMath.health(status, window.budget().remaining(), last7, slo.objective());
      List<Breakdown> breakdowns = new ArrayList<>();
      for (String d : sloDims.get(slo)) {
        breakdowns.add(breakdown(scan, d, i, segments[i], options.top(), window, names));
      }
      reports.put(
          slo,
          new SloReport(
              slo,
              window,
              status,
              health,
              yesterdayCounts,
              last7,
              trend,
              ReportMath.burnDown(slo.objective(), inWindow, window.total()),
              breakdowns,
              view,
              periodResults.getOrDefault(slo, List.of())));
    }
    return new SourceReport(reports, results, scan.stats());
  }

  /** The SLO's window start, or the chosen period's start. */
  private static Instant windowStart(Slo slo, Instant at, Instant periodStart, ZoneId zone) {
    return periodStart != null
        ? periodStart
        : io.slotoolkit.evaluate.WindowBounds.start(slo.window(), at, zone);
  }

  /**
   * Each SLO's history periods from one query over the scan's buckets: a period starts and ends at
   * local midnights, which are bucket boundaries, so its counts are exact. For a {@code per} SLO,
   * all groups together.
   */
  private Map<Slo, List<PeriodResult>> periodResults(
      Engine.SourceScan scan,
      List<Slo> slos,
      Map<Slo, List<CalendarPeriods.Span>> history,
      int[] segments,
      Duration bucket) {
    Map<Slo, List<PeriodResult>> out = new HashMap<>();
    if (history.isEmpty()) return out;
    List<Engine.Span> spans = new ArrayList<>();
    Map<Engine.Span, Integer> index = new HashMap<>();
    for (List<CalendarPeriods.Span> list : history.values()) {
      for (CalendarPeriods.Span p : list) {
        index.computeIfAbsent(
            new Engine.Span(p.start(), p.end()),
            k -> {
              spans.add(k);
              return spans.size() - 1;
            });
      }
    }
    Map<Integer, long[]> counts = engine.dailyCounts(scan, segments, spans, bucket);
    for (int i = 0; i < slos.size(); i++) {
      Slo slo = slos.get(i);
      List<CalendarPeriods.Span> list = history.get(slo);
      if (list == null) continue;
      List<PeriodResult> results = new ArrayList<>();
      for (CalendarPeriods.Span p : list) {
        long[] c =
            counts.getOrDefault(
                index.get(new Engine.Span(p.start(), p.end())), new long[4 * slos.size()]);
        results.add(
            new PeriodResult(
                p.label(),
                SloMath.result(slo, null, p.start(), p.end(), c[4 * i + 2], c[4 * i + 3], 0)));
      }
      out.put(slo, results);
    }
    return out;
  }

  /** The slices of every group of a time-slice SLO, pooled: the sums of their tallies. */
  private static SliceSummary pooled(List<SloResult> groups) {
    long slices = 0, counted = 0, good = 0, empty = 0;
    java.math.BigDecimal spent = java.math.BigDecimal.ZERO;
    for (SloResult r : groups) {
      SliceSummary s = r.slices() == null ? SliceSummary.NONE : r.slices();
      slices += s.slices();
      counted += s.counted();
      good += s.good();
      empty += s.empty();
      spent = spent.add(s.spent());
    }
    return new SliceSummary(slices, counted, good, empty, spent);
  }

  private static String label(SloResult r, Pseudonyms names) {
    List<String> parts = new ArrayList<>();
    for (int j = 0; j < r.group().columns().size(); j++) {
      String v = names.show(r.group().columns().get(j), r.group().values().get(j));
      parts.add(v == null ? "(null)" : v);
    }
    return String.join(" ", parts);
  }

  /**
   * One SLO's breakdown by one column: the {@code top} values with the most bad events (then the
   * most events), and the rest summed into one row.
   */
  private Breakdown breakdown(
      Engine.SourceScan scan,
      String column,
      int slo,
      int segment,
      int top,
      SloResult window,
      Pseudonyms names) {
    List<Breakdown.Row> rows = new ArrayList<>();
    Breakdown.Row other = null;
    for (Engine.BreakdownRow r : engine.breakdown(scan, column, slo, segment, top)) {
      Breakdown.Row row =
          new Breakdown.Row(
              r.rank() > top ? null : names.show(column, r.value()),
              r.values(),
              r.good(),
              r.total());
      if (r.rank() <= top) rows.add(row);
      else if (row.values() > 0) other = row;
    }
    long values = rows.size() + (other == null ? 0 : other.values());
    return new Breakdown(
        column, names.masks(column), values, rows, other, window.good(), window.total());
  }

  private static SourceStats scrubbed(SourceStats s, Pseudonyms names) {
    if (!names.active()) return s;
    return new SourceStats(
        s.source(),
        s.files(),
        s.rowsInRange(),
        s.excludedRows(),
        s.nullTimeRows(),
        s.badRows(),
        s.badRowSamples().stream().map(names::scrub).toList(),
        s.notes());
  }
}
