package io.slotoolkit.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotoolkit.model.PeriodChoice;
import io.slotoolkit.model.Window;
import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarPeriodsTest {
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final MonthDay APRIL_1 = MonthDay.of(4, 1);
  static final Window.Calendar FISCAL_YEAR = new Window.Calendar(Window.Period.YEAR, APRIL_1);
  static final Window.Calendar FISCAL_QUARTER = new Window.Calendar(Window.Period.QUARTER, APRIL_1);

  static Instant t(String iso) {
    return java.time.OffsetDateTime.parse(iso).toInstant();
  }

  @Test
  void a_japanese_fiscal_year_starts_on_1_april_in_tokyo() {
    // the last second of FY2025: the window is 1 April 2025 00:00 JST (= 31 March 15:00 UTC) on
    assertThat(WindowBounds.start(FISCAL_YEAR, t("2026-03-31T23:59:59+09:00"), TOKYO))
        .isEqualTo(t("2025-04-01T00:00:00+09:00"))
        .isEqualTo(Instant.parse("2025-03-31T15:00:00Z"));
    // 1 April 2026 00:00 JST starts FY2026: the window is empty there (start = at)
    assertThat(WindowBounds.start(FISCAL_YEAR, t("2026-04-01T00:00:00+09:00"), TOKYO))
        .isEqualTo(t("2026-04-01T00:00:00+09:00"));
    // 31 March 2026 16:00 UTC is already 1 April 01:00 in Tokyo: FY2026
    assertThat(WindowBounds.start(FISCAL_YEAR, Instant.parse("2026-03-31T16:00:00Z"), TOKYO))
        .isEqualTo(Instant.parse("2026-03-31T15:00:00Z"));
    // the civil year in the same zone starts on 1 January
    assertThat(
            WindowBounds.start(
                Window.Calendar.civil(Window.Period.YEAR), t("2026-03-31T23:59:59+09:00"), TOKYO))
        .isEqualTo(t("2026-01-01T00:00:00+09:00"));
  }

  @Test
  void fiscal_quarters_count_from_the_fiscal_year_start() {
    // FY2026-Q1 = April to June, Q4 = January to March of the next civil year
    assertThat(WindowBounds.start(FISCAL_QUARTER, t("2026-05-15T12:00:00+09:00"), TOKYO))
        .isEqualTo(t("2026-04-01T00:00:00+09:00"));
    assertThat(WindowBounds.start(FISCAL_QUARTER, t("2026-02-10T12:00:00+09:00"), TOKYO))
        .isEqualTo(t("2026-01-01T00:00:00+09:00"));
    assertThat(CalendarPeriods.label(FISCAL_QUARTER, java.time.LocalDate.parse("2026-01-01")))
        .isEqualTo("FY2025-Q4");
    assertThat(CalendarPeriods.label(FISCAL_QUARTER, java.time.LocalDate.parse("2026-04-01")))
        .isEqualTo("FY2026-Q1");
    assertThat(CalendarPeriods.label(FISCAL_YEAR, java.time.LocalDate.parse("2025-04-01")))
        .isEqualTo("FY2025");
  }

  @Test
  void a_year_starting_on_the_6th_starts_its_quarters_on_the_6th() {
    Window.Calendar q = new Window.Calendar(Window.Period.QUARTER, MonthDay.of(4, 6));
    // 5 July is the last day of Q1 (6 April - 5 July), 6 July the first of Q2
    assertThat(WindowBounds.start(q, t("2026-07-05T12:00:00Z"), ZoneId.of("UTC")))
        .isEqualTo(t("2026-04-06T00:00:00Z"));
    assertThat(WindowBounds.start(q, t("2026-07-06T00:00:00Z"), ZoneId.of("UTC")))
        .isEqualTo(t("2026-07-06T00:00:00Z"));
    // 5 April 2026 is in Q4 of the year that began on 6 April 2025: from 6 January 2026
    assertThat(WindowBounds.start(q, t("2026-04-05T12:00:00Z"), ZoneId.of("UTC")))
        .isEqualTo(t("2026-01-06T00:00:00Z"));
  }

  @Test
  void the_last_complete_periods_end_where_the_current_one_starts() {
    Window.Calendar month = Window.Calendar.civil(Window.Period.MONTH);
    // at exactly 1 March 00:00 JST the current month is empty; February is the last complete one
    List<CalendarPeriods.Span> last =
        CalendarPeriods.lastComplete(month, t("2026-03-01T00:00:00+09:00"), TOKYO, 2);
    assertThat(last).extracting(CalendarPeriods.Span::label).containsExactly("2026-01", "2026-02");
    assertThat(last.get(1).start()).isEqualTo(t("2026-02-01T00:00:00+09:00"));
    assertThat(last.get(1).end()).isEqualTo(t("2026-03-01T00:00:00+09:00"));
    // one second earlier February is still running: January is the last complete month
    assertThat(CalendarPeriods.lastComplete(month, t("2026-02-28T23:59:59+09:00"), TOKYO, 1))
        .extracting(CalendarPeriods.Span::label)
        .containsExactly("2026-01");
    // fiscal years: at 1 May 2026 JST, FY2025 (1 April 2025 - 1 April 2026) is the last complete
    List<CalendarPeriods.Span> years =
        CalendarPeriods.lastComplete(FISCAL_YEAR, t("2026-05-01T00:00:00+09:00"), TOKYO, 1);
    assertThat(years.get(0).label()).isEqualTo("FY2025");
    assertThat(years.get(0).start()).isEqualTo(t("2025-04-01T00:00:00+09:00"));
    assertThat(years.get(0).end()).isEqualTo(t("2026-04-01T00:00:00+09:00"));
  }

  @Test
  void a_month_in_new_york_spans_the_spring_change_in_real_time() {
    // March 2026 in New York: 1 March 00:00 EST (05:00Z) to 1 April 00:00 EDT (04:00Z), one hour
    // short of 31 days
    CalendarPeriods.Span march =
        CalendarPeriods.resolve(PeriodChoice.parse("2026-03"), APRIL_1, NEW_YORK);
    assertThat(march.start()).isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
    assertThat(march.end()).isEqualTo(Instant.parse("2026-04-01T04:00:00Z"));
  }

  @Test
  void named_periods_resolve_in_the_zone_and_fiscal_ones_from_the_year_start() {
    assertThat(CalendarPeriods.resolve(PeriodChoice.parse("2026-q1"), APRIL_1, TOKYO))
        .extracting(CalendarPeriods.Span::start, CalendarPeriods.Span::end)
        .containsExactly(t("2026-01-01T00:00:00+09:00"), t("2026-04-01T00:00:00+09:00"));
    assertThat(CalendarPeriods.resolve(PeriodChoice.parse("FY2026-Q2"), APRIL_1, TOKYO))
        .extracting(CalendarPeriods.Span::start, CalendarPeriods.Span::end)
        .containsExactly(t("2026-07-01T00:00:00+09:00"), t("2026-10-01T00:00:00+09:00"));
    assertThat(CalendarPeriods.resolve(PeriodChoice.parse("FY2026"), APRIL_1, TOKYO))
        .extracting(CalendarPeriods.Span::label, CalendarPeriods.Span::start)
        .containsExactly("FY2026", t("2026-04-01T00:00:00+09:00"));
    // 1 January 2026 is a Thursday, so 2026 has 53 ISO weeks; week 1 starts Monday 29 Dec 2025
    assertThat(CalendarPeriods.resolve(PeriodChoice.parse("2026-W01"), APRIL_1, TOKYO).start())
        .isEqualTo(t("2025-12-29T00:00:00+09:00"));
    assertThat(CalendarPeriods.resolve(PeriodChoice.parse("2026-W53"), APRIL_1, TOKYO).label())
        .isEqualTo("2026-W53");
    assertThatThrownBy(
            () -> CalendarPeriods.resolve(PeriodChoice.parse("2025-W53"), APRIL_1, TOKYO))
        .hasMessage("2025 has no ISO week 53");
  }

  @Test
  void period_names_outside_the_forms_are_refused_with_a_reason() {
    assertThat(PeriodChoice.parse("2026").period()).isEqualTo(Window.Period.YEAR);
    assertThat(PeriodChoice.parse("2026-02").label()).isEqualTo("2026-02");
    assertThatThrownBy(() -> PeriodChoice.parse("2026-13"))
        .hasMessage("'2026-13': there is no month 13");
    assertThatThrownBy(() -> PeriodChoice.parse("FY2026-03"))
        .hasMessageContaining("only years and quarters are fiscal");
    assertThatThrownBy(() -> PeriodChoice.parse("Feb 2026"))
        .hasMessage("'Feb 2026' is not a period");
  }
}
