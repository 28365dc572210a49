package io.slotoolkit.evaluate;

import io.slotoolkit.model.BudgetPoint;
import io.slotoolkit.model.DailyCounts;
import io.slotoolkit.model.GroupView;
import io.slotoolkit.model.Health;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.PeriodCounts;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.Status;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The report's arithmetic: local days, bucket width, burn-down, traffic shares, health. */
public final class ReportMath {
  /** Below this share of budget left, an OK SLO is amber. */
  public static final double LOW_BUDGET = 0.25;

  private ReportMath() {}

  /**
   * A local day of the business calendar as instants.
   *
   * @param day the local date
   * @param start its first instant (the first valid local time of the day, across DST gaps)
   * @param end the next day's start
   */
  public record Day(LocalDate day, Instant start, Instant end) {}

  /** The local days that intersect {@code [from, at)}, in order. */
  public static List<Day> days(Instant from, Instant at, ZoneId zone) {
    List<Day> days = new ArrayList<>();
    LocalDate last = at.minusNanos(1).atZone(zone).toLocalDate();
    for (LocalDate d = from.atZone(zone).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
      days.add(
          new Day(
              d, d.atStartOfDay(zone).toInstant(), d.plusDays(1).atStartOfDay(zone).toInstant()));
    }
    return days;
  }

  /** The start of the local day containing {@code i}. */
  public static Instant startOfDay(Instant i, ZoneId zone) {
    return i.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
  }

  /**
   * The widest epoch-aligned bucket (at most an hour) such that every local midnight in {@code
   * [from, at]} falls on a bucket boundary: an hour for whole-hour offsets, 30 or 15 minutes for
   * zones such as Asia/Kolkata (+05:30) or Asia/Kathmandu (+05:45). Local days are then exact
   * unions of buckets. Midnights themselves are used, not offsets, so a DST gap that moves midnight
   * is covered too.
   */
  public static Duration bucketWidth(Instant from, Instant at, ZoneId zone) {
    long width = 3_600;
    for (Day d : days(from, at.plusSeconds(1), zone)) {
      width = gcd(width, Math.floorMod(d.start().getEpochSecond(), 3_600));
      width = gcd(width, Math.floorMod(d.end().getEpochSecond(), 3_600));
    }
    return Duration.ofSeconds(Math.max(1, width));
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /**
   * The window's burn-down: for each day, the budget left after that day's bad events, against the
   * budget of the whole window ({@code (1 - objective) x windowTotal}), so the last point is the
   * window's remaining budget.
   *
   * @param windowDays per local day of the window, the window's counts (cut at the window start)
   * @param windowTotal valid events of the whole window
   */
  public static List<BudgetPoint> burnDown(
      Objective objective, List<DailyCounts> windowDays, long windowTotal) {
    BigDecimal allowed = objective.errorBudget().multiply(BigDecimal.valueOf(windowTotal));
    List<BudgetPoint> points = new ArrayList<>();
    long bad = 0;
    for (DailyCounts d : windowDays) {
      bad += d.total() - d.good();
      Double remaining =
          windowTotal == 0
              ? null
              : BigDecimal.ONE
                  .subtract(BigDecimal.valueOf(bad).divide(allowed, MathContext.DECIMAL128))
                  .doubleValue();
      points.add(new BudgetPoint(d.day(), bad, remaining));
    }
    return points;
  }

  /**
   * RED when breached, GREY without data; AMBER when OK but less than {@link #LOW_BUDGET} of the
   * budget is left or the last 7 days are below the objective; GREEN otherwise.
   */
  public static Health health(
      Status status, Double remaining, PeriodCounts last7Days, Objective objective) {
    return switch (status) {
      case BREACHED -> Health.RED;
      case NO_DATA -> Health.GREY;
      // a burn-rate alert fired on a result that meets its objective: not red, not fine either
      case ALERT -> Health.AMBER;
      // the numbers meet the objective, but the source stopped delivering: not fine either
      case STALE -> Health.AMBER;
      case OK -> {
        boolean lowBudget = remaining != null && remaining < LOW_BUDGET;
        boolean recentBelow =
            last7Days.total() > 0
                && SloMath.status(objective, 0, last7Days.good(), last7Days.total())
                    == Status.BREACHED;
        yield lowBudget || recentBelow ? Health.AMBER : Health.GREEN;
      }
    };
  }

  /**
   * A {@code per} SLO's status as {@code slo check} gates it: BREACHED when any group is, else
   * STALE when a group is (its source stopped delivering), else ALERT when a group's pair fired,
   * else OK when any group is, else NO_DATA.
   */
  public static Status worst(List<SloResult> groups) {
    if (groups.stream().anyMatch(r -> r.status() == Status.BREACHED)) return Status.BREACHED;
    if (groups.stream().anyMatch(r -> r.status() == Status.STALE)) return Status.STALE;
    if (groups.stream().anyMatch(r -> r.status() == Status.ALERT)) return Status.ALERT;
    if (groups.stream().anyMatch(r -> r.status() == Status.OK)) return Status.OK;
    return Status.NO_DATA;
  }

  /**
   * The spread of a {@code per} SLO over its groups.
   *
   * @param groups the SLO's per-group results (groups without valid events are ignored)
   * @param aggregate the SLO over all groups together
   * @param top how many groups to show before folding the rest into the tail
   * @param label a group's display text (with pseudonyms where masked)
   * @param noun what a group is called in prose ({@code customers})
   */
  public static GroupView groupView(
      List<String> columns,
      List<SloResult> groups,
      SloResult aggregate,
      int top,
      Function<SloResult, String> label,
      String noun) {
    List<SloResult> sorted =
        groups.stream()
            .filter(r -> r.total() > 0)
            .sorted(
                Comparator.comparingLong(SloResult::total)
                    .reversed()
                    .thenComparing(label, Comparator.nullsLast(Comparator.naturalOrder())))
            .toList();
    long total = sorted.stream().mapToLong(SloResult::total).sum();
    List<GroupView.Share> shares = new ArrayList<>();
    for (SloResult r : sorted)
      shares.add(
          new GroupView.Share(
              label.apply(r), 1, r.good(), r.total(), share(r.total(), total), r.status()));
    List<GroupView.Share> shown = shares.subList(0, Math.min(top, shares.size()));
    GroupView.Share tail = null;
    if (shares.size() > shown.size()) {
      List<GroupView.Share> rest = shares.subList(shown.size(), shares.size());
      long good = rest.stream().mapToLong(GroupView.Share::good).sum();
      long t = rest.stream().mapToLong(GroupView.Share::total).sum();
      boolean breached = rest.stream().anyMatch(s -> s.status() == Status.BREACHED);
      tail =
          new GroupView.Share(
              rest.size() + " other " + (rest.size() == 1 ? singular(noun) : noun),
              rest.size(),
              good,
              t,
              share(t, total),
              breached ? Status.BREACHED : Status.OK);
    }
    List<GroupView.Share> breached =
        shares.stream().filter(s -> s.status() == Status.BREACHED).toList();
    return new GroupView(
        columns,
        noun,
        shares.size(),
        shown,
        tail,
        breached.subList(0, Math.min(top, breached.size())),
        breached.size(),
        breached.stream().mapToDouble(GroupView.Share::share).sum(),
        total,
        topShare(shares, 1),
        topShare(shares, 5),
        topShare(shares, 10),
        aggregate);
  }

  private static double topShare(List<GroupView.Share> shares, int n) {
    return shares.stream().limit(n).mapToDouble(GroupView.Share::share).sum();
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  /** {@code customers} gives {@code customer}. */
  public static String singular(String noun) {
    return noun.endsWith("s") ? noun.substring(0, noun.length() - 1) : noun;
  }

  /**
   * What a group is called in prose: {@code customer_id} gives {@code customers}, {@code device_id}
   * {@code devices}; anything else {@code groups}.
   */
  public static String noun(List<String> columns) {
    if (columns.size() == 1 && columns.get(0).endsWith("_id") && columns.get(0).length() > 3) {
      return columns.get(0).substring(0, columns.get(0).length() - 3).replace('_', ' ') + "s";
    }
    return "groups";
  }
}
