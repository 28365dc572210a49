package io.slotoolkit.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.Season;
import io.slotoolkit.model.SloException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SeasonTest {
  @Test
  void a_range_contains_both_ends() {
    Season s = Season.parse("03-15..04-10");
    assertThat(s.contains(LocalDate.of(2026, 3, 14))).isFalse();
    assertThat(s.contains(LocalDate.of(2026, 3, 15))).isTrue();
    assertThat(s.contains(LocalDate.of(2026, 4, 10))).isTrue();
    assertThat(s.contains(LocalDate.of(2026, 4, 11))).isFalse();
    assertThat(s.toString()).isEqualTo("03-15..04-10");
  }

  @Test
  void a_range_may_wrap_over_the_new_year() {
    Season s = Season.parse("12-15..01-10");
    assertThat(s.contains(LocalDate.of(2025, 12, 31))).isTrue();
    assertThat(s.contains(LocalDate.of(2026, 1, 10))).isTrue();
    assertThat(s.contains(LocalDate.of(2026, 6, 1))).isFalse();
    assertThat(s.nextEnd(LocalDate.of(2025, 12, 20))).isEqualTo(LocalDate.of(2026, 1, 10));
  }

  @Test
  void a_month_overlaps_when_any_of_its_days_is_in_the_range() {
    Season s = Season.parse("03-25..04-05");
    assertThat(s.overlaps(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))).isTrue();
    assertThat(s.overlaps(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31))).isFalse();
  }

  @Test
  void an_impossible_day_is_a_usage_error() {
    assertThatThrownBy(() -> Season.parse("02-30..03-10"))
        .isInstanceOf(SloException.class)
        .hasMessage("--season '02-30..03-10': 02-30 is not a day of the year")
        .satisfies(e -> assertThat(((SloException) e).exitCode()).isEqualTo(ExitCode.USAGE));
  }

  @Test
  void a_month_above_12_is_a_usage_error() {
    assertThatThrownBy(() -> Season.parse("13-01..04-10"))
        .hasMessage("--season '13-01..04-10': month 13 is not between 01 and 12");
  }

  @Test
  void a_malformed_range_is_a_usage_error() {
    assertThatThrownBy(() -> Season.parse("March"))
        .hasMessage("--season 'March' is not a date range");
  }
}
