package io.slotoolkit.model;

/** Whether the busy season fits the capacity, from the forecast and its intervals. */
public enum Verdict {
  /** Even the 95% upper bound of the peak fits, with the headroom kept free. */
  FITS,
  /** The point forecast fits, but the upper bound eats into the headroom or beyond. */
  AT_RISK,
  /** Even the point forecast of the peak does not fit. */
  DOES_NOT_FIT;

  /** The worse of two verdicts. */
  public Verdict worst(Verdict other) {
    return other == null || other.ordinal() < ordinal() ? this : other;
  }

  /** {@code AT RISK}, as printed. */
  public String label() {
    return name().replace('_', ' ');
  }
}
