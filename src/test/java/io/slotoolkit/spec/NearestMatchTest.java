package io.slotoolkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestMatchTest {

  @Test
  void distance_counts_edits_and_a_swap_as_one() {
    assertThat(NearestMatch.distance("objectve", "objective")).isEqualTo(1); // one insertion
    assertThat(NearestMatch.distance("tiemzone", "timezone")).isEqualTo(1); // one swap
    assertThat(NearestMatch.distance("kitten", "sitting")).isEqualTo(3); // k>s, e>i, +g
    assertThat(NearestMatch.distance("", "abc")).isEqualTo(3);
    assertThat(NearestMatch.distance("same", "same")).isZero();
    assertThat(NearestMatch.distance("Objective", "objective")).isZero();
  }

  @Test
  void tolerance_grows_with_the_word() {
    assertThat(NearestMatch.tolerance("foo")).isEqualTo(1); // 3 / 3
    assertThat(NearestMatch.tolerance("objectve")).isEqualTo(2); // 8 / 3
    assertThat(NearestMatch.tolerance("timestamp_fromat")).isEqualTo(3); // 16 / 3 = 5, capped
    assertThat(NearestMatch.tolerance("x")).isEqualTo(1); // at least one
  }

  @Test
  void nearest_key_is_suggested() {
    List<String> slo = SpecLevel.SLO.keys();

    assertThat(NearestMatch.didYouMean("objectve", slo)).hasValue("did you mean 'objective'?");
    assertThat(NearestMatch.didYouMean("min-events", slo)).hasValue("did you mean 'min_events'?");
    assertThat(NearestMatch.didYouMean("Window", slo)).hasValue("did you mean 'window'?");
    assertThat(NearestMatch.didYouMean("srouce", slo)).hasValue("did you mean 'source'?");
  }

  @Test
  void nothing_is_suggested_when_nothing_is_near() {
    assertThat(NearestMatch.nearest("colour", SpecLevel.SOURCE.keys())).isEmpty();
    assertThat(NearestMatch.nearest("foo", SpecLevel.SLO.keys())).isEmpty();
    // 'sec' is two edits from 's', more than a three-letter word may be off by.
    assertThat(NearestMatch.nearest("sec", List.of("ms", "s", "us"))).isEmpty();
  }

  @Test
  void ties_keep_candidate_order() {
    assertThat(NearestMatch.nearest("cat", List.of("bat", "hat", "cart")))
        .containsExactly("bat", "hat", "cart");
    assertThat(NearestMatch.first("cat", List.of("hat", "bat"))).hasValue("hat");
  }
}
