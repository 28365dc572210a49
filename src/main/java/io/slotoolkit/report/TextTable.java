package io.slotoolkit.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A column-aligned table for the terminal; numbers right-aligned, cells may carry ANSI styling. */
public final class TextTable {
  private final List<String> headers;
  private final boolean[] rightAligned;
  private final List<String[]> rows = new ArrayList<>();

  public TextTable(List<String> headers, boolean... rightAligned) {
    this.headers = List.copyOf(headers);
    this.rightAligned =
        rightAligned.length == headers.size() ? rightAligned : new boolean[headers.size()];
  }

  public void add(String... cells) {
    if (cells.length != headers.size())
      throw new IllegalArgumentException("expected " + headers.size() + " cells");
    rows.add(cells);
  }

  public void print(PrintWriter out, Style style) {
    int n = headers.size();
    int[] w = new int[n];
    for (int i = 0; i < n; i++) w[i] = Style.width(headers.get(i));
    for (String[] r : rows) for (int i = 0; i < n; i++) w[i] = Math.max(w[i], Style.width(r[i]));
    String[] head = headers.toArray(new String[0]);
    out.println(style.bold(line(head, w)));
    for (String[] r : rows) out.println(line(r, w));
  }

  private String line(String[] cells, int[] w) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i] == null ? "" : cells[i];
      int pad = w[i] - Style.width(c);
      if (i > 0) b.append("  ");
      if (rightAligned[i]) b.append(" ".repeat(pad)).append(c);
      else b.append(c).append(i == cells.length - 1 ? "" : " ".repeat(pad));
    }
    return b.toString().stripTrailing();
  }
}
