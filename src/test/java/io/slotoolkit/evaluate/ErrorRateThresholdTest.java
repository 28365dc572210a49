package io.slotoolkit.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ErrorRateThresholdTest {
  @Test
  void a_threshold_with_a_long_fraction_is_still_exact() {
    // 0.2333333333333333 x 0.001 = 0.0002333333333333333: denominator 10^19 does not fit a long
    ErrorRateThreshold t = new ErrorRateThreshold(new BigDecimal("0.0002333333333333333"));
    // of 10^18 events, the threshold is 233,333,333,333,333.3 bad: .334 reaches it, .333 does not
    assertThat(t.reachedBy(233_333_333_333_334L, 1_000_000_000_000_000_000L)).isTrue();
    assertThat(t.reachedBy(233_333_333_333_333L, 1_000_000_000_000_000_000L)).isFalse();
    // 7 of 30000 = 0.000233333... (repeating) lies above 0.0002333333333333333
    assertThat(t.reachedBy(7, 30_000)).isTrue();
    assertThat(t.reachedBy(6, 30_000)).isFalse();
  }

  @Test
  void products_beyond_64_bits_compare_correctly() {
    // (2^62) x 4 = 2^64 against (2^63 - 1) x 2 = 2^64 - 2
    assertThat(ErrorRateThreshold.compareProducts(1L << 62, 4, Long.MAX_VALUE, 2)).isPositive();
    assertThat(ErrorRateThreshold.compareProducts(Long.MAX_VALUE, 2, 1L << 62, 4)).isNegative();
    assertThat(ErrorRateThreshold.compareProducts(1L << 40, 1L << 30, 1L << 35, 1L << 35)).isZero();
  }

  @Test
  void no_events_never_reach_a_threshold() {
    assertThat(new ErrorRateThreshold(new BigDecimal("0.001")).reachedBy(0, 0)).isFalse();
  }

  @Test
  void a_shared_threshold_decides_as_a_new_one_for_every_count() {
    java.util.Random random = new java.util.Random(16);
    for (String rate : new String[] {"0.0144", "0.006", "0.00036", "0.0002333333333333333", "2"}) {
      BigDecimal r = new BigDecimal(rate);
      ErrorRateThreshold shared = ErrorRateThreshold.of(r);
      assertThat(ErrorRateThreshold.of(new BigDecimal(rate))).isSameAs(shared);
      ErrorRateThreshold fresh = new ErrorRateThreshold(r);
      for (int i = 0; i < 20_000; i++) {
        long total = random.nextInt(3) == 0 ? random.nextLong(1L << 40) : random.nextInt(100_000);
        long bad = total == 0 ? 0 : random.nextLong(total + 1);
        assertThat(shared.reachedBy(bad, total)).isEqualTo(fresh.reachedBy(bad, total));
        // and against the exact decimal comparison bad >= rate x total
        assertThat(shared.reachedBy(bad, total))
            .isEqualTo(
                total > 0
                    && BigDecimal.valueOf(bad).compareTo(r.multiply(BigDecimal.valueOf(total)))
                        >= 0);
      }
    }
  }
}
