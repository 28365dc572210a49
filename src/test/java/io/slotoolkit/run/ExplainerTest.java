package io.slotoolkit.run;

import static io.slotoolkit.engine.Fixtures.days;
import static io.slotoolkit.engine.Fixtures.ratio;
import static io.slotoolkit.engine.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.slotoolkit.engine.DuckDbEngine;
import io.slotoolkit.engine.EngineOptions;
import io.slotoolkit.engine.Fixtures;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExplainerTest {
  private static Catalog catalog(Slo... slos) {
    return new Catalog(
        List.of(
            Fixtures.specFile(Fixtures.SPEC, "homehub", List.of(slos[0].source()), List.of(slos))));
  }

  @Test
  void explains_one_slo_at_the_given_instant_with_its_window_and_counts() {
    DataSource src = source("api.csv", null, ZoneId.of("UTC"));
    Slo slo = ratio("avail", src, "status < 500", null, "0.5", days(28), List.of());
    Catalog c = catalog(slo);
    Instant at = Instant.parse("2026-02-04T00:00:01Z");
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      Evaluator ev = new Evaluator(engine);
      ev.prepare(c);
      Explainer.Explanation x = new Explainer(engine, ev).explain(c, "avail", () -> at, Map.of());
      assertThat(x.slo()).isEqualTo(slo);
      assertThat(x.at()).isEqualTo(at);
      // 28 days before 2026-02-04T00:00:01Z
      assertThat(x.chosen().windowStart()).isEqualTo(Instant.parse("2026-01-07T00:00:01Z"));
      // the 8 rows of api.csv, 3 of them 5xx: good 5 of 8 (as EvaluatorTest works out)
      assertThat(x.chosen().good()).isEqualTo(5);
      assertThat(x.chosen().total()).isEqualTo(8);
      assertThat(x.chosen().sli()).isCloseTo(0.625, within(1e-12));
      assertThat(x.plan().statements()).isNotEmpty();
      assertThat(x.plan().files()).hasSize(1);
    }
  }

  @Test
  void a_name_matching_two_slos_is_a_usage_error_before_any_data_is_read() {
    DataSource src = source("api.csv", null, ZoneId.of("UTC"));
    Catalog c =
        catalog(
            ratio("avail-a", src, "status < 500", null, "0.5", days(28), List.of()),
            ratio("avail-b", src, "status < 400", null, "0.5", days(28), List.of()));
    AtomicInteger asked = new AtomicInteger();
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      Evaluator ev = new Evaluator(engine);
      ev.prepare(c);
      assertThatThrownBy(
              () ->
                  new Explainer(engine, ev)
                      .explain(
                          c,
                          "avail-*",
                          () -> {
                            asked.incrementAndGet();
                            return Instant.parse("2026-02-04T00:00:01Z");
                          },
                          Map.of()))
          .isInstanceOf(SloException.class)
          .hasMessage("'avail-*' matches 2 SLOs");
    }
    // the default instant reads the sources: it is not asked for when the name is ambiguous
    assertThat(asked).hasValue(0);
  }
}
