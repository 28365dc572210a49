package io.slotoolkit.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the user probably meant: the candidates closest to a misspelt word by edit distance. */
final class NearestMatch {
  private NearestMatch() {}

  /**
   * The edit distance between two words, counting a swap of neighbours as one edit ({@code
   * tiemzone} is one edit from {@code timezone}), ignoring case.
   */
  static int distance(String a, String b) {
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

  /**
   * How far a word may be from a candidate and still be called a typo: one edit for short words, up
   * to three for long ones, so that {@code foo} does not suggest {@code per}.
   */
  static int tolerance(String input) {
    return Math.max(1, Math.min(3, input.length() / 3));
  }

  /** Every candidate at the smallest distance within {@link #tolerance}, in candidate order. */
  static List<String> nearest(String input, Collection<String> candidates) {
    int best = tolerance(input);
    List<String> found = new ArrayList<>();
    for (String c : candidates) {
      int d = distance(input, c);
      if (d < best) {
        best = d;
        found.clear();
      }
      if (d <= best) found.add(c);
    }
    return found;
  }

  /** The single nearest candidate within {@link #tolerance}; the first one on a tie. */
  static Optional<String> first(String input, Collection<String> candidates) {
    return nearest(input, candidates).stream().findFirst();
  }

  /** {@code did you mean 'objective'?}, or empty when nothing is near. */
  static Optional<String> didYouMean(String input, Collection<String> candidates) {
    return first(input, candidates).map(c -> "did you mean '" + c + "'?");
  }
}
