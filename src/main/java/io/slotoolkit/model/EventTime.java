package io.slotoolkit.model;

import java.time.ZoneId;

/**
 * How a source stores the time of each event.
 *
 * @param column the event time column
 * @param encoding how the column's values are written
 * @param pattern a strptime pattern when {@code encoding} is {@link Encoding#PATTERN}, else null
 * @param naiveZone the zone of timestamps written without an offset (the contract's default: UTC)
 */
public record EventTime(String column, Encoding encoding, String pattern, ZoneId naiveZone) {
  public EventTime {
    if (column == null || column.isBlank())
      throw new IllegalArgumentException("timestamp column missing");
    if ((encoding == Encoding.PATTERN) != (pattern != null)) {
      throw new IllegalArgumentException("a pattern goes with encoding PATTERN only");
    }
  }

  /** Encodings of the event time column. */
  public enum Encoding {
    /** TIMESTAMP, TIMESTAMPTZ, or ISO-8601 text with or without an offset. */
    AUTO,
    EPOCH_S,
    EPOCH_MS,
    EPOCH_US,
    /** Text in a strptime pattern, such as {@code %d/%b/%Y:%H:%M:%S %z}. */
    PATTERN
  }
}
