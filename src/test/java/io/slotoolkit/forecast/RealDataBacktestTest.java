package io.slotoolkit.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.model.Backtest;
import io.slotoolkit.model.DuplicateRule;
import io.slotoolkit.model.Series;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The last year of two real series (see src/test/resources/forecast/SOURCE.md) held out. */
class RealDataBacktestTest {
  private final Forecaster forecaster = new Forecaster();

  private Backtest lastYear(String file) {
    Series s =
        SeriesFile.read(Path.of("src/test/resources/forecast", file))
            .series("ds", "y", DuplicateRule.ERROR);
    return forecaster.backtest(s, ForecastOptions.defaults(), 0);
  }

  @Test
  void air_passengers_1960_beats_seasonal_naive_and_the_upper_bound_reaches_the_peak() {
    Backtest b = lastYear("example_air_passengers.csv");
    assertThat(b.from()).isEqualTo(LocalDate.of(1960, 1, 1));
    assertThat(b.points()).isEqualTo(12);
    assertThat(b.actualPeak()).isEqualTo(622);
    assertThat(b.actualPeakDate()).isEqualTo(LocalDate.of(1960, 7, 1));
    assertThat(b.peakUpper95()).isGreaterThanOrEqualTo(b.actualPeak());
    // Same year a year earlier (1959) is 9.99% off; the model must do better on both counts.
    assertThat(b.mape()).isLessThan(b.baselineMape());
    assertThat(Math.abs(b.peakError())).isLessThan(Math.abs(b.baselinePeakError()));
    assertThat(b.mape()).isLessThan(4);
    assertThat(b.coverage95()).isGreaterThanOrEqualTo(75);
  }

  @Test
  void retail_sales_last_year_beats_seasonal_naive_and_the_upper_bound_reaches_the_peak() {
    Backtest b = lastYear("example_retail_sales.csv");
    assertThat(b.from()).isEqualTo(LocalDate.of(2015, 6, 1));
    assertThat(b.actualPeakDate()).isEqualTo(LocalDate.of(2015, 12, 1));
    assertThat(b.peakUpper95()).isGreaterThanOrEqualTo(b.actualPeak());
    assertThat(b.mape()).isLessThan(b.baselineMape());
    assertThat(Math.abs(b.peakError())).isLessThan(Math.abs(b.baselinePeakError()));
    assertThat(b.mape()).isLessThan(2);
    assertThat(b.coverage95()).isGreaterThanOrEqualTo(75);
  }
}
