package io.slotoolkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotoolkit.model.DuplicateRule;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.ForecastReport;
import io.slotoolkit.model.Frequency;
import io.slotoolkit.model.LatencyUnit;
import io.slotoolkit.model.SloException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SeriesForecastTest {
  static final Path KOBE =
      Path.of("src/test/resources/forecast/kobe_monthly_population_change.csv");

  private static SeriesForecast.Options options(String valueColumn) {
    return new SeriesForecast.Options(
        KOBE,
        "kobe.csv",
        null,
        valueColumn,
        null,
        LatencyUnit.MS,
        null,
        null,
        1,
        null,
        0,
        null,
        DuplicateRule.ERROR,
        0,
        false,
        0,
        false);
  }

  @Test
  void a_guessed_value_column_that_fails_names_itself_and_the_other_numeric_columns() {
    // net_change is the first numeric column after the date, and it goes negative on row 3
    assertThatThrownBy(() -> new SeriesForecast().run(options(null)))
        .isInstanceOf(SloException.class)
        .satisfies(
            e -> {
              SloException s = (SloException) e;
              assertThat(s.exitCode()).isEqualTo(ExitCode.DATA);
              assertThat(s.hint())
                  .contains("net_change is the default value column")
                  .contains("--value-column: net_change, natural_change, births");
            });
  }

  @Test
  void a_named_value_column_is_forecast_without_a_premortem_when_nothing_is_checked() {
    ForecastReport r = new SeriesForecast().run(options("births"));
    assertThat(r.source()).isEqualTo("kobe.csv");
    // no season, no capacity and no latency column: nothing to assess, so no verdict
    assertThat(r.premortem()).isNull();
    assertThat(r.backtest()).isNull();
    // the 46 monthly rows of births, the first one October 2011 with 1050
    assertThat(r.forecast().history().values()).hasSize(46);
    assertThat(r.forecast().history().values()[0]).isEqualTo(1050.0);
    assertThat(r.forecast().history().frequency()).isEqualTo(Frequency.MONTHLY);
  }
}
