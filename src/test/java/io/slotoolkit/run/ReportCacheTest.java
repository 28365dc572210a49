package io.slotoolkit.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.engine.BindMemo;
import io.slotoolkit.engine.DuckDbEngine;
import io.slotoolkit.engine.EngineOptions;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.FailOn;
import io.slotoolkit.model.PeriodChoice;
import io.slotoolkit.model.Report;
import io.slotoolkit.report.ReportJsonRenderer;
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
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code slo report --cache}: the JSON of a report (scorecards, daily trends, burn-down, last 7
 * days, breakdowns, group views, period history, row accounting) is the same with and without the
 * cache, on a cold and a warm cache, at window ends whose cuts fall inside files, after a file is
 * appended to, replaced, deleted or added, after a spec edit, with {@code --by}, {@code --periods}
 * and {@code --period}; a damaged or cut-short cache file is ignored with a note.
 *
 * <p>The data: one file per UTC day from 2026-03-20, each starting at 05:00 UTC and running 24
 * hours (so local midnights in Europe/Berlin, and the rolling cuts, fall inside files), a request
 * every 7 minutes in shuffled order, seeded; customers a, b, c and an empty one; endpoints with an
 * internal one the source's {@code where} leaves out; about 3% failures. Day 4 holds a row without
 * a readable time, day 2 (CSV) two malformed rows, within {@code max_bad_rows}.
 */
class ReportCacheTest {
  @TempDir Path dir;

  static final Instant FIRST = Instant.parse("2026-03-20T05:00:00Z");
  static final int DAYS = 12;

  private Path data;
  private Path cache;
  private boolean parquet;

  private static final String SPEC =
      """
      version: 1
      service: report-cache
      sources:
        api:
          path: data/api-*.%s
          timestamp: ts
          timezone: Europe/Berlin
          max_bad_rows: 20
          where: "endpoint <> '/internal'"
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
        - name: per-customer
          source: api
          per: customer
          dimensions: [endpoint]
          sli:
            ratio:
              total: "endpoint <> '/healthz'"
              good: "status < 500"
          objective: 95%%
          window: week
        - name: latency-month
          source: api
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

  /** One day's rows as CSV lines (no header), shuffled, seeded by the day. */
  private static List<String> rows(int day, int from, int count) {
    Random r = new Random(1000L * day + from);
    List<String> lines = new ArrayList<>();
    String[] customers = {"a", "b", "c", ""};
    String[] endpoints = {"/unlock", "/status", "/healthz", "/internal"};
    Instant start = FIRST.plus(Duration.ofDays(day));
    for (int i = from; i < from + count; i++) {
      Instant t = start.plusSeconds(7 * 60L * i + r.nextInt(60));
      int status = r.nextInt(100) < 3 + day ? 503 : 200;
      lines.add(
          t
              + ","
              + customers[r.nextInt(4)]
              + ","
              + endpoints[r.nextInt(4)]
              + ","
              + status
              + ","
              + (20 + r.nextInt(400)));
    }
    Collections.shuffle(lines, r);
    return lines;
  }

  private static List<String> day(int day) {
    List<String> lines = new ArrayList<>(rows(day, 0, 205));
    if (day == 4) lines.add(",b,/status,200,30"); // no event time
    return lines;
  }

  private static final String HEADER = "ts,customer,endpoint,status,latency_ms";

  /** Writes day {@code day}'s file (a CSV file, or that CSV converted to Parquet). */
  private void writeDay(int day, List<String> lines) throws Exception {
    Path csv = data.resolve("api-" + (day < 10 ? "0" : "") + day + ".csv");
    List<String> all = new ArrayList<>(List.of(HEADER));
    all.addAll(lines);
    if (!parquet) {
      if (day == 2) all.addAll(List.of("2026-03-22T09:00:00Z,a,/status,oops,12", "x,y"));
      Files.write(csv, all, StandardCharsets.UTF_8);
      return;
    }
    Path tmp = dir.resolve("tmp-" + day + ".csv");
    Files.write(tmp, all, StandardCharsets.UTF_8);
    Path pq = data.resolve("api-" + (day < 10 ? "0" : "") + day + ".parquet");
    Files.deleteIfExists(pq);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      s.execute(
          "COPY (SELECT * FROM read_csv('"
              + tmp
              + "', columns = {'ts': 'TIMESTAMPTZ', 'customer': 'VARCHAR', 'endpoint': 'VARCHAR',"
              + " 'status': 'INTEGER', 'latency_ms': 'DOUBLE'}, header = true, auto_detect = false,"
              + " ignore_errors = true)) TO '"
              + pq
              + "' (FORMAT parquet)");
    }
    Files.delete(tmp);
  }

  private Path dayFile(int day) {
    return data.resolve("api-" + (day < 10 ? "0" : "") + day + (parquet ? ".parquet" : ".csv"));
  }

  /** What a report asks for besides the window end. */
  record Ask(List<String> by, String period, int periods) {
    static final Ask PLAIN = new Ask(List.of(), null, 0);
  }

  /** What one run printed (JSON) and what its cache did; {@code cached} false: no cache. */
  record Run(String json, String notes, int totalled, int scanned) {}

  private Run report(Path spec, String at, Ask ask, boolean cached) {
    return report(spec, at, ask, cached, ScanCache.sloVersion());
  }

  /** As {@code slo report --format json [--cache]} does it. */
  private Run report(Path spec, String at, Ask ask, boolean cached, String version) {
    Catalog catalog = new SpecLoader().load(List.of(spec));
    StringWriter notes = new StringWriter();
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      java.util.function.Consumer<String> note = n -> notes.append(n).append('\n');
      BindMemo memo = cached ? new BindMemo(cache, version, note) : null;
      if (memo != null) engine.bindMemo(memo);
      Evaluator plain = new Evaluator(engine);
      plain.prepare(catalog, at == null ? Evaluator.runSources(catalog) : List.of());
      ScanCache scanCache = cached ? new ScanCache(engine, cache, version, note, memo) : null;
      ReportCache reportCache = cached ? new ReportCache(engine, cache, version, note) : null;
      ReportEvaluator reporter = new ReportEvaluator(engine).withCache(scanCache, reportCache);
      ReportEvaluator.Options options =
          new ReportEvaluator.Options(
              ask.by(),
              10,
              List.of(),
              null,
              ask.period() == null ? null : PeriodChoice.parse(ask.period()),
              ask.periods());
      reporter.checkColumns(catalog, options);
      Instant when =
          at != null
              ? Instant.parse(at)
              : scanCache == null
                  ? plain.defaultAt(Evaluator.runSources(catalog))
                  : plain.withCache(scanCache).defaultAt(catalog, Evaluator.runSources(catalog));
      Report r = reporter.evaluate(catalog, when, new FailOn.Never(), options);
      if (scanCache != null) {
        scanCache.save();
        reportCache.save();
      }
      StringWriter out = new StringWriter();
      try (PrintWriter w = new PrintWriter(out)) {
        new ReportJsonRenderer("none").render(r, w);
      }
      return new Run(
          out.toString(),
          notes.toString(),
          reportCache == null ? 0 : reportCache.filesTotalled(),
          reportCache == null ? 0 : reportCache.filesScanned());
    }
  }

  /** The same JSON with and without the cache; the cached run. */
  private Run same(Path spec, String at, Ask ask) {
    Run plain = report(spec, at, ask, false);
    Run cached = report(spec, at, ask, true);
    assertThat(cached.json()).as("at " + at + " " + ask).isEqualTo(plain.json());
    return cached;
  }

  private Run same(Path spec, String at) {
    return same(spec, at, Ask.PLAIN);
  }

  private void write() throws Exception {
    data = Files.createDirectories(dir.resolve("data"));
    cache = dir.resolve("cache");
    for (int d = 0; d < DAYS; d++) writeDay(d, day(d));
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "parquet"})
  void reports_are_the_same_with_and_without_the_cache(String format) throws Exception {
    parquet = format.equals("parquet");
    write();
    Path spec = spec("status < 500");
    // 13:17 UTC: the 3d window's start and the last 7 days' start (both at 13:17) fall inside
    // files, as do the local midnights of the week and month starts (22:00/23:00 UTC)
    String mid = "2026-03-30T13:17:00Z";
    String late = "2026-04-01T05:00:00Z";

    Run cold = same(spec, mid);
    assertThat(cold.totalled()).isEqualTo(DAYS);
    assertThat(cold.notes()).isEmpty();
    assertThat(cold.json()).contains("empty, unreadable or out-of-range event time");
    if (!parquet) assertThat(cold.json()).contains("oops");
    assertThat(cold.json()).contains("\"excluded_rows\": ").doesNotContain("\"excluded_rows\": 0,");

    // warm: nothing read for its rows. File d holds [03-(20+d) 05:00Z, 03-(21+d) 05:00Z); the
    // month starts 02-28T23:00Z, before every file, so the scanned range holds them all. Scanned:
    // day 3 (the last 7 days start 03-23T13:17Z), day 4 (a row without a time), day 7 (the 3d
    // window starts 03-27T13:17Z, and the exclusion 09:00-13:00Z), day 9 (the week starts
    // 03-29T22:00Z, Monday in Berlin) and day 10 (--at inside it); day 11 is after --at (settled,
    // out of range), the other six lie in one segment (settled): 5 files read
    Run warm = same(spec, mid);
    assertThat(warm.totalled()).isZero();
    assertThat(warm.notes()).isEmpty();
    assertThat(warm.scanned()).isEqualTo(5);

    // other window ends, the default one, breakdowns, history and a past period
    same(spec, late);
    Run latest = same(spec, null);
    assertThat(latest.totalled()).isZero();
    same(spec, mid, new Ask(List.of("status"), null, 0));
    same(spec, late, new Ask(List.of(), null, 2));
    same(spec, late, new Ask(List.of(), "2026-W13", 0));

    // rows appended to the last file
    List<String> more = new ArrayList<>(day(DAYS - 1));
    more.addAll(rows(DAYS - 1, 205, 5));
    writeDay(DAYS - 1, more);
    Run appended = same(spec, null);
    assertThat(appended.totalled()).isEqualTo(1);
    same(spec, late);

    // a file replaced by other rows of the same size and time (its hash differs)
    FileTime mtime = Files.getLastModifiedTime(dayFile(6));
    writeDay(6, rows(6, 1, 205));
    Files.setLastModifiedTime(dayFile(6), mtime);
    assertThat(same(spec, mid).totalled()).isEqualTo(1);

    // a file deleted, then a new one added
    Files.delete(dayFile(1));
    assertThat(same(spec, mid).totalled()).isZero();
    writeDay(DAYS, rows(DAYS, 0, 100));
    assertThat(same(spec, null).totalled()).isEqualTo(1);

    // a spec edit: other count columns, every file read again, without a note
    Path edited = spec("status < 500 AND latency_ms < 390");
    Run reSpec = same(edited, mid);
    assertThat(reSpec.totalled()).isEqualTo(DAYS);
    assertThat(reSpec.notes()).isEmpty();

    // a damaged cache file: ignored with a note, the results still the same
    Path file = reportFile();
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 40] ^= 0x5a;
    Files.write(file, bytes);
    Run damaged = same(edited, mid);
    assertThat(damaged.notes())
        .isEqualTo("slo: cache " + file + " ignored: its checksum does not match (damaged)\n");
    assertThat(damaged.totalled()).isEqualTo(DAYS);

    // cut short
    bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Run cut = same(edited, late);
    assertThat(cut.notes()).startsWith("slo: cache " + file + " ignored: unreadable (cut short");
    assertThat(same(edited, late).notes()).isEmpty();

    // not a cache file at all
    Files.writeString(file, "hello");
    assertThat(same(edited, mid).notes())
        .isEqualTo("slo: cache " + file + " ignored: not a slo cache file\n");
  }

  /** A cache written by another slo version is ignored with a note, then rewritten. */
  @Test
  void a_cache_of_another_version_is_ignored_with_a_note() throws Exception {
    parquet = true;
    write();
    Path spec = spec("status < 500");
    String at = "2026-03-30T13:17:00Z";
    report(spec, at, Ask.PLAIN, true, "0.0.1-other");
    Run other = same(spec, at);
    String note =
        " ignored: written by slo 0.0.1-other (cache format "
            + ReportCache.FORMAT
            + "), this is slo "
            + ScanCache.sloVersion()
            + "\n";
    assertThat(other.notes()).endsWith("slo: cache " + reportFile() + note);
    assertThat(other.totalled()).isEqualTo(DAYS);
    Run again = same(spec, at);
    assertThat(again.notes()).isEmpty();
    assertThat(again.totalled()).isZero();
  }

  /**
   * Which files a run settles, worked out by hand: a file wholly inside the range in one segment is
   * settled; a cut inside it, an exclusion over it, a row without a time, or events on both sides
   * of the range's start are not; a file wholly outside the range is.
   */
  @Test
  void settled_files_are_those_in_one_segment_or_out_of_range() {
    long h = 3_600_000_000L;
    List<Long> cuts = List.of(10 * h, 20 * h);
    List<io.slotoolkit.model.ExcludedInterval> none = List.of();
    long from = 5 * h;
    long at = 30 * h;
    assertThat(ReportCache.settled(file(6 * h, 9 * h, 0), cuts, none, from, at)).isTrue();
    // a cut at the file's earliest event: every event is at or after it, one segment
    assertThat(ReportCache.settled(file(10 * h, 19 * h, 0), cuts, none, from, at)).isTrue();
    // a cut after its earliest event and at or before its latest: two segments
    assertThat(ReportCache.settled(file(9 * h, 10 * h, 0), cuts, none, from, at)).isFalse();
    assertThat(ReportCache.settled(file(6 * h, 9 * h, 1), cuts, none, from, at)).isFalse();
    assertThat(ReportCache.settled(file(4 * h, 6 * h, 0), cuts, none, from, at)).isFalse();
    assertThat(ReportCache.settled(file(29 * h, 30 * h, 0), cuts, none, from, at)).isFalse();
    assertThat(ReportCache.settled(file(1 * h, 4 * h, 0), cuts, none, from, at)).isTrue();
    assertThat(ReportCache.settled(file(30 * h, 40 * h, 0), cuts, none, from, at)).isTrue();
    assertThat(ReportCache.settled(file(null, null, 0), cuts, none, from, at)).isTrue();
    assertThat(ReportCache.segment(9 * h, cuts)).isZero();
    assertThat(ReportCache.segment(10 * h, cuts)).isEqualTo(1);
    assertThat(ReportCache.segment(25 * h, cuts)).isEqualTo(2);
  }

  private static io.slotoolkit.engine.Engine.ReportFile file(Long earliest, Long latest, long nul) {
    return new io.slotoolkit.engine.Engine.ReportFile(
        new io.slotoolkit.engine.Engine.FileIdentity("/f", 1, 1, "0"),
        earliest,
        latest,
        nul,
        0,
        List.of(),
        List.of());
  }

  private Path reportFile() throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files.filter(f -> f.toString().endsWith(".sloreport")).findFirst().orElseThrow();
    }
  }
}
