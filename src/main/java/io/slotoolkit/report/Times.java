package io.slotoolkit.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How instants are written in reports: ISO-8601 with the zone's offset, seconds always shown. */
public final class Times {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSSSSS]XXX");
  private static final DateTimeFormatter ISO_SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
  private static final DateTimeFormatter HUMAN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx");

  /** An instant {@link #iso} wrote, with its text. */
  private record Written(Instant instant, ZoneId zone, String text) {
    boolean of(Instant i, ZoneId z) {
      return instant.equals(i) && z.equals(zone);
    }
  }

  /**
   * The last two instants {@link #iso} wrote: a check writes each window's start and end per group.
   */
  private record Recent(Written newer, Written older) {}

  private static final Written NONE = new Written(Instant.MIN, null, null);
  private static volatile Recent recent = new Recent(NONE, NONE);

  private Times() {}

  /** {@code 2026-02-28T00:00:00+09:00}; fractions of a second only when there are any. */
  public static String iso(Instant i, ZoneId zone) {
    Recent r = recent;
    if (r.newer().of(i, zone)) return r.newer().text();
    if (r.older().of(i, zone)) return r.older().text();
    var z = i.atZone(zone);
    String text = z.format(z.getNano() == 0 ? ISO_SECONDS : ISO);
    recent = new Recent(new Written(i, zone, text), r.newer());
    return text;
  }

  /** {@code 2026-02-28 00:00:00 +09:00} for people. */
  public static String human(Instant i, ZoneId zone) {
    return i.atZone(zone).format(HUMAN);
  }
}
