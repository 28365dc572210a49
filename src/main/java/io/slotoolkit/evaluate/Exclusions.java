package io.slotoolkit.evaluate;

import io.slotoolkit.model.ExcludedInterval;
import io.slotoolkit.model.Exclusion;
import io.slotoolkit.model.ExclusionScope;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Turns exclusions into concrete instant intervals and checks them.
 *
 * <p>A recurring period (an RFC 5545 rule) starts each occurrence at its local time, moved forward
 * by the gap when the clocks skip it, and lasts its duration of real time.
 *
 * <p>A weekly period covers every instant whose local wall-clock time in its zone falls in its
 * range on one of its days. On the night clocks go forward, a range start inside the skipped hour
 * moves to the end of the gap (02:30 becomes 03:00); on the night they go back, the range starts at
 * the first occurrence of its start time and ends at the last occurrence of its end time.
 */
public final class Exclusions {
  /** The year weekly periods are compared over when checking for overlaps: both DST changes. */
  static final Instant CHECK_FROM = Instant.parse("2026-01-01T00:00:00Z");

  static final Instant CHECK_TO = Instant.parse("2027-01-01T00:00:00Z");

  private Exclusions() {}

  /** One exclusion's intervals within {@code [from, to)}, clipped to it, oldest first. */
  public static List<ExcludedInterval> expand(Exclusion exclusion, Instant from, Instant to) {
    List<ExcludedInterval> out = new ArrayList<>();
    if (exclusion instanceof Exclusion.Once once) {
      addClipped(out, exclusion, once.start(), once.end(), from, to);
      return out;
    }
    if (exclusion instanceof Exclusion.Recurring r) {
      ZoneId zone = r.zone();
      // an occurrence that starts up to its duration before `from` runs into it; local times
      // are widened by a day each way so that no zone offset can hide one
      LocalDateTime notBefore =
          from.minus(r.duration()).atZone(zone).toLocalDateTime().minusDays(1);
      LocalDateTime last = to.atZone(zone).toLocalDateTime().plusDays(1);
      for (LocalDateTime t : r.rule().occurrences(r.start(), notBefore, last)) {
        // RFC 5545: a time in a DST gap moves forward by the gap, one in a repeated hour is
        // the first of the two; ZonedDateTime.of does exactly that
        Instant start = t.atZone(zone).toInstant();
        addClipped(out, exclusion, start, start.plus(r.duration()), from, to);
      }
      return mergeOwn(out);
    }
    Exclusion.Weekly weekly = (Exclusion.Weekly) exclusion;
    ZoneId zone = weekly.zone();
    boolean nextDay = !weekly.end().isAfter(weekly.start());
    // a period starting the day before `from` may run into it
    LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
    LocalDate last = to.atZone(zone).toLocalDate();
    for (; !day.isAfter(last); day = day.plusDays(1)) {
      if (!weekly.days().contains(day.getDayOfWeek())) continue;
      Instant start = firstAtOrAfter(day.atTime(weekly.start()), zone);
      Instant end = lastBefore((nextDay ? day.plusDays(1) : day).atTime(weekly.end()), zone);
      addClipped(out, exclusion, start, end, from, to);
    }
    return mergeOwn(out);
  }

  /**
   * Joins a weekly period's own intervals where they meet or overlap: a 24-hour period on
   * consecutive days whose boundary falls in the repeated hour of a DST change overlaps itself.
   */
  private static List<ExcludedInterval> mergeOwn(List<ExcludedInterval> in) {
    List<ExcludedInterval> out = new ArrayList<>();
    for (ExcludedInterval i : in) {
      ExcludedInterval last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && !i.start().isAfter(last.end())) {
        out.set(
            out.size() - 1,
            new ExcludedInterval(last.exclusion(), last.start(), max(last.end(), i.end())));
      } else {
        out.add(i);
      }
    }
    return out;
  }

  private static void addClipped(
      List<ExcludedInterval> out,
      Exclusion e,
      Instant start,
      Instant end,
      Instant from,
      Instant to) {
    Instant s = start.isBefore(from) ? from : start;
    Instant t = end.isAfter(to) ? to : end;
    if (t.isAfter(s)) out.add(new ExcludedInterval(e, s, t));
  }

  /** The first instant whose wall-clock time is at or after {@code local}. */
  static Instant firstAtOrAfter(LocalDateTime local, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) return rules.getTransition(local).getInstant();
    Instant best = null;
    for (ZoneOffset o : offsets) {
      Instant i = local.toInstant(o);
      if (best == null || i.isBefore(best)) best = i;
    }
    return best;
  }

  /** The end of the last stretch whose wall-clock time is before {@code local}. */
  static Instant lastBefore(LocalDateTime local, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      ZoneOffsetTransition gap = rules.getTransition(local);
      return gap.getInstant();
    }
    Instant best = null;
    for (ZoneOffset o : offsets) {
      Instant i = local.toInstant(o);
      if (best == null || i.isAfter(best)) best = i;
    }
    return best;
  }

  /**
   * Every interval within {@code [from, to)} that removes events from an SLO, oldest first: what
   * the engine turns into predicates.
   *
   * @throws SloException a spec error (exit 2) when two of them overlap there
   */
  public static List<ExcludedInterval> intervalsFor(
      List<Exclusion> exclusions, Slo slo, Instant from, Instant to) {
    List<ExcludedInterval> out = new ArrayList<>();
    for (Exclusion e : exclusions) {
      if (e.scope().appliesTo(slo)) out.addAll(expand(e, from, to));
    }
    out.sort(Comparator.comparing(ExcludedInterval::start));
    for (int i = 1; i < out.size(); i++) {
      ExcludedInterval a = out.get(i - 1);
      ExcludedInterval b = out.get(i);
      if (b.start().isBefore(a.end())) {
        throw SloException.spec(
            List.of(overlap(a.exclusion(), b.exclusion(), b.start(), min(a.end(), b.end()))));
      }
    }
    return out;
  }

  /**
   * Everything wrong with a run's exclusions: scopes naming an SLO or source that no spec defines,
   * and exclusions that overlap for an SLO they share (an event would be removed twice). Weekly
   * periods are compared with each other over the year 2026, which holds both DST changes.
   *
   * @param slos every SLO of the run
   */
  public static List<Problem> check(List<Exclusion> exclusions, List<Slo> slos) {
    List<Problem> out = new ArrayList<>();
    List<BitSet> applies = new ArrayList<>();
    for (Exclusion e : exclusions) {
      BitSet b = new BitSet();
      for (int i = 0; i < slos.size(); i++) if (e.scope().appliesTo(slos.get(i))) b.set(i);
      applies.add(b);
      if (b.isEmpty() && !(e.scope() instanceof ExclusionScope.AllSlos)) {
        out.add(
            new Problem(
                e.location(),
                "exclusion "
                    + e.label()
                    + " is for "
                    + e.scope().describe()
                    + ", which no spec defines",
                "known SLOs: " + names(slos)));
      }
    }
    for (int j = 1; j < exclusions.size(); j++) {
      for (int i = 0; i < j; i++) {
        if (!applies.get(i).intersects(applies.get(j))) continue;
        Problem p = overlapOf(exclusions.get(i), exclusions.get(j));
        if (p != null) out.add(p);
      }
    }
    return out;
  }

  private static String names(List<Slo> slos) {
    List<String> n = slos.stream().map(Slo::qualifiedName).limit(10).toList();
    return String.join(", ", n) + (slos.size() > 10 ? ", ..." : "");
  }

  private static Problem overlapOf(Exclusion a, Exclusion b) {
    Instant from = CHECK_FROM;
    Instant to = CHECK_TO;
    // recurring periods are compared over the year from the later first occurrence, 2026 at the
    // earliest (so that both DST changes are in it)
    for (Exclusion e : List.of(a, b)) {
      if (e instanceof Exclusion.Recurring r) {
        Instant first = r.start().atZone(r.zone()).toInstant();
        if (first.isAfter(from)) {
          from = first;
          to = first.plus(java.time.Duration.ofDays(366));
        }
      }
    }
    if (a instanceof Exclusion.Once o) {
      from = o.start();
      to = o.end();
    }
    if (b instanceof Exclusion.Once o) {
      from = a instanceof Exclusion.Once ? max(from, o.start()) : o.start();
      to = a instanceof Exclusion.Once ? min(to, o.end()) : o.end();
    }
    if (!to.isAfter(from)) return null;
    List<ExcludedInterval> x = expand(a, from, to);
    List<ExcludedInterval> y = expand(b, from, to);
    int i = 0;
    int k = 0;
    while (i < x.size() && k < y.size()) {
      ExcludedInterval p = x.get(i);
      ExcludedInterval q = y.get(k);
      if (p.start().isBefore(q.end()) && q.start().isBefore(p.end())) {
        return overlap(a, b, max(p.start(), q.start()), min(p.end(), q.end()));
      }
      if (p.end().isAfter(q.end())) k++;
      else i++;
    }
    return null;
  }

  private static Problem overlap(Exclusion a, Exclusion b, Instant from, Instant to) {
    return new Problem(
        b.location(),
        "exclusion "
            + b.label()
            + " overlaps exclusion "
            + a.label()
            + " from "
            + from
            + " to "
            + to,
        "an event would be excluded twice: merge them or shorten one");
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
