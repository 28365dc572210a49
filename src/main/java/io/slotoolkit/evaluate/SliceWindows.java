package io.slotoolkit.evaluate;

import io.slotoolkit.model.Counts;
import io.slotoolkit.model.MinuteSeries;
import io.slotoolkit.model.SliceCalendar;
import io.slotoolkit.model.SliceSummary;
import io.slotoolkit.model.TimeSlices;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The slices of a per-minute history, for replaying a time-slice SLO's alert pairs: the slices of
 * any stretch of whole minutes, cut at its edges as {@code slo check} cuts an alert window, tallied
 * in constant time from prefix sums over minutes and over whole slices.
 */
final class SliceWindows {
  private final TimeSlices ts;
  private final long[] goodSum;
  private final long[] totalSum;
  private final int[] sliceOf; // minute -> slice index
  private final int[] sliceStart; // slice index -> first minute
  private final int[] sliceEnd; // slice index -> minute after its last
  // per whole slice, prefix sums: slices with events, good ones, budget spent
  private final long[] withEvents;
  private final long[] good;
  private final BigDecimal[] spent;

  SliceWindows(TimeSlices ts, MinuteSeries history, ZoneId zone) {
    this.ts = ts;
    int n = history.minutes();
    goodSum = new long[n + 1];
    totalSum = new long[n + 1];
    for (int i = 0; i < n; i++) {
      goodSum[i + 1] = goodSum[i] + history.goodAt(i);
      totalSum[i + 1] = totalSum[i] + history.totalAt(i);
    }
    sliceOf = new int[n];
    List<Integer> starts = new ArrayList<>();
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long key = SliceCalendar.key(history.start().plus(Duration.ofMinutes(i)), zone, ts.length());
      if (key != previous) starts.add(i);
      previous = key;
      sliceOf[i] = starts.size() - 1;
    }
    int slices = starts.size();
    sliceStart = new int[slices];
    sliceEnd = new int[slices];
    withEvents = new long[slices + 1];
    good = new long[slices + 1];
    spent = new BigDecimal[slices + 1];
    spent[0] = BigDecimal.ZERO;
    for (int s = 0; s < slices; s++) {
      sliceStart[s] = starts.get(s);
      sliceEnd[s] = s + 1 < slices ? starts.get(s + 1) : n;
      SliceSummary one = TimeSliceMath.tally(ts, 1, List.of(counts(sliceStart[s], sliceEnd[s])));
      boolean events = one.empty() == 0;
      withEvents[s + 1] = withEvents[s] + (events ? 1 : 0);
      good[s + 1] = good[s] + (events ? one.good() : 0);
      spent[s + 1] = spent[s].add(events ? one.spent() : BigDecimal.ZERO);
    }
  }

  private Counts counts(int from, int to) {
    return new Counts(goodSum[to] - goodSum[from], totalSum[to] - totalSum[from]);
  }

  /** The slices of the minutes {@code [from, to)} (0 <= from <= to <= minutes). */
  SliceSummary tally(int from, int to) {
    if (from >= to) return TimeSliceMath.tally(ts, 0, List.of());
    int first = sliceOf[from];
    int last = sliceOf[to - 1];
    if (first == last) return TimeSliceMath.tally(ts, 1, List.of(counts(from, to)));
    List<Counts> edges = List.of(counts(from, sliceEnd[first]), counts(sliceStart[last], to));
    SliceSummary e = TimeSliceMath.tally(ts, 2, edges);
    // whole slices between the edges
    long slices = last - first - 1;
    long events = withEvents[last] - withEvents[first + 1];
    long g = good[last] - good[first + 1];
    BigDecimal sp = spent[last].subtract(spent[first + 1]);
    long empty = slices - events;
    long counted = events;
    switch (ts.empty()) {
      case SKIP -> {}
      case GOOD -> {
        counted += empty;
        g += empty;
      }
      case BAD -> {
        counted += empty;
        sp = sp.add(BigDecimal.valueOf(empty));
      }
    }
    return new SliceSummary(
        e.slices() + slices,
        e.counted() + counted,
        e.good() + g,
        e.empty() + empty,
        e.spent().add(sp));
  }

  /** Valid events in the minutes {@code [from, to)}. */
  long events(int from, int to) {
    return totalSum[to] - totalSum[from];
  }
}
