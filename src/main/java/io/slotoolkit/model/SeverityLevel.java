package io.slotoolkit.model;

import java.util.List;

/**
 * One level of a severity table: it matches an SLO when any of its conditions holds.
 *
 * @param name the user's name for it ({@code SEV1}, {@code P2}); matched ignoring case
 * @param conditions its conditions, any of which selects it
 * @param response what people do when it is reached
 * @param location where it is written, for messages
 */
public record SeverityLevel(
    String name,
    List<SeverityCondition> conditions,
    SeverityResponse response,
    SourceLocation location) {
  public SeverityLevel {
    if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
      throw new IllegalArgumentException(
          "severity level name must start with a letter and hold letters, digits, - or _: '"
              + name
              + "'");
    }
    conditions = List.copyOf(conditions);
  }
}
