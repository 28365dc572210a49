package io.slotoolkit.spec;

/**
 * A value the user wrote that does not parse; the converter turns it into a located {@code
 * Problem}. Package-private: it never leaves the spec package.
 */
final class InvalidValueException extends Exception {
  private final String hint;

  /**
   * @param message what is wrong, one sentence without a trailing period
   * @param hint what is allowed or the nearest valid value; null when there is nothing to add
   */
  InvalidValueException(String message, String hint) {
    super(message, null, false, false);
    this.hint = hint;
  }

  String hint() {
    return hint;
  }
}
