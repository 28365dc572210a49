package io.slotoolkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotoolkit.evaluate.TestSlos;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FreshnessTest {
  static final DataSource API = TestSlos.source("api");
  static final Instant LATEST = Instant.parse("2026-02-28T14:57:27Z");

  @Test
  void stale_only_after_the_latest_event_plus_the_allowance() {
    Duration twoHours = Duration.ofHours(2);
    // 14:57:27 + 2h = 16:57:27: exactly then still fresh, one second later stale
    assertThat(new Freshness(API, LATEST, twoHours, Instant.parse("2026-02-28T16:57:27Z")).stale())
        .isFalse();
    Freshness late = new Freshness(API, LATEST, twoHours, Instant.parse("2026-02-28T16:57:28Z"));
    assertThat(late.stale()).isTrue();
    assertThat(late.age()).isEqualTo(Duration.ofSeconds(2 * 3600 + 1));
    // --at now on the golden cases' clock (2026-03-01T00:00Z): 9h 2m 33s behind
    Freshness now = new Freshness(API, LATEST, twoHours, Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(now.stale()).isTrue();
    assertThat(now.age()).isEqualTo(Duration.ofSeconds(9 * 3600 + 2 * 60 + 33));
  }

  @Test
  void data_reaching_past_the_instant_is_fresh_with_age_zero() {
    Freshness past =
        new Freshness(API, LATEST, Duration.ofMinutes(1), Instant.parse("2026-02-01T00:00:00Z"));
    assertThat(past.stale()).isFalse();
    assertThat(past.age()).isZero();
  }

  @Test
  void the_allowance_is_positive() {
    assertThatThrownBy(() -> new Freshness(API, LATEST, Duration.ZERO, LATEST))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> API.withMaxStaleness(Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(API.withMaxStaleness(Duration.ofHours(2)).maxStaleness())
        .isEqualTo(Duration.ofHours(2));
  }
}
