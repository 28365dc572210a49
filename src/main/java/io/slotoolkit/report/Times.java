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

  private Times() {}

  /** {@code 2026-02-28T00:00:00+09:00}; fractions of a second only when there are any. */
  public static String iso(Instant i, ZoneId zone) {
    var z = i.atZone(zone);
    return z.format(z.getNano() == 0 ? ISO_SECONDS : ISO);
  }

  /** {@code 2026-02-28 00:00:00 +09:00} for people. */
  public static String human(Instant i, ZoneId zone) {
    return i.atZone(zone).format(HUMAN);
  }
}
