package io.slotoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress bar draws over itself on one line and leaves nothing behind. */
class ProgressBarTest {
  @Test
  void bar_fills_in_thirtieths() {
    // 55% of 30 cells = 16.5 -> 16 filled
    assertThat(ProgressBar.render(55))
        .isEqualTo("scanning [" + "#".repeat(16) + ".".repeat(14) + "]   55%");
    assertThat(ProgressBar.render(-1)).isEqualTo("scanning [" + ".".repeat(30) + "]    ?%");
    assertThat(ProgressBar.render(100)).isEqualTo("scanning [" + "#".repeat(30) + "]  100%");
  }

  @Test
  void redraws_with_carriage_returns_and_wipes_the_line_when_done() {
    StringWriter err = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(err));
    bar.progress(10, 0, 0);
    bar.progress(10, 5, 0); // same percentage: nothing new to draw
    bar.progress(50, 0, 0);
    bar.done();
    String first = ProgressBar.render(10);
    String second = ProgressBar.render(50);
    assertThat(err.toString())
        .isEqualTo("\r" + first + "\r" + second + "\r" + " ".repeat(second.length()) + "\r");
  }

  @Test
  void done_without_progress_prints_nothing() {
    StringWriter err = new StringWriter();
    new ProgressBar(new PrintWriter(err)).done();
    assertThat(err.toString()).isEmpty();
  }
}
