package io.slotoolkit.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.model.DuplicateRule;
import io.slotoolkit.model.LoadLatency;
import io.slotoolkit.model.Series;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SyncJobHistoryGeneratorTest {
  private static final Path BUNDLED = Path.of("examples/sync-job/daily_sync.csv");

  @Test
  void the_bundled_file_is_what_the_generator_writes() throws IOException {
    StringWriter out = new StringWriter();
    try (PrintWriter w = new PrintWriter(out)) {
      SyncJobHistoryGenerator.write(w);
    }
    assertThat(out.toString()).isEqualTo(Files.readString(BUNDLED));
  }

  @Test
  void the_march_peak_is_several_times_a_normal_day_and_latency_rises_with_it() {
    Series volume = SeriesFile.read(BUNDLED).series("date", "records_synced", DuplicateRule.ERROR);
    Series p95 = SeriesFile.read(BUNDLED).series("date", "p95_latency_ms", DuplicateRule.ERROR);
    assertThat(volume.size()).isEqualTo(1096);
    assertThat(volume.gaps()).isEmpty();
    // 2025: the highest day against the median weekday of February.
    double peak = 0;
    java.util.List<Double> february = new java.util.ArrayList<>();
    for (int i = 0; i < volume.size(); i++) {
      var d = volume.date(i);
      if (d.getYear() != 2025) continue;
      if (d.getMonthValue() == 3 || d.getMonthValue() == 4) peak = Math.max(peak, volume.value(i));
      if (d.getMonthValue() == 2 && d.getDayOfWeek().getValue() <= 5) february.add(volume.value(i));
    }
    february.sort(null);
    double normal = february.get(february.size() / 2);
    assertThat(peak / normal).isBetween(3.0, 5.5);
    LoadLatency m = LoadLatencyFit.fit(volume, p95);
    assertThat(m.elasticity()).isBetween(0.25, 0.45);
  }
}
