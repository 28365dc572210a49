package io.slotoolkit.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SyncJobEventsGeneratorTest {
  private static final Path BUNDLED = Path.of("examples/sync-job/sync_pages.csv");

  @Test
  void the_bundled_export_is_what_the_generator_writes_and_stays_small() throws IOException {
    StringWriter out = new StringWriter();
    try (PrintWriter w = new PrintWriter(out)) {
      SyncJobEventsGenerator.write(w);
    }
    assertThat(out.toString()).isEqualTo(Files.readString(BUNDLED));
    assertThat(Files.size(BUNDLED)).isLessThan(2_000_000);
  }
}
