package io.slotoolkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotoolkit.evaluate.SloMath;
import io.slotoolkit.model.Alerting;
import io.slotoolkit.model.CsvDialect;
import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.Evaluation;
import io.slotoolkit.model.EventTime;
import io.slotoolkit.model.Group;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.Sli;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloMetadata;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.SqlExpression;
import io.slotoolkit.model.Window;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract's JSON example, rebuilt from its counts, must come out with the contract's fields
 * and values.
 */
class JsonRendererTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final SourceLocation HERE = new SourceLocation(Path.of("t.yaml"), 1, 1);

  private static JsonNode render(boolean withGroup, long good, long total) throws Exception {
    return new ObjectMapper().readTree(renderText(withGroup, good, total));
  }

  private static String renderText(boolean withGroup, long good, long total) {
    DataSource src =
        new DataSource(
            "api",
            Path.of("t.yaml"),
            List.of("/x.parquet"),
            DataFormat.PARQUET,
            new EventTime("ts", EventTime.Encoding.AUTO, null, ZoneId.of("UTC")),
            TOKYO,
            CsvDialect.SNIFF,
            null,
            0,
            HERE,
            List.of(),
            false,
            null,
            null,
            null);
    Slo slo =
        new Slo(
            "unlock-success",
            "homehub",
            null,
            src,
            new Sli.Ratio(
                new SqlExpression("status < 500", HERE),
                new SqlExpression("endpoint = '/unlock'", HERE)),
            Objective.of("0.99"),
            Window.Calendar.civil(Window.Period.MONTH),
            withGroup ? List.of("customer_id") : List.of(),
            0,
            HERE,
            List.of(),
            Alerting.DEFAULT,
            List.of(),
            SloMetadata.EMPTY,
            null);
    Instant at = Instant.parse("2026-02-27T15:00:00Z");
    Instant start = Instant.parse("2026-01-31T15:00:00Z");
    Group g = withGroup ? new Group(List.of("customer_id"), List.of("c047")) : null;
    Evaluation e =
        new Evaluation(
            at,
            TOKYO,
            List.of(SloMath.result(slo, g, start, at, good, total, 0)),
            List.of(),
            false,
            List.of(),
            "duckdb");
    StringWriter out = new StringWriter();
    new JsonRenderer("breached").render(e, new PrintWriter(out));
    return out.toString();
  }

  @Test
  void contract_example_fields_and_values() throws Exception {
    JsonNode j = render(true, 139, 149);
    assertThat(j.get("evaluated_at").asText()).isEqualTo("2026-02-28T00:00:00+09:00");
    assertThat(j.get("passed").isBoolean()).isTrue();
    JsonNode r = j.get("results").get(0);
    assertThat(r.get("slo").asText()).isEqualTo("unlock-success");
    assertThat(r.get("service").asText()).isEqualTo("homehub");
    assertThat(r.get("group").get("customer_id").asText()).isEqualTo("c047");
    assertThat(r.get("window").get("start").asText()).isEqualTo("2026-02-01T00:00:00+09:00");
    assertThat(r.get("window").get("end").asText()).isEqualTo("2026-02-28T00:00:00+09:00");
    assertThat(r.get("objective").isNumber()).isTrue();
    assertThat(r.get("objective").asDouble()).isEqualTo(0.99);
    assertThat(r.get("good").asLong()).isEqualTo(139);
    assertThat(r.get("total").asLong()).isEqualTo(149);
    assertThat(r.get("sli").asDouble()).isEqualTo(139.0 / 149.0);
    assertThat(r.get("status").asText()).isEqualTo("BREACHED");
    assertThat(r.get("error_budget").get("allowed").decimalValue()).isEqualByComparingTo("1.49");
    assertThat(r.get("error_budget").get("bad").asLong()).isEqualTo(10);
    assertThat(r.get("error_budget").get("remaining").asDouble())
        .isCloseTo(-5.711409396, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(r.get("burn_rate").asDouble())
        .isCloseTo(6.711409396, org.assertj.core.api.Assertions.within(1e-9));
    // the contract's field order comes first
    List<String> names = new java.util.ArrayList<>();
    r.fieldNames().forEachRemaining(names::add);
    assertThat(names.subList(0, 11))
        .containsExactly(
            "slo",
            "service",
            "group",
            "window",
            "objective",
            "good",
            "total",
            "sli",
            "status",
            "error_budget",
            "burn_rate");
  }

  @Test
  void group_is_null_without_per_and_ratios_are_null_without_events() throws Exception {
    JsonNode r = render(false, 0, 0).get("results").get(0);
    assertThat(r.get("group").isNull()).isTrue();
    assertThat(r.get("sli").isNull()).isTrue();
    assertThat(r.get("burn_rate").isNull()).isTrue();
    assertThat(r.get("error_budget").get("remaining").isNull()).isTrue();
    assertThat(r.get("status").asText()).isEqualTo("NO_DATA");
  }

  @Test
  void numbers_are_plain_never_exponents() throws Exception {
    // 1 bad of 1,000,000 at 99%: allowed 10,000; remaining = 1 - 1/10000 = 0.9999; burn = 0.0001,
    // which
    // Double.toString would print as 1.0E-4
    String text = renderText(false, 999_999, 1_000_000);
    assertThat(text)
        .doesNotContainPattern("[0-9][eE][-+]?[0-9]")
        .contains("\"burn_rate\": 0.0001,");
    assertThat(new ObjectMapper().readTree(text).get("results").get(0).get("sli").asDouble())
        .isEqualTo(0.999999);
  }
}
