package io.slotoolkit.evaluate;

import io.slotoolkit.model.AlertInterval;
import io.slotoolkit.model.AlertPolicy;
import io.slotoolkit.model.AlertRule;
import io.slotoolkit.model.FiringInterval;
import io.slotoolkit.model.MonthlyAlerts;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.ReplayResult;
import io.slotoolkit.model.RuleReplay;
import io.slotoolkit.model.TimeSlices;
import io.slotoolkit.model.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Replays a policy over per-minute counts: every minute boundary is an evaluation instant, and each
 * rule's windows are read from prefix sums, so a rule costs O(minutes) however long its windows.
 *
 * <p>A minute is <em>bad</em> for a rule when it has valid events and its own error rate reaches
 * the rule's threshold, {@code bad >= factor x (1 - objective) x total}. A run of bad minutes is a
 * sequence of bad minutes with no minute of traffic below the threshold between them (minutes
 * without events neither extend nor break a run). Detection delay runs from the start of the run
 * holding the last bad minute before the alert fired; reset time runs from the end of the last bad
 * minute before the alert cleared.
 */
public final class AlertReplay {
  private static final long MINUTE_S = 60;

  private AlertReplay() {}

  /**
   * Replays a policy.
   *
   * @param policy the rules and the traffic guard
   * @param objective the SLO's objective
   * @param history per-minute counts; start it one longest window ({@link
   *     AlertPolicy#longestWindow()}) before {@code from} so that the first instants see full
   *     windows (windows reaching before the history see no events there)
   * @param from the first evaluation instant: a whole number of minutes after the history's start,
   *     not after its end; evaluation instants run from it to the history's end, inclusive
   * @param zone the zone whose calendar months alerts are counted in
   */
  public static ReplayResult replay(
      AlertPolicy policy, Objective objective, MinuteSeries history, Instant from, ZoneId zone) {
    return replay(policy, objective, history, from, zone, null, 0);
  }

  /**
   * Replays a policy for an SLO whose window is {@code sloWindow} and whose {@code min_events} is
   * {@code sloMinEvents}: at an instant where the SLO window holds fewer valid events than {@code
   * max(1, sloMinEvents)} the result is NO_DATA and no rule fires, as {@code slo check} decides.
   * The history must then reach back to the SLO window's start at {@code from} ({@link
   * #historyStart}); windows reaching before it see no events there.
   *
   * @param sloWindow the SLO's window; null for no NO_DATA guard
   */
  public static ReplayResult replay(
      AlertPolicy policy,
      Objective objective,
      MinuteSeries history,
      Instant from,
      ZoneId zone,
      Window sloWindow,
      long sloMinEvents) {
    return replay(policy, objective, history, from, zone, sloWindow, sloMinEvents, null);
  }

  /**
   * As {@link #replay(AlertPolicy, Objective, MinuteSeries, Instant, ZoneId, Window, long)}, for an
   * SLO with time-slice budgeting when {@code slices} is not null: each window's burn is that of
   * its slices (cut at the window's start, as {@code slo check} cuts them), in {@code zone}'s days.
   */
  public static ReplayResult replay(
      AlertPolicy policy,
      Objective objective,
      MinuteSeries history,
      Instant from,
      ZoneId zone,
      Window sloWindow,
      long sloMinEvents,
      TimeSlices slices) {
    Duration lead = Duration.between(history.start(), from);
    if (lead.isNegative() || lead.getNano() != 0 || lead.getSeconds() % MINUTE_S != 0) {
      throw new IllegalArgumentException(
          "replay start " + from + " is not a whole minute boundary of the history");
    }
    if (from.isAfter(history.end())) {
      throw new IllegalArgumentException(
          "replay start " + from + " is after the history's end " + history.end());
    }
    int n = history.minutes();
    int first = (int) (lead.getSeconds() / MINUTE_S);
    long[] goodSum = new long[n + 1];
    long[] totalSum = new long[n + 1];
    for (int i = 0; i < n; i++) {
      goodSum[i + 1] = goodSum[i] + history.goodAt(i);
      totalSum[i + 1] = totalSum[i] + history.totalAt(i);
    }
    boolean[] noData =
        sloWindow == null
            ? null
            : noData(sloWindow, Math.max(1, sloMinEvents), history, first, totalSum, zone);
    SliceWindows sliceWindows = slices == null ? null : new SliceWindows(slices, history, zone);
    List<RuleReplay> rules = new ArrayList<>();
    for (AlertRule rule : policy.rules()) {
      ErrorRateThreshold threshold =
          new ErrorRateThreshold(rule.errorRateThreshold(objective.errorBudget()));
      rules.add(
          new RuleReplay(
              rule,
              replayRule(
                  rule,
                  threshold,
                  policy.minEvents(),
                  history,
                  first,
                  goodSum,
                  totalSum,
                  noData,
                  sliceWindows == null
                      ? null
                      : new SliceBurn(
                          sliceWindows, rule.errorRateThreshold(objective.errorBudget())))));
    }
    List<AlertInterval> alerts = mergeBySeverity(policy, rules);
    return new ReplayResult(
        from,
        history.end(),
        zone,
        rules,
        alerts,
        months(policy, alerts, from, history.end(), zone));
  }

  private static List<FiringInterval> replayRule(
      AlertRule rule,
      ErrorRateThreshold threshold,
      long minEvents,
      MinuteSeries history,
      int first,
      long[] goodSum,
      long[] totalSum,
      boolean[] noData,
      SliceBurn slices) {
    int n = history.minutes();
    int longMin = (int) rule.longWindow().toMinutes();
    int shortMin = (int) rule.shortWindow().toMinutes();
    List<FiringInterval> out = new ArrayList<>();
    boolean firing = false;
    int firedAt = -1;
    int onsetAtFiring = -1;
    int lastBad = -1;
    int runStart = -1;
    boolean inRun = false;
    for (int k = 0; k <= n; k++) {
      if (k > 0) {
        int i = k - 1;
        long total = history.totalAt(i);
        if (total > 0) {
          if (threshold.reachedBy(total - history.goodAt(i), total)) {
            if (!inRun) runStart = i;
            inRun = true;
            lastBad = i;
          } else {
            inRun = false;
          }
        }
      }
      if (k < first) continue;
      int ls = Math.max(0, k - longMin);
      long longTotal = totalSum[k] - totalSum[ls];
      boolean fired = false;
      if (slices != null) {
        fired =
            longTotal >= minEvents
                && (noData == null || !noData[k - first])
                && slices.reaches(ls, k)
                && slices.reaches(Math.max(0, k - shortMin), k);
      } else if (longTotal >= minEvents
          && (noData == null || !noData[k - first])
          && threshold.reachedBy(longTotal - (goodSum[k] - goodSum[ls]), longTotal)) {
        int ss = Math.max(0, k - shortMin);
        long shortTotal = totalSum[k] - totalSum[ss];
        fired = threshold.reachedBy(shortTotal - (goodSum[k] - goodSum[ss]), shortTotal);
      }
      if (fired && !firing) {
        firing = true;
        firedAt = k;
        onsetAtFiring = lastBad >= 0 ? runStart : -1;
      } else if (!fired && firing) {
        firing = false;
        out.add(interval(history.start(), firedAt, k, onsetAtFiring, lastBad));
      }
    }
    if (firing) out.add(interval(history.start(), firedAt, -1, onsetAtFiring, -1));
    return out;
  }

  /** A time-slice SLO's test: the slices of minutes {@code [from, to)} burn at the pair's rate. */
  private record SliceBurn(SliceWindows windows, java.math.BigDecimal rate) {
    boolean reaches(int from, int to) {
      return TimeSliceMath.reaches(windows.tally(from, to), rate);
    }
  }

  /**
   * Where the history should start so that {@link #replay(AlertPolicy, Objective, MinuteSeries,
   * Instant, ZoneId, Window, long)} decides NO_DATA exactly from {@code from} on: one longest alert
   * window before {@code from}; for an SLO with {@code min_events} above 1, the SLO window's start
   * at {@code from} when that is earlier. With {@code min_events} 0 or 1 the alert history is
   * enough: where the SLO window starts before it, it holds the whole long window, so a long window
   * with events means data, and a long window without events fires nothing anyway.
   */
  public static Instant historyStart(
      AlertPolicy policy, Window sloWindow, long sloMinEvents, Instant from, ZoneId zone) {
    Instant alerts = from.minus(policy.longestWindow());
    if (sloMinEvents <= 1) return alerts;
    Instant slo = WindowBounds.start(sloWindow, from, zone);
    return slo.isBefore(alerts) ? slo : alerts;
  }

  /**
   * For each evaluation instant from {@code first} on, whether the SLO window ending there holds
   * fewer than {@code atLeast} valid events. A calendar window's start only moves at a local
   * midnight, so it is looked up once a day.
   */
  private static boolean[] noData(
      Window window, long atLeast, MinuteSeries history, int first, long[] totalSum, ZoneId zone) {
    int n = history.minutes();
    boolean[] out = new boolean[n - first + 1];
    Instant origin = history.start();
    Instant recheck = null;
    int startIndex = 0;
    for (int k = first; k <= n; k++) {
      Instant t = at(origin, k);
      if (window instanceof Window.Rolling r) {
        startIndex = (int) Math.max(0, k - r.length().toMinutes());
      } else if (recheck == null || !t.isBefore(recheck)) {
        Instant start = WindowBounds.start(window, t, zone);
        long minutes = Duration.between(origin, start).toMinutes();
        startIndex = (int) Math.max(0, Math.min(k, minutes));
        recheck = t.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
      }
      out[k - first] = totalSum[k] - totalSum[startIndex] < atLeast;
    }
    return out;
  }

  private static FiringInterval interval(
      Instant origin, int firedAt, int clearedAt, int onset, int lastBad) {
    Instant start = at(origin, firedAt);
    Instant badSince = onset < 0 ? null : at(origin, onset);
    Instant end = clearedAt < 0 ? null : at(origin, clearedAt);
    Instant badUntil = clearedAt < 0 || lastBad < 0 ? null : at(origin, lastBad + 1);
    return new FiringInterval(
        start,
        end,
        badSince,
        badSince == null ? null : Duration.between(badSince, start),
        badUntil,
        badUntil == null ? null : Duration.between(badUntil, end));
  }

  private static Instant at(Instant origin, int minute) {
    return origin.plusSeconds(minute * MINUTE_S);
  }

  private static List<AlertInterval> mergeBySeverity(AlertPolicy policy, List<RuleReplay> rules) {
    List<AlertInterval> out = new ArrayList<>();
    for (String severity : policy.severities()) {
      List<FiringInterval> all = new ArrayList<>();
      for (RuleReplay r : rules) {
        if (r.rule().severity().equals(severity)) all.addAll(r.intervals());
      }
      all.sort(Comparator.comparing(FiringInterval::start));
      Instant start = null;
      Instant end = null;
      boolean open = false;
      for (FiringInterval f : all) {
        if (start != null && (open || !f.start().isAfter(end))) {
          if (f.open()) open = true;
          else if (!open && f.end().isAfter(end)) end = f.end();
          continue;
        }
        if (start != null) out.add(new AlertInterval(severity, start, open ? null : end));
        start = f.start();
        end = f.end();
        open = f.open();
      }
      if (start != null) out.add(new AlertInterval(severity, start, open ? null : end));
    }
    List<String> order = policy.severities();
    out.sort(
        Comparator.comparing(AlertInterval::start).thenComparing(a -> order.indexOf(a.severity())));
    return out;
  }

  private static List<MonthlyAlerts> months(
      AlertPolicy policy, List<AlertInterval> alerts, Instant from, Instant to, ZoneId zone) {
    TreeSet<YearMonth> months = new TreeSet<>();
    YearMonth last = YearMonth.from(to.minusNanos(1).atZone(zone));
    for (YearMonth m = YearMonth.from(from.atZone(zone)); !m.isAfter(last); m = m.plusMonths(1)) {
      months.add(m);
    }
    for (AlertInterval a : alerts) months.add(YearMonth.from(a.start().atZone(zone)));
    List<MonthlyAlerts> out = new ArrayList<>();
    for (YearMonth m : months) {
      for (String severity : policy.severities()) {
        int count = 0;
        for (AlertInterval a : alerts) {
          if (a.severity().equals(severity) && YearMonth.from(a.start().atZone(zone)).equals(m)) {
            count++;
          }
        }
        out.add(new MonthlyAlerts(m, severity, count));
      }
    }
    return out;
  }
}
