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
    // DuckDB's row count counts chunks for some readers (CSV), so only the percentage is shown
    String line = render(percent);
    if (line.equals(last)) return;
    err.print("\r" + line);
    err.flush();
    last = line;
  }

  /** The bar for a percentage (negative: not known yet). */
  static String render(double percent) {
    StringBuilder b = new StringBuilder("scanning [");
    if (percent < 0) return b.append(".".repeat(WIDTH)).append("]    ?%").toString();
    int filled = (int) Math.min(WIDTH, Math.floor(percent / 100 * WIDTH));
    b.append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append(']');
    return b.append(String.format(Locale.ROOT, " %4.0f%%", Math.min(100, percent))).toString();
  }

  @Override
  public synchronized void done() {
    if (last.isEmpty()) return;
    err.print("\r" + " ".repeat(last.length()) + "\r");
    err.flush();
    last = "";
  }
}
