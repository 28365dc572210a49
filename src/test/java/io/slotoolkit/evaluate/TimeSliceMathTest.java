package io.slotoolkit.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.slotoolkit.model.Counts;
import io.slotoolkit.model.SliceSummary;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.Status;
import io.slotoolkit.model.TimeSlices;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSliceMathTest {
  private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
  private static final Instant END = Instant.parse("2026-03-02T04:00:00Z");

  private static TimeSlices slices(TimeSlices.EmptySlices empty) {
    return new TimeSlices(
        TimeSlices.Budgeting.TIMESLICES, Duration.ofHours(1), new BigDecimal("0.99"), empty);
  }

  private static final TimeSlices RATIO =
      new TimeSlices(
          TimeSlices.Budgeting.RATIO_TIMESLICES,
          Duration.ofHours(1),
          null,
          TimeSlices.EmptySlices.SKIP);

  // the classic example: four hours of 10 events, the last with 4 bad ones
  private static final List<Counts> HOURS =
      List.of(new Counts(10, 10), new Counts(10, 10), new Counts(10, 10), new Counts(6, 10));

  @Test
  void slice_sli_and_event_sli_differ_in_the_classic_example() {
    // events: 36 / 40 = 90 %; hours at 99 %: 10/10, 10/10, 10/10 good, 6/10 bad -> 3 / 4 = 75 %
    Slo slo = TestSlos.slo("shop", "hours", "0.8", List.of(), 0, 3);
    SliceSummary s = TimeSliceMath.tally(slices(TimeSlices.EmptySlices.SKIP), 4, HOURS);
    assertThat(s).isEqualTo(new SliceSummary(4, 4, 3, 0, BigDecimal.ONE));
    SloResult r = TimeSliceMath.result(slo, null, START, END, 36, 40, 0, s);
    assertThat(r.sli()).isEqualTo(0.75);
    assertThat(SloMath.ratio(r.good(), r.total())).isEqualTo(0.9);
    // allowed = (1 - 0.8) x 4 = 0.8 slices, 1 bad: remaining 1 - 1 / 0.8 = -0.25, burn 1.25
    assertThat(r.budget().allowed()).isEqualByComparingTo("0.8");
    assertThat(r.budget().bad()).isEqualTo(1);
    assertThat(r.budget().remaining()).isCloseTo(-0.25, within(1e-12));
    assertThat(r.burnRate()).isCloseTo(1.25, within(1e-12));
    assertThat(r.status()).isEqualTo(Status.BREACHED);
    // the same events judged event by event meet 80 %
    assertThat(SloMath.result(slo, null, START, END, 36, 40, 0).status()).isEqualTo(Status.OK);
  }

  @Test
  void a_slice_exactly_at_the_target_is_good() {
    // 99 of 100 good = 99 % exactly: good; 98 of 100: bad
    SliceSummary s =
        TimeSliceMath.tally(
            slices(TimeSlices.EmptySlices.SKIP),
            2,
            List.of(new Counts(99, 100), new Counts(98, 100)));
    assertThat(s.good()).isEqualTo(1);
    assertThat(s.bad()).isEqualTo(1);
  }

  @Test
  void empty_slices_are_skipped_by_default_and_counted_when_asked() {
    // 5 slices, 4 with events (3 good): skip 3/4, good (3+1)/5 = 80 %, bad 3/5 = 60 %
    SliceSummary skip = TimeSliceMath.tally(slices(TimeSlices.EmptySlices.SKIP), 5, HOURS);
    SliceSummary good = TimeSliceMath.tally(slices(TimeSlices.EmptySlices.GOOD), 5, HOURS);
    SliceSummary bad = TimeSliceMath.tally(slices(TimeSlices.EmptySlices.BAD), 5, HOURS);
    assertThat(skip).isEqualTo(new SliceSummary(5, 4, 3, 1, BigDecimal.ONE));
    assertThat(TimeSliceMath.sli(skip)).isEqualTo(0.75);
    assertThat(good).isEqualTo(new SliceSummary(5, 5, 4, 1, BigDecimal.ONE));
    assertThat(TimeSliceMath.sli(good)).isEqualTo(0.8);
    assertThat(bad).isEqualTo(new SliceSummary(5, 5, 3, 1, new BigDecimal(2)));
    assertThat(TimeSliceMath.sli(bad)).isEqualTo(0.6);
  }

  @Test
  void ratio_timeslices_average_the_slices_ratios() {
    // hours of 10, 10, 10 and 20 events, the last with 4 bad: events 46 / 50 = 92 %,
    // mean of ratios (1 + 1 + 1 + 0.8) / 4 = 0.95; spent 0.2 slice
    List<Counts> hours =
        List.of(new Counts(10, 10), new Counts(10, 10), new Counts(10, 10), new Counts(16, 20));
    SliceSummary s = TimeSliceMath.tally(RATIO, 4, hours);
    assertThat(s.counted()).isEqualTo(4);
    assertThat(s.spent()).isEqualByComparingTo("0.2");
    assertThat(TimeSliceMath.sli(s)).isCloseTo(0.95, within(1e-15));
    Slo slo = TestSlos.slo("shop", "hours", "0.9", List.of(), 0, 3);
    SloResult r = TimeSliceMath.result(slo, null, START, END, 46, 50, 0, s);
    // allowed (1 - 0.9) x 4 = 0.4; burn 0.2 / 0.4 = 0.5; remaining 0.5
    assertThat(r.burnRate()).isCloseTo(0.5, within(1e-12));
    assertThat(r.budget().remaining()).isCloseTo(0.5, within(1e-12));
    assertThat(r.status()).isEqualTo(Status.OK);
  }

  @Test
  void no_events_is_no_data_even_with_bad_empty_slices() {
    Slo slo = TestSlos.slo("shop", "hours", "0.8", List.of(), 0, 3);
    SliceSummary s = TimeSliceMath.tally(slices(TimeSlices.EmptySlices.BAD), 4, List.of());
    assertThat(s.counted()).isEqualTo(4);
    SloResult r = TimeSliceMath.result(slo, null, START, END, 0, 0, 0, s);
    assertThat(r.status()).isEqualTo(Status.NO_DATA);
  }
}
