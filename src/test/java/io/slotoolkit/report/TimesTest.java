package io.slotoolkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimesTest {
  @Test
  void remembered_instants_are_written_as_new_ones() {
    Instant start = Instant.parse("2026-01-03T00:00:00Z");
    Instant end = Instant.parse("2026-01-31T00:00:00.250Z");
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    // start and end alternate, as a check writes them group after group, then the zone changes
    for (int i = 0; i < 3; i++) {
      assertThat(Times.iso(start, ZoneOffset.UTC)).isEqualTo("2026-01-03T00:00:00Z");
      assertThat(Times.iso(end, ZoneOffset.UTC)).isEqualTo("2026-01-31T00:00:00.250000Z");
    }
    assertThat(Times.iso(start, tokyo)).isEqualTo("2026-01-03T09:00:00+09:00");
    assertThat(Times.iso(start, ZoneOffset.UTC)).isEqualTo("2026-01-03T00:00:00Z");
    assertThat(Times.iso(end, tokyo)).isEqualTo("2026-01-31T09:00:00.250000+09:00");
    assertThat(Times.iso(end.plusSeconds(1), tokyo)).isEqualTo("2026-01-31T09:00:01.250000+09:00");
    // the empty memory's instant is not taken for a written one: it cannot be written at all
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Times.iso(Instant.MIN, ZoneOffset.UTC))
        .isInstanceOf(java.time.DateTimeException.class);
  }
}
