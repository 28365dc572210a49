package io.slotoolkit.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.engine.BindMemo;
import io.slotoolkit.engine.DuckDbEngine;
import io.slotoolkit.engine.EngineOptions;
import io.slotoolkit.model.Assessment;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.FailOn;
import io.slotoolkit.report.JsonRenderer;
import io.slotoolkit.spec.SpecLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code slo check --cache}: the JSON of a check (results, alerts, exclusions, row accounting and
 * malformed-row samples) is the same with and without the cache, on a cold and a warm cache, after
 * a file is appended to, replaced, deleted or added, after a spec edit, at other window ends and at
 * the default one; a damaged cache or one of another version is ignored with a note; and a settled
 * file is not read again.
 *
 * <p>The data: one CSV (or Parquet) file per UTC day from 2026-03-24 to 2026-03-31, a request every
 * 7 minutes, seeded; customers a, b, c and an empty (NULL) one; about 3% failures, and a burst of
 * failures in the last hours. The spec's zone is Europe/Berlin, whose clocks moved on 29 March, so
 * the calendar month and week windows start across the switch. One CSV file holds malformed rows
 * within {@code max_bad_rows}.
 */
class ScanCacheTest {
  @TempDir Path dir;

  static final Instant FIRST_DAY = Instant.parse("2026-03-24T00:00:00Z");
  static final int DAYS = 8;

  private Path data;
  private Path cache;
  private boolean parquet;

  @org.junit.jupiter.api.BeforeEach
  void folders() throws IOException {
    data = Files.createDirectories(dir.resolve("data"));
    cache = dir.resolve("cache");
  }

  private static final String SPEC =
      """
      version: 1
      service: cache
      sources:
        api:
          path: data/api-*.%s
          timestamp: ts
          timezone: Europe/Berlin
          max_bad_rows: 20
          exclude:
            - {start: "2026-03-27T10:00", end: "2026-03-27T14:00", reason: deploy}
      slos:
        - name: availability
          source: api
          sli:
            ratio:
              good: "%s"
          objective: 99%%
          window: 3d
          alerts:
            - {long: 1h, short: 5m, factor: 14.4, severity: page}
            - {long: 6h, short: 30m, factor: 6, severity: page}
        - name: per-customer
          source: api
          per: customer
          sli:
            ratio:
              total: "endpoint <> '/healthz'"
              good: "status < 500"
          objective: 95%%
          window: week
        - name: latency-month
          source: api
          per: endpoint
          sli:
            latency:
              column: latency_ms
              threshold: 250ms
          objective: 90%%
          window: month
      """;

  private Path spec(String good) throws IOException {
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(spec, SPEC.formatted(parquet ? "parquet" : "csv", good));
    return spec;
  }

  /** One day's rows as CSV lines (no header), seeded by the day; {@code bad} malformed rows. */
  private static List<String> rows(int day, int from, int count, int bad) {
    Random r = new Random(1000L * day + from);
    List<String> lines = new ArrayList<>();
    String[] customers = {"a", "b", "c", ""};
    String[] endpoints = {"/unlock", "/status", "/healthz"};
    Instant start = FIRST_DAY.plus(Duration.ofDays(day));
    for (int i = from; i < from + count; i++) {
      Instant t = start.plusSeconds(7 * 60L * i + r.nextInt(60));
      boolean burst = day == DAYS - 1 && i * 7 > 20 * 60;
      int status = r.nextInt(100) < (burst ? 40 : 3) ? 503 : 200;
      lines.add(
          t
              + ","
              + customers[r.nextInt(4)]
              + ","
              + endpoints[r.nextInt(3)]
              + ","
              + status
              + ","
              + (20 + r.nextInt(400)));
    }
    for (int b = 0; b < bad; b++)
      lines.add(start.plusSeconds(3600L * (b + 1)) + ",a,/status,oops,12");
    return lines;
  }

  private static final String HEADER = "ts,customer,endpoint,status,latency_ms";

  /** Writes day {@code day}'s file (a CSV file, or that CSV converted to Parquet). */
  private void writeDay(int day, List<String> lines) throws Exception {
    if (parquet) {
      writeParquet(day, lines, TYPES);
      return;
    }
    List<String> all = new ArrayList<>(List.of(HEADER));
    all.addAll(lines);
    Files.write(data.resolve("api-" + day + ".csv"), all, StandardCharsets.UTF_8);
  }

  /** The columns of the Parquet files, as DuckDB types. */
  private static final String TYPES =
      "'ts': 'TIMESTAMPTZ', 'customer': 'VARCHAR', 'endpoint': 'VARCHAR', 'status': 'INTEGER',"
          + " 'latency_ms': 'DOUBLE'";

  /**
   * Writes day {@code day}'s rows (CSV lines without a header) as a Parquet file with these columns
   * (DuckDB types by name, in the lines' order).
   */
  private void writeParquet(int day, List<String> lines, String columns) throws Exception {
    Path tmp = dir.resolve("tmp-" + day + ".csv");
    Files.write(tmp, lines, StandardCharsets.UTF_8);
    Path pq = data.resolve("api-" + day + ".parquet");
    Files.deleteIfExists(pq);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      s.execute(
          "COPY (SELECT * FROM read_csv('"
              + tmp
              + "', columns = {"
              + columns
              + "}, header = false, auto_detect = false, ignore_errors = true)) TO '"
              + pq
              + "' (FORMAT parquet)");
    }
    Files.delete(tmp);
  }

  /**
   * Whether runs read the cache files ahead and save the cache in the background, as slo check
   * does, or read it when the source is first scanned and save it with {@code save()}.
   */
  private boolean background;

  /**
   * What one run printed (JSON) and what its cache did; {@code cached} false: no cache. {@code
   * beforeSaved}: the notes before a background save finished.
   */
  record Run(
      String json,
      String notes,
      int totalled,
      int scanned,
      int partly,
      String beforeSaved,
      int byScan) {}

  private Run check(Path spec, String at, boolean cached) {
    return check(spec, at, cached, ScanCache.sloVersion());
  }

  private Run check(Path spec, String at, boolean cached, String version) {
    Catalog catalog = new SpecLoader().load(List.of(spec));
    StringWriter notes = new StringWriter();
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      Evaluator plain = new Evaluator(engine);
      // as slo check does: the cache's bind memo goes to the engine before it binds the sources
      java.util.function.Consumer<String> note = n -> notes.append(n).append('\n');
      BindMemo memo = cached ? new BindMemo(cache, version, note) : null;
      if (memo != null) engine.bindMemo(memo);
      // as slo check does (background): the cache files are read while the sources are bound
      ScanCache.ReadAhead ahead =
          cached && background
              ? ScanCache.readAhead(cache, Evaluator.runSources(catalog), version)
              : null;
      plain.prepare(catalog, at == null ? Evaluator.runSources(catalog) : List.of());
      ScanCache scanCache =
          cached ? new ScanCache(engine, cache, version, note, memo, ahead) : null;
      Evaluator ev = scanCache == null ? plain : plain.withCache(scanCache);
      FailOn gate = new FailOn.OnBreach();
      Assessment a =
          at == null
              ? ev.assessAtLatest(catalog, Evaluator.runSources(catalog), gate, null)
              : ev.assess(catalog, Instant.parse(at), gate, null, java.util.Map.of());
      String beforeSaved = null;
      if (scanCache != null && background) {
        ScanCache.Saving saving = scanCache.saveInBackground();
        // long enough for a failed write of this small cache to have ended
        Thread.sleep(300);
        beforeSaved = notes.toString();
        saving.finish();
      } else if (scanCache != null) scanCache.save();
      StringWriter out = new StringWriter();
      try (PrintWriter w = new PrintWriter(out)) {
        new JsonRenderer("breached", a).render(a.evaluation(), w);
      }
      return new Run(
          out.toString(),
          notes.toString(),
          scanCache == null ? 0 : scanCache.filesTotalled(),
          scanCache == null ? 0 : scanCache.filesScanned(),
          scanCache == null ? 0 : scanCache.filesPartlyRead(),
          beforeSaved,
          scanCache == null ? 0 : scanCache.filesTotalledByScan());
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same JSON with and without the cache; the cached run. */
  private Run same(Path spec, String at) {
    Run plain = check(spec, at, false);
    Run cached = check(spec, at, true);
    assertThat(cached.json()).as("at " + at).isEqualTo(plain.json());
    return cached;
  }

  /**
   * A row with a NaN latency is a malformed row that the scan counts only in the scanned range, and
   * its time still counts for the default window end: the file holding it is read, not settled, and
   * the latest event comes from the engine (without this, the default window end and the bad-row
   * count differed from a run without the cache).
   */
  @org.junit.jupiter.api.Test
  void a_file_with_a_nan_row_is_read_not_settled() throws Exception {
    for (int d = 0; d < DAYS; d++) {
      List<String> lines = new ArrayList<>(rows(d, 0, 200, 0));
      // day 1: a NaN latency after every other event of the source; day 3: one mid-range
      if (d == 1) lines.add(FIRST_DAY.plus(Duration.ofDays(DAYS + 1)) + ",a,/status,200,NaN");
      if (d == 3)
        lines.add(FIRST_DAY.plus(Duration.ofDays(3)).plusSeconds(600) + ",b,/unlock,200,nan");
      writeDay(d, lines);
    }
    Path spec = spec("status < 500"); // the source allows 20 malformed rows
    Run cold = same(spec, null);
    assertThat(cold.json()).contains("NaN");
    same(spec, null);
    same(spec, "2026-04-01T00:00:00Z");
    same(spec, "2026-04-02T00:00:00Z");
  }

  /**
   * Worked by hand: a Parquet file's span, its earliest and latest readable event time and its rows
   * without one. Day 0 (every row readable) and day 2 (no rows) are spanned from the time column's
   * own minimum and maximum; day 1 has a NaN latency at its latest time, a missing time and a time
   * before 1900, none of which is readable, so its latest is 12:00, not the NaN row's 23:00. The
   * same files with naive timestamps (read in UTC: the same instants) are spanned row by row, and
   * give the same. A check that reads them through the cache counts as one without it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"TIMESTAMPTZ", "TIMESTAMP"})
  void a_parquet_files_span_is_its_readable_event_times(String tsType) throws Exception {
    parquet = true;
    String types = TYPES.replace("'ts': 'TIMESTAMPTZ'", "'ts': '" + tsType + "'");
    writeParquet(
        0,
        List.of(
            "2026-03-24 09:00:00,a,/unlock,200,10",
            "2026-03-24 14:30:00,b,/unlock,503,20",
            "2026-03-24 11:15:00,a,/status,200,30"),
        types);
    writeParquet(
        1,
        List.of(
            "2026-03-25 08:00:00,a,/unlock,200,10",
            "2026-03-25 23:00:00,a,/unlock,200,NaN",
            ",b,/unlock,200,15",
            "1800-01-01 00:00:00,c,/unlock,200,15",
            "2026-03-25 12:00:00,c,/status,503,40"),
        types);
    writeParquet(2, List.of(), types);
    Path spec = spec("status < 500");
    Catalog catalog = new SpecLoader().load(List.of(spec));
    java.util.Map<String, io.slotoolkit.engine.Engine.FileSpan> spans = new java.util.TreeMap<>();
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      engine.bind(catalog.slos());
      var source = catalog.slos().get(0).source();
      for (var file : engine.identities(source))
        spans.put(
            Path.of(file.path()).getFileName().toString(),
            engine.span(source, List.of(), file).orElseThrow());
    }
    assertThat(spans)
        .containsExactly(
            java.util.Map.entry(
                "api-0.parquet",
                new io.slotoolkit.engine.Engine.FileSpan(
                    micros("2026-03-24T09:00:00Z"), micros("2026-03-24T14:30:00Z"), 0)),
            java.util.Map.entry(
                "api-1.parquet",
                new io.slotoolkit.engine.Engine.FileSpan(
                    micros("2026-03-25T08:00:00Z"), micros("2026-03-25T12:00:00Z"), 3)),
            java.util.Map.entry(
                "api-2.parquet", new io.slotoolkit.engine.Engine.FileSpan(null, null, 0)));
    same(spec, null);
    writeParquet(3, rows(3, 0, 100, 0), types);
    same(spec, null);
  }

  private static long micros(String instant) {
    return io.slotoolkit.engine.TimeColumn.micros(Instant.parse(instant));
  }

  /**
   * Worked by hand: three files of 2026-03-01..03 (rows every 2 hours from 01:00; 5xx at 03-01
   * 03:00 and 17:00 and 03-02 09:00; a 404 at 03-01 16:00, which the source's where leaves out), a
   * 2-day and a 3-day window. At 03-03T14:00 the 2-day window starts inside 03-01's file, 13 hours
   * after its first row and 5 before its last: the scan reads its rows from 14:00 on and its totals
   * count in the 3-day window only. At 03-03T06:00 it starts 5 hours after the first row and 13
   * before the last: the scan reads its rows before 06:00 and they count -1 in the 2-day window,
   * which takes the file's totals.
   */
  @org.junit.jupiter.api.Test
  void a_file_read_in_part_counts_what_a_scan_of_it_counts() throws Exception {
    Instant first = Instant.parse("2026-03-01T00:00:00Z");
    for (int d = 0; d < 3; d++) {
      List<String> lines = new ArrayList<>();
      for (int h = 1; h <= (d == 2 ? 13 : 19); h += d == 2 ? 4 : 2) {
        boolean bad = (d == 0 && (h == 3 || h == 17)) || (d == 1 && h == 9);
        Instant t = first.plus(Duration.ofDays(d)).plus(Duration.ofHours(h));
        lines.add(t + ",a,/unlock," + (bad ? 503 : 200) + ",10");
      }
      if (d == 0) lines.add(first.plus(Duration.ofHours(16)) + ",a,/unlock,404,10");
      writeDay(d, lines);
    }
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(
        spec,
        """
        version: 1
        service: cache
        sources:
          api:
            path: data/api-*.csv
            timestamp: ts
            where: "status <> 404"
        slos:
          - name: two-days
            source: api
            sli:
              ratio:
                good: "status < 500"
            objective: 50%
            window: 2d
          - name: three-days
            source: api
            sli:
              ratio:
                good: "status < 500"
            objective: 50%
            window: 3d
        """);
    check(spec, "2026-03-04T00:00:00Z", true); // warm the cache
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();

    Run late = same(spec, "2026-03-03T14:00:00Z");
    assertThat(late.partly()).isEqualTo(1);
    var out = json.readTree(late.json());
    // 2 days: 03-01 15:00, 17:00 (5xx), 19:00; all of 03-02 (one 5xx); 03-03's 4 rows
    assertThat(out.at("/results/0/good").asLong()).isEqualTo(2 + 9 + 4);
    assertThat(out.at("/results/0/total").asLong()).isEqualTo(3 + 10 + 4);
    // 3 days: every row but the 404
    assertThat(out.at("/results/1/good").asLong()).isEqualTo(8 + 9 + 4);
    assertThat(out.at("/results/1/total").asLong()).isEqualTo(10 + 10 + 4);
    assertThat(out.at("/sources/0/rows_in_range").asLong()).isEqualTo(25);
    assertThat(out.at("/sources/0/excluded_rows").asLong()).isEqualTo(1);

    Run early = same(spec, "2026-03-03T06:00:00Z");
    assertThat(early.partly()).isEqualTo(1);
    out = json.readTree(early.json());
    // 2 days: 03-01 from 07:00 (17:00 5xx); 03-02; 03-03 01:00 and 05:00 (its file straddles the
    // window end: read whole)
    assertThat(out.at("/results/0/good").asLong()).isEqualTo(6 + 9 + 2);
    assertThat(out.at("/results/0/total").asLong()).isEqualTo(7 + 10 + 2);
    assertThat(out.at("/results/1/good").asLong()).isEqualTo(8 + 9 + 2);
    assertThat(out.at("/results/1/total").asLong()).isEqualTo(10 + 10 + 2);
    assertThat(out.at("/sources/0/rows_in_range").asLong()).isEqualTo(23);
    assertThat(out.at("/sources/0/excluded_rows").asLong()).isEqualTo(1);
  }

  /**
   * Files read in part: at window ends every 97 minutes over the last two days, window and alert
   * window starts fall inside the files (near their start, their end, two in one file), and the
   * scan reads only the rows of such a file on one side of them while its totals count for the
   * rest; the JSON (counts per group, alerts, rows in range, rows the source's where leaves out) is
   * the same as without the cache. Day 5's rows are shuffled (unsorted in time); the spec has
   * per-group SLOs, alert windows inside and reaching before the SLO window, and a where.
   */
  @ParameterizedTest
  @ValueSource(strings = {"csv", "parquet"})
  void files_read_in_part_give_the_same_results(String format) throws Exception {
    parquet = format.equals("parquet");
    for (int d = 0; d < DAYS; d++) {
      List<String> lines = new ArrayList<>(rows(d, 0, 200, 0));
      if (d == 5) java.util.Collections.shuffle(lines, new Random(5));
      writeDay(d, lines);
    }
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(
        spec,
        """
        version: 1
        service: cache
        sources:
          api:
            path: data/api-*.%s
            timestamp: ts
            timezone: UTC
            where: "endpoint <> '/healthz' OR status >= 500"
        slos:
          - name: availability
            source: api
            sli:
              ratio:
                good: "status < 500"
            objective: 99%%
            window: 3d
            alerts:
              - {long: 6h, short: 1h, factor: 2, severity: page}
          - name: per-customer
            source: api
            per: customer
            sli:
              ratio:
                total: "endpoint <> '/unlock'"
                good: "status < 500"
            objective: 95%%
            window: 26h
            alerts:
              - {long: 40h, short: 3h, factor: 1, severity: page}
          - name: latency-per-endpoint
            source: api
            per: endpoint
            sli:
              latency:
                column: latency_ms
                threshold: 250ms
            objective: 90%%
            window: 2d
        """
            .formatted(format));
    check(spec, "2026-04-01T00:00:00Z", true); // warm the cache
    int partly = 0;
    int scanned = 0;
    Instant at = Instant.parse("2026-03-30T13:00:00Z");
    for (int i = 0; i < 24; i++, at = at.plus(Duration.ofMinutes(97))) {
      Run cached = same(spec, at.toString());
      assertThat(cached.totalled()).isZero();
      partly += cached.partly();
      scanned += cached.scanned();
    }
    // most window ends have a window or alert start inside a file that is then read in part
    assertThat(partly).isGreaterThan(24);
    assertThat(scanned).isGreaterThan(partly);
    same(spec, null);
  }

  /**
   * A new Parquet file that the check scan reads whole, inside every window, has its totals taken
   * from that scan instead of a read of its own; those totals then stand in for the file at other
   * window ends (where it is settled or read in part) exactly as read totals would. A new file
   * across a window start, or a CSV file, is read for its totals as before. The source has a
   * derived column, which an SLO counts with.
   */
  @ParameterizedTest
  @ValueSource(strings = {"csv", "parquet"})
  void a_new_file_read_whole_gets_its_totals_from_the_scan(String format) throws Exception {
    parquet = format.equals("parquet");
    for (int d = 0; d < DAYS - 1; d++) writeDay(d, rows(d, 0, 200, 0));
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(
        spec,
        """
        version: 1
        service: cache
        sources:
          api:
            path: data/api-*.%s
            timestamp: ts
            timezone: UTC
            where: "endpoint <> '/healthz' OR status >= 500"
            columns:
              slow: "latency_ms > 300"
        slos:
          - name: availability
            source: api
            sli:
              ratio:
                good: "status < 500"
            objective: 99%%
            window: 3d
            alerts:
              - {long: 23h, short: 1h, factor: 2, severity: page}
          - name: per-customer
            source: api
            per: customer
            sli:
              ratio:
                total: "endpoint <> '/unlock'"
                good: "status < 500"
            objective: 95%%
            window: 26h
          - name: latency-per-endpoint
            source: api
            per: endpoint
            sli:
              latency:
                column: latency_ms
                threshold: 250ms
            objective: 90%%
            window: 2d
          - name: fast
            source: api
            sli:
              ratio:
                good: "NOT slow"
            objective: 50%%
            window: 2d
        """
            .formatted(format));
    assertThat(same(spec, null).totalled()).isEqualTo(DAYS - 1); // warm
    // the last day arrives: at the default window end (after its last event) it lies in every
    // window, and the alert windows start near both of its ends: it is read whole
    writeDay(DAYS - 1, rows(DAYS - 1, 0, 200, 0));
    Run arrived = same(spec, null);
    assertThat(arrived.totalled()).isEqualTo(1);
    assertThat(arrived.byScan()).isEqualTo(parquet ? 1 : 0);
    assertThat(arrived.scanned()).isGreaterThanOrEqualTo(1);
    // its totals, however they were taken, at window ends that settle it or cut it
    int partly = 0;
    Instant at = Instant.parse("2026-03-31T00:30:00Z");
    for (int i = 0; i < 16; i++, at = at.plus(Duration.ofMinutes(211))) {
      Run later = same(spec, at.toString());
      assertThat(later.totalled()).isZero();
      partly += later.partly();
    }
    same(spec, "2026-04-03T00:00:00Z");
    assertThat(partly).isPositive();
    // a new file the 26-hour window starts inside: read for its totals
    writeDay(DAYS, rows(DAYS, 0, 300, 0));
    Run straddling = same(spec, "2026-04-02T06:00:00Z");
    assertThat(straddling.totalled()).isEqualTo(1);
    assertThat(straddling.byScan()).isZero();
    same(spec, null);
  }

  /**
   * A daily export checked at midnight: the windows and the calendar week start on day boundaries,
   * so the new day's file is the only one the scan reads (the alert windows start inside it), and
   * its totals are the scan's own counts, taken without a second query of the scan table. Those
   * totals then stand for the file at later window ends, which settle it or read it in part.
   */
  @org.junit.jupiter.api.Test
  void a_new_file_alone_in_its_scan_is_totalled_from_the_scan_counts() throws Exception {
    parquet = true;
    for (int d = 0; d < DAYS - 1; d++) writeDay(d, rows(d, 0, 200, 0));
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(
        spec,
        """
        version: 1
        service: cache
        sources:
          api:
            path: data/api-*.parquet
            timestamp: ts
            timezone: UTC
        slos:
          - name: availability
            source: api
            sli:
              ratio:
                good: "status < 500"
            objective: 99%
            window: 3d
            alerts:
              - {long: 6h, short: 30m, factor: 6, severity: page}
          - name: per-customer
            source: api
            per: customer
            sli:
              ratio:
                total: "endpoint <> '/healthz'"
                good: "status < 500"
            objective: 95%
            window: 2d
          - name: latency-week
            source: api
            per: endpoint
            sli:
              latency:
                column: latency_ms
                threshold: 250ms
            objective: 90%
            window: week
        """);
    same(spec, "2026-03-31T00:00:00Z");
    writeDay(DAYS - 1, rows(DAYS - 1, 0, 200, 0));
    Run arrived = same(spec, "2026-04-01T00:00:00Z");
    assertThat(arrived.byScan()).isEqualTo(1);
    assertThat(arrived.partly()).isZero();
    int partly = 0;
    Instant at = Instant.parse("2026-04-01T01:10:00Z");
    for (int i = 0; i < 8; i++, at = at.plus(Duration.ofMinutes(317))) {
      Run later = same(spec, at.toString());
      assertThat(later.totalled()).isZero();
      partly += later.partly();
    }
    assertThat(partly).isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "parquet"})
  void a_cache_read_ahead_and_saved_in_the_background_is_trusted_as_without(String format)
      throws Exception {
    parquet = format.equals("parquet");
    background = true;
    for (int d = 0; d < DAYS; d++) writeDay(d, rows(d, 0, 200, 0));
    Path spec = spec("status < 500");
    String late = "2026-04-01T00:00:00Z";
    Run cold = same(spec, late);
    assertThat(cold.totalled()).isEqualTo(DAYS);
    assertThat(cold.notes()).isEmpty();
    // what the background wrote is read back whole: no file totalled again, two read
    Run warm = same(spec, late);
    assertThat(warm.totalled()).isZero();
    assertThat(warm.scanned()).isEqualTo(2);
    assertThat(warm.notes()).isEmpty();
    Path file;
    try (Stream<Path> files = Files.list(cache)) {
      file = files.filter(f -> f.toString().endsWith(".slocache")).findFirst().orElseThrow();
    }

    // read ahead, a damaged file is ignored with the note it gets otherwise, then rewritten
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 40] ^= 0x5a;
    Files.write(file, bytes);
    Run damaged = same(spec, late);
    assertThat(damaged.notes())
        .isEqualTo("slo: cache " + file + " ignored: its checksum does not match (damaged)\n");
    assertThat(damaged.totalled()).isEqualTo(DAYS);
    // one written for other SLOs is replaced without a note
    Path edited = spec("status < 500 AND latency_ms < 390");
    Run reSpec = same(edited, late);
    assertThat(reSpec.totalled()).isEqualTo(DAYS);
    assertThat(reSpec.notes()).isEmpty();
    assertThat(same(edited, late).totalled()).isZero();

    // a folder where the cache file goes: the run reads everything (a note), its results stand,
    // and the note that the file was not written comes when the save is finished, not before
    Files.delete(file);
    Files.createDirectories(file.resolve("in-the-way"));
    Run blocked = same(edited, late);
    String ignored = "slo: cache " + file + " ignored: cannot be read (";
    assertThat(blocked.beforeSaved()).startsWith(ignored).doesNotContain("not written");
    assertThat(blocked.notes())
        .startsWith(blocked.beforeSaved())
        .endsWith("slo: cache " + file + " not written: Is a directory\n");
    assertThat(blocked.totalled()).isEqualTo(DAYS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "parquet"})
  void results_are_the_same_with_and_without_the_cache(String format) throws Exception {
    parquet = format.equals("parquet");
    for (int d = 0; d < DAYS; d++) writeDay(d, rows(d, 0, 200, d == 2 ? 3 : 0));
    Path spec = spec("status < 500");
    String late = "2026-04-01T00:00:00Z";
    String mid = "2026-03-30T13:17:00Z";

    Run cold = same(spec, late);
    assertThat(cold.totalled()).isEqualTo(DAYS);
    assertThat(cold.notes()).isEmpty();
    assertThat(cold.json()).contains("\"bad_rows\"");
    if (!parquet) assertThat(cold.json()).contains("oops");

    // warm: no file totalled again; only the files that straddle a boundary at --at are read
    Run warm = same(spec, late);
    assertThat(warm.totalled()).isZero();
    assertThat(warm.notes()).isEmpty();
    // at 2026-04-01T00:00Z the 3d window starts 03-29T00:00Z (a file boundary), alert windows
    // reach back 6h into the last file, the week starts 03-30T00:00+02:00 (inside 03-29's file)
    // and the month 03-01T00:00+01:00: the files of 03-29 and 03-31 are read, six are not
    assertThat(warm.scanned()).isEqualTo(2);

    // another window end, with an exclusion inside the windows; and the default window end
    same(spec, mid);
    Run latest = same(spec, null);
    assertThat(latest.totalled()).isZero();

    // rows appended to the last file
    Path last = data.resolve("api-" + (DAYS - 1) + "." + format);
    List<String> more = new ArrayList<>(rows(DAYS - 1, 0, 200, 0));
    more.addAll(rows(DAYS - 1, 200, 5, 0));
    writeDay(DAYS - 1, more);
    Run appended = same(spec, null);
    assertThat(appended.totalled()).isEqualTo(1);
    same(spec, late);

    // a file replaced by other rows of the same size and time (its hash differs)
    Path third = data.resolve("api-3." + format);
    FileTime mtime = Files.getLastModifiedTime(third);
    writeDay(3, rows(3, 1, 200, 0));
    Files.setLastModifiedTime(third, mtime);
    assertThat(same(spec, late).totalled()).isEqualTo(1);

    // a file deleted, then a new one added
    Files.delete(data.resolve("api-1." + format));
    assertThat(same(spec, late).totalled()).isZero();
    writeDay(DAYS, rows(DAYS, 0, 100, 0));
    Run added = same(spec, null);
    assertThat(added.totalled()).isEqualTo(1);

    // a spec edit: other count columns, every file totalled again
    Path edited = spec("status < 500 AND latency_ms < 390");
    Run reSpec = same(edited, late);
    assertThat(reSpec.totalled()).isEqualTo(DAYS);
    assertThat(reSpec.notes()).isEmpty();

    // a damaged cache file: ignored with a note, the results still the same
    Path file;
    try (Stream<Path> files = Files.list(cache)) {
      file = files.filter(f -> f.toString().endsWith(".slocache")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 40] ^= 0x5a;
    Files.write(file, bytes);
    Run damaged = same(edited, late);
    assertThat(damaged.notes()).startsWith("slo: cache " + file + " ignored: ");
    assertThat(damaged.totalled()).isEqualTo(DAYS);

    // a cache written by another version: ignored with a note, then rewritten by this one
    check(edited, late, true, "0.0.1-other");
    Run other = same(edited, late);
    String otherNote =
        " ignored: written by slo 0.0.1-other (cache format "
            + ScanCache.FORMAT
            + "), this is slo "
            + ScanCache.sloVersion();
    String memoNote =
        "slo: cache "
            + file.resolveSibling(file.getFileName().toString().replace(".slocache", ".slobind"))
            + " ignored: written by slo 0.0.1-other (cache format 3), this is slo "
            + ScanCache.sloVersion()
            + "\n";
    // the bind memo is read when the source is bound, before the cache file
    assertThat(other.notes()).isEqualTo(memoNote + "slo: cache " + file + otherNote + "\n");
    assertThat(same(edited, late).notes()).isEmpty();

    // not a cache file at all
    Files.writeString(file, "hello");
    assertThat(same(edited, mid).notes()).endsWith("ignored: not a slo cache file\n");
  }

  /** The JSON of a run, or the data error it stopped with (message and hint). */
  private String outcome(Path spec, String at, boolean cached) {
    try {
      return check(spec, at, cached).json();
    } catch (io.slotoolkit.model.SloException e) {
      return "error: " + e.getMessage() + "\nhint: " + e.hint();
    }
  }

  /** The same outcome (JSON or error) with and without the cache; the cached outcome. */
  private String sameOutcome(Path spec, String at) {
    String plain = outcome(spec, at, false);
    String cached = outcome(spec, at, true);
    assertThat(cached).as("at " + at).isEqualTo(plain);
    return cached;
  }

  private Path memoFile() throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files.filter(f -> f.toString().endsWith(".slobind")).findFirst().orElseThrow();
    }
  }

  /**
   * A cached run binds CSV files it has seen unchanged from the bind memo: the results are the same
   * as without the cache after a file whose column sniffs to another type (the union type is used,
   * as without the cache), a file with another header (the same error), and with a damaged memo,
   * one that is not a memo, and one of another format (each ignored with a note).
   */
  @org.junit.jupiter.api.Test
  void binding_from_the_memo_gives_what_binding_without_it_gives() throws Exception {
    for (int d = 0; d < DAYS; d++) writeDay(d, rows(d, 0, 200, 0));
    Path spec = spec("status < 500");
    String late = "2026-04-01T00:00:00Z";
    Run cold = same(spec, late);
    assertThat(cold.notes()).isEmpty();
    Path memo = memoFile();
    assertThat(same(spec, late).notes()).isEmpty();

    // a new file whose latency_ms holds decimals: every other file sniffs it as BIGINT, this one as
    // DOUBLE, and the sources' type is DOUBLE (as BIGINT, 20.5 would be a malformed row)
    List<String> decimals = new ArrayList<>();
    for (String line : rows(DAYS, 0, 100, 0)) decimals.add(line + ".5");
    writeDay(DAYS, decimals);
    Run widened = same(spec, null);
    assertThat(widened.json()).contains("\"bad_rows\": 0,");
    // the source's columns changed (latency_ms is DOUBLE): every file's totals are read again
    assertThat(widened.totalled()).isEqualTo(DAYS + 1);
    assertThat(same(spec, null).totalled()).isZero();
    Files.delete(data.resolve("api-" + DAYS + ".csv"));

    // a new file with one more column: the same error as without the cache
    List<String> wider = new ArrayList<>(List.of(HEADER + ",region"));
    for (String line : rows(DAYS, 0, 100, 0)) wider.add(line + ",eu");
    Files.write(data.resolve("api-" + DAYS + ".csv"), wider, StandardCharsets.UTF_8);
    assertThat(sameOutcome(spec, late)).contains("column 'region' is missing from 8 files");
    assertThat(sameOutcome(spec, late)).startsWith("error: ");
    Files.delete(data.resolve("api-" + DAYS + ".csv"));

    // a new file with another delimiter: it sniffs alone as the others do, and is read with the
    // first file's dialect, with the same outcome as without the cache
    List<String> semicolons = new ArrayList<>(List.of(HEADER.replace(',', ';')));
    for (String line : rows(DAYS, 0, 100, 0)) semicolons.add(line.replace(',', ';'));
    Files.write(data.resolve("api-" + DAYS + ".csv"), semicolons, StandardCharsets.UTF_8);
    sameOutcome(spec, late);
    sameOutcome(spec, null);
    Files.delete(data.resolve("api-" + DAYS + ".csv"));

    // a damaged memo, one that is not a memo, one of another format: a note, the same results
    byte[] bytes = Files.readAllBytes(memo);
    bytes[bytes.length - 20] ^= 0x5a;
    Files.write(memo, bytes);
    assertThat(same(spec, late).notes())
        .isEqualTo("slo: cache " + memo + " ignored: its checksum does not match (damaged)\n");
    assertThat(same(spec, late).notes()).isEmpty();
    Files.writeString(memo, "hello");
    assertThat(same(spec, late).notes())
        .isEqualTo("slo: cache " + memo + " ignored: not a slo cache file\n");
    java.io.ByteArrayOutputStream other = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(other)) {
      out.write("SLOBINDM".getBytes(StandardCharsets.US_ASCII));
      out.writeInt(99);
      out.writeUTF(ScanCache.sloVersion());
    }
    Files.write(memo, other.toByteArray());
    assertThat(same(spec, late).notes())
        .isEqualTo(
            "slo: cache "
                + memo
                + " ignored: written by slo "
                + ScanCache.sloVersion()
                + " (cache format 99), this is slo "
                + ScanCache.sloVersion()
                + "\n");
    assertThat(same(spec, null).notes()).isEmpty();
  }

  /**
   * A cached run binds Parquet files it has seen unchanged from the memo of their footers, and
   * reads files whose footers list the same columns without reading them by name: the results are
   * the same as without the cache after a new file whose column is text (the same error), one whose
   * number column has another physical type (read by name again, the other files' totals kept), and
   * one with a column the others lack (the same error).
   */
  @org.junit.jupiter.api.Test
  void binding_parquet_from_the_memo_gives_what_binding_without_it_gives() throws Exception {
    parquet = true;
    for (int d = 0; d < DAYS; d++) writeDay(d, rows(d, 0, 200, 0));
    Path spec = spec("status < 500");
    String late = "2026-04-01T00:00:00Z";
    assertThat(same(spec, late).notes()).isEmpty();
    Path memo = memoFile();
    assertThat(memo).exists();
    Run warm = same(spec, late);
    assertThat(warm.notes()).isEmpty();
    assertThat(warm.totalled()).isZero();
    // status as text in a new file
    writeParquet(
        DAYS, rows(DAYS, 0, 100, 0), TYPES.replace("'status': 'INTEGER'", "'status': 'VARCHAR'"));
    assertThat(sameOutcome(spec, late))
        .startsWith("error: ")
        .contains("column 'status' is a number in");
    Files.delete(data.resolve("api-" + DAYS + ".parquet"));

    // latency_ms as whole numbers in a new file: read by name, the union type DOUBLE as before,
    // so the other files' totals still stand
    writeParquet(
        DAYS,
        rows(DAYS, 0, 100, 0),
        TYPES.replace("'latency_ms': 'DOUBLE'", "'latency_ms': 'INTEGER'"));
    Run narrower = same(spec, null);
    assertThat(narrower.totalled()).isEqualTo(1);
    assertThat(same(spec, late).totalled()).isZero();
    Files.delete(data.resolve("api-" + DAYS + ".parquet"));
    assertThat(same(spec, late).totalled()).isZero();

    // a column the other files lack
    List<String> wider = new ArrayList<>();
    for (String line : rows(DAYS, 0, 100, 0)) wider.add(line + ",eu");
    writeParquet(DAYS, wider, TYPES + ", 'region': 'VARCHAR'");
    assertThat(sameOutcome(spec, late))
        .startsWith("error: ")
        .contains("column 'region' is missing from 8 files");
    Files.delete(data.resolve("api-" + DAYS + ".parquet"));

    // a new file without latency_ms, which a source reading missing columns as NULL reads by name,
    // as without the cache (read by position, the file would not match the first file's columns)
    Path lenient = dir.resolve("lenient.yaml");
    Files.writeString(
        lenient,
        Files.readString(spec)
            .replace("max_bad_rows: 20", "max_bad_rows: 20\n    missing_columns: null"));
    assertThat(lenient).content().contains("missing_columns: null");
    same(lenient, late);
    List<String> narrow = new ArrayList<>();
    for (String line : rows(DAYS, 0, 100, 0)) narrow.add(line.substring(0, line.lastIndexOf(',')));
    writeParquet(DAYS, narrow, TYPES.replace(", 'latency_ms': 'DOUBLE'", ""));
    Run missing = same(lenient, null);
    assertThat(missing.notes()).isEmpty();
    // the file cannot be read alone with the source's columns for its totals: the source is read
    // as without the cache (whole), with the same results
    assertThat(missing.totalled()).isZero();
    assertThat(missing.scanned()).isZero();
    same(lenient, late);
    Files.delete(data.resolve("api-" + DAYS + ".parquet"));
    assertThat(same(spec, null).notes()).isEmpty();
  }

  /**
   * Quoted CSV files, then a new one whose line opens a quote that no line closes: the lines the
   * quote swallowed are re-read as without the cache, on the cold memo and on the warm one (which
   * knows which files hold an odd number of quote characters).
   */
  @org.junit.jupiter.api.Test
  void an_unterminated_quote_in_a_new_file_is_handled_as_without_the_cache() throws Exception {
    for (int d = 0; d < DAYS; d++) writeDay(d, quoted(rows(d, 0, 200, 0)));
    Path spec = spec("status < 500");
    same(spec, null);
    List<String> broken = new ArrayList<>(quoted(rows(DAYS, 0, 100, 0)));
    String line = broken.get(90);
    broken.set(90, line.substring(0, line.indexOf(",\"") + 1) + "\"" + "/status,200,12");
    writeDay(DAYS, broken);
    Run cold = same(spec, null);
    assertThat(cold.json()).contains("api-" + DAYS + ".csv:92");
    assertThat(same(spec, null).json()).isEqualTo(cold.json());
    assertThat(same(spec, "2026-04-01T00:00:00Z").notes()).isEmpty();
  }

  /** The lines with their endpoint quoted ({@code "/status"}). */
  private static List<String> quoted(List<String> lines) {
    return lines.stream().map(l -> l.replaceFirst(",(/[a-z]+),", ",\"$1\",")).toList();
  }
}
