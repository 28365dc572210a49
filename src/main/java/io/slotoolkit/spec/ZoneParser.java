package io.slotoolkit.spec;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Reads an IANA time zone id, suggesting the nearest ids for a misspelt or abbreviated one. */
final class ZoneParser {
  /** Every spelling of UTC becomes this one zone, so that zones compare equal across sources. */
  static final ZoneId UTC = ZoneId.of("UTC");

  private static final String EXAMPLES = "such as UTC, Europe/Berlin or America/New_York";

  private ZoneParser() {}

  static ZoneId parse(String text) throws InvalidValueException {
    String t = text.strip();
    ZoneId zone;
    try {
      zone = ZoneId.of(t);
    } catch (DateTimeException e) {
      // Also short ids such as JST: ZoneId.of refuses them without an alias map.
      List<String> near = suggestions(t);
      throw new InvalidValueException(
          "unknown time zone '" + t + "'",
          near.isEmpty()
              ? "write an IANA zone id " + EXAMPLES
              : "did you mean "
                  + String.join(" or ", near.stream().map(s -> "'" + s + "'").toList())
                  + "?");
    }
    if (zone.normalized().equals(ZoneOffset.UTC)) return UTC;
    if (isOffsetForm(zone)) {
      throw new InvalidValueException(
          "'" + t + "' is a fixed offset, not an IANA time zone", offsetHint(zone));
    }
    return zone;
  }

  /**
   * The nearest valid ids: the region an abbreviation such as {@code JST} stands for, else the ids
   * (or their city part) closest by edit distance; at most three.
   */
  static List<String> suggestions(String text) {
    String region = ZoneId.SHORT_IDS.get(text.toUpperCase(Locale.ROOT));
    if (region != null && KnownIds.IDS.contains(region)) return List.of(region);
    int best = NearestMatch.tolerance(text);
    List<String> found = new ArrayList<>();
    for (String id : KnownIds.IDS) {
      String city = id.substring(id.lastIndexOf('/') + 1);
      int d = Math.min(NearestMatch.distance(text, id), NearestMatch.distance(text, city));
      if (d < best) {
        best = d;
        found.clear();
      }
      if (d <= best && found.size() < 3) found.add(id);
    }
    return found;
  }

  /**
   * Whether {@code ZoneId.of} read an offset rather than a region: {@code +09:00}, or an offset
   * prefixed with UTC, GMT or UT ({@code UTC+9}). {@code Etc/GMT-9} is a region.
   */
  private static boolean isOffsetForm(ZoneId zone) {
    return zone instanceof ZoneOffset || zone.getId().matches("(UTC|GMT|UT)[+-].*");
  }

  private static String offsetHint(ZoneId zone) {
    ZoneOffset offset = zone.getRules().getOffset(Instant.EPOCH);
    int seconds = offset.getTotalSeconds();
    String etc = "Etc/GMT" + (seconds > 0 ? "-" : "+") + Math.abs(seconds / 3600);
    if (seconds % 3600 == 0 && KnownIds.IDS.contains(etc)) {
      // IANA's Etc zones carry the POSIX sign: Etc/GMT-9 is nine hours ahead of UTC.
      return "write a region such as Europe/Berlin, or "
          + etc
          + " for "
          + offset.getId()
          + " all year";
    }
    return "write a region such as Europe/Berlin";
  }

  /** Every zone id, sorted; built on first use, since only a mistake needs them. */
  private static final class KnownIds {
    static final Set<String> IDS = new TreeSet<>(ZoneId.getAvailableZoneIds());
  }
}
