package io.slotoolkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SliceCalendarTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void a_day_slice_is_a_local_day_across_dst() {
    // Europe/Berlin leaves summer time on 2026-10-25 (25 hours): local midnight 2026-10-24T22:00Z
    // to 2026-10-25T23:00Z is one day slice
    Duration day = Duration.ofDays(1);
    long k = SliceCalendar.key(Instant.parse("2026-10-24T22:00:00Z"), BERLIN, day);
    assertThat(SliceCalendar.key(Instant.parse("2026-10-25T22:59:59Z"), BERLIN, day)).isEqualTo(k);
    assertThat(SliceCalendar.key(Instant.parse("2026-10-25T23:00:00Z"), BERLIN, day))
        .isEqualTo(k + 2); // K = 2 keys per day for 1d slices
    assertThat(SliceCalendar.sliceStart(k, BERLIN, day))
        .isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
    // a week of local days around the change: 7 slices
    assertThat(
            SliceCalendar.count(
                Instant.parse("2026-10-21T22:00:00Z"),
                Instant.parse("2026-10-28T23:00:00Z"),
                BERLIN,
                day))
        .isEqualTo(7);
  }

  @Test
  void hour_slices_on_a_25_hour_day_are_25_and_keys_grow() {
    Duration hour = Duration.ofHours(1);
    Instant from = Instant.parse("2026-10-24T22:00:00Z");
    Instant to = Instant.parse("2026-10-25T23:00:00Z");
    assertThat(SliceCalendar.count(from, to, BERLIN, hour)).isEqualTo(25);
    long previous = Long.MIN_VALUE;
    for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(7))) {
      long k = SliceCalendar.key(t, BERLIN, hour);
      assertThat(k).isGreaterThanOrEqualTo(previous);
      previous = k;
    }
    // the 23-hour spring day (2026-03-29): 23 hour slices
    assertThat(
            SliceCalendar.count(
                Instant.parse("2026-03-28T23:00:00Z"),
                Instant.parse("2026-03-29T22:00:00Z"),
                BERLIN,
                hour))
        .isEqualTo(23);
  }

  @Test
  void the_window_edges_cut_the_first_and_last_slice() {
    // [00:30, 03:10) UTC in 1h slices: 00, 01, 02, 03 -> 4 slices, two of them cut
    assertThat(
            SliceCalendar.count(
                Instant.parse("2026-03-02T00:30:00Z"),
                Instant.parse("2026-03-02T03:10:00Z"),
                ZoneOffset.UTC,
                Duration.ofHours(1)))
        .isEqualTo(4);
    // across midnight in 5m slices: [23:50, 00:10) -> 4 slices
    assertThat(
            SliceCalendar.count(
                Instant.parse("2026-03-01T23:50:00Z"),
                Instant.parse("2026-03-02T00:10:00Z"),
                ZoneOffset.UTC,
                Duration.ofMinutes(5)))
        .isEqualTo(4);
    assertThat(
            SliceCalendar.count(
                Instant.parse("2026-03-02T00:00:00Z"),
                Instant.parse("2026-03-02T00:00:00Z"),
                ZoneOffset.UTC,
                Duration.ofMinutes(5)))
        .isZero();
  }

  @Test
  void slices_follow_local_midnight_in_a_half_hour_zone() {
    // Asia/Kolkata is UTC+05:30: the 1h slices start at :30 UTC
    ZoneId kolkata = ZoneId.of("Asia/Kolkata");
    Duration hour = Duration.ofHours(1);
    assertThat(SliceCalendar.key(Instant.parse("2026-03-02T00:29:59Z"), kolkata, hour))
        .isEqualTo(SliceCalendar.key(Instant.parse("2026-03-01T23:30:00Z"), kolkata, hour));
    assertThat(SliceCalendar.key(Instant.parse("2026-03-02T00:30:00Z"), kolkata, hour))
        .isEqualTo(SliceCalendar.key(Instant.parse("2026-03-01T23:30:00Z"), kolkata, hour) + 1);
  }
}
