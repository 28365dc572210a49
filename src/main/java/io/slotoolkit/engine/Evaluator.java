package io.slotoolkit.engine;

import io.slotoolkit.evaluate.Gate;
import io.slotoolkit.evaluate.SloMath;
import io.slotoolkit.evaluate.WindowBounds;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.Evaluation;
import io.slotoolkit.model.Group;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.SourceStats;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a check: validates the SLOs' expressions, binds their sources, finds the evaluation instant,
 * scans each source once and turns the counts into results.
 */
public final class Evaluator {
  private final Engine engine;

  public Evaluator(Engine engine) {
    this.engine = engine;
  }

  /** Checks and binds everything the catalog's SLOs need (exit 2 or 3 on problems). */
  public void prepare(Catalog catalog) {
    List<Slo> slos = catalog.slos();
    if (slos.isEmpty())
      throw SloException.spec(
          "no SLO to evaluate",
          catalog.forecasts().isEmpty()
              ? "check --slo patterns and the spec paths"
              : "these specs hold forecasts only: run them with slo forecast");
    engine.checkExpressions(slos);
    engine.bind(slos);
  }

  /**
   * The default evaluation instant: just after the latest event across the run's sources, that is
   * the next whole second, so the latest event is inside every window.
   */
  public Instant defaultAt(Catalog catalog) {
    Instant latest = null;
    for (DataSource s : sources(catalog)) {
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
      if (latest == null || e.latest().isAfter(latest)) latest = e.latest();
    }
    return latest.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
  }

  /** Evaluates every SLO of a prepared catalog at {@code at}. */
  public Evaluation evaluate(Catalog catalog, Instant at, Gate gate) {
    Map<Slo, List<Engine.GroupCounts>> counts = new LinkedHashMap<>();
    Map<Slo, Instant> starts = new LinkedHashMap<>();
    List<SourceStats> stats = new ArrayList<>();
    for (DataSource source : sources(catalog)) {
      List<ScanCompiler.SloWindow> windows = new ArrayList<>();
      for (Slo slo : catalog.slos()) {
        if (!slo.source().equals(source)) continue;
        Instant start = WindowBounds.start(slo.window(), at, source.zone());
        starts.put(slo, start);
        windows.add(new ScanCompiler.SloWindow(slo, start));
      }
      Engine.SourceScan scan = engine.scan(source, windows, at, (Duration) null);
      counts.putAll(scan.counts());
      stats.add(scan.stats());
    }
    List<SloResult> results = new ArrayList<>();
    for (Slo slo : catalog.slos())
      results.addAll(results(slo, counts.getOrDefault(slo, List.of()), starts.get(slo), at));
    return new Evaluation(at, displayZone(catalog), results, stats, gate.passes(results));
  }

  /**
   * One SLO's results from its scan counts: one result, or one per group with events in the SLO's
   * own window, in group order.
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
