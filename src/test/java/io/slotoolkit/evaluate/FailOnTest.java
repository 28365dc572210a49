package io.slotoolkit.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.FailOn;
import io.slotoolkit.model.SeverityAssessment;
import io.slotoolkit.model.SloException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailOnTest {
  static final SeverityTable NO_TABLE = SeverityTable.NONE;

  /** What a gate looks at: (breached, alert fired, an SLO without data, the severity reached). */
  static FailOn.Outcome outcome(
      boolean breached, boolean alertFired, boolean withoutData, SeverityAssessment s) {
    return new FailOn.Outcome(
        breached,
        alertFired,
        withoutData,
        s == null || s.highest() == null ? FailOn.Outcome.NO_LEVEL : s.highest().rank(),
        false);
  }

  @Test
  void no_data_fails_on_a_breach_or_an_slo_without_data_but_not_on_an_alert() {
    FailOn g = FailOnParser.parse("no-data", NO_TABLE);
    assertThat(g).isEqualTo(new FailOn.OnNoData());
    // (breached, alert fired, an SLO without data)
    assertThat(g.failed(outcome(false, false, false, null))).isFalse();
    assertThat(g.failed(outcome(true, false, false, null))).isTrue();
    assertThat(g.failed(outcome(false, false, true, null))).isTrue();
    assertThat(g.failed(outcome(false, true, false, null))).isFalse();
    // the other gates do not look at missing data
    assertThat(new FailOn.OnBreach().failed(outcome(false, false, true, null))).isFalse();
    assertThat(new FailOn.OnAlert().failed(outcome(false, false, true, null))).isFalse();
  }

  @Test
  void stale_fails_only_on_stale_data_and_joins_other_gates() {
    FailOn g = FailOnParser.parse("Stale", NO_TABLE);
    assertThat(g).isEqualTo(new FailOn.OnStale());
    // (breached, alert fired, an SLO without data, a stale source)
    assertThat(g.failed(new FailOn.Outcome(true, true, true, FailOn.Outcome.NO_LEVEL, false)))
        .isFalse();
    assertThat(g.failed(new FailOn.Outcome(false, false, false, FailOn.Outcome.NO_LEVEL, true)))
        .isTrue();
    assertThat(
            new FailOn.OnBreach()
                .failed(new FailOn.Outcome(false, false, false, FailOn.Outcome.NO_LEVEL, true)))
        .isFalse();
    FailOn both = FailOnParser.parse("breached,stale", NO_TABLE);
    assertThat(both.failed(new FailOn.Outcome(true, false, false, FailOn.Outcome.NO_LEVEL, false)))
        .isTrue();
    assertThat(both.failed(new FailOn.Outcome(false, false, false, FailOn.Outcome.NO_LEVEL, true)))
        .isTrue();
    assertThat(both.failed(new FailOn.Outcome(false, true, true, FailOn.Outcome.NO_LEVEL, false)))
        .isFalse();
    assertThat(both.label()).isEqualTo("breached,stale");
  }

  @Test
  void gates_joined_by_commas_fail_when_any_fails() {
    FailOn g = FailOnParser.parse("alert, No-Data", NO_TABLE);
    assertThat(g).isEqualTo(new FailOn.AnyOf(List.of(new FailOn.OnAlert(), new FailOn.OnNoData())));
    assertThat(g.label()).isEqualTo("alert,no-data");
    assertThat(g.failed(outcome(false, true, false, null))).isTrue();
    assertThat(g.failed(outcome(false, false, true, null))).isTrue();
    assertThat(g.failed(outcome(false, false, false, null))).isFalse();
    // a gate given twice counts once
    assertThat(FailOnParser.parse("breached,breached", NO_TABLE)).isEqualTo(new FailOn.OnBreach());
  }

  @Test
  void typos_empty_parts_and_none_among_others_are_usage_errors() {
    assertThatThrownBy(() -> FailOnParser.parse("no-dat", NO_TABLE))
        .isInstanceOfSatisfying(
            SloException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
              assertThat(e.hint()).startsWith("did you mean no-data? allowed:");
            });
    assertThatThrownBy(() -> FailOnParser.parse("alert,", NO_TABLE))
        .isInstanceOf(SloException.class)
        .hasMessageContaining("an empty gate between commas");
    assertThatThrownBy(() -> FailOnParser.parse("none,alert", NO_TABLE))
        .isInstanceOf(SloException.class)
        .hasMessageContaining("none cannot be combined");
    assertThatThrownBy(() -> FailOnParser.parse("alert,bogus", NO_TABLE))
        .isInstanceOf(SloException.class)
        .hasMessage("unknown --fail-on value 'bogus' in 'alert,bogus'");
  }

  @Test
  void report_gates_are_none_or_breached() {
    assertThat(FailOnParser.parseReport(" Breached ")).isEqualTo(new FailOn.OnBreach());
    assertThat(FailOnParser.parseReport("NONE")).isEqualTo(new FailOn.Never());
    assertThatThrownBy(() -> FailOnParser.parseReport("alert"))
        .isInstanceOfSatisfying(
            SloException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("--fail-on alert: unknown gate");
              assertThat(e.hint()).isEqualTo("use none or breached");
            });
  }

  @Test
  void a_verdict_gate_fails_from_its_verdict_on() {
    List<String> verdicts = List.of("does-not-fit", "at-risk");
    FailOn atRisk = FailOnParser.parseVerdict("AT_RISK", verdicts);
    FailOn doesNotFit = FailOnParser.parseVerdict("does-not-fit", verdicts);
    assertThat(atRisk).isEqualTo(new FailOn.AtLevel("at-risk", 1));
    // ranks: DOES_NOT_FIT 0, AT_RISK 1, FITS none
    FailOn.Outcome notFitting = FailOn.Outcome.atLevel(0);
    FailOn.Outcome risky = FailOn.Outcome.atLevel(1);
    FailOn.Outcome fits = FailOn.Outcome.atLevel(FailOn.Outcome.NO_LEVEL);
    assertThat(atRisk.failed(notFitting)).isTrue();
    assertThat(atRisk.failed(risky)).isTrue();
    assertThat(atRisk.failed(fits)).isFalse();
    assertThat(doesNotFit.failed(notFitting)).isTrue();
    assertThat(doesNotFit.failed(risky)).isFalse();
    assertThat(FailOnParser.parseVerdict("never", verdicts).failed(notFitting)).isFalse();
    assertThatThrownBy(() -> FailOnParser.parseVerdict("fits", verdicts))
        .isInstanceOfSatisfying(
            SloException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("--fail-on fits is not a verdict");
              assertThat(e.hint()).isEqualTo("use at-risk, does-not-fit or never");
            });
  }
}
