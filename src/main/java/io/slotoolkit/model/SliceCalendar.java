package io.slotoolkit.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Where time slices lie: each local day of a zone (midnight to midnight, 23 or 25 hours around a
 * DST change) is cut into slices of one length from its midnight, so a 1d slice is a local day and
 * a 5m slice starts at a whole five minutes of local time; the last slice of a day is shorter when
 * the day is not a whole number of slices (a 2h slice on a 23-hour day).
 *
 * <p>A 1d slice is always the whole local day, 23 or 25 hours long around a DST change.
 *
 * <p>A slice is known by its key: {@code localDay x K + index}, with {@code localDay} the local
 * date as days since 0001-01-01, {@code index} the slice's position in its day and {@code K = 2 x
 * day / length} (more than any day holds), so keys grow with time and never repeat. The scan
 * computes the same key in SQL from the pieces {@link #pieces} returns; this class is the reference
 * it is tested against.
 */
public final class SliceCalendar {
  /** Microseconds of a day. */
  public static final long DAY_US = 86_400_000_000L;

  /** Microseconds from 0001-01-01 to 1970-01-01: keeps every key of years 1..9999 positive. */
  public static final long SHIFT_US = 719_162L * DAY_US;

  private SliceCalendar() {}

  /**
   * A stretch of time over which the key is {@code ((t + o + S) // D) x K + (t + m + S - ((t + o +
   * S) // D) x D) // L} for t in epoch microseconds, S = {@link #SHIFT_US}, D = {@link #DAY_US}.
   *
   * @param start the stretch's first instant (null for "from the beginning")
   * @param offsetUs the zone's offset over the stretch, in microseconds
   * @param midnightOffsetUs local midnight minus the instant of the local day's start, in
   *     microseconds: the offset in force at the day's start
   */
  public record Piece(Instant start, long offsetUs, long midnightOffsetUs) {}

  /** Slices per key day: more than any local day holds. */
  public static long perDay(Duration length) {
    return 2 * DAY_US / micros(length);
  }

  /** The key of the slice holding {@code t}. */
  public static long key(Instant t, ZoneId zone, Duration length) {
    LocalDate day = t.atZone(zone).toLocalDate();
    Instant midnight = day.atStartOfDay(zone).toInstant();
    long index =
        micros(length) == DAY_US ? 0 : Math.floorDiv(micros(t) - micros(midnight), micros(length));
    return (day.toEpochDay() + SHIFT_US / DAY_US) * perDay(length) + index;
  }

  /** The instant the slice {@code key} starts (clipped to nothing: its full start). */
  public static Instant sliceStart(long key, ZoneId zone, Duration length) {
    long k = perDay(length);
    LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(key, k) - SHIFT_US / DAY_US);
    return day.atStartOfDay(zone).toInstant().plus(length.multipliedBy(Math.floorMod(key, k)));
  }

  /**
   * The pieces over {@code [from, to)}, in order; the first starts at null. The key's constants
   * change where the offset changes and at the first local midnight after that.
   */
  public static List<Piece> pieces(Instant from, Instant to, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    TreeSet<Instant> cuts = new TreeSet<>();
    cuts.add(nextMidnight(from, zone));
    Instant t = from;
    while (true) {
      ZoneOffsetTransition tr = rules.nextTransition(t);
      if (tr == null || !tr.getInstant().isBefore(to)) break;
      cuts.add(tr.getInstant());
      cuts.add(nextMidnight(tr.getInstant(), zone));
      t = tr.getInstant();
    }
    List<Piece> out = new ArrayList<>();
    Instant at = from;
    out.add(piece(null, at, zone));
    for (Instant c : cuts) {
      if (!c.isAfter(from) || !c.isBefore(to)) continue;
      Piece p = piece(c, c, zone);
      Piece last = out.get(out.size() - 1);
      if (p.offsetUs() == last.offsetUs() && p.midnightOffsetUs() == last.midnightOffsetUs())
        continue;
      out.add(p);
    }
    return out;
  }

  private static Piece piece(Instant start, Instant at, ZoneId zone) {
    long offset = zone.getRules().getOffset(at).getTotalSeconds() * 1_000_000L;
    LocalDate day = at.atZone(zone).toLocalDate();
    long localMidnight = day.toEpochDay() * DAY_US;
    long midnight = micros(day.atStartOfDay(zone).toInstant());
    return new Piece(start, offset, localMidnight - midnight);
  }

  private static Instant nextMidnight(Instant t, ZoneId zone) {
    return t.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
  }

  /**
   * How many slices overlap {@code [from, to)} (the ones cut by its edges included); 0 when it is
   * empty.
   */
  public static long count(Instant from, Instant to, ZoneId zone, Duration length) {
    if (!from.isBefore(to)) return 0;
    Instant last = to.minusNanos(1);
    return key(last, zone, length) - key(from, zone, length) + 1 - gaps(from, last, zone, length);
  }

  /** Keys between those of {@code from} and {@code last} that no instant has (day-end gaps). */
  private static long gaps(Instant from, Instant last, ZoneId zone, Duration length) {
    long k = perDay(length);
    LocalDate first = from.atZone(zone).toLocalDate();
    LocalDate end = last.atZone(zone).toLocalDate();
    long days = end.toEpochDay() - first.toEpochDay();
    if (days == 0) return 0;
    // every day but the last one leaves the keys after its last slice unused
    long unused = 0;
    long l = micros(length);
    LocalDate d = first;
    for (long i = 0; i < days; i++) {
      long dayUs =
          micros(d.plusDays(1).atStartOfDay(zone).toInstant())
              - micros(d.atStartOfDay(zone).toInstant());
      unused += k - (l == DAY_US ? 1 : (dayUs + l - 1) / l);
      d = d.plusDays(1);
    }
    return unused;
  }

  /** Epoch microseconds of an instant, rounded down. */
  public static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }

  private static long micros(Duration d) {
    return d.toNanos() / 1_000;
  }
}
