package io.slotoolkit.spec;

import io.slotoolkit.model.EditDistance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What the user probably meant: the candidates closest to a misspelt word by edit distance. */
final class NearestMatch {
  private NearestMatch() {}

  /**
   * The edit distance between two words, counting a swap of neighbours as one edit ({@code
   * tiemzone} is one edit from {@code timezone}), ignoring case.
   */
  static int distance(String a, String b) {
    return EditDistance.between(a, b);
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
