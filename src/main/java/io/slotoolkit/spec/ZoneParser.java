package io.slotoolkit.spec;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads an IANA time zone id, suggesting the nearest ids for a misspelt or abbreviated one. */
final class ZoneParser {
  /** Every spelling of UTC becomes this one zone, so that zones compare equal across sources. */
  static final ZoneId UTC = ZoneId.of("UTC");

  private static final Set<String> IDS = new TreeSet<>(ZoneId.getAvailableZoneIds());
  private static final String EXAMPLES = "such as UTC, Europe/Berlin or America/New_York";

  private ZoneParser() {}

  static ZoneId parse(String text) throws InvalidValueException {
    String t = text.strip();
    if (t.equals("Z") || t.equals("UTC")) return UTC;
    if (IDS.contains(t)) {
      ZoneId zone = ZoneId.of(t);
      return zone.normalized().equals(ZoneOffset.UTC) ? UTC : zone;
    }
    ZoneId offset = offsetForm(t);
    if (offset != null && offset.normalized().equals(ZoneOffset.UTC)) return UTC;
    if (offset != null) {
      throw new InvalidValueException(
          "'" + t + "' is a fixed offset, not an IANA time zone", offsetHint(offset));
    }
    List<String> near = suggestions(t);
    throw new InvalidValueException(
        "unknown time zone '" + t + "'",
        near.isEmpty()
            ? "write an IANA zone id " + EXAMPLES
            : "did you mean "
                + String.join(" or ", near.stream().map(s -> "'" + s + "'").toList())
                + "?");
  }

  /**
   * The nearest valid ids: the region an abbreviation such as {@code JST} stands for, else the ids
   * (or their city part) closest by edit distance; at most three.
   */
  static List<String> suggestions(String text) {
    String region = ZoneId.SHORT_IDS.get(text.toUpperCase(java.util.Locale.ROOT));
    if (region != null && IDS.contains(region)) return List.of(region);
    int best = NearestMatch.tolerance(text);
    List<String> found = new ArrayList<>();
    for (String id : IDS) {
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
   * The zone when {@code ZoneId.of} reads the text as an offset ({@code +09:00}, {@code UTC+9}).
   */
  private static ZoneId offsetForm(String t) {
    try {
      ZoneId zone = ZoneId.of(t);
      return zone.getRules().isFixedOffset() ? zone : null;
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static String offsetHint(ZoneId zone) {
    ZoneOffset offset = zone.getRules().getOffset(Instant.EPOCH);
    int seconds = offset.getTotalSeconds();
    String etc = "Etc/GMT" + (seconds > 0 ? "-" : "+") + Math.abs(seconds / 3600);
    if (seconds % 3600 == 0 && IDS.contains(etc)) {
      // IANA's Etc zones carry the POSIX sign: Etc/GMT-9 is nine hours ahead of UTC.
      return "write a region such as Europe/Berlin, or "
          + etc
          + " for "
          + offset.getId()
          + " all year";
    }
    return "write a region such as Europe/Berlin";
  }
}
