package io.slotoolkit.run;

import static io.slotoolkit.engine.Fixtures.days;
import static io.slotoolkit.engine.Fixtures.ratio;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.slotoolkit.engine.DuckDbEngine;
import io.slotoolkit.engine.Engine;
import io.slotoolkit.engine.EngineOptions;
import io.slotoolkit.engine.Fixtures;
import io.slotoolkit.model.Assessment;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.CsvDialect;
import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.EventTime;
import io.slotoolkit.model.FailOn;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.Window;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slo check} without {@code --at} reads each CSV source once: {@link
 * Evaluator#assessAtLatest} gives exactly what {@code assess(catalog, defaultAt(sources))} gives
 * (the plain order: find the latest event, then scan), whether the estimate of the latest event is
 * right or wrong, for several sources, and with the same errors.
 */
class DefaultWindowEndTest {
  @TempDir Path dir;

  /** An engine that counts the calls a use case makes, over a real DuckDB engine. */
  private static Engine counting(DuckDbEngine real, Map<String, Integer> calls) {
    return (Engine)
        Proxy.newProxyInstance(
            Engine.class.getClassLoader(),
            new Class<?>[] {Engine.class},
            (proxy, method, args) -> {
              calls.merge(method.getName(), 1, Integer::sum);
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static DataSource csv(String name, Path file, long maxBadRows) {
    return csv(name, file, maxBadRows, ZoneId.of("UTC"));
  }

  /** A CSV source whose naive times are in {@code zone}. */
  private static DataSource csv(String name, Path file, long maxBadRows, ZoneId zone) {
    return new DataSource(
        name,
        Fixtures.SPEC,
        List.of(file.toString()),
        DataFormat.AUTO,
        new EventTime("ts", EventTime.Encoding.AUTO, null, zone),
        zone,
        CsvDialect.SNIFF,
        null,
        maxBadRows,
        new SourceLocation(Fixtures.SPEC, 3, 3),
        List.of(),
        false,
        null,
        null,
        null);
  }

  private static Catalog catalog(List<DataSource> sources, Slo... slos) {
    return new Catalog(
        List.of(Fixtures.specFile(Fixtures.SPEC, "homehub", sources, List.of(slos))));
  }

  /** What the plain order of steps gives: the latest event of every source, then the scans. */
  private static Assessment plain(Catalog c) {
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      Evaluator ev = new Evaluator(engine);
      ev.prepare(c);
      return ev.assess(c, ev.defaultAt(Evaluator.runSources(c)), new FailOn.OnBreach());
    }
  }

  /** What {@code slo check} without --at gives, and the engine calls it made. */
  private static Assessment once(Catalog c, Map<String, Integer> calls) {
    try (DuckDbEngine real = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      Evaluator ev = new Evaluator(counting(real, calls));
      ev.prepare(c);
      return ev.assessAtLatest(c, Evaluator.runSources(c), new FailOn.OnBreach(), null);
    }
  }

  /**
   * {@code rows} requests one minute apart from 2026-02-01T00:00Z, every seventh a 500; the row
   * {@code latestFirst} puts first is 2026-03-01T12:00:00.250Z, later than all others.
   */
  private Path events(String name, int rows, boolean latestFirst) throws IOException {
    List<String> lines = new ArrayList<>(List.of("ts,customer,status"));
    if (latestFirst) lines.add("2026-03-01T12:00:00.250Z,acme,200");
    Instant t = Instant.parse("2026-02-01T00:00:00Z");
    for (int i = 0; i < rows; i++) {
      lines.add(
          t.plusSeconds(60L * i)
              + ","
              + (i % 3 == 0 ? "tiny" : "acme")
              + ","
              + (i % 7 == 0 ? 500 : 200));
    }
    Path f = dir.resolve(name);
    Files.write(f, lines);
    return f;
  }

  private static Slo[] slos(DataSource src) {
    return new Slo[] {
      ratio("avail", src, "status < 500", null, "0.9", days(7), List.of()),
      ratio(
          "by-customer",
          src,
          "status < 500",
          null,
          "0.9",
          new Window.Rolling(Duration.ofHours(6)),
          List.of("customer"))
    };
  }

  @Test
  void a_time_ordered_csv_is_scanned_once_and_gives_the_plain_results() throws IOException {
    // 3,000 rows, 2026-02-01T00:00Z to 2026-02-03T01:59Z: the latest event is in the file's tail,
    // so the estimate is right and the window end is 2026-02-03T01:59:01Z
    DataSource src = csv("api", events("ordered.csv", 3000, false), 0);
    Catalog c = catalog(List.of(src), slos(src));
    Map<String, Integer> calls = new TreeMap<>();
    Assessment a = once(c, calls);
    assertThat(a.evaluation().at()).isEqualTo(Instant.parse("2026-02-03T01:59:01Z"));
    assertThat(a).isEqualTo(plain(c));
    // one scan, and no separate read for the latest event
    assertThat(calls).containsEntry("scanToLatest", 1).doesNotContainKeys("scan", "latestEvent");
    // 7d window holds all 3,000 rows; 500s at i = 0, 7, ..., 2996: 429 of them -> good 2,571
    assertThat(a.evaluation().results().get(0).good()).isEqualTo(2571);
    assertThat(a.evaluation().results().get(0).total()).isEqualTo(3000);
  }

  @Test
  void a_latest_event_outside_the_tail_costs_a_second_scan_not_a_wrong_result() throws IOException {
    // the latest row is the first one, more than 64 KiB before the end: the estimate from the
    // last lines (2026-02-03T01:59Z) is wrong, the scan reads the later row, and the catalog is
    // scanned again at 2026-03-01T12:00:01Z
    DataSource src = csv("api", events("unordered.csv", 3000, true), 0);
    Catalog c = catalog(List.of(src), slos(src));
    assertThat(Files.size(Path.of(src.paths().get(0)))).isGreaterThan(64 * 1024);
    Map<String, Integer> calls = new TreeMap<>();
    Assessment a = once(c, calls);
    assertThat(a.evaluation().at()).isEqualTo(Instant.parse("2026-03-01T12:00:01Z"));
    assertThat(a).isEqualTo(plain(c));
    assertThat(calls).containsEntry("scanToLatest", 1).containsEntry("scan", 1);
    // in the 7d window only the latest row: 1 of 1 good
    assertThat(a.evaluation().results().get(0).good()).isEqualTo(1);
  }

  @Test
  void the_latest_event_across_sources_sets_the_window_end_of_each() throws IOException {
    // a: until 2026-02-03T01:59Z; b: until 2026-03-01T12:00:00.250Z (its first line; b is small,
    // so its sample is the whole file). The window end is 2026-03-01T12:00:01Z for both
    DataSource a = csv("a", events("a.csv", 3000, false), 0);
    DataSource b = csv("b", events("b.csv", 10, true), 0);
    Slo sa = ratio("a-avail", a, "status < 500", null, "0.9", days(60), List.of());
    Slo sb = ratio("b-avail", b, "status < 500", null, "0.9", days(30), List.of());
    Catalog c =
        new Catalog(
            List.of(Fixtures.specFile(Fixtures.SPEC, "homehub", List.of(a, b), List.of(sa, sb))));
    Map<String, Integer> calls = new TreeMap<>();
    Assessment once = once(c, calls);
    assertThat(once.evaluation().at()).isEqualTo(Instant.parse("2026-03-01T12:00:01Z"));
    assertThat(once).isEqualTo(plain(c));
    assertThat(calls).containsEntry("scanToLatest", 2).doesNotContainKeys("scan", "latestEvent");
    // a's 60 days (from 2025-12-31T12:00:01Z) hold its 3,000 rows, 2,571 good (see above); b's
    // 30 days hold its 11 rows, 2 of them 500 (i = 0 and 7)
    assertThat(once.evaluation().results().get(0).good()).isEqualTo(2571);
    assertThat(once.evaluation().results().get(1).good()).isEqualTo(9);
    assertThat(once.evaluation().results().get(1).total()).isEqualTo(11);
  }

  @Test
  void a_source_without_events_in_its_windows_is_read_again_only_for_its_latest_event()
      throws IOException {
    // as above, but a's window is 7 days (from 2026-02-22T12:00:01Z): its scan reads no row, so
    // only a read of a tells whether it holds events; it cannot move the window end
    DataSource a = csv("a", events("a.csv", 3000, false), 0);
    DataSource b = csv("b", events("b.csv", 10, true), 0);
    Slo sa = ratio("a-avail", a, "status < 500", null, "0.9", days(7), List.of());
    Slo sb = ratio("b-avail", b, "status < 500", null, "0.9", days(30), List.of());
    Catalog c =
        new Catalog(
            List.of(Fixtures.specFile(Fixtures.SPEC, "homehub", List.of(a, b), List.of(sa, sb))));
    Map<String, Integer> calls = new TreeMap<>();
    Assessment once = once(c, calls);
    assertThat(once.evaluation().at()).isEqualTo(Instant.parse("2026-03-01T12:00:01Z"));
    assertThat(once).isEqualTo(plain(c));
    assertThat(calls)
        .containsEntry("scanToLatest", 2)
        .containsEntry("latestEvent", 1)
        .doesNotContainKey("scan");
    assertThat(once.evaluation().results().get(0).total()).isZero();
  }

  @Test
  void a_source_without_events_fails_as_before() throws IOException {
    // no row of b has an event time: the same error either way, though a's estimate is fine
    DataSource a = csv("a", events("a.csv", 100, false), 0);
    Path empty = dir.resolve("no-times.csv");
    Files.writeString(empty, "ts,customer,status\n,acme,200\n,acme,500\n");
    DataSource b = csv("b", empty, 0);
    Slo sa = ratio("a-avail", a, "status < 500", null, "0.9", days(7), List.of());
    Slo sb = ratio("b-avail", b, "status < 500", null, "0.9", days(7), List.of());
    Catalog c =
        new Catalog(
            List.of(Fixtures.specFile(Fixtures.SPEC, "homehub", List.of(a, b), List.of(sa, sb))));
    Throwable plain = catchThrowable(() -> plain(c));
    Throwable once = catchThrowable(() -> once(c, new TreeMap<>()));
    assertThat(plain).isInstanceOf(SloException.class);
    assertThat(once).isInstanceOf(SloException.class).hasMessage(plain.getMessage());
  }

  @Test
  void malformed_rows_give_the_same_error_either_way() throws IOException {
    // one row whose time cannot be read, and max_bad_rows 0
    Path f = events("bad.csv", 20, false);
    Files.writeString(
        f,
        "2026-02-01T00:30:00Z,acme,200\nnot-a-time,acme,200\n",
        java.nio.file.StandardOpenOption.APPEND);
    DataSource src = csv("api", f, 0);
    Catalog c = catalog(List.of(src), slos(src));
    Throwable plain = catchThrowable(() -> plain(c));
    Throwable once = catchThrowable(() -> once(c, new TreeMap<>()));
    assertThat(plain).isInstanceOf(SloException.class);
    assertThat(once).isInstanceOf(SloException.class).hasMessage(plain.getMessage());
  }

  @Test
  void malformed_rows_within_the_limit_are_counted_the_same() throws IOException {
    Path f = events("some-bad.csv", 20, false);
    Files.writeString(
        f,
        "2026-02-01T00:30:00Z,acme,200\nnot-a-time,acme,200\n",
        java.nio.file.StandardOpenOption.APPEND);
    DataSource src = csv("api", f, 5);
    Catalog c = catalog(List.of(src), slos(src));
    Assessment once = once(c, new TreeMap<>());
    assertThat(once).isEqualTo(plain(c));
    assertThat(once.evaluation().sources().get(0).badRows()).isEqualTo(1);
  }

  /**
   * {@code rows} requests with a float {@code latency} column (so that a NaN makes its row
   * malformed, the source's row check), one minute apart from 2026-02-01T00:00Z, then {@code tail}
   * as written.
   */
  private Path withLatency(String name, int rows, String tail) throws IOException {
    List<String> lines = new ArrayList<>(List.of("ts,customer,status,latency"));
    Instant t = Instant.parse("2026-02-01T00:00:00Z");
    for (int i = 0; i < rows; i++)
      lines.add(t.plusSeconds(60L * i) + ",acme," + (i % 7 == 0 ? 500 : 200) + ",12.5");
    Path f = dir.resolve(name);
    Files.write(f, lines);
    Files.writeString(f, tail, java.nio.file.StandardOpenOption.APPEND);
    return f;
  }

  @Test
  void a_csv_with_a_float_column_is_scanned_once_and_its_nan_row_still_sets_the_window_end()
      throws IOException {
    // 100 rows to 2026-02-01T01:39Z, then a row 30 s later whose latency is NaN: malformed, but
    // its time is the latest event, as the plain order finds it (the raw maximum of the column)
    Path f = withLatency("nan-last.csv", 100, "2026-02-01T01:39:30Z,acme,200,NaN\n");
    DataSource src = csv("api", f, 5);
    Catalog c = catalog(List.of(src), slos(src));
    Map<String, Integer> calls = new TreeMap<>();
    Assessment a = once(c, calls);
    assertThat(a).isEqualTo(plain(c));
    assertThat(a.evaluation().at()).isEqualTo(Instant.parse("2026-02-01T01:39:31Z"));
    assertThat(a.evaluation().sources().get(0).badRows()).isEqualTo(1);
    // the source's row check no longer rules out the estimate: one scan, no read for the latest
    assertThat(calls).containsEntry("scanToLatest", 1).doesNotContainKeys("scan", "latestEvent");
  }

  @Test
  void an_out_of_range_time_beside_a_nan_row_gives_the_plain_window_end() throws IOException {
    // a year-9999 row makes the column's raw maximum out of range, so the plain order takes the
    // latest readable event instead: 01:39:00Z, not the NaN row's 01:39:30Z. The NaN row then lies
    // after the window end: the plain scan leaves it out of its row accounting (only the year-9999
    // row is malformed), and so must the open-ended one
    Path f =
        withLatency(
            "nan-and-far.csv",
            100,
            "2026-02-01T01:39:30Z,acme,200,NaN\n9999-06-01T00:00:00Z,acme,200,1.5\n");
    DataSource src = csv("api", f, 5);
    Catalog c = catalog(List.of(src), slos(src));
    Assessment a = once(c, new TreeMap<>());
    assertThat(a).isEqualTo(plain(c));
    assertThat(a.evaluation().at()).isEqualTo(Instant.parse("2026-02-01T01:39:01Z"));
    assertThat(a.evaluation().sources().get(0).badRows()).isEqualTo(1);
  }

  @Test
  void in_a_zone_other_than_utc_the_nan_row_does_not_count_either_way() throws IOException {
    // naive times read in Asia/Tokyo are text converted row by row: the plain order takes the
    // latest event among readable rows, which leaves the NaN row out (01:39Z, not 01:39:30Z)
    Path f = withLatency("tokyo.csv", 100, "2026-02-01T01:39:30Z,acme,200,NaN\n");
    DataSource src = csv("api", f, 5, ZoneId.of("Asia/Tokyo"));
    Catalog c = catalog(List.of(src), slos(src));
    Map<String, Integer> calls = new TreeMap<>();
    Assessment a = once(c, calls);
    assertThat(a).isEqualTo(plain(c));
    assertThat(calls).containsEntry("scanToLatest", 1).doesNotContainKeys("scan", "latestEvent");
  }
}
