package io.slotoolkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.model.Exclusion;
import io.slotoolkit.model.ExclusionScope;
import io.slotoolkit.model.Recurrence;
import io.slotoolkit.model.SpecFile;
import io.slotoolkit.model.Window;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code calendar:}, {@code rrule:}, {@code duration:} and exclusion {@code tags:} as read. */
class CalendarKeysTest {
  static final Path SPEC = Path.of("src/test/resources/specs/valid/calendars.yaml");

  static SpecFile file() {
    return new SpecLoader().load(List.of(SPEC)).files().get(0);
  }

  @Test
  void a_fiscal_year_window_keeps_its_start() {
    Window w = file().slos().get(0).window();
    assertThat(w).isEqualTo(new Window.Calendar(Window.Period.YEAR, MonthDay.of(4, 1)));
    assertThat(w.label()).isEqualTo("year from 04-01");
  }

  @Test
  void an_rrule_exclusion_is_read_in_the_source_zone_for_the_tagged_slos() {
    Exclusion.Recurring r = (Exclusion.Recurring) file().exclusions().get(0);
    assertThat(r.rule().frequency()).isEqualTo(Recurrence.Frequency.MONTHLY);
    assertThat(r.rule().byDay()).containsExactly(new Recurrence.WeekdayNum(1, DayOfWeek.TUESDAY));
    assertThat(r.rule().text()).isEqualTo("FREQ=MONTHLY;BYDAY=1TU");
    assertThat(r.start()).isEqualTo(LocalDateTime.parse("2026-01-06T02:00"));
    assertThat(r.duration()).isEqualTo(Duration.ofHours(2));
    assertThat(r.zone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(r.scope())
        .isEqualTo(
            new ExclusionScope.Tagged(
                new ExclusionScope.SourceNamed("api", SPEC), List.of("customer-facing")));
    assertThat(r.scope().appliesTo(file().slos().get(0))).isTrue();
  }

  @Test
  void a_one_off_with_a_duration_ends_that_long_after_its_start() {
    Exclusion.Once o = (Exclusion.Once) file().exclusions().get(1);
    // 2026-03-01 02:00 in New York is EST (UTC-5): 07:00Z, plus 90 minutes
    assertThat(o.start()).isEqualTo(Instant.parse("2026-03-01T07:00:00Z"));
    assertThat(o.end()).isEqualTo(Instant.parse("2026-03-01T08:30:00Z"));
  }
}
