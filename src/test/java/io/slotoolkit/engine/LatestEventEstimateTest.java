package io.slotoolkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatestEventEstimateTest {
  @TempDir Path dir;

  private String tail(String content, int bytes) throws IOException {
    Path f = dir.resolve("f.csv");
    Files.writeString(f, content);
    return new String(LatestEventEstimate.lastLines(f, bytes), StandardCharsets.UTF_8);
  }

  @Test
  void the_line_the_cut_falls_in_is_left_out() throws IOException {
    // "ts,a\n" (5) + "2026-01-01,1\n" (13) + "2026-01-02,2\n" (13) = 31 bytes; the last 20 bytes
    // start 6 bytes into the second line (at "1-01,1"), so only the third line is whole
    assertThat(tail("ts,a\n2026-01-01,1\n2026-01-02,2\n", 20)).isEqualTo("2026-01-02,2\n");
  }

  @Test
  void a_file_read_whole_loses_its_first_line() throws IOException {
    assertThat(tail("ts,a\n2026-01-01,1\n2026-01-02,2\n", 1000))
        .isEqualTo("2026-01-01,1\n2026-01-02,2\n");
  }

  @Test
  void a_cut_inside_the_last_line_leaves_nothing() throws IOException {
    assertThat(tail("ts,a\n2026-01-01,1\n2026-01-02,2\n", 5)).isEmpty();
    assertThat(tail("one line without an end", 1000)).isEmpty();
  }
}
