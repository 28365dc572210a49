package io.slotoolkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.slotoolkit.model.AlertStatus;
import io.slotoolkit.model.Assessment;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.FailOn;
import io.slotoolkit.model.FiringInterval;
import io.slotoolkit.model.MonthlyAlerts;
import io.slotoolkit.model.ResultDetails;
import io.slotoolkit.model.SloReplay;
import io.slotoolkit.model.Status;
import io.slotoolkit.report.CiReport;
import io.slotoolkit.report.JunitRenderer;
import io.slotoolkit.run.Evaluator;
import io.slotoolkit.run.ReportEvaluator;
import io.slotoolkit.spec.SpecLoader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;

/**
 * Burn-rate alerts, exclusions and severity end to end on crafted histories (see alerts.yaml): one
 * request a minute at 99% over 30 days with the default pairs 14.4x 1h/5m, 6x 6h/30m (pages), 3x
 * 1d/2h and 1x 3d/6h (tickets). A pair fires when bad >= factor x 0.01 x total in both windows.
 */
class AlertCheckTest {
  static final Path SPEC = Path.of("src/test/resources/cli/specs/alerts/alerts.yaml");
  static final Instant AT = Instant.parse("2026-03-04T00:00:00Z");

  static Assessment assess(Instant at, FailOn gate) {
    Catalog c = new SpecLoader().load(List.of(SPEC));
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      Evaluator ev = new Evaluator(engine);
      ev.prepare(c);
      return ev.assess(c, at, gate);
    }
  }

  static ResultDetails result(Assessment a, String slo) {
    return a.details().stream()
        .filter(d -> d.result().slo().name().equals(slo))
        .findFirst()
        .orElseThrow();
  }

  static AlertStatus pair(ResultDetails d, String longWindow) {
    Function<AlertStatus, String> label =
        s -> io.slotoolkit.model.WindowLengths.label(s.rule().longWindow());
    return d.alerts().stream().filter(s -> label.apply(s).equals(longWindow)).findFirst().get();
  }

  @Test
  void a_burst_pages_on_the_fast_pair_while_it_is_inside_the_short_window() {
    ResultDetails d = result(assess(AT, new FailOn.OnBreach()), "checkout");
    // 4320 requests in the 3 days before AT, the last 10 failed.
    // 30d: 4310 good of 4320 -> SLI 0.99768 >= 0.99: OK, but a pair fired -> ALERT
    assertThat(d.result().good()).isEqualTo(4310);
    assertThat(d.result().total()).isEqualTo(4320);
    assertThat(d.result().status()).isEqualTo(Status.ALERT);
    // 1h: 10 bad of 60 -> (10/60)/0.01 = 16.667 >= 14.4; 5m: 5 of 5 -> 100 >= 14.4: fires
    AlertStatus page1 = pair(d, "1h");
    assertThat(page1.longBurnRate()).isCloseTo(10.0 / 60 / 0.01, within(1e-9));
    assertThat(page1.shortBurnRate()).isCloseTo(100.0, within(1e-9));
    assertThat(page1.fired()).isTrue();
    // budget of the 30d window: 0.01 x 4320 = 43.2; the 1h window's 10 bad are 10/43.2 of it
    assertThat(page1.longBudgetConsumed()).isCloseTo(10 / 43.2, within(1e-9));
    assertThat(page1.shortBudgetConsumed()).isCloseTo(5 / 43.2, within(1e-9));
    // (43.2 - 10) x 30d x 60 / (4320 x 10) = 33.2 x 2,592,000 x 60 / 43,200 = 119,520 s
    assertThat(page1.timeToExhaustion()).isEqualTo(Duration.ofSeconds(119_520));
    // 6h: 10 of 360 -> 2.778 < 6 (30m: 10 of 30 -> 33.3): does not fire
    AlertStatus page2 = pair(d, "6h");
    assertThat(page2.longBurnRate()).isCloseTo(10.0 / 360 / 0.01, within(1e-9));
    assertThat(page2.shortBurnRate()).isCloseTo(10.0 / 30 / 0.01, within(1e-9));
    assertThat(page2.fired()).isFalse();
    // 1d: 10 of 1440 -> 0.694 < 3 (2h: 10 of 120 -> 8.33): does not fire
    AlertStatus ticket1 = pair(d, "1d");
    assertThat(ticket1.longBurnRate()).isCloseTo(10.0 / 1440 / 0.01, within(1e-9));
    assertThat(ticket1.shortBurnRate()).isCloseTo(10.0 / 120 / 0.01, within(1e-9));
    assertThat(ticket1.fired()).isFalse();
    // 3d: 10 of 4320 -> 0.2315 < 1 (6h: 10 of 360 -> 2.78): does not fire
    AlertStatus ticket2 = pair(d, "3d");
    assertThat(ticket2.longBurnRate()).isCloseTo(10.0 / 4320 / 0.01, within(1e-9));
    assertThat(ticket2.shortBurnRate()).isCloseTo(10.0 / 360 / 0.01, within(1e-9));
    assertThat(ticket2.fired()).isFalse();
  }

  @Test
  void a_slow_burn_only_tickets() {
    ResultDetails d = result(assess(AT, new FailOn.OnBreach()), "search");
    // 7776 requests at 5-minute spacing over days 30..3 before AT, then 4320 one a minute of
    // which every 50th (index i % 50 == 49) failed: 86 bad. 12,010 good of 12,096 -> 99.29%: OK
    assertThat(d.result().good()).isEqualTo(12_010);
    assertThat(d.result().total()).isEqualTo(12_096);
    assertThat(d.result().status()).isEqualTo(Status.ALERT);
    // 1h: indices 4260..4319 hold one failure (4299): 1/60 -> 1.667 < 14.4
    assertThat(pair(d, "1h").longBurnRate()).isCloseTo(1.0 / 60 / 0.01, within(1e-9));
    assertThat(pair(d, "1h").fired()).isFalse();
    // 6h: 3960..4319 hold 3999, 4049, ..., 4299 = 7: 7/360 -> 1.944 < 6
    assertThat(pair(d, "6h").longBurnRate()).isCloseTo(7.0 / 360 / 0.01, within(1e-9));
    assertThat(pair(d, "6h").fired()).isFalse();
    // 1d: 2880..4319 hold 2899 ... 4299 = 29: 29/1440 -> 2.014 < 3
    assertThat(pair(d, "1d").longBurnRate()).isCloseTo(29.0 / 1440 / 0.01, within(1e-9));
    assertThat(pair(d, "1d").fired()).isFalse();
    // 3d: 86/4320 -> 1.991 >= 1 and 6h: 1.944 >= 1: the slow ticket fires
    AlertStatus slow = pair(d, "3d");
    assertThat(slow.longBurnRate()).isCloseTo(86.0 / 4320 / 0.01, within(1e-9));
    assertThat(slow.shortBurnRate()).isCloseTo(7.0 / 360 / 0.01, within(1e-9));
    assertThat(slow.fired()).isTrue();
    // (0.01 x 12096 - 86) x 2,592,000 x 4320 / (12096 x 86)
    //   = 34.96 x 11,197,440,000 / 1,040,256 = 376,313.6 s, rounded down
    assertThat(slow.timeToExhaustion()).isEqualTo(Duration.ofSeconds(376_313));
  }

  @Test
  void the_page_resets_once_the_short_window_is_clean() {
    // the outage ended at AT, the requests after it succeed
    ResultDetails still = result(assess(AT.plusSeconds(4 * 60), new FailOn.OnBreach()), "checkout");
    // at AT+4m: 5m holds AT-1m (bad) and 4 good -> 1/5 = 20 >= 14.4; 1h: 10 of 60 -> fires
    assertThat(pair(still, "1h").shortBurnRate()).isCloseTo(20.0, within(1e-9));
    assertThat(pair(still, "1h").fired()).isTrue();
    ResultDetails reset = result(assess(AT.plusSeconds(5 * 60), new FailOn.OnBreach()), "checkout");
    // at AT+5m: the 1h window still burns at 16.667, but the 5m window has 5 good of 5 -> 0
    assertThat(pair(reset, "1h").longBurnRate()).isCloseTo(10.0 / 60 / 0.01, within(1e-9));
    assertThat(pair(reset, "1h").shortBurnRate()).isCloseTo(0.0, within(1e-9));
    assertThat(pair(reset, "1h").fired()).isFalse();
    assertThat(reset.result().status()).isEqualTo(Status.OK);
  }

  @Test
  void excluded_events_count_in_neither_good_nor_total_and_are_counted_per_exclusion() {
    ResultDetails d = result(assess(AT, new FailOn.OnBreach()), "checkout-excluded");
    // the 10 failed requests are inside [23:50, 00:00): 4310 of 4310, nothing burns
    assertThat(d.result().good()).isEqualTo(4310);
    assertThat(d.result().total()).isEqualTo(4310);
    assertThat(d.exclusions()).hasSize(1);
    assertThat(d.exclusions().get(0).eventsRemoved()).isEqualTo(10);
    assertThat(d.exclusions().get(0).exclusion().reason()).isEqualTo("known-bad deploy");
    // 1h: 50 good of 50 -> 0; 5m: no events at all -> no burn rate
    assertThat(pair(d, "1h").longBurnRate()).isCloseTo(0.0, within(1e-9));
    assertThat(pair(d, "1h").shortBurnRate()).isNull();
    assertThat(d.alerting()).isFalse();
    assertThat(d.result().status()).isEqualTo(Status.OK);
  }

  @Test
  void severity_is_the_highest_level_and_gates_follow_fail_on() {
    Assessment a = assess(AT, new FailOn.OnBreach());
    // checkout is tagged critical and pages -> SEV1; search tickets -> SEV3
    assertThat(a.severity().highest().level().name()).isEqualTo("SEV1");
    assertThat(a.severity().highest().slo()).isEqualTo("shop/checkout");
    assertThat(a.severity().forSlo("shop/search").orElseThrow().level().name()).isEqualTo("SEV3");
    assertThat(a.evaluation().passed()).isTrue(); // nothing BREACHED
    assertThat(assess(AT, new FailOn.OnAlert()).evaluation().passed()).isFalse();
    assertThat(assess(AT, new FailOn.AtLevel("SEV2", 1)).evaluation().passed()).isFalse();
    // after the page reset only the slow ticket (SEV3) is left: sev2 passes, sev3 fails
    Instant later = AT.plusSeconds(5 * 60);
    assertThat(assess(later, new FailOn.AtLevel("SEV2", 1)).evaluation().passed()).isTrue();
    assertThat(assess(later, new FailOn.AtLevel("SEV3", 2)).evaluation().passed()).isFalse();
  }

  @Test
  void replay_lists_the_burst_page_with_its_detection_delay_and_reset() {
    Catalog c = new SpecLoader().load(List.of(SPEC));
    List<SloReplay> replays;
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      Evaluator ev = new Evaluator(engine);
      ev.prepare(c);
      replays = ev.replay(c, AT.minusSeconds(3600), AT.plusSeconds(600));
    }
    SloReplay checkout =
        replays.stream().filter(r -> r.slo().name().equals("checkout")).findFirst().get();
    // the 1h/5m page first fires at AT-1m: 9 bad of 60 in the hour (15% >= 14.4%); at AT-2m
    // 8 of 60 (13.3%) is not enough. It stops at AT+5m, when the 5m window is clean.
    List<FiringInterval> page = checkout.result().rules().get(0).intervals();
    assertThat(page).hasSize(1);
    FiringInterval f = page.get(0);
    assertThat(f.start()).isEqualTo(AT.minusSeconds(60));
    assertThat(f.end()).isEqualTo(AT.plusSeconds(300));
    // bad since AT-10m -> detected after 9m; last bad minute ended at AT -> reset after 5m
    assertThat(f.badSince()).isEqualTo(AT.minusSeconds(600));
    assertThat(f.detectionDelay()).isEqualTo(Duration.ofMinutes(9));
    assertThat(f.resetTime()).isEqualTo(Duration.ofMinutes(5));
    // no other pair fires: 6h needs 22 bad of 360, 1d 44 of 1440, 3d 44 of 4320
    for (int i = 1; i < 4; i++) assertThat(checkout.result().rules().get(i).intervals()).isEmpty();
    assertThat(checkout.result().months())
        .containsExactly(
            new MonthlyAlerts(YearMonth.of(2026, 3), "page", 1),
            new MonthlyAlerts(YearMonth.of(2026, 3), "ticket", 0));
    SloReplay excluded =
        replays.stream().filter(r -> r.slo().name().equals("checkout-excluded")).findFirst().get();
    assertThat(excluded.result().alerts()).isEmpty();
  }

  @Test
  void junit_report_of_a_check_is_valid_against_the_schema() throws Exception {
    Assessment a = assess(AT, new FailOn.OnAlert());
    String xml = new JunitRenderer().render(CiReport.of(a));
    SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(AlertCheckTest.class.getResource("/junit/junit.xsd"))
        .newValidator()
        .validate(new StreamSource(new StringReader(xml)));
    // with --fail-on alert the two alerting SLOs fail, the excluded one passes
    assertThat(xml).contains("tests=\"3\" failures=\"2\"");
    assertThat(xml).contains("page 14.4x over 1h/5m fired");
  }

  @Test
  void per_group_pairs_are_evaluated_for_each_group_in_the_same_scan() {
    Catalog c = new SpecLoader().load(List.of(Path.of("src/test/resources/cli/specs/alerts-per")));
    Assessment a;
    List<SloReplay> replays;
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      Evaluator ev = new Evaluator(engine);
      ev.prepare(c);
      a = ev.assess(c, AT, new FailOn.OnBreach());
      replays = ev.replay(c, AT.minusSeconds(1800), AT);
    }
    // objective 90%, pair 1.5x over 1h/5m: fires at an error rate of 1.5 x 0.1 = 15%
    assertThat(a.details()).hasSize(3);
    ResultDetails c1 = a.details().get(0);
    ResultDetails c2 = a.details().get(1);
    assertThat(c1.result().group().values()).containsExactly("c1");
    assertThat(c1.alerts().get(0).longBurnRate()).isCloseTo(0.0, within(1e-9));
    assertThat(c1.result().status()).isEqualTo(Status.OK);
    // c2: 1d holds 120 requests, 10 bad -> SLI 110/120 = 91.7% >= 90%;
    // 1h: 10/60 -> burn (10/60)/0.1 = 1.667 >= 1.5; 5m: 5/5 -> 10: fires -> ALERT
    assertThat(c2.result().group().values()).containsExactly("c2");
    assertThat(c2.result().total()).isEqualTo(120);
    assertThat(c2.alerts().get(0).longBurnRate()).isCloseTo(10.0 / 60 / 0.1, within(1e-9));
    assertThat(c2.alerts().get(0).shortBurnRate()).isCloseTo(10.0, within(1e-9));
    assertThat(c2.result().status()).isEqualTo(Status.ALERT);
    assertThat(a.details().get(2).alerting()).isFalse();
    // no group BREACHED (SEV1 needs more than 1), a page fired -> SEV2
    assertThat(a.severity().highest().level().name()).isEqualTo("SEV2");
    // replay per group: c2 fires from AT-1m (9 bad of 60 = 15%) to the end of the history
    assertThat(replays).hasSize(3);
    FiringInterval f = replays.get(1).result().rules().get(0).intervals().get(0);
    assertThat(f.start()).isEqualTo(AT.minusSeconds(60));
    assertThat(f.open()).isTrue();
    assertThat(replays.get(0).result().alerts()).isEmpty();
  }

  @Test
  void alert_windows_and_exclusions_add_no_scan_one_per_source() {
    Catalog c = new SpecLoader().load(List.of(SPEC));
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      Evaluator ev = new Evaluator(engine);
      ev.prepare(c);
      ev.assess(c, AT, new FailOn.OnBreach());
      // two sources (burst with two SLOs, slow with one): two scan tables, nothing else scanned
      long tables =
          engine
              .database()
              .one(
                  "SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name LIKE 'scan_%'",
                  r -> r.getLong(1));
      assertThat(tables).isEqualTo(2);
    }
  }

  @Test
  void slos_with_different_pairs_on_one_source_each_get_their_own_windows(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path burst = Path.of("src/test/resources/events/alerts/burst.csv").toAbsolutePath();
    Path spec = dir.resolve("two.yaml");
    java.nio.file.Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "sources:",
            "  burst: {path: '" + burst + "', timestamp: ts, timestamp_format: epoch_s}",
            "slos:",
            "  - name: fast",
            "    source: burst",
            "    sli: {ratio: {good: 'status < 500'}}",
            "    objective: 99%",
            "    window: 30d",
            "    alerts: [{long: 2h, short: 10m, factor: 5, severity: page}]",
            "  - name: slow",
            "    source: burst",
            "    sli: {ratio: {good: 'status < 500'}}",
            "    objective: 99%",
            "    window: 1d",
            "    alerts: [{long: 12h, short: 7m, factor: 1, severity: ticket}]",
            ""));
    Catalog c = new SpecLoader().load(List.of(spec));
    Assessment a;
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      Evaluator ev = new Evaluator(engine);
      ev.prepare(c);
      a = ev.assess(c, AT, new FailOn.OnBreach());
    }
    // fast: 2h holds 120 requests, 10 bad -> (10/120)/0.01 = 8.33 >= 5; 10m: 10 of 10 -> 100
    AlertStatus fast = a.details().get(0).alerts().get(0);
    assertThat(fast.longWindow()).isEqualTo(new io.slotoolkit.model.Counts(110, 120));
    assertThat(fast.shortWindow()).isEqualTo(new io.slotoolkit.model.Counts(0, 10));
    assertThat(fast.fired()).isTrue();
    // slow: 12h holds 720 requests, 10 bad -> 1.39 >= 1; 7m: 7 of 7 bad -> 100
    AlertStatus slow = a.details().get(1).alerts().get(0);
    assertThat(slow.longWindow()).isEqualTo(new io.slotoolkit.model.Counts(710, 720));
    assertThat(slow.shortWindow()).isEqualTo(new io.slotoolkit.model.Counts(0, 7));
    assertThat(slow.longBurnRate()).isCloseTo(10.0 / 720 / 0.01, within(1e-9));
    assertThat(slow.fired()).isTrue();
    // the 1d SLO window: 1440 requests, 10 bad
    assertThat(a.details().get(1).result().total()).isEqualTo(1440);
  }

  @Test
  void alert_windows_reaching_before_a_calendar_window_still_count_their_whole_length(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path burst = Path.of("src/test/resources/events/alerts/burst.csv").toAbsolutePath();
    Path spec = dir.resolve("week.yaml");
    java.nio.file.Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "sources:",
            "  burst: {path: '" + burst + "', timestamp: ts, timestamp_format: epoch_s}",
            "slos:",
            "  - name: weekly",
            "    source: burst",
            "    sli: {ratio: {good: 'status < 500'}}",
            "    objective: 99%",
            "    window: week",
            "    alerts:",
            "      - {long: 1h, short: 5m, factor: 14.4, severity: page}",
            "      - {long: 3d, short: 6h, factor: 1, severity: ticket}",
            ""));
    Catalog c = new SpecLoader().load(List.of(spec));
    ResultDetails d;
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      Evaluator ev = new Evaluator(engine);
      ev.prepare(c);
      d = ev.assess(c, AT, new FailOn.OnBreach()).details().get(0);
    }
    // AT is a Wednesday: the week window is [Mon 2026-03-02, AT), 2 days = 2880 requests
    assertThat(d.result().total()).isEqualTo(2880);
    // the 3d/6h pair still looks back 3 days, from Sunday: 4320 requests, 10 bad
    AlertStatus threeDays = pair(d, "3d");
    assertThat(threeDays.longWindow()).isEqualTo(new io.slotoolkit.model.Counts(4310, 4320));
    // burn (10/4320)/0.01 = 0.2315 < 1: the slow ticket stays quiet
    assertThat(threeDays.fired()).isFalse();
    // 1h: 10 of 60 -> 16.67 >= 14.4; 5m: 100: the fast page fires
    assertThat(pair(d, "1h").fired()).isTrue();
  }

  @Test
  void the_report_leaves_excluded_events_out_too() {
    Catalog c = new SpecLoader().load(List.of(SPEC));
    io.slotoolkit.model.Report report;
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      Evaluator ev = new Evaluator(engine);
      ev.prepare(c);
      report =
          new ReportEvaluator(engine)
              .evaluate(
                  c,
                  AT,
                  new io.slotoolkit.model.FailOn.OnBreach(),
                  new ReportEvaluator.Options(List.of(), 5, List.of(), null, null, 0));
    }
    // the same 4320 requests; the excluded SLO drops the 10 failed ones of [23:50, 00:00)
    assertThat(report.slos().get(0).window().total()).isEqualTo(4320);
    assertThat(report.slos().get(1).window().good()).isEqualTo(4310);
    assertThat(report.slos().get(1).window().total()).isEqualTo(4310);
    // last 7 days: the 4320 requests of the 3-day history, less the 10 excluded
    assertThat(report.slos().get(1).last7Days().total()).isEqualTo(4310);
  }
}
