package io.slotoolkit.model;

import java.util.Locale;

/**
 * How many single-character edits (insert, delete, replace, or swap two neighbours) turn one word
 * into another, ignoring case: the one measure behind every "did you mean" of the tool.
 */
public final class EditDistance {
  private EditDistance() {}

  /** The edit distance between {@code a} and {@code b}, case-insensitive. */
  public static int between(String a, String b) {
    String s = a.toLowerCase(Locale.ROOT);
    String t = b.toLowerCase(Locale.ROOT);
    int[][] d = new int[s.length() + 1][t.length() + 1];
    for (int i = 0; i <= s.length(); i++) d[i][0] = i;
    for (int j = 0; j <= t.length(); j++) d[0][j] = j;
    for (int i = 1; i <= s.length(); i++) {
      for (int j = 1; j <= t.length(); j++) {
        int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && s.charAt(i - 1) == t.charAt(j - 2)
            && s.charAt(i - 2) == t.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[s.length()][t.length()];
  }
}
