package io.slotoolkit.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.FailOn;
import io.slotoolkit.model.SloException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailOnTest {
  static final SeverityTable NO_TABLE = SeverityTable.NONE;

  @Test
  void no_data_fails_on_a_breach_or_an_slo_without_data_but_not_on_an_alert() {
    FailOn g = FailOnParser.parse("no-data", NO_TABLE);
    assertThat(g).isEqualTo(new FailOn.OnNoData());
    // (breached, alert fired, an SLO without data)
    assertThat(g.failed(false, false, false, null)).isFalse();
    assertThat(g.failed(true, false, false, null)).isTrue();
    assertThat(g.failed(false, false, true, null)).isTrue();
    assertThat(g.failed(false, true, false, null)).isFalse();
    // the other gates do not look at missing data
    assertThat(new FailOn.OnBreach().failed(false, false, true, null)).isFalse();
    assertThat(new FailOn.OnAlert().failed(false, false, true, null)).isFalse();
  }

  @Test
  void stale_fails_only_on_stale_data_and_joins_other_gates() {
    FailOn g = FailOnParser.parse("Stale", NO_TABLE);
    assertThat(g).isEqualTo(new FailOn.OnStale());
    // (breached, alert fired, an SLO without data, a stale source)
    assertThat(g.failed(true, true, true, false, null)).isFalse();
    assertThat(g.failed(false, false, false, true, null)).isTrue();
    assertThat(new FailOn.OnBreach().failed(false, false, false, true, null)).isFalse();
    FailOn both = FailOnParser.parse("breached,stale", NO_TABLE);
    assertThat(both.failed(true, false, false, false, null)).isTrue();
    assertThat(both.failed(false, false, false, true, null)).isTrue();
    assertThat(both.failed(false, true, true, false, null)).isFalse();
    assertThat(both.label()).isEqualTo("breached,stale");
  }

  @Test
  void gates_joined_by_commas_fail_when_any_fails() {
    FailOn g = FailOnParser.parse("alert, No-Data", NO_TABLE);
    assertThat(g).isEqualTo(new FailOn.AnyOf(List.of(new FailOn.OnAlert(), new FailOn.OnNoData())));
    assertThat(g.label()).isEqualTo("alert,no-data");
    assertThat(g.failed(false, true, false, null)).isTrue();
    assertThat(g.failed(false, false, true, null)).isTrue();
    assertThat(g.failed(false, false, false, null)).isFalse();
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
}
