package io.slotoolkit.cli;

import io.slotoolkit.engine.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/** Draws a one-line progress bar on stderr for a long scan, and wipes it when the scan ends. */
final class ProgressBar implements ProgressListener {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private String last = "";

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void progress(double percent, long rowsProcessed, long totalRows) {
    String line = render(percent, rowsProcessed);
    if (line.equals(last)) return;
    err.print("\r" + line);
    err.flush();
    last = line;
  }

  /** The bar for a percentage (negative: not known yet) and a row count. */
  static String render(double percent, long rows) {
    StringBuilder b = new StringBuilder("scanning [");
    if (percent < 0) {
      b.append(".".repeat(WIDTH)).append("]    ?%");
    } else {
      int filled = (int) Math.min(WIDTH, Math.floor(percent / 100 * WIDTH));
      b.append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append(']');
      b.append(String.format(Locale.ROOT, " %4.0f%%", Math.min(100, percent)));
    }
    return b.append("  ").append(rowCount(rows)).append(" rows").toString();
  }

  static String rowCount(long rows) {
    if (rows >= 1_000_000) return String.format(Locale.ROOT, "%.1fM", rows / 1e6);
    if (rows >= 10_000) return String.format(Locale.ROOT, "%.0fk", rows / 1e3);
    return Long.toString(rows);
  }

  @Override
  public synchronized void done() {
    if (last.isEmpty()) return;
    err.print("\r" + " ".repeat(last.length()) + "\r");
    err.flush();
    last = "";
  }
}
