package io.slotoolkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {
  @Test
  void parts_add_up_across_every_unit() {
    // 1d = 86 400 s, 2h = 7 200 s, 3m = 180 s, 4s, 5ms, 6us
    assertThat(DurationText.parse("1d2h3m4s5ms6us"))
        .isEqualTo(Duration.ofSeconds(86_400 + 7_200 + 180 + 4).plusMillis(5).plusNanos(6_000));
  }

  @Test
  void decimals_case_and_blanks_are_accepted() {
    assertThat(DurationText.parse(" 0.5S ")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationText.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(DurationText.parse("250us")).isEqualTo(Duration.ofNanos(250_000));
  }

  @Test
  void anything_else_is_not_a_duration() {
    assertThat(DurationText.parse("")).isNull();
    assertThat(DurationText.parse(null)).isNull();
    assertThat(DurationText.parse("5")).isNull();
    assertThat(DurationText.parse("5 m")).isNull();
    assertThat(DurationText.parse("5w")).isNull();
    assertThat(DurationText.parse("0s")).isNull();
    assertThat(DurationText.parse("1h-5m")).isNull();
  }
}
