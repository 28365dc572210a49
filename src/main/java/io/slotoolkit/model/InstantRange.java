package io.slotoolkit.model;

import java.time.Instant;

/**
 * The instants slo evaluates at: years 0001 to 9999, as ISO-8601 writes them with four digits.
 * Windows, alert windows and replay histories reach back from an evaluation instant in
 * microseconds; outside this range that arithmetic (and the SQL literals) would overflow.
 */
public final class InstantRange {
  private InstantRange() {}

  /** The earliest instant accepted. */
  public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  /** The first instant refused. */
  public static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

  /** Whether {@code t} lies in years 0001 to 9999. */
  public static boolean contains(Instant t) {
    return !t.isBefore(EARLIEST) && t.isBefore(END);
  }
}
