package io.slotoolkit.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.model.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WindowBoundsTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static Instant start(Window w, String at, ZoneId zone) {
    return WindowBounds.start(w, Instant.parse(at), zone);
  }

  @Test
  void rolling_window_is_exact_length_back_from_at() {
    assertThat(start(new Window.Rolling(Duration.ofHours(36)), "2026-02-28T00:00:00Z", TOKYO))
        .isEqualTo(Instant.parse("2026-02-26T12:00:00Z"));
  }

  @Test
  void rolling_days_are_elapsed_time_even_across_dst() {
    // 2026-03-08 is the US spring-forward day; 7d rolling = 168 hours regardless of the zone
    assertThat(start(new Window.Rolling(Duration.ofDays(7)), "2026-03-10T12:00:00Z", NEW_YORK))
        .isEqualTo(Instant.parse("2026-03-03T12:00:00Z"));
  }

  @Test
  void month_starts_at_local_midnight_of_the_first() {
    // 2026-02-27T15:00Z is 2026-02-28 00:00 in Tokyo -> February; 2026-02-01 00:00 +09:00 =
    // 2026-01-31T15:00Z
    assertThat(start(Window.Calendar.civil(Window.Period.MONTH), "2026-02-27T15:00:00Z", TOKYO))
        .isEqualTo(Instant.parse("2026-01-31T15:00:00Z"));
  }

  @Test
  void month_containing_at_is_judged_in_the_source_zone() {
    // 2026-02-28T16:00Z is already 2026-03-01 01:00 in Tokyo -> March started 2026-02-28T15:00Z
    assertThat(start(Window.Calendar.civil(Window.Period.MONTH), "2026-02-28T16:00:00Z", TOKYO))
        .isEqualTo(Instant.parse("2026-02-28T15:00:00Z"));
  }

  @Test
  void week_starts_monday_in_the_zone_and_knows_dst() {
    // Wednesday 2026-03-11 in New York; Monday 2026-03-09 00:00 EDT (-04:00) = 04:00Z (DST began
    // Sunday 03-08)
    assertThat(start(Window.Calendar.civil(Window.Period.WEEK), "2026-03-11T12:00:00Z", NEW_YORK))
        .isEqualTo(Instant.parse("2026-03-09T04:00:00Z"));
    // the week before: Monday 2026-03-02 00:00 EST (-05:00) = 05:00Z
    assertThat(start(Window.Calendar.civil(Window.Period.WEEK), "2026-03-08T12:00:00Z", NEW_YORK))
        .isEqualTo(Instant.parse("2026-03-02T05:00:00Z"));
  }

  @Test
  void quarter_starts_on_the_first_of_jan_apr_jul_oct() {
    assertThat(
            start(
                Window.Calendar.civil(Window.Period.QUARTER),
                "2026-05-20T00:00:00Z",
                ZoneId.of("UTC")))
        .isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
    assertThat(
            start(
                Window.Calendar.civil(Window.Period.QUARTER),
                "2026-12-31T23:59:59Z",
                ZoneId.of("UTC")))
        .isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
  }

  @Test
  void at_exactly_on_a_period_start_gives_an_empty_window() {
    // the contract: the window covers [start of the period containing at, at); at = 03-01 00:00 ->
    // [03-01, 03-01)
    Instant at = Instant.parse("2026-03-01T00:00:00Z");
    assertThat(WindowBounds.start(Window.Calendar.civil(Window.Period.MONTH), at, ZoneId.of("UTC")))
        .isEqualTo(at);
  }

  @Test
  void midnight_in_a_dst_gap_moves_forward() {
    // America/Santiago skipped 2022-09-11 00:00 -> 01:00 (-04 -> -03); the day starts at 01:00
    // -03:00 = 04:00Z
    assertThat(
            start(
                Window.Calendar.civil(Window.Period.WEEK),
                "2022-09-14T12:00:00Z",
                ZoneId.of("America/Santiago")))
        .isEqualTo(Instant.parse("2022-09-12T03:00:00Z"));
  }
}
