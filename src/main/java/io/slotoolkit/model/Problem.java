package io.slotoolkit.model;

/**
 * One thing wrong with what the user wrote: where, what, and what would be right.
 *
 * @param location where it is (file, line, column)
 * @param message what is wrong, one sentence without a trailing period
 * @param hint what is allowed or the nearest valid value; null when there is nothing useful to add
 */
public record Problem(SourceLocation location, String message, String hint) {
  public Problem {
    if (message == null || message.isBlank()) throw new IllegalArgumentException("empty message");
  }

  public static Problem of(SourceLocation location, String message) {
    return new Problem(location, message, null);
  }

  /** {@code file:line:col: message (hint)} on one line. */
  public String render() {
    return location + ": " + message + (hint == null ? "" : " (" + hint + ")");
  }
}
