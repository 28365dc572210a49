package io.slotoolkit.report;

import io.slotoolkit.model.Percent;
import java.util.Locale;

/** How forecast quantities are shown to people. */
final class Fmt {
  private Fmt() {}

  /** {@code 312,400}, {@code 12.5}, {@code 0.84}: whole numbers from 100 up, else 3 figures. */
  static String volume(double v) {
    if (Double.isNaN(v)) return "-";
    if (Double.isInfinite(v)) return "unbounded";
    if (Math.abs(v) >= 100) return Numbers.count(Math.round(v));
    if (Math.abs(v) >= 10) return io.slotoolkit.model.Decimals.fixed(v, 1);
    return String.format(Locale.ROOT, "%.3g", v);
  }

  /** {@code 92 ms}, {@code 1.25 s}. */
  static String millis(double ms) {
    if (Double.isNaN(ms)) return "-";
    if (Double.isInfinite(ms)) return "unbounded";
    if (ms >= 10_000) return String.format(Locale.ROOT, "%.1f s", ms / 1000);
    if (ms >= 100) return String.format(Locale.ROOT, "%.0f ms", ms);
    if (ms >= 10) return String.format(Locale.ROOT, "%.1f ms", ms);
    return String.format(Locale.ROOT, "%.2f ms", ms);
  }

  /** {@code 1h59m}, {@code 36m20s}, {@code 45s}. */
  static String duration(double seconds) {
    if (Double.isNaN(seconds)) return "-";
    long s = Math.round(seconds);
    if (s >= 3600) return (s / 3600) + "h" + String.format(Locale.ROOT, "%02dm", (s % 3600) / 60);
    if (s >= 60) return (s / 60) + "m" + String.format(Locale.ROOT, "%02ds", s % 60);
    return s + "s";
  }

  /** {@code 12.3%}, signed when asked. */
  static String percent(double p, boolean signed) {
    if (Double.isNaN(p)) return "-";
    return Percent.fixed(p, 1, signed);
  }
}
