package io.slotoolkit.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.CsvDialect;
import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.EventTime;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.ForecastEntry;
import io.slotoolkit.model.LatencyUnit;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.Sli;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.SpecFile;
import io.slotoolkit.model.SqlExpression;
import io.slotoolkit.model.Window;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
  private static final Path VALID = Path.of("src/test/resources/specs/valid");
  private static final Path HOMEHUB = VALID.resolve("homehub.yaml");
  private static final Path PAYMENTS = VALID.resolve("payments.yml");
  private static final Path EDGE = VALID.resolve("nested/edge.yaml");
  private static final Path SYNC = VALID.resolve("sync-job.yaml");
  private static final Path EXPORTS = VALID.resolve("exports.yaml");
  // Surefire runs in the project folder, so relative spec paths resolve under it.
  private static final String VALID_ABS = System.getProperty("user.dir") + "/" + VALID;

  private final SpecLoader loader = new SpecLoader();

  @Test
  void folder_loads_every_yaml_and_yml_file_recursively_sorted_by_path() {
    SpecLoader.Loaded r = loader.read(List.of(VALID));

    assertThat(r.problems()).isEmpty();
    // calendars.yaml < exports.yaml < homehub.yaml < nested/edge.yaml < ops.yaml < payments.yml
    // < sync-job.yaml < timeslices_composites.yaml;
    // nested/README.md
    // is not a spec. sync-job.yaml has forecasts and no SLOs.
    assertThat(r.catalog().files())
        .extracting(SpecFile::path)
        .containsExactly(
            VALID.resolve("calendars.yaml"),
            EXPORTS,
            HOMEHUB,
            EDGE,
            VALID.resolve("ops.yaml"),
            PAYMENTS,
            SYNC,
            VALID.resolve("timeslices_composites.yaml"));
    assertThat(r.catalog().slos())
        .extracting(Slo::qualifiedName)
        .containsExactly(
            "fiscal/api-availability-fy",
            "exports/lb-requests",
            "exports/web-availability",
            "homehub/api-availability",
            "homehub/api-latency",
            "homehub/unlock-success",
            "edge/cdn-first-byte",
            "ops/api-availability",
            "ops/api-errors-per-customer",
            "payments/checkout-latency",
            "refunds/refund-latency",
            "payments/batch-success",
            "shop/good-minutes",
            "shop/daily-latency",
            "shop/checkout");
  }

  @Test
  void forecast_entries_become_the_model() {
    SpecFile f = loader.load(List.of(SYNC)).files().get(0);
    assertThat(f.slos()).isEmpty();
    assertThat(f.forecasts()).hasSize(2);

    ForecastEntry records = f.forecasts().get(0);
    assertThat(records.qualifiedName()).isEqualTo("sync/sync-records");
    assertThat(records.source()).isSameAs(f.sources().get(0));
    assertThat(records.volume()).isInstanceOf(ForecastEntry.Volume.Sum.class);
    assertThat(((ForecastEntry.Volume.Sum) records.volume()).column()).isEqualTo("records");
    assertThat(((ForecastEntry.Volume.Sum) records.volume()).location())
        .isEqualTo(new SourceLocation(SYNC, 15, 12));
    assertThat(records.where().text()).isEqualTo("job = 'sync'");
    assertThat(records.latency().column()).isEqualTo("latency_ms");
    assertThat(records.latency().unit()).isEqualTo(LatencyUnit.MS);
    assertThat(records.latency().statistic()).isEqualTo(ForecastEntry.Statistic.P95);
    assertThat(records.seasonFrom()).isEqualTo(MonthDay.of(3, 15));
    assertThat(records.seasonTo()).isEqualTo(MonthDay.of(4, 10));
    assertThat(records.capacity())
        .isEqualTo(new ForecastEntry.JobCapacity(Duration.ofHours(2), 4, 0.2));
    // 0.3s is 300 ms
    assertThat(records.latencySlo().thresholdMs()).isCloseTo(300.0, within(1e-9));
    assertThat(records.latencySlo().label()).isEqualTo("0.3s");

    ForecastEntry pages = f.forecasts().get(1);
    assertThat(pages.volume()).isInstanceOf(ForecastEntry.Volume.Count.class);
    assertThat(pages.where()).isNull();
    assertThat(pages.latency()).isNull();
    assertThat(pages.capacity()).isNull();
    assertThat(pages.seasonTo()).isEqualTo(MonthDay.of(1, 10));
  }

  @Test
  void file_paths_stay_as_the_user_gave_them() {
    Catalog c = loader.load(List.of(HOMEHUB));

    SpecFile f = c.files().get(0);
    assertThat(f.path()).isEqualTo(HOMEHUB).matches(p -> !p.isAbsolute());
    assertThat(f.sources().get(0).specFile()).isEqualTo(HOMEHUB);
    assertThat(f.slos().get(0).location()).isEqualTo(new SourceLocation(HOMEHUB, 27, 5));
  }

  @Test
  void contract_example_becomes_the_model() {
    SpecFile f = loader.load(List.of(HOMEHUB)).files().get(0);
    assertThat(f.service()).isEqualTo("homehub");

    DataSource api = f.sources().get(0);
    assertThat(api.name()).isEqualTo("api");
    assertThat(api.paths()).containsExactly(VALID_ABS + "/data/api-*.parquet");
    assertThat(api.format()).isEqualTo(DataFormat.AUTO);
    assertThat(api.time())
        .isEqualTo(new EventTime("ts", EventTime.Encoding.AUTO, null, ZoneId.of("UTC")));
    assertThat(api.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(api.csv()).isEqualTo(CsvDialect.SNIFF);
    assertThat(api.where()).isNull();
    assertThat(api.maxBadRows()).isZero();
    assertThat(api.missingColumnsNull()).isFalse();
    assertThat(api.location()).isEqualTo(new SourceLocation(HOMEHUB, 4, 3));

    Slo availability = f.slos().get(0);
    assertThat(availability.name()).isEqualTo("api-availability");
    assertThat(availability.service()).isEqualTo("homehub");
    assertThat(availability.description()).isEqualTo("Requests that did not fail on our side");
    assertThat(availability.source()).isSameAs(api);
    // 99.5% = 0.995 exactly, not the double nearest to it.
    assertThat(availability.objective().target()).isEqualTo(new BigDecimal("0.995"));
    assertThat(availability.window()).isEqualTo(new Window.Rolling(Duration.ofDays(28)));
    assertThat(availability.per()).isEmpty();
    assertThat(availability.minEvents()).isZero();
    // line 33 is `        good: "status < 500"`: the quote is column 15, the text starts at 16.
    assertThat(availability.sli())
        .isEqualTo(
            new Sli.Ratio(
                new SqlExpression("status < 500", new SourceLocation(HOMEHUB, 33, 16)),
                new SqlExpression("endpoint <> '/healthz'", new SourceLocation(HOMEHUB, 32, 17))));

    Slo latency = f.slos().get(1);
    assertThat(latency.objective().target()).isEqualTo(new BigDecimal("0.99"));
    assertThat(latency.window().label()).isEqualTo("30d");
    Sli.Latency sli = (Sli.Latency) latency.sli();
    assertThat(sli.column()).isEqualTo("latency_ms");
    assertThat(sli.unit()).isEqualTo(LatencyUnit.MS);
    assertThat(sli.threshold()).isEqualTo(new BigDecimal("300"));
    assertThat(sli.thresholdLabel()).isEqualTo("300ms");
    assertThat(sli.total().text()).isEqualTo("status < 500");
    // line 40 is `        column: latency_ms`: the name starts at column 17.
    assertThat(sli.location()).isEqualTo(new SourceLocation(HOMEHUB, 40, 17));
  }

  @Test
  void every_source_key_is_read() {
    DataSource unlocks = loader.load(List.of(HOMEHUB)).files().get(0).sources().get(1);

    assertThat(unlocks.paths())
        .containsExactly(VALID_ABS + "/data/unlocks-2026-01.csv", "/var/exports/unlocks/*.csv");
    assertThat(unlocks.format()).isEqualTo(DataFormat.CSV);
    assertThat(unlocks.time())
        .isEqualTo(
            new EventTime(
                "event_time",
                EventTime.Encoding.PATTERN,
                "%d/%b/%Y:%H:%M:%S %z",
                ZoneId.of("Europe/Berlin")));
    assertThat(unlocks.zone()).isEqualTo(ZoneId.of("UTC"));
    // YAML "\\" is one backslash.
    assertThat(unlocks.csv()).isEqualTo(new CsvDialect(";", "\"", "\\", true, "NA"));
    // line 24 is `    where: "env = 'prod'"`: the quote is column 12.
    assertThat(unlocks.where())
        .isEqualTo(new SqlExpression("env = 'prod'", new SourceLocation(HOMEHUB, 24, 13)));
    assertThat(unlocks.maxBadRows()).isEqualTo(25);
    assertThat(unlocks.mask()).containsExactly("user_id", "customer_id");
  }

  @Test
  void per_min_events_ratio_number_objective_and_calendar_month() {
    Slo unlock = loader.load(List.of(HOMEHUB)).files().get(0).slos().get(2);

    assertThat(unlock.source().name()).isEqualTo("unlocks");
    assertThat(unlock.per()).containsExactly("customer_id");
    assertThat(unlock.minEvents()).isEqualTo(30);
    assertThat(unlock.dimensions()).containsExactly("app_version", "lock_model");
    assertThat(unlock.objective().target()).isEqualTo(new BigDecimal("0.99"));
    assertThat(unlock.window()).isEqualTo(Window.Calendar.civil(Window.Period.MONTH));
    // Unquoted expressions start at the value: `        total: endpoint = '/unlock'`, column 16.
    assertThat(((Sli.Ratio) unlock.sli()).total())
        .isEqualTo(new SqlExpression("endpoint = '/unlock'", new SourceLocation(HOMEHUB, 52, 16)));
  }

  @Test
  void file_without_service_serves_its_file_name_and_an_slo_may_override_it() {
    SpecFile f = loader.load(List.of(PAYMENTS)).files().get(0);

    assertThat(f.service()).isEqualTo("payments");
    assertThat(f.slos())
        .extracting(Slo::service)
        .containsExactly("payments", "refunds", "payments");
  }

  @Test
  void thresholds_are_converted_into_the_column_unit_exactly() {
    List<Slo> slos = loader.load(List.of(PAYMENTS)).files().get(0).slos();

    Sli.Latency checkout = (Sli.Latency) slos.get(0).sli();
    // 300 ms in a column of seconds: 300 x 1000 us / 1 000 000 us = 0.3
    assertThat(checkout.unit()).isEqualTo(LatencyUnit.S);
    assertThat(checkout.threshold()).isEqualTo(new BigDecimal("0.3"));
    assertThat(checkout.thresholdLabel()).isEqualTo("300ms");

    Sli.Latency refund = (Sli.Latency) slos.get(1).sli();
    // 1.5 s in a column of microseconds: 1.5 x 1 000 000 = 1 500 000, printed without exponent
    assertThat(refund.threshold().toString()).isEqualTo("1500000");
    assertThat(refund.thresholdLabel()).isEqualTo("1.5s");
    // 'method = ''POST''' is YAML for method = 'POST'; the text starts after the quote (column 17).
    assertThat(refund.total())
        .isEqualTo(new SqlExpression("method = 'POST'", new SourceLocation(PAYMENTS, 34, 17)));

    Sli.Latency edge = (Sli.Latency) loader.load(List.of(EDGE)).slos().get(0).sli();
    // A bare number is in the column's unit, ms by default.
    assertThat(edge.unit()).isEqualTo(LatencyUnit.MS);
    assertThat(edge.threshold()).isEqualTo(new BigDecimal("250"));
    assertThat(edge.thresholdLabel()).isEqualTo("250");
  }

  @Test
  void second_file_covers_lists_quoted_objectives_hours_weeks_quarters_and_epochs() {
    SpecFile f = loader.load(List.of(PAYMENTS)).files().get(0);
    DataSource gateway = f.sources().get(0);
    DataSource batch = f.sources().get(1);

    // ../events from specs/valid is specs/events
    assertThat(gateway.paths())
        .containsExactly(
            System.getProperty("user.dir") + "/src/test/resources/specs/events/gateway.parquet");
    assertThat(gateway.format()).isEqualTo(DataFormat.PARQUET);
    assertThat(gateway.time().encoding()).isEqualTo(EventTime.Encoding.EPOCH_MS);
    assertThat(batch.time().encoding()).isEqualTo(EventTime.Encoding.EPOCH_S);
    assertThat(batch.paths()).containsExactly(VALID_ABS + "/exports/batch-*.csv");

    Slo checkout = f.slos().get(0);
    assertThat(checkout.description()).isEqualTo("Checkout calls answered within 300 ms\n");
    assertThat(checkout.per()).containsExactly("region", "tier");
    assertThat(checkout.objective().target()).isEqualTo(new BigDecimal("0.999"));
    // 36h = 36 x 3600 s = 129 600 s
    assertThat(checkout.window()).isEqualTo(new Window.Rolling(Duration.ofSeconds(129_600)));

    Slo refund = f.slos().get(1);
    assertThat(refund.objective().target()).isEqualTo(new BigDecimal("0.995"));
    assertThat(refund.window()).isEqualTo(Window.Calendar.civil(Window.Period.WEEK));

    Slo batchSuccess = f.slos().get(2);
    assertThat(batchSuccess.objective().target()).isEqualTo(new BigDecimal("0.95"));
    assertThat(batchSuccess.window()).isEqualTo(Window.Calendar.civil(Window.Period.QUARTER));
    // A block scalar's text starts on the line after `good: |`, after 10 spaces.
    assertThat(((Sli.Ratio) batchSuccess.sli()).good())
        .isEqualTo(
            new SqlExpression(
                "exit_code = 0\nAND rows_written > 0", new SourceLocation(PAYMENTS, 42, 11)));
  }

  @Test
  void every_spelling_of_utc_is_the_same_zone() {
    DataSource cdn = loader.load(List.of(EDGE)).sources().get(0);

    assertThat(cdn.time().naiveZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(cdn.zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(cdn.time().encoding()).isEqualTo(EventTime.Encoding.EPOCH_US);
    assertThat(cdn.paths()).containsExactly(VALID_ABS + "/nested/cdn logs/*.csv");
    // a bare YAML null: the files of the glob may lack a column, read as NULL there
    assertThat(cdn.missingColumnsNull()).isTrue();
  }

  @Test
  void a_file_named_twice_is_read_once() {
    SpecLoader.Loaded r = loader.read(List.of(HOMEHUB, VALID, Path.of("./" + HOMEHUB)));

    assertThat(r.problems()).isEmpty();
    assertThat(r.catalog().files())
        .extracting(SpecFile::path)
        .containsExactly(
            HOMEHUB,
            VALID.resolve("calendars.yaml"),
            EXPORTS,
            EDGE,
            VALID.resolve("ops.yaml"),
            PAYMENTS,
            SYNC,
            VALID.resolve("timeslices_composites.yaml"));
  }

  @Test
  void access_log_patterns_derived_columns_and_counts_load_into_the_model() {
    SpecLoader.Loaded r = loader.read(List.of(EXPORTS));

    assertThat(r.problems()).isEmpty();
    Slo lb = r.catalog().slos().get(0);
    assertThat(lb.source().format()).isEqualTo(io.slotoolkit.model.DataFormat.ACCESS_LOG);
    assertThat(lb.source().logFormat().kind())
        .isEqualTo(io.slotoolkit.model.LogFormat.Kind.PATTERN);
    assertThat(lb.source().logFormat().groups())
        .containsExactly("ts", "status", "requests", "errors");
    assertThat(lb.source().derived()).containsOnlyKeys("ok");
    assertThat(lb.source().derived().get("ok").text()).isEqualTo("status < 500");
    var counts = (io.slotoolkit.model.Sli.Counts) lb.sli();
    assertThat(counts.goodCount().text()).isEqualTo("requests - errors");
    assertThat(counts.validCount().text()).isEqualTo("requests");
    assertThat(counts.total()).isNull();
    // a *.log path is an access log without format:, combined by default, its time column 'time'
    Slo web = r.catalog().slos().get(1);
    assertThat(web.source().format()).isEqualTo(io.slotoolkit.model.DataFormat.ACCESS_LOG);
    assertThat(web.source().logFormat()).isEqualTo(io.slotoolkit.model.LogFormat.COMBINED);
    assertThat(web.source().time().column()).isEqualTo("time");
  }

  @Test
  void missing_path_is_a_problem_not_an_exception() {
    Path missing = Path.of("specs/nope.yaml");

    SpecLoader.Loaded r = loader.read(List.of(missing, HOMEHUB));

    assertThat(r.problems())
        .extracting(Problem::render)
        .containsExactly("specs/nope.yaml: no such file or folder");
    assertThat(r.catalog().files()).extracting(SpecFile::path).containsExactly(HOMEHUB);
  }

  @Test
  void folder_without_spec_files_is_a_problem() {
    Path empty = Path.of("src/test/resources/specs/no-specs");

    assertThat(loader.read(List.of(empty)).problems())
        .extracting(Problem::render)
        .containsExactly(
            "src/test/resources/specs/no-specs: no spec files (*.yaml, *.yml) in"
                + " src/test/resources/specs/no-specs");
  }

  @Test
  void load_throws_a_spec_error_with_every_problem_of_every_file(@TempDir Path dir)
      throws Exception {
    Path a = Files.writeString(dir.resolve("a.yaml"), "version: 1\nslo: []\n");
    Path b = Files.writeString(dir.resolve("b.yaml"), "version: 2\n");
    Path missing = dir.resolve("c.yaml");

    assertThatThrownBy(() -> loader.load(List.of(b, missing, a)))
        .isInstanceOfSatisfying(
            SloException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
              assertThat(e.getMessage()).isEqualTo("3 problems in the specs");
              // In the order the paths were given, not sorted by name.
              assertThat(e.problems())
                  .extracting(Problem::render)
                  .containsExactly(
                      b + ":1:10: unsupported version 2 (this slo reads version 1)",
                      missing + ": no such file or folder",
                      a + ":2:1: unknown key 'slo' at the top level (did you mean 'slos'?)");
            });
  }

  @Test
  void read_keeps_the_valid_slos_of_a_file_with_problems(@TempDir Path dir) throws Exception {
    Path spec =
        Files.writeString(
            dir.resolve("mixed.yaml"),
            """
            version: 1
            sources:
              api: {path: a.csv, timestamp: ts}
            slos:
              - {name: good-one, source: api, sli: {ratio: {good: ok}}, objective: 99%, window: 7d}
              - {name: bad-one, source: api, sli: {ratio: {good: ok}}, objective: 99, window: 7d}
            """);

    SpecLoader.Loaded r = loader.read(List.of(spec));

    assertThat(r.catalog().slos()).extracting(Slo::name).containsExactly("good-one");
    assertThat(r.problems())
        .extracting(Problem::render)
        .containsExactly(spec + ":6:71: objective 99 is read as 9900% (write 99% for a percent)");
  }

  @Test
  void an_slo_on_a_broken_source_is_left_out_without_a_second_problem(@TempDir Path dir)
      throws Exception {
    Path spec =
        Files.writeString(
            dir.resolve("broken.yaml"),
            """
            version: 1
            sources:
              api: {path: a.csv}
            slos:
              - {name: x, source: api, sli: {ratio: {good: ok}}, objective: 99%, window: 7d}
            """);

    SpecLoader.Loaded r = loader.read(List.of(spec));

    assertThat(r.catalog().slos()).isEmpty();
    assertThat(r.catalog().files()).hasSize(1);
    assertThat(r.problems())
        .extracting(Problem::render)
        .containsExactly(
            spec
                + ":3:3: source 'api' is missing 'timestamp' (the column that holds each event's time)");
  }

  @Test
  void slo_names_are_unique_per_service_across_files() {
    Path dir = Path.of("src/test/resources/specs/duplicate-across-files");

    assertThat(loader.read(List.of(dir)).problems())
        .extracting(Problem::render)
        .containsExactly(
            dir
                + "/b.yaml:8:11: SLO 'shop/checkout' is already defined in "
                + dir
                + "/a.yaml:8:11 (SLO names are unique per service; rename one or give it another"
                + " 'service')");
  }

  @Test
  void loader_is_stateless_and_reusable() {
    SpecLoader.Loaded first = loader.read(List.of(HOMEHUB));
    SpecLoader.Loaded second = loader.read(List.of(HOMEHUB));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void byte_order_mark_does_not_shift_columns(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("bom.yaml");
    Files.write(
        spec,
        ("\uFEFFversion: 1\nsourcez: {}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(loader.read(List.of(spec)).problems())
        .extracting(Problem::render)
        .containsExactly(
            spec + ":2:1: unknown key 'sourcez' at the top level (did you mean 'sources'?)");
  }

  @Test
  void file_that_is_not_utf8_is_a_problem(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("latin1.yaml");
    // 0xE9 is 'e acute' in Latin-1 and no valid UTF-8 sequence
    Files.write(spec, new byte[] {'v', ':', ' ', (byte) 0xE9, '\n'});

    assertThat(loader.read(List.of(spec)).problems())
        .extracting(Problem::render)
        .containsExactly(spec + ": the file is not UTF-8 text (save it as UTF-8)");
  }

  @Test
  void folder_with_other_extensions_only_reads_yaml_and_yml(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "version: 1\n");
    Files.createDirectories(dir.resolve("b/c"));
    Path deep = Files.writeString(dir.resolve("b/c/deep.YML"), "version: 1\n");
    Path top = Files.writeString(dir.resolve("a.yaml"), "version: 1\n");

    SpecLoader.Loaded r = loader.read(List.of(dir));

    assertThat(r.problems()).isEmpty();
    assertThat(r.catalog().files()).extracting(SpecFile::path).containsExactly(top, deep);
    assertThat(r.catalog().files()).extracting(SpecFile::service).containsExactly("a", "deep");
  }
}
