package io.slotoolkit.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.engine.DuckDbEngine;
import io.slotoolkit.engine.Engine;
import io.slotoolkit.engine.EngineOptions;
import io.slotoolkit.model.EventTime;
import io.slotoolkit.model.LatencyUnit;
import io.slotoolkit.model.SpecDraft;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How slo init reads a file: the heuristics, and a draft of a fixture worked out by hand. */
class SpecDrafterTest {
  @Test
  void objective_is_the_highest_standard_level_at_or_below_the_data_allowing_one_bad_event() {
    // 9,997/10,000 = 99.97%: 99.99% is above it; 99.95% allows 0.05% x 10,000 = 5 bad events
    assertThat(SpecDrafter.objective(9_997, 10_000)).isEqualByComparingTo("0.9995");
    // 4/4 = 100%, but 99.99% .. 80% allow fewer than one bad event of 4 (0.8 at 80%); 50% allows 2
    assertThat(SpecDrafter.objective(4, 4)).isEqualByComparingTo("0.5");
    // 18/20 = 90% exactly: 90% allows 2 bad events
    assertThat(SpecDrafter.objective(18, 20)).isEqualByComparingTo("0.9");
  }

  @Test
  void thresholds_round_up_to_1_2_2_5_or_5_times_a_power_of_ten() {
    assertThat(SpecDrafter.niceCeiling(304.3)).isEqualByComparingTo("500");
    assertThat(SpecDrafter.niceCeiling(120)).isEqualByComparingTo("200");
    assertThat(SpecDrafter.niceCeiling(0.815)).isEqualByComparingTo("1");
    assertThat(SpecDrafter.niceCeiling(2.5)).isEqualByComparingTo("2.5");
    assertThat(SpecDrafter.niceCeiling(5000)).isEqualByComparingTo("5000");
    assertThat(SpecDrafter.niceCeiling(0.0004)).isEqualByComparingTo("0.0005");
    assertThat(SpecDrafter.niceCeiling(5000).toPlainString()).isEqualTo("5000");
  }

  @Test
  void epoch_unit_follows_from_the_size_of_the_numbers() {
    // NASA's 1995 log: 804,571,201 s is 1995-07-01
    assertThat(SpecDrafter.epochBySize(804_571_201, 804_584_384))
        .isEqualTo(EventTime.Encoding.EPOCH_S);
    assertThat(SpecDrafter.epochBySize(1_767_225_600_000d, 1_767_226_740_000d))
        .isEqualTo(EventTime.Encoding.EPOCH_MS);
    assertThat(SpecDrafter.epochBySize(1.7672256e15, 1.7672257e15))
        .isEqualTo(EventTime.Encoding.EPOCH_US);
    // HTTP status codes and byte counts are not times
    assertThat(SpecDrafter.epochBySize(200, 503)).isNull();
    assertThat(SpecDrafter.epochBySize(0, 3_000_000)).isNull();
  }

  @Test
  void latency_unit_from_the_name_else_from_the_median() {
    assertThat(SpecDrafter.unit("latency_ms", 5)[0]).isEqualTo("ms");
    assertThat(SpecDrafter.unit("latency_us", 5)[0]).isEqualTo("us");
    assertThat(SpecDrafter.unit("elapsed_seconds", 500)[0]).isEqualTo("s");
    assertThat(SpecDrafter.unit("duration", 0.2)[0]).isEqualTo("s");
    assertThat(SpecDrafter.unit("duration", 180)[0]).isEqualTo("ms");
    assertThat(SpecDrafter.unit("took", 250_000)[0]).isEqualTo("us");
  }

  @Test
  void drafts_epoch_ms_csv_with_outcome_words_and_a_duration_in_seconds() {
    SpecDraft d;
    try (Engine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      d = new SpecDrafter(engine).draft(Path.of("src/test/resources/init/epoch-ms.csv"));
    }
    assertThat(d.rows()).isEqualTo(20);
    assertThat(d.time().column()).isEqualTo("time_ms");
    assertThat(d.time().encoding()).isEqualTo(EventTime.Encoding.EPOCH_MS);
    // 18 success, 1 failure, 1 timeout
    assertThat(d.availability().goodExpression()).isEqualTo("lower(result) IN ('success')");
    assertThat(d.availability().good()).isEqualTo(18);
    assertThat(d.availability().total()).isEqualTo(20);
    assertThat(d.availability().objective()).isEqualByComparingTo("0.9");
    SpecDraft.Latency l = d.latency();
    assertThat(l.column()).isEqualTo("duration");
    assertThat(l.unit()).isEqualTo(LatencyUnit.S);
    // the 18 successful durations sorted: 0.1 x8, 0.2 x6, 0.3 x2, 0.4, 0.9;
    // p99 at 0.99 x 17 = 16.83: 0.4 + 0.83 x (0.9 - 0.4) = 0.815, rounded up to 1 s
    assertThat(l.p99()).isCloseTo(0.815, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(l.threshold()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(l.thresholdLabel()).isEqualTo("1s");
    // all 18 within 1 s; 95% would allow 0.9 bad events of 18, 90% allows 1.8
    assertThat(l.good()).isEqualTo(18);
    assertThat(l.objective()).isEqualByComparingTo("0.9");
  }
}
