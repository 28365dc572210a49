package io.slotoolkit.evaluate;

import io.slotoolkit.model.AlertInterval;
import io.slotoolkit.model.AlertPolicy;
import io.slotoolkit.model.AlertRule;
import io.slotoolkit.model.Counts;
import io.slotoolkit.model.FiringInterval;
import io.slotoolkit.model.MinuteSeries;
import io.slotoolkit.model.MonthlyAlerts;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.ReplayResult;
import io.slotoolkit.model.RuleReplay;
import io.slotoolkit.model.TimeSlices;
import io.slotoolkit.model.Window;
import io.slotoolkit.model.WindowLengths;
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
    if (policy.hasExhaustion() && sloWindow == null)
      throw new IllegalArgumentException("a time-to-exhaustion rule needs the SLO window");
    // for: and cool_down: look back before the first instant: their state starts that far earlier
    int evalStart = (int) Math.max(0, first - policy.lead().toMinutes());
    Counting c = new Counting(history, evalStart, sloWindow, Math.max(1, sloMinEvents), zone);
    SliceWindows sliceWindows = slices == null ? null : new SliceWindows(slices, history, zone);
    List<RuleReplay> rules = new ArrayList<>();
    List<RuleReplay> unrefined = new ArrayList<>();
    for (AlertRule rule : policy.rules()) {
      // a time-slice SLO's burn-rate pairs burn on slices (cut at each window's start, as check
      // cuts them); a time-to-exhaustion rule reads events
      SliceBurn sliceBurn =
          sliceWindows == null || rule.isExhaustion()
              ? null
              : new SliceBurn(sliceWindows, rule.errorRateThreshold(objective.errorBudget()));
      boolean[] raw = conditions(rule, objective, sloWindow, policy.minEvents(), c, sliceBurn);
      // a minute is bad for a time-to-exhaustion rule when it burns faster than sustainable (1x)
      ErrorRateThreshold badMinute =
          new ErrorRateThreshold(
              rule.isExhaustion()
                  ? objective.errorBudget()
                  : rule.errorRateThreshold(objective.errorBudget()));
      rules.add(new RuleReplay(rule, intervals(refine(rule, raw, c), c, first, badMinute)));
      if (policy.refined())
        unrefined.add(new RuleReplay(rule, intervals(raw, c, first, badMinute)));
    }
    List<AlertInterval> alerts = mergeBySeverity(policy, rules);
    return new ReplayResult(
        from,
        history.end(),
        zone,
        rules,
        alerts,
        months(policy, alerts, from, history.end(), zone),
        policy.refined() ? mergeBySeverity(policy, unrefined) : alerts);
  }

  /**
   * Each rule's {@code for:} and {@code cool_down:} state at {@code at}, for a check: the rule's
   * condition (guards included) at every whole minute of {@code history} from its {@link
   * AlertPolicy#lead()} before its end, then at {@code at} itself, where the check's exact counts
   * gave {@code conditionAtAt} (one per rule). {@code history} ends at the last whole minute at or
   * before {@code at} and starts at {@link #historyStart} of that minute. Null for a rule without
   * {@code for:} or {@code cool_down:}.
   */
  public static List<io.slotoolkit.model.AlertStatus.Hold> holdsAt(
      AlertPolicy policy,
      Objective objective,
      MinuteSeries history,
      ZoneId zone,
      Window sloWindow,
      long sloMinEvents,
      Instant at,
      List<Boolean> conditionAtAt) {
    int n = history.minutes();
    if (history.end().isAfter(at) || Duration.between(history.end(), at).toSeconds() >= MINUTE_S)
      throw new IllegalArgumentException("the history must end at the last minute before " + at);
    int evalStart = (int) Math.max(0, n - policy.lead().toMinutes());
    Counting c = new Counting(history, evalStart, sloWindow, Math.max(1, sloMinEvents), zone);
    List<io.slotoolkit.model.AlertStatus.Hold> out = new ArrayList<>();
    for (int r = 0; r < policy.rules().size(); r++) {
      AlertRule rule = policy.rules().get(r);
      if (!rule.refined()) {
        out.add(null);
        continue;
      }
      boolean[] raw = conditions(rule, objective, sloWindow, policy.minEvents(), c);
      AlertHold hold = new AlertHold(rule.holdFor(), rule.coolDown());
      for (int k = evalStart; k <= n; k++) {
        boolean exactHere = k == n && history.end().equals(at);
        hold.step(c.epochSecond(k), exactHere ? conditionAtAt.get(r) : raw[k - evalStart]);
      }
      if (!history.end().equals(at)) hold.step(at.getEpochSecond(), conditionAtAt.get(r));
      out.add(hold.state());
    }
    return out;
  }

  /**
   * Prefix sums of a history and, with an SLO window, the index of the window's start at each
   * evaluation instant from {@code evalStart} on, and whether the SLO window is NO_DATA there.
   */
  private static final class Counting {
    final MinuteSeries history;
    final int n;
    final int evalStart;
    final long[] goodSum;
    final long[] totalSum;
    final int[] sloStart;
    final boolean[] noData;

    Counting(MinuteSeries history, int evalStart, Window sloWindow, long atLeast, ZoneId zone) {
      this.history = history;
      this.n = history.minutes();
      this.evalStart = evalStart;
      goodSum = new long[n + 1];
      totalSum = new long[n + 1];
      for (int i = 0; i < n; i++) {
        goodSum[i + 1] = goodSum[i] + history.goodAt(i);
        totalSum[i + 1] = totalSum[i] + history.totalAt(i);
      }
      if (sloWindow == null) {
        sloStart = null;
        noData = null;
        return;
      }
      sloStart = sloStarts(sloWindow, history, evalStart, zone);
      noData = new boolean[n - evalStart + 1];
      for (int k = evalStart; k <= n; k++)
        noData[k - evalStart] = totalSum[k] - totalSum[sloStart[k - evalStart]] < atLeast;
    }

    Counts over(int from, int k) {
      long total = totalSum[k] - totalSum[from];
      return new Counts(goodSum[k] - goodSum[from], total);
    }

    long epochSecond(int k) {
      return history.start().getEpochSecond() + k * MINUTE_S;
    }
  }

  /**
   * Whether a rule's condition, guards included, holds at each evaluation instant k from {@code
   * c.evalStart} (index {@code k - c.evalStart}).
   */
  private static boolean[] conditions(
      AlertRule rule, Objective objective, Window sloWindow, long minEvents, Counting c) {
    return conditions(rule, objective, sloWindow, minEvents, c, null);
  }

  private static boolean[] conditions(
      AlertRule rule,
      Objective objective,
      Window sloWindow,
      long minEvents,
      Counting c,
      SliceBurn slices) {
    int longMin = (int) rule.longWindow().toMinutes();
    int shortMin = (int) rule.shortWindow().toMinutes();
    boolean[] out = new boolean[c.n - c.evalStart + 1];
    ErrorRateThreshold threshold =
        rule.isExhaustion()
            ? null
            : new ErrorRateThreshold(rule.errorRateThreshold(objective.errorBudget()));
    Duration w = sloWindow == null ? null : WindowLengths.nominal(sloWindow);
    for (int k = c.evalStart; k <= c.n; k++) {
      int i = k - c.evalStart;
      if (c.noData != null && c.noData[i]) continue;
      Counts lw = c.over(Math.max(0, k - longMin), k);
      if (lw.total() < minEvents) continue;
      Counts sw = c.over(Math.max(0, k - shortMin), k);
      if (slices != null) {
        out[i] =
            slices.reaches(Math.max(0, k - longMin), k)
                && slices.reaches(Math.max(0, k - shortMin), k);
      } else if (threshold != null) {
        out[i] =
            threshold.reachedBy(lw.bad(), lw.total()) && threshold.reachedBy(sw.bad(), sw.total());
      } else {
        Counts slo = c.over(c.sloStart[i], k);
        out[i] =
            AlertEvaluator.exhausts(objective, w, rule.exhaustion(), slo, lw)
                && AlertEvaluator.exhausts(objective, w, rule.exhaustion(), slo, sw);
      }
    }
    return out;
  }

  /** Whether the rule fires at each instant, once {@code for:} and {@code cool_down:} apply. */
  private static boolean[] refine(AlertRule rule, boolean[] raw, Counting c) {
    if (!rule.refined()) return raw;
    AlertHold hold = new AlertHold(rule.holdFor(), rule.coolDown());
    boolean[] out = new boolean[raw.length];
    for (int i = 0; i < raw.length; i++) out[i] = hold.step(c.epochSecond(c.evalStart + i), raw[i]);
    return out;
  }

  /**
   * The intervals in which a rule fired from instant {@code first} on, given whether it fires at
   * each instant from {@code c.evalStart}, with the bad minutes of {@code badMinute} for detection
   * delay and reset time.
   */
  private static List<FiringInterval> intervals(
      boolean[] fires, Counting c, int first, ErrorRateThreshold badMinute) {
    MinuteSeries history = c.history;
    int n = c.n;
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
          if (badMinute.reachedBy(total - history.goodAt(i), total)) {
            if (!inRun) runStart = i;
            inRun = true;
            lastBad = i;
          } else {
            inRun = false;
          }
        }
      }
      if (k < first) continue;
      boolean fired = fires[k - c.evalStart];
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
    // for: and cool_down: need the rule's state from their look-back before from
    Instant earliest = from.minus(policy.lead());
    Instant alerts = earliest.minus(policy.longestWindow());
    if (sloMinEvents <= 1 && !policy.hasExhaustion()) return alerts;
    // a time-to-exhaustion rule reads the SLO window's counts at every instant
    Instant slo = WindowBounds.start(sloWindow, earliest, zone);
    return slo.isBefore(alerts) ? slo : alerts;
  }

  /**
   * For each evaluation instant from {@code first} on, the index of the minute where the SLO window
   * ending there starts (0 when it starts before the history). A calendar window's start only moves
   * at a local midnight, so it is looked up once a day.
   */
  private static int[] sloStarts(Window window, MinuteSeries history, int first, ZoneId zone) {
    int n = history.minutes();
    int[] out = new int[n - first + 1];
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
      out[k - first] = startIndex;
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
