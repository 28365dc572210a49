package io.slotoolkit.report;

/**
 * A burn-rate alert that fired on a result, as the CI renderers show it.
 *
 * @param severity the rule's severity name, such as {@code page}
 * @param rule the rule in words, {@code page 14.4x over 1h/5m}
 * @param longWindow the long window's label, {@code 1h}
 * @param longBurnRate burn rate over the long window; null without events
 * @param shortWindow the short window's label, {@code 5m}
 * @param shortBurnRate burn rate over the short window; null without events
 */
public record CiAlert(
    String severity,
    String rule,
    String longWindow,
    Double longBurnRate,
    String shortWindow,
    Double shortBurnRate) {

  /** {@code page 14.4x over 1h/5m fired: burn rate 20.1 over 1h, 25.3 over 5m}. */
  public String describe() {
    return rule
        + " fired: burn rate "
        + Figures.number(longBurnRate)
        + " over "
        + longWindow
        + ", "
        + Figures.number(shortBurnRate)
        + " over "
        + shortWindow;
  }
}
