package io.slotoolkit.model;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one grammar of a positive duration written by a user, on the command line and in specs: one
 * or more parts of a number (decimals allowed) and a unit, {@code us}, {@code ms}, {@code s},
 * {@code m}, {@code h} or {@code d}, such as {@code 120ms}, {@code 1h30m}, {@code 0.5s}.
 */
public final class DurationText {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m|h|d)");

  private DurationText() {}

  /** The duration {@code text} denotes (case and surrounding blanks ignored); null when none. */
  public static Duration parse(String text) {
    String v = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    Matcher m = PART.matcher(v);
    long nanos = 0;
    int at = 0;
    while (at < v.length() && m.find(at) && m.start() == at) {
      double n = Double.parseDouble(m.group(1));
      double unit =
          switch (m.group(2)) {
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            default -> 86_400e9;
          };
      nanos += Math.round(n * unit);
      at = m.end();
    }
    if (v.isEmpty() || at != v.length() || nanos <= 0) return null;
    return Duration.ofNanos(nanos);
  }
}
