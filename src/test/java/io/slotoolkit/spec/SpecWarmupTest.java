package io.slotoolkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpecWarmupTest {
  @Test
  void the_built_in_spec_reads_without_a_problem() {
    // a spec the language no longer accepts would leave the first uses to the command's thread
    assertThat(SpecWarmup.run()).isTrue();
  }
}
