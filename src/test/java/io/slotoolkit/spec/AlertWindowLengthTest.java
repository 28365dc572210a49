package io.slotoolkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.model.AlertRule;
import io.slotoolkit.model.WindowLengths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert windows are written as the scorecard prints them, so a printed pair can be pasted into a
 * spec.
 */
class AlertWindowLengthTest {
  @Test
  void compound_lengths_parse_and_print_back_the_same(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("s.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "sources:",
            "  api: {path: api.csv, timestamp: ts}",
            "slos:",
            "  - name: a",
            "    source: api",
            "    sli: {ratio: {good: 'status < 500'}}",
            "    objective: 99%",
            "    window: 28d",
            "    alerts:",
            "      - {long: 5h36m, short: 28m, factor: 6, severity: page}",
            "      - {long: 2d19h12m, short: 5h36m, factor: 1, severity: ticket}",
            ""));
    SpecLoader.Loaded r = new SpecLoader().read(List.of(spec));
    assertThat(r.problems()).isEmpty();
    List<AlertRule> rules = r.catalog().slos().get(0).alerting().rules();
    // 5h36m = 336 min; 2d19h12m = 2880 + 1140 + 12 = 4032 min
    assertThat(rules)
        .extracting(AlertRule::longWindow)
        .containsExactly(Duration.ofMinutes(336), Duration.ofMinutes(4032));
    assertThat(rules)
        .extracting(x -> WindowLengths.label(x.longWindow()))
        .containsExactly("5h36m", "2d19h12m");
  }

  @Test
  void labels_leave_out_zero_parts() {
    assertThat(WindowLengths.label(Duration.ofHours(72))).isEqualTo("3d");
    assertThat(WindowLengths.label(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(WindowLengths.label(Duration.ZERO)).isEqualTo("0s");
  }
}
