package io.slotoolkit.run;

import io.slotoolkit.engine.Engine;
import io.slotoolkit.engine.ScanCompiler;
import io.slotoolkit.evaluate.AlertEvaluator;
import io.slotoolkit.evaluate.AlertReplay;
import io.slotoolkit.evaluate.CompositeMath;
import io.slotoolkit.evaluate.Exclusions;
import io.slotoolkit.evaluate.SeverityTable;
import io.slotoolkit.evaluate.SliceAlerts;
import io.slotoolkit.evaluate.SloMath;
import io.slotoolkit.evaluate.TimeSliceMath;
import io.slotoolkit.evaluate.WindowBounds;
import io.slotoolkit.model.AlertPolicy;
import io.slotoolkit.model.AlertStatus;
import io.slotoolkit.model.Assessment;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.Composite;
import io.slotoolkit.model.CompositeResult;
import io.slotoolkit.model.Counts;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.Evaluation;
import io.slotoolkit.model.ExcludedInterval;
import io.slotoolkit.model.Exclusion;
import io.slotoolkit.model.ExclusionCount;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.FailOn;
import io.slotoolkit.model.Freshness;
import io.slotoolkit.model.Group;
import io.slotoolkit.model.MinuteSeries;
import io.slotoolkit.model.ResultDetails;
import io.slotoolkit.model.SeverityAssessment;
import io.slotoolkit.model.SliceCalendar;
import io.slotoolkit.model.SliceSummary;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SloReplay;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.SloSignals;
import io.slotoolkit.model.SourceStats;
import io.slotoolkit.model.Status;
import io.slotoolkit.model.TimeSlices;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a check: validates the SLOs' expressions, binds their sources, finds the evaluation instant,
 * scans each source once and turns the counts into results.
 *
 * <p>Why this class is large: check ({@link #assess}) and alert replay ({@link #replay}) share the
 * same preparation (expressions, bound sources, the default instant) and the same
 * one-scan-per-source rule, and its helpers ({@code results}, {@code withStatus}, {@code
 * displayZone}) also serve {@link ReportEvaluator}.
 */
public final class Evaluator {
  private final Engine engine;

  /** The scan cache of this run ({@code slo check --cache}); null for none. */
  private final ScanCache cache;

  public Evaluator(Engine engine) {
    this(engine, null);
  }

  private Evaluator(Engine engine, ScanCache cache) {
    this.engine = engine;
    this.cache = cache;
  }

  /**
   * This evaluator reading the sources it can through {@code cache} (see {@link ScanCache}): the
   * same results, reading only the files that are new, changed or straddle a boundary.
   */
  public Evaluator withCache(ScanCache cache) {
    return new Evaluator(engine, cache);
  }

  /** Checks and binds everything the catalog's SLOs need (exit 2 or 3 on problems). */
  public void prepare(Catalog catalog) {
    prepare(catalog, List.of());
  }

  /**
   * Checks and binds everything the catalog's SLOs need, and also registers {@code alsoRead}
   * (sources that only the default instant reads: see {@link #runSources}); exit 2 or 3 on
   * problems.
   */
  public void prepare(Catalog catalog, List<DataSource> alsoRead) {
    List<Slo> slos = catalog.slos();
    if (slos.isEmpty())
      throw SloException.spec(
          "no SLO to evaluate",
          catalog.forecasts().isEmpty()
              ? "check --slo patterns and the spec paths"
              : "these specs hold forecasts only: run them with slo forecast");
    engine.checkExpressions(slos);
    engine.bind(slos, alsoRead);
  }

  /**
   * The sources of a run, whose latest event sets the default instant: those of every SLO of the
   * loaded specs, before --slo (or explain's NAME) narrows them, so that one SLO gets the same
   * numbers from {@code check}, {@code check --slo}, {@code explain}, {@code report} and the shell.
   */
  public static List<DataSource> runSources(Catalog loaded) {
    return sources(loaded);
  }

  /**
   * The default evaluation instant: just after the latest event across the run's sources, that is
   * the next whole second, so the latest event is inside every window.
   */
  public Instant defaultAt(Catalog catalog) {
    return defaultAt(sources(catalog));
  }

  /**
   * The one default evaluation instant of every command: just after the latest event across {@code
   * sources} (the run's: {@link #runSources}), that is the next whole second, so the latest event
   * is inside every window. Exit 3 when a source holds no events or no readable event time.
   */
  public Instant defaultAt(List<DataSource> sources) {
    return defaultAt(latestEvents(sources));
  }

  /**
   * The default evaluation instant from the latest events already read ({@link #latestEvents}):
   * just after the latest of them, the next whole second.
   */
  public static Instant defaultAt(Map<DataSource, Instant> latest) {
    if (latest.isEmpty()) throw new IllegalArgumentException("no source to take the time from");
    Instant max = null;
    for (Instant i : latest.values()) if (max == null || i.isAfter(max)) max = i;
    return max.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
  }

  /**
   * The latest event time of each of these sources, in their order, each read once from the engine.
   * Exit 3 when a source holds no events or no readable event time, or its latest event lies
   * outside the years 0001 to 9999: none of these can set the default instant or judge freshness.
   */
  public Map<DataSource, Instant> latestEvents(List<DataSource> sources) {
    if (sources.isEmpty()) throw new IllegalArgumentException("no source to take the time from");
    Map<DataSource, Instant> out = new LinkedHashMap<>();
    for (DataSource s : sources) {
      if (!out.containsKey(s)) out.put(s, latestEvent(s, engine.latestEvent(s)));
    }
    return out;
  }

  /** The window end just after {@code latest}: the next whole second. */
  private static Instant after(Instant latest) {
    return latest.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  /**
   * The latest event time of source {@code s} that can set the default instant; exit 3 when it
   * holds no events, no readable event time, or an event time that cannot be one.
   */
  private Instant latestEvent(DataSource s, Engine.LatestEvent e) {
    if (e.rows() == 0) {
      throw SloException.data(
          engine.bound(s).label()
              + " holds no events ("
              + engine.bound(s).files().size()
              + " file(s) read)",
          "check the export, or pass --at to evaluate empty windows");
    }
    if (e.latest() == null) {
      throw SloException.data(
          engine.bound(s).label()
              + ": no row has a readable event time in column '"
              + s.time().column()
              + "'",
          "check timestamp: and timestamp_format: on the source");
    }
    if (!io.slotoolkit.model.InstantRange.contains(e.latest())) {
      // one wrong timestamp would move every window of the run far away, silently
      throw SloException.data(
          engine.bound(s).label()
              + ": the latest event time is "
              + e.latest()
              + ", outside the years 0001 to 9999, so it cannot set the default --at",
          "a timestamp in the data is wrong (check timestamp: and timestamp_format: on the"
              + " source), or pass --at");
    }
    return e.latest();
  }

  /** Evaluates every SLO of a prepared catalog at {@code at}. */
  public Evaluation evaluate(Catalog catalog, Instant at, FailOn gate) {
    return assess(catalog, at, gate).evaluation();
  }

  /**
   * Evaluates every SLO of a prepared catalog at {@code at}, with its alert pairs, exclusions and
   * the run's severity table, and gates the run with {@code failOn}. One scan per source.
   */
  public Assessment assess(Catalog catalog, Instant at, FailOn failOn) {
    return assess(catalog, at, failOn, null, Map.of());
  }

  /**
   * As {@link #assess(Catalog, Instant, FailOn)}, with the staleness check of each source: a source
   * with an allowance ({@code maxStaleness}, else its own {@code max_staleness}) whose latest event
   * is older than {@code at} minus the allowance makes its OK and ALERT results STALE.
   *
   * @param maxStaleness {@code --max-staleness}: the allowance of every source; null for each
   *     source's own
   * @param knownLatest latest events already read for the default instant ({@link #latestEvents}),
   *     so that no source is asked twice; the others are read here when they need a check
   */
  public Assessment assess(
      Catalog catalog,
      Instant at,
      FailOn failOn,
      Duration maxStaleness,
      Map<DataSource, Instant> knownLatest) {
    return assess(catalog, at, failOn, maxStaleness, knownLatest, Set.of(), new LinkedHashMap<>());
  }

  /**
   * What {@code assess(catalog, defaultAt(runSources), failOn)} returns, reading each source once
   * where that can be done: finding the latest event of a CSV source costs a parse of every row, so
   * such a source is scanned once at the window end that an estimate of its latest event gives
   * ({@link Engine#latestEventEstimate}), reading its newer rows too ({@link Engine#scanToLatest}).
   * When the latest event the scans read gives the same window end, their counts are those of that
   * window end; otherwise (the estimate was wrong) every source is scanned again at the window end
   * found, and any error is the one the plain order of steps gives.
   */
  public Assessment assessAtLatest(
      Catalog catalog, List<DataSource> runSources, FailOn failOn, Duration maxStaleness) {
    List<DataSource> all = new ArrayList<>(runSources);
    for (DataSource s : sources(catalog)) if (!all.contains(s)) all.add(s);
    if (cache != null) return assessAtLatestCached(catalog, all, failOn, maxStaleness);
    Map<DataSource, Instant> estimates = new LinkedHashMap<>();
    for (DataSource s : sources(catalog))
      engine.latestEventEstimate(s).ifPresent(e -> estimates.put(s, e));
    if (estimates.isEmpty()) return assess(catalog, defaultAt(all), failOn, maxStaleness, Map.of());
    Instant known = null;
    Map<DataSource, Instant> knownLatest = new LinkedHashMap<>();
    try {
      for (DataSource s : all)
        if (!estimates.containsKey(s) && !knownLatest.containsKey(s)) {
          Instant l = latestEvent(s, engine.latestEvent(s));
          knownLatest.put(s, l);
          known = later(known, l);
        }
    } catch (SloException e) {
      if (e.exitCode() != ExitCode.DATA) throw e;
      return assess(
          catalog,
          defaultAt(all),
          failOn,
          maxStaleness,
          Map.of()); // the first error in the sources' order
    }
    Instant guess = known;
    for (Instant e : estimates.values()) guess = later(guess, e);
    Instant at = after(guess);
    Map<DataSource, Instant> found = new LinkedHashMap<>();
    Assessment once;
    try {
      once = assess(catalog, at, failOn, maxStaleness, knownLatest, estimates.keySet(), found);
    } catch (SloException e) {
      if (e.exitCode() != ExitCode.DATA) throw e;
      return assess(catalog, defaultAt(all), failOn, maxStaleness, Map.of());
    }
    Instant latest = known;
    try {
      for (DataSource s : estimates.keySet()) {
        Instant m = found.get(s);
        // No event since the earliest instant the scan read (a source that stopped arriving): its
        // latest event is before that instant, so it cannot move the window end; it is read only
        // to tell whether it holds any event at all.
        Engine.LatestEvent e = m != null ? new Engine.LatestEvent(1, m) : engine.latestEvent(s);
        latest = later(latest, latestEvent(s, e));
      }
    } catch (SloException e) {
      if (e.exitCode() != ExitCode.DATA) throw e;
      return assess(catalog, defaultAt(all), failOn, maxStaleness, Map.of());
    }
    Instant confirmed = after(latest);
    return confirmed.equals(at) ? once : assess(catalog, confirmed, failOn, maxStaleness, Map.of());
  }

  /**
   * The default window end with the scan cache: a source read through the cache takes its latest
   * event from its files' totals (the cached ones and those of the new or changed files, which the
   * scan then reads again only when they straddle a boundary); every other source is asked as
   * without the cache.
   */
  private Assessment assessAtLatestCached(
      Catalog catalog, List<DataSource> all, FailOn failOn, Duration maxStaleness) {
    Map<DataSource, Instant> known = latestThroughCache(catalog, all);
    return assess(catalog, defaultAt(known), failOn, maxStaleness, known);
  }

  /**
   * The default evaluation instant of {@link #assessAtLatest} ({@code slo report} takes it so):
   * with the scan cache, a source read through it takes its latest event from its files' totals, as
   * {@code slo check --cache} does; without, the same as {@link #defaultAt(List)} over the run's
   * sources and the catalog's.
   */
  public Instant defaultAt(Catalog catalog, List<DataSource> runSources) {
    List<DataSource> all = new ArrayList<>(runSources);
    for (DataSource s : sources(catalog)) if (!all.contains(s)) all.add(s);
    return defaultAt(cache == null ? latestEvents(all) : latestThroughCache(catalog, all));
  }

  /** Each source's latest event: from the cache for a source it covers, else from the engine. */
  private Map<DataSource, Instant> latestThroughCache(Catalog catalog, List<DataSource> all) {
    Map<DataSource, Instant> known = new LinkedHashMap<>();
    for (DataSource s : all) {
      List<Slo> scanned = scannedSlos(catalog, s);
      Instant l = !scanned.isEmpty() && cache.covers(s, scanned) ? cache.latest(s, scanned) : null;
      known.put(
          s, latestEvent(s, l != null ? new Engine.LatestEvent(1, l) : engine.latestEvent(s)));
    }
    return known;
  }

  /**
   * The SLOs one scan of {@code source} counts, in the scan's order: the catalog's SLOs reading it,
   * then the composites' components measured over their composites' windows.
   */
  private static List<Slo> scannedSlos(Catalog catalog, DataSource source) {
    List<Slo> out = new ArrayList<>();
    for (Slo slo : catalog.slos()) if (slo.source().equals(source)) out.add(slo);
    for (Slo measured : measuredComponents(catalog))
      if (measured.source().equals(source) && !out.contains(measured)) out.add(measured);
    return out;
  }

  /**
   * {@link #assess(Catalog, Instant, FailOn, Duration, Map)}, with the sources in {@code openEnded}
   * scanned by {@link Engine#scanToLatest}: their latest events read go into {@code latest} (null
   * when the scan read none).
   */
  private Assessment assess(
      Catalog catalog,
      Instant at,
      FailOn failOn,
      Duration maxStaleness,
      Map<DataSource, Instant> knownLatest,
      Set<DataSource> openEnded,
      Map<DataSource, Instant> latest) {
    Map<Slo, List<Engine.GroupCounts>> counts = new LinkedHashMap<>();
    Map<Slo, ScanCompiler.SloWindow> windows = new LinkedHashMap<>();
    Map<Slo, AlertPolicy> policies = new LinkedHashMap<>();
    List<SourceStats> stats = new ArrayList<>();
    List<Exclusion> exclusions = catalog.exclusions();
    for (DataSource source : sources(catalog)) {
      List<ScanCompiler.SloWindow> scan = new ArrayList<>();
      for (Slo slo : catalog.slos()) {
        if (!slo.source().equals(source)) continue;
        Instant start = WindowBounds.start(slo.window(), at, source.zone());
        AlertPolicy policy = AlertPolicy.forSlo(slo);
        policies.put(slo, policy);
        List<Duration> lengths = List.copyOf(policy.windowLengths());
        Instant earliest = start;
        for (Duration d : lengths) if (at.minus(d).isBefore(earliest)) earliest = at.minus(d);
        List<ExcludedInterval> excluded =
            earliest.isBefore(at)
                ? Exclusions.intervalsFor(exclusions, slo, earliest, at)
                : List.of();
        ScanCompiler.SloWindow w = new ScanCompiler.SloWindow(slo, start, lengths, excluded);
        windows.put(slo, w);
        scan.add(w);
      }
      // composites' components, measured over the composites' windows, in the same scan
      for (Slo measured : measuredComponents(catalog)) {
        if (!measured.source().equals(source) || windows.containsKey(measured)) continue;
        Instant start = WindowBounds.start(measured.window(), at, source.zone());
        ScanCompiler.SloWindow w =
            new ScanCompiler.SloWindow(
                measured,
                start,
                List.of(),
                start.isBefore(at)
                    ? Exclusions.intervalsFor(exclusions, measured, start, at)
                    : List.of());
        windows.put(measured, w);
        scan.add(w);
      }
      Engine.SourceScan result;
      if (openEnded.contains(source)) {
        Engine.OpenEndedScan open = engine.scanToLatest(source, scan, at);
        latest.put(source, open.latest());
        result = open.scan();
      } else if (cache != null
          && cache.covers(source, scan.stream().map(ScanCompiler.SloWindow::slo).toList())) {
        result = cache.scan(source, scan, at);
      } else {
        result = engine.scan(source, scan, at, (Duration) null);
      }
      counts.putAll(result.counts());
      stats.add(result.stats());
    }
    // each source's freshness: from the latest events already read (for the default --at, or by
    // an open-ended scan), else read here, only for sources with an allowance
    Map<DataSource, Freshness> freshness = new LinkedHashMap<>();
    for (DataSource source : sources(catalog)) {
      Duration allowance = maxStaleness != null ? maxStaleness : source.maxStaleness();
      if (allowance == null) continue;
      Instant newest = knownLatest.get(source);
      if (newest == null) newest = latest.get(source);
      if (newest == null) newest = latestEvents(List.of(source)).get(source);
      freshness.put(source, new Freshness(source, newest, allowance, at));
    }
    Map<Slo, Map<Group, List<AlertStatus.Hold>>> holds =
        holds(catalog, counts, windows, policies, at);
    List<SloResult> results = new ArrayList<>();
    List<ResultDetails> details = new ArrayList<>();
    for (Slo slo : catalog.slos()) {
      List<Engine.GroupCounts> groups = new ArrayList<>(counts.getOrDefault(slo, List.of()));
      ScanCompiler.SloWindow w = windows.get(slo);
      Instant start = w.start();
      Freshness fresh = freshness.get(slo.source());
      if (slo.per().isEmpty()) {
        Engine.GroupCounts c =
            groups.isEmpty() ? new Engine.GroupCounts(null, 0, 0, 0) : groups.get(0);
        add(
            slo,
            null,
            c,
            w,
            policies.get(slo),
            at,
            fresh,
            holdsOf(holds, slo, null),
            results,
            details);
        continue;
      }
      // A group exists for this SLO when it has an event in this SLO's window; the scan table may
      // hold groups that only another SLO's longer window reaches.
      groups.removeIf(g -> g.total() == 0 && g.skippedNull() == 0);
      groups.sort(Comparator.comparing(Engine.GroupCounts::group, Evaluator::compareGroups));
      if (groups.isEmpty()) {
        add(
            slo,
            new Group(List.of(), List.of()),
            new Engine.GroupCounts(null, 0, 0, 0),
            w,
            policies.get(slo),
            at,
            fresh,
            null,
            results,
            details);
      }
      // looked up once per SLO, not per group: a record's hash walks the whole SLO
      AlertPolicy policy = policies.get(slo);
      Map<Group, List<AlertStatus.Hold>> sloHolds = holds.get(slo);
      for (Engine.GroupCounts g : groups) {
        add(
            slo,
            g.group(),
            g,
            w,
            policy,
            at,
            fresh,
            sloHolds == null ? null : sloHolds.get(g.group()),
            results,
            details);
      }
    }
    List<CompositeResult> composites = new ArrayList<>();
    for (Composite c : catalog.composites()) {
      List<SloResult> parts = new ArrayList<>();
      Instant start = null;
      for (Composite.Component k : c.components()) {
        Slo measured = k.measured(c.window());
        ScanCompiler.SloWindow w = windows.get(measured);
        start = w.start();
        List<Engine.GroupCounts> g = counts.getOrDefault(measured, List.of());
        Engine.GroupCounts gc = g.isEmpty() ? new Engine.GroupCounts(null, 0, 0, 0) : g.get(0);
        parts.add(judge(measured, null, gc, w.start(), AlertPolicy.forSlo(measured), at).result());
      }
      composites.add(CompositeMath.evaluate(c, start, at, parts));
    }
    SeverityAssessment severity =
        new SeverityTable(catalog.severity()).evaluate(signals(catalog, details));
    Evaluation provisional =
        new Evaluation(at, displayZone(catalog), results, stats, true, composites, engine.name());
    Assessment a = new Assessment(provisional, details, severity, failOn);
    boolean passed = !failOn.failed(a.outcome());
    return new Assessment(
        new Evaluation(at, displayZone(catalog), results, stats, passed, composites, engine.name()),
        details,
        severity,
        failOn);
  }

  /**
   * Replays every SLO's alert policy minute by minute from {@code from} to {@code to} (both
   * evaluation instants, whole minutes), from per-minute counts that one scan per source computes
   * inside DuckDB; the history starts one longest alert window before {@code from}.
   */
  public List<SloReplay> replay(Catalog catalog, Instant from, Instant to) {
    List<Exclusion> exclusions = catalog.exclusions();
    Map<Slo, List<SloReplay>> bySlo = new LinkedHashMap<>();
    for (Slo slo : catalog.slos()) bySlo.put(slo, new ArrayList<>());
    for (DataSource source : sources(catalog)) {
      List<Slo> slos = catalog.slos().stream().filter(s -> s.source().equals(source)).toList();
      Map<Slo, AlertPolicy> policies = new LinkedHashMap<>();
      Duration longest = Duration.ZERO;
      for (Slo slo : slos) {
        AlertPolicy p = AlertPolicy.forSlo(slo);
        policies.put(slo, p);
        if (p.longestWindow().compareTo(longest) > 0) longest = p.longestWindow();
      }
      Instant start = from.minus(longest);
      // NO_DATA holds alerts back as in check: the history reaches back to each SLO window's
      // start where the alert windows alone would not show it
      for (Slo slo : slos) {
        Instant s =
            AlertReplay.historyStart(
                policies.get(slo), slo.window(), slo.minEvents(), from, source.zone());
        if (s.isBefore(start)) start = s;
      }
      List<ScanCompiler.SloWindow> windows = new ArrayList<>();
      for (Slo slo : slos) {
        windows.add(
            new ScanCompiler.SloWindow(
                slo, start, List.of(), Exclusions.intervalsFor(exclusions, slo, start, to)));
      }
      // each group is replayed as soon as its minutes are read, then its minutes are dropped
      engine.minuteSeries(
          source,
          windows,
          start,
          to,
          (slo, g) ->
              bySlo
                  .get(slo)
                  .add(
                      new SloReplay(
                          slo,
                          g.group(),
                          policies.get(slo),
                          AlertReplay.replay(
                              policies.get(slo),
                              slo.objective(),
                              g.series(),
                              from,
                              slo.source().zone(),
                              slo.window(),
                              slo.minEvents(),
                              slo.timeslices()))));
    }
    return bySlo.values().stream().flatMap(List::stream).toList();
  }

  private static void add(
      Slo slo,
      Group group,
      Engine.GroupCounts c,
      ScanCompiler.SloWindow w,
      AlertPolicy policy,
      Instant at,
      Freshness fresh,
      List<AlertStatus.Hold> holds,
      List<SloResult> results,
      List<ResultDetails> details) {
    Judged j = judge(slo, group, c, w.start(), policy, at, holds);
    SloResult r = j.result();
    // stale data can still show a breach; what it cannot show is that all is well now
    if (fresh != null && fresh.stale() && (r.status() == Status.OK || r.status() == Status.ALERT))
      r = r.withStatus(Status.STALE);
    List<AlertStatus> alerts = j.alerts();
    List<ExclusionCount> removed = new ArrayList<>();
    List<Exclusion> distinct = w.distinctExclusions();
    for (int k = 0; k < distinct.size(); k++) {
      Exclusion e = distinct.get(k);
      List<ExcludedInterval> own =
          w.exclusions().stream().filter(x -> x.exclusion().equals(e)).toList();
      removed.add(
          new ExclusionCount(
              e,
              own.get(0).start(),
              own.get(own.size() - 1).end(),
              k < c.excluded().size() ? c.excluded().get(k) : 0));
    }
    results.add(r);
    details.add(new ResultDetails(r, alerts, removed, fresh));
  }

  /** A result with the alert statuses that decided it. */
  record Judged(SloResult result, List<AlertStatus> alerts) {}

  /**
   * The one place a group's status is decided, for every command: NO_DATA, BREACHED or OK from its
   * window counts ({@link SloMath}), then ALERT in place of OK when a burn-rate pair fired. Pairs
   * never fire on a NO_DATA result (the SLO's {@code min_events}).
   */
  static Judged judge(
      Slo slo, Group group, Engine.GroupCounts c, Instant start, AlertPolicy policy, Instant at) {
    return judge(slo, group, c, start, policy, at, null);
  }

  /**
   * As {@link #judge(Slo, Group, Engine.GroupCounts, Instant, AlertPolicy, Instant)}, with what
   * {@code for:} and {@code cool_down:} made of each rule ({@code holds}, one per rule, null for a
   * rule without them; null for none): such a rule fires when its hold says so.
   */
  static Judged judge(
      Slo slo,
      Group group,
      Engine.GroupCounts c,
      Instant start,
      AlertPolicy policy,
      Instant at,
      List<AlertStatus.Hold> holds) {
    if (slo.timeslices() != null) return judgeSlices(slo, group, c, start, policy, at);
    SloResult r = SloMath.result(slo, group, start, at, c.good(), c.total(), c.skippedNull());
    List<AlertStatus> alerts = instantAlerts(slo, c, policy);
    if (holds != null) {
      List<AlertStatus> held = new ArrayList<>(alerts);
      for (int i = 0; i < held.size(); i++)
        if (holds.get(i) != null) held.set(i, held.get(i).withHold(holds.get(i)));
      alerts = List.copyOf(held);
    }
    if (r.status() == Status.OK && AlertEvaluator.anyFired(alerts)) r = r.withStatus(Status.ALERT);
    return new Judged(r, alerts);
  }

  /**
   * Every rule evaluated at the instant from the scan's exact counts, before for: and cool_down:.
   */
  private static List<AlertStatus> instantAlerts(
      Slo slo, Engine.GroupCounts c, AlertPolicy policy) {
    return policy.rules().isEmpty()
        ? List.of()
        : AlertEvaluator.evaluate(
            policy,
            slo.objective(),
            slo.window(),
            slo.minEvents(),
            new Counts(c.good(), c.total()),
            d -> c.alertWindows().getOrDefault(d, Counts.NONE));
  }

  private static List<AlertStatus.Hold> holdsOf(
      Map<Slo, Map<Group, List<AlertStatus.Hold>>> holds, Slo slo, Group group) {
    Map<Group, List<AlertStatus.Hold>> bySlo = holds.get(slo);
    if (bySlo == null) return null;
    List<AlertStatus.Hold> h = bySlo.get(group);
    return h;
  }

  /**
   * For the SLOs whose policy has {@code for:} or {@code cool_down:}, each group's state of each
   * rule at {@code at}: the rule's condition at every whole minute of its look-back, from the same
   * per-minute counts as a replay (one more scan of the source, only for these SLOs), then at
   * {@code at} from the check's exact counts. A group is keyed by its values (null without {@code
   * per}).
   */
  private Map<Slo, Map<Group, List<AlertStatus.Hold>>> holds(
      Catalog catalog,
      Map<Slo, List<Engine.GroupCounts>> counts,
      Map<Slo, ScanCompiler.SloWindow> windows,
      Map<Slo, AlertPolicy> policies,
      Instant at) {
    Map<Slo, Map<Group, List<AlertStatus.Hold>>> out = new LinkedHashMap<>();
    List<Exclusion> exclusions = catalog.exclusions();
    // the last whole minute at or before at: the minute series' end
    Instant last = at.truncatedTo(ChronoUnit.MINUTES);
    for (DataSource source : sources(catalog)) {
      List<Slo> refined =
          catalog.slos().stream()
              .filter(s -> s.source().equals(source) && policies.get(s).refined())
              .toList();
      if (refined.isEmpty()) continue;
      Instant start = last;
      for (Slo slo : refined) {
        Instant h =
            AlertReplay.historyStart(
                policies.get(slo), slo.window(), slo.minEvents(), last, source.zone());
        if (h.isBefore(start)) start = h;
      }
      Instant from = start;
      Map<Slo, Map<Group, Engine.GroupCounts>> byGroup = new LinkedHashMap<>();
      List<ScanCompiler.SloWindow> series = new ArrayList<>();
      for (Slo slo : refined) {
        Map<Group, Engine.GroupCounts> g = new LinkedHashMap<>();
        for (Engine.GroupCounts c : counts.getOrDefault(slo, List.of())) g.put(c.group(), c);
        byGroup.put(slo, g);
        out.put(slo, new LinkedHashMap<>());
        series.add(
            new ScanCompiler.SloWindow(
                slo, from, List.of(), Exclusions.intervalsFor(exclusions, slo, from, last)));
      }
      java.util.function.BiConsumer<Slo, Engine.GroupSeries> hold =
          (slo, g) -> {
            Engine.GroupCounts c = byGroup.get(slo).get(g.group());
            if (c == null) {
              if (g.group() != null) return; // not a group of this SLO's window: no result
              c = new Engine.GroupCounts(null, 0, 0, 0);
            }
            out.get(slo).put(g.group(), holdsAt(slo, policies.get(slo), c, g.series(), at));
          };
      if (from.isBefore(last)) engine.minuteSeries(source, series, from, last, hold);
      // groups without any event in the look-back: their minutes are all empty
      for (Slo slo : refined) {
        int minutes = (int) Duration.between(from, last).toMinutes();
        for (Map.Entry<Group, Engine.GroupCounts> e : byGroup.get(slo).entrySet()) {
          if (out.get(slo).containsKey(e.getKey())) continue;
          MinuteSeries empty = new MinuteSeries(from, new long[minutes], new long[minutes]);
          out.get(slo).put(e.getKey(), holdsAt(slo, policies.get(slo), e.getValue(), empty, at));
        }
      }
    }
    return out;
  }

  private static List<AlertStatus.Hold> holdsAt(
      Slo slo, AlertPolicy policy, Engine.GroupCounts c, MinuteSeries series, Instant at) {
    List<Boolean> now = instantAlerts(slo, c, policy).stream().map(AlertStatus::fired).toList();
    return AlertReplay.holdsAt(
        policy,
        slo.objective(),
        series,
        slo.source().zone(),
        slo.window(),
        slo.minEvents(),
        at,
        now);
  }

  /**
   * {@link #judge} for a time-slice SLO: the window's and each alert window's slices (cut at their
   * start), tallied by {@link TimeSliceMath}, with pairs judged on slices ({@link SliceAlerts}).
   */
  private static Judged judgeSlices(
      Slo slo, Group group, Engine.GroupCounts c, Instant start, AlertPolicy policy, Instant at) {
    TimeSlices ts = slo.timeslices();
    ZoneId zone = slo.source().zone();
    SliceSummary window =
        TimeSliceMath.tally(
            ts, SliceCalendar.count(start, at, zone, ts.length()), c.slices().values());
    SloResult r =
        TimeSliceMath.result(slo, group, start, at, c.good(), c.total(), c.skippedNull(), window);
    List<AlertStatus> alerts =
        policy.rules().isEmpty()
            ? List.of()
            : SliceAlerts.evaluate(
                policy,
                slo.objective(),
                slo.window(),
                slo.minEvents(),
                window,
                c.total(),
                d ->
                    TimeSliceMath.tally(
                        ts,
                        SliceCalendar.count(at.minus(d), at, zone, ts.length()),
                        c.alertSlices().getOrDefault(d, Map.of()).values()),
                d -> c.alertWindows().getOrDefault(d, Counts.NONE).total());
    if (r.status() == Status.OK && AlertEvaluator.anyFired(alerts)) r = r.withStatus(Status.ALERT);
    return new Judged(r, alerts);
  }

  /**
   * Every composite's components as the composite measures them ({@link
   * Composite.Component#measured}).
   */
  private static List<Slo> measuredComponents(Catalog catalog) {
    List<Slo> out = new ArrayList<>();
    for (Composite c : catalog.composites())
      for (Composite.Component k : c.components()) {
        Slo m = k.measured(c.window());
        if (!out.contains(m)) out.add(m);
      }
    return out;
  }

  /** What the severity table looks at, one per SLO, in spec order. */
  private static List<SloSignals> signals(Catalog catalog, List<ResultDetails> details) {
    Map<Slo, List<ResultDetails>> bySlo = new LinkedHashMap<>();
    // an SLO's groups come one after another: its list is looked up when the SLO changes, not
    // for every group (a record's hash walks the whole SLO, its source and its SLI)
    Slo last = null;
    List<ResultDetails> list = null;
    for (ResultDetails d : details) {
      Slo slo = d.result().slo();
      if (slo != last) {
        last = slo;
        list = bySlo.computeIfAbsent(slo, k -> new ArrayList<>());
      }
      list.add(d);
    }
    List<SloSignals> out = new ArrayList<>();
    for (Map.Entry<Slo, List<ResultDetails>> e : bySlo.entrySet()) {
      Set<String> fired = new LinkedHashSet<>();
      for (ResultDetails d : e.getValue()) fired(d, fired);
      // SloSignals counts ALERT and STALE groups as OK: both meet their objective
      List<SloResult> rs =
          e.getValue().stream().map(ResultDetails::result).map(Evaluator::alertAsOk).toList();
      out.add(SloSignals.of(rs, e.getKey().selectors(), fired));
    }
    return out;
  }

  /**
   * Adds the severities of a result's fired alerts to {@code fired}; a method of its own, so that
   * the JIT compiles it after a few of the thousands of groups rather than running the loop
   * interpreted inside {@link #signals}, which is called once.
   */
  private static void fired(ResultDetails d, Set<String> fired) {
    List<AlertStatus> alerts = d.alerts();
    for (int i = 0, n = alerts.size(); i < n; i++) {
      AlertStatus a = alerts.get(i);
      if (a.fired()) fired.add(a.rule().severity());
    }
  }

  private static SloResult alertAsOk(SloResult r) {
    return r.status() == Status.ALERT || r.status() == Status.STALE ? r.withStatus(Status.OK) : r;
  }

  /**
   * One SLO's results from its scan counts, without alerts (NO_DATA, BREACHED or OK): one result,
   * or one per group with events in the SLO's own window, in group order.
   */
  static List<SloResult> results(
      Slo slo, List<Engine.GroupCounts> counts, Instant start, Instant at) {
    List<SloResult> results = new ArrayList<>();
    List<Engine.GroupCounts> groups = new ArrayList<>(counts);
    if (slo.per().isEmpty()) {
      Engine.GroupCounts c =
          groups.isEmpty() ? new Engine.GroupCounts(null, 0, 0, 0) : groups.get(0);
      results.add(SloMath.result(slo, null, start, at, c.good(), c.total(), c.skippedNull()));
      return results;
    }
    // A group exists for this SLO when it has an event in this SLO's window; the scan table may
    // hold groups that only another SLO's longer window reaches.
    groups.removeIf(g -> g.total() == 0 && g.skippedNull() == 0);
    groups.sort(Comparator.comparing(Engine.GroupCounts::group, Evaluator::compareGroups));
    if (groups.isEmpty()) {
      results.add(SloMath.result(slo, new Group(List.of(), List.of()), start, at, 0, 0, 0));
    }
    for (Engine.GroupCounts g : groups) {
      results.add(SloMath.result(slo, g.group(), start, at, g.good(), g.total(), g.skippedNull()));
    }
    return results;
  }

  static int compareGroups(Group a, Group b) {
    for (int i = 0; i < a.values().size(); i++) {
      String x = a.values().get(i);
      String y = b.values().get(i);
      if (x == null && y == null) continue;
      if (x == null) return 1;
      if (y == null) return -1;
      int c = x.compareTo(y);
      if (c != 0) return c;
    }
    return 0;
  }

  private static List<DataSource> sources(Catalog catalog) {
    return catalog.slos().stream().map(Slo::source).distinct().toList();
  }

  /** The sources' zone when they all agree, UTC otherwise. */
  public static ZoneId displayZone(Catalog catalog) {
    List<ZoneId> zones = sources(catalog).stream().map(DataSource::zone).distinct().toList();
    return zones.size() == 1 ? zones.get(0) : ZoneOffset.UTC;
  }
}
