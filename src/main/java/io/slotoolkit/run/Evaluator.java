package io.slotoolkit.run;

import io.slotoolkit.engine.Engine;
import io.slotoolkit.engine.ScanCompiler;
import io.slotoolkit.evaluate.AlertEvaluator;
import io.slotoolkit.evaluate.AlertReplay;
import io.slotoolkit.evaluate.ExcludedInterval;
import io.slotoolkit.evaluate.Exclusions;
import io.slotoolkit.evaluate.SeverityTable;
import io.slotoolkit.evaluate.SloMath;
import io.slotoolkit.evaluate.WindowBounds;
import io.slotoolkit.model.AlertPolicy;
import io.slotoolkit.model.AlertStatus;
import io.slotoolkit.model.Assessment;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.Counts;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.Evaluation;
import io.slotoolkit.model.Exclusion;
import io.slotoolkit.model.ExclusionCount;
import io.slotoolkit.model.FailOn;
import io.slotoolkit.model.Gate;
import io.slotoolkit.model.Group;
import io.slotoolkit.model.ResultDetails;
import io.slotoolkit.model.SeverityAssessment;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SloReplay;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.SloSignals;
import io.slotoolkit.model.SourceStats;
import io.slotoolkit.model.Status;
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

  public Evaluator(Engine engine) {
    this.engine = engine;
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
    if (sources.isEmpty()) throw new IllegalArgumentException("no source to take the time from");
    Instant latest = null;
    for (DataSource s : sources) {
      Engine.LatestEvent e = engine.latestEvent(s);
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
      if (latest == null || e.latest().isAfter(latest)) latest = e.latest();
    }
    return latest.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
  }

  /** Evaluates every SLO of a prepared catalog at {@code at}. */
  public Evaluation evaluate(Catalog catalog, Instant at, Gate gate) {
    return assess(catalog, at, FailOn.of(gate)).evaluation();
  }

  /**
   * Evaluates every SLO of a prepared catalog at {@code at}, with its alert pairs, exclusions and
   * the run's severity table, and gates the run with {@code failOn}. One scan per source.
   */
  public Assessment assess(Catalog catalog, Instant at, FailOn failOn) {
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
      Engine.SourceScan result = engine.scan(source, scan, at, (Duration) null);
      counts.putAll(result.counts());
      stats.add(result.stats());
    }
    List<SloResult> results = new ArrayList<>();
    List<ResultDetails> details = new ArrayList<>();
    for (Slo slo : catalog.slos()) {
      List<Engine.GroupCounts> groups = new ArrayList<>(counts.getOrDefault(slo, List.of()));
      ScanCompiler.SloWindow w = windows.get(slo);
      Instant start = w.start();
      if (slo.per().isEmpty()) {
        Engine.GroupCounts c =
            groups.isEmpty() ? new Engine.GroupCounts(null, 0, 0, 0) : groups.get(0);
        add(slo, null, c, w, policies.get(slo), at, results, details);
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
            results,
            details);
      }
      for (Engine.GroupCounts g : groups) {
        add(slo, g.group(), g, w, policies.get(slo), at, results, details);
      }
    }
    SeverityAssessment severity =
        new SeverityTable(catalog.severity()).evaluate(signals(catalog, details));
    Evaluation provisional =
        new Evaluation(at, displayZone(catalog), results, stats, true, engine.name());
    Assessment a = new Assessment(provisional, details, severity, failOn);
    boolean passed =
        !failOn.failed(a.anyBreached(), a.anyAlert(), !a.slosWithoutData().isEmpty(), severity);
    return new Assessment(
        new Evaluation(at, displayZone(catalog), results, stats, passed, engine.name()),
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
                              slo.minEvents()))));
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
      List<SloResult> results,
      List<ResultDetails> details) {
    Judged j = judge(slo, group, c, w.start(), policy, at);
    SloResult r = j.result();
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
    details.add(new ResultDetails(r, alerts, removed));
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
    SloResult r = SloMath.result(slo, group, start, at, c.good(), c.total(), c.skippedNull());
    List<AlertStatus> alerts =
        policy.rules().isEmpty()
            ? List.of()
            : AlertEvaluator.evaluate(
                policy,
                slo.objective(),
                slo.window(),
                slo.minEvents(),
                new Counts(c.good(), c.total()),
                d -> c.alertWindows().getOrDefault(d, Counts.NONE));
    if (r.status() == Status.OK && AlertEvaluator.anyFired(alerts)) r = r.withStatus(Status.ALERT);
    return new Judged(r, alerts);
  }

  /** What the severity table looks at, one per SLO, in spec order. */
  private static List<SloSignals> signals(Catalog catalog, List<ResultDetails> details) {
    Map<Slo, List<ResultDetails>> bySlo = new LinkedHashMap<>();
    for (ResultDetails d : details)
      bySlo.computeIfAbsent(d.result().slo(), k -> new ArrayList<>()).add(d);
    List<SloSignals> out = new ArrayList<>();
    for (Map.Entry<Slo, List<ResultDetails>> e : bySlo.entrySet()) {
      Set<String> fired = new LinkedHashSet<>();
      for (ResultDetails d : e.getValue())
        for (AlertStatus a : d.alerts()) if (a.fired()) fired.add(a.rule().severity());
      // SloSignals counts ALERT groups as OK: an ALERT result meets its objective
      List<SloResult> rs =
          e.getValue().stream().map(ResultDetails::result).map(Evaluator::alertAsOk).toList();
      out.add(SloSignals.of(rs, e.getKey().selectors(), fired));
    }
    return out;
  }

  private static SloResult alertAsOk(SloResult r) {
    return r.status() == Status.ALERT ? r.withStatus(Status.OK) : r;
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
