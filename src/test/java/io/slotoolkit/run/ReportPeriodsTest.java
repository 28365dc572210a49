package io.slotoolkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.slotoolkit.engine.DuckDbEngine;
import io.slotoolkit.engine.Engine;
import io.slotoolkit.engine.EngineOptions;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.FailOn;
import io.slotoolkit.model.PeriodChoice;
import io.slotoolkit.model.PeriodResult;
import io.slotoolkit.model.Report;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SloReport;
import io.slotoolkit.model.Status;
import io.slotoolkit.spec.SpecLoader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code slo report --periods} and {@code --period} over {@code cli/specs/calendars/fiscal.yaml}
 * (Asia/Tokyo, fiscal years from 1 April; its comment lists the events) and the bundled examples.
 */
class ReportPeriodsTest {
  static final Path FISCAL = Path.of("src/test/resources/cli/specs/calendars/fiscal.yaml");

  /** The report, and how many times the engine scanned a source for it. */
  record Run(Report report, int scans) {}

  static Run run(Path spec, String at, ReportEvaluator.Options options) {
    Catalog c = new SpecLoader().load(List.of(spec));
    try (DuckDbEngine duck = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      AtomicInteger scans = new AtomicInteger();
      Engine counting =
          (Engine)
              Proxy.newProxyInstance(
                  Engine.class.getClassLoader(),
                  new Class<?>[] {Engine.class},
                  (proxy, method, args) -> {
                    if (method.getName().equals("scan")) scans.incrementAndGet();
                    try {
                      return method.invoke(duck, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
      new Evaluator(counting).prepare(c);
      scans.set(0);
      Report r =
          new ReportEvaluator(counting)
              .evaluate(c, OffsetDateTime.parse(at).toInstant(), new FailOn.Never(), options);
      return new Run(r, scans.get());
    }
  }

  static ReportEvaluator.Options periods(int n) {
    return new ReportEvaluator.Options(List.of(), 10, List.of(), null, null, n);
  }

  static SloReport slo(Report r, String name) {
    return r.slos().stream().filter(s -> s.slo().name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void the_last_fiscal_years_and_quarters_come_from_the_report_scan() {
    Run run = run(FISCAL, "2026-04-03T00:00:00+09:00", periods(2));
    // one scan for check's statuses (ALERT) and one for the report, whatever the history length
    assertThat(run.scans()).isEqualTo(2);
    List<PeriodResult> years = slo(run.report(), "fiscal-year").periods();
    assertThat(years).extracting(PeriodResult::label).containsExactly("FY2024", "FY2025");
    // FY2024 [2024-04-01, 2025-04-01): only 2025-03-31 23:59, bad: 0 of 1; allowed 0.25 x 1,
    // so 1 / 0.25 = 4 = 400% of the budget used
    assertThat(years.get(0).result().good()).isZero();
    assertThat(years.get(0).result().total()).isEqualTo(1);
    assertThat(years.get(0).budgetUsed()).isCloseTo(4.0, within(1e-9));
    // FY2025: 04-01 00:00 good, 06-30 bad, 07-01 good, 01-05 good, 03-31 23:59:59 bad: 3 of 5;
    // allowed 0.25 x 5 = 1.25, bad 2 -> 2 / 1.25 = 1.6
    assertThat(years.get(1).result().good()).isEqualTo(3);
    assertThat(years.get(1).result().total()).isEqualTo(5);
    assertThat(years.get(1).result().sli()).isCloseTo(0.6, within(1e-12));
    assertThat(years.get(1).budgetUsed()).isCloseTo(1.6, within(1e-9));
    assertThat(years.get(1).result().status()).isEqualTo(Status.BREACHED);
    assertThat(slo(run.report(), "fiscal-year").periodsSpent())
        .extracting(PeriodResult::label)
        .containsExactly("FY2024", "FY2025");
    // quarters: FY2025-Q3 (October - December) has no event; Q4 (January - March): 1 of 2
    List<PeriodResult> quarters = slo(run.report(), "fiscal-quarter").periods();
    assertThat(quarters).extracting(PeriodResult::label).containsExactly("FY2025-Q3", "FY2025-Q4");
    assertThat(quarters.get(0).result().total()).isZero();
    assertThat(quarters.get(0).result().status()).isEqualTo(Status.NO_DATA);
    assertThat(quarters.get(0).spentWholeBudget()).isFalse();
    assertThat(quarters.get(1).result().good()).isEqualTo(1);
    assertThat(quarters.get(1).result().total()).isEqualTo(2);
    // allowed 0.25 x 2 = 0.5, bad 1: exactly twice the budget
    assertThat(quarters.get(1).spentWholeBudget()).isTrue();
  }

  @Test
  void a_budget_used_exactly_to_zero_counts_as_spent() {
    // FY2025-Q1 alone: 04-01 good and 06-30 bad: allowed 0.25 x 2 = 0.5, bad 1 -> spent;
    // checked with --period FY2025-Q1, whose window is that quarter
    Run run =
        run(
            FISCAL,
            "2026-04-03T00:00:00+09:00",
            new ReportEvaluator.Options(
                List.of(), 10, List.of(), null, PeriodChoice.parse("FY2025-Q1"), 0));
    SloReport q = slo(run.report(), "fiscal-quarter");
    assertThat(q.window().windowStart())
        .isEqualTo(OffsetDateTime.parse("2025-04-01T00:00:00+09:00").toInstant());
    assertThat(q.window().windowEnd())
        .isEqualTo(OffsetDateTime.parse("2025-07-01T00:00:00+09:00").toInstant());
    assertThat(q.window().good()).isEqualTo(1);
    assertThat(q.window().total()).isEqualTo(2);
    assertThat(run.report().at())
        .isEqualTo(OffsetDateTime.parse("2025-07-01T00:00:00+09:00").toInstant());
    // a period's statuses come from its counts, without check's scan
    assertThat(run.scans()).isEqualTo(1);
  }

  @Test
  void a_period_that_has_not_ended_is_a_usage_error() {
    assertThatThrownBy(
            () ->
                run(
                    FISCAL,
                    "2026-04-03T00:00:00+09:00",
                    new ReportEvaluator.Options(
                        List.of(), 10, List.of(), null, PeriodChoice.parse("2026-04"), 0)))
        .isInstanceOfSatisfying(
            SloException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "--period 2026-04 has not ended: it ends at 2026-05-01T00:00+09:00, after"
                          + " the evaluation instant 2026-04-03T00:00+09:00");
            });
  }

  @Test
  void the_last_12_months_of_the_bundled_examples() {
    Run run = run(Path.of("slo-specs"), "2026-03-01T00:00:00+09:00", periods(12));
    // four sources (api, face, unlocks, and unlock-journey.yaml's api): two scans each, check's
    // and the report's
    assertThat(run.scans()).isEqualTo(8);
    SloReport face = slo(run.report(), "face-match-latency");
    List<PeriodResult> months = face.periods();
    assertThat(months).hasSize(12);
    assertThat(months.get(0).label()).isEqualTo("2025-03");
    assertThat(months.get(11).label()).isEqualTo("2026-02");
    // no data before January 2026
    assertThat(months.subList(0, 10)).allSatisfy(p -> assertThat(p.result().total()).isZero());
    // February is the month window at 2026-02-28 (examples/README: 17,792 / 18,470, BREACHED);
    // allowed 1% x 18,470 = 184.7, bad 678: 678 / 184.7 = 3.6708... of the budget: spent
    PeriodResult feb = months.get(11);
    assertThat(feb.result().good()).isEqualTo(17_792);
    assertThat(feb.result().total()).isEqualTo(18_470);
    assertThat(feb.budgetUsed()).isCloseTo(678 / 184.7, within(1e-9));
    assertThat(face.periodsSpent()).extracting(PeriodResult::label).containsExactly("2026-02");
    // the two complete months of the API hold every API request but the internal test tenant's
    // and /healthz: January 64,812 and February 60,235 requests
    SloReport api = slo(run.report(), "api-availability-per-customer");
    assertThat(api.periods().get(10).result().total()).isEqualTo(64_812);
    assertThat(api.periods().get(11).result().total()).isEqualTo(60_235);
    // a rolling window lists none
    assertThat(slo(run.report(), "api-availability").periods()).isEmpty();
  }
}
