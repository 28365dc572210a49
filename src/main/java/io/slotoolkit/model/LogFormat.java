package io.slotoolkit.model;

import java.util.List;
import java.util.Objects;

/**
 * How the lines of an access log are split into columns.
 *
 * @param kind a known server format, or a user's regular expression
 * @param pattern the regular expression (RE2 syntax) whose named groups are the columns; null for
 *     the known formats
 * @param groups the named groups of {@code pattern}, in order; empty for the known formats
 */
public record LogFormat(Kind kind, String pattern, List<String> groups) {
  public LogFormat {
    Objects.requireNonNull(kind, "kind");
    groups = groups == null ? List.of() : List.copyOf(groups);
    if ((kind == Kind.PATTERN) != (pattern != null))
      throw new IllegalArgumentException("a pattern goes with kind PATTERN only");
    if (kind == Kind.PATTERN && groups.isEmpty())
      throw new IllegalArgumentException("a log pattern needs named groups");
  }

  /** The Common Log Format (Apache {@code common}, the NCSA format). */
  public static final LogFormat COMMON = new LogFormat(Kind.COMMON, null, List.of());

  /** The Combined Log Format: common plus referer and user agent (Apache and Nginx default). */
  public static final LogFormat COMBINED = new LogFormat(Kind.COMBINED, null, List.of());

  /** The known line formats, and a user's own. */
  public enum Kind {
    COMMON,
    COMBINED,
    PATTERN
  }
}
