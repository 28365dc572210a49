package io.slotoolkit.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotoolkit.model.Window;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WindowParserTest {

  @ParameterizedTest(name = "{0} is {1} s")
  @CsvSource({
    "28d, 2419200", // 28 x 86 400
    "7d, 604800", // 7 x 86 400
    "1d, 86400",
    "36h, 129600", // 36 x 3 600
    "1h, 3600",
    "36600d, 3162240000", // the cap: 36 600 x 86 400
    "878400h, 3162240000" // the same cap in hours: 36 600 x 24 = 878 400
  })
  void rolling_windows_are_whole_days_or_hours(String text, long seconds)
      throws InvalidValueException {
    assertThat(WindowParser.parse(text)).isEqualTo(new Window.Rolling(Duration.ofSeconds(seconds)));
  }

  @Test
  void calendar_windows_are_week_month_and_quarter() throws InvalidValueException {
    assertThat(WindowParser.parse("week")).isEqualTo(Window.Calendar.civil(Window.Period.WEEK));
    assertThat(WindowParser.parse("month")).isEqualTo(Window.Calendar.civil(Window.Period.MONTH));
    assertThat(WindowParser.parse("quarter"))
        .isEqualTo(Window.Calendar.civil(Window.Period.QUARTER));
  }

  @Test
  void label_round_trips() throws InvalidValueException {
    for (String text : new String[] {"28d", "36h", "week", "month", "quarter"}) {
      assertThat(WindowParser.parse(text).label()).isEqualTo(text);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1M", "1m", "30m", "3M"})
  void months_and_minutes_are_ambiguous(String text) {
    assertThatThrownBy(() -> WindowParser.parse(text))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("window '" + text + "' is ambiguous");
              assertThat(e.hint())
                  .isEqualTo("write 'month' for the calendar month or '30d' for a rolling 30 days");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"month1", "d", "-1d", "1.5d", "1y", "28 days", "monthly", "7 d"})
  void junk_says_what_is_allowed(String text) {
    assertThatThrownBy(() -> WindowParser.parse(text))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("window '" + text + "' is not a window");
              assertThat(e.hint()).isEqualTo(WindowParser.ALLOWED);
            });
  }

  @Test
  void near_misses_get_a_pointed_hint() {
    assertThatThrownBy(() -> WindowParser.parse("28"))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.hint()).isEqualTo("write 28d for days or 28h for hours"));
    assertThatThrownBy(() -> WindowParser.parse("Quarter"))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.hint()).isEqualTo("did you mean 'quarter'?"));
    assertThatThrownBy(() -> WindowParser.parse("28D"))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.hint()).isEqualTo("did you mean '28d'?"));
    assertThatThrownBy(() -> WindowParser.parse("4w"))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e ->
                assertThat(e.hint())
                    .isEqualTo(
                        "write 'week' for the calendar week or a number of days such as '28d'"));
    // a fortnight is refused: ISO weeks do not pair evenly and sprints start anywhere
    assertThatThrownBy(() -> WindowParser.parse("2w"))
        .hasMessage(
            "window '2w' is not a window: weeks are not a rolling unit, and a calendar fortnight"
                + " has no agreed start");
  }

  @Test
  void year_is_a_calendar_window_from_1_january() throws Exception {
    assertThat(WindowParser.parse("year"))
        .isEqualTo(new Window.Calendar(Window.Period.YEAR, Window.Calendar.JANUARY_1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0d", "0h", "000d"})
  void empty_window_is_refused(String text) {
    assertThatThrownBy(() -> WindowParser.parse(text))
        .hasMessage("window '" + text + "' must be longer than zero");
  }

  @ParameterizedTest
  @ValueSource(strings = {"36601d", "878401h", "99999999999999999999999d"})
  void windows_beyond_a_hundred_years_are_refused(String text) {
    assertThatThrownBy(() -> WindowParser.parse(text))
        .hasMessage("window '" + text + "' is too long");
  }
}
