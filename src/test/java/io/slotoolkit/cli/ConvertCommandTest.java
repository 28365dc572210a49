package io.slotoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * slo convert: our specs through OpenSLO and back give the same check results; OpenSLO's own
 * examples and the OpenSLO validator's test inputs (src/test/resources/openslo, see SOURCE.md)
 * convert with located notes, and what is not OpenSLO is refused.
 */
class ConvertCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path OPENSLO = Path.of("src/test/resources/openslo").toAbsolutePath();

  @TempDir Path dir;

  private record Result(int exit, String out, String err) {}

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx =
        new CliContext(
            Map.of("TERM", "dumb"),
            Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC),
            dir,
            false);
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      code = Cli.run(ctx, o, e, args);
    }
    return new Result(
        code, out.toString(), err.toString().replace(OPENSLO + "/", "").replace(dir + "/", ""));
  }

  private static List<JsonNode> documents(String yaml) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (var it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNext()) docs.add((JsonNode) it.next());
    }
    return docs;
  }

  @Test
  void round_trip_of_the_bundled_specs_gives_the_same_check_results() throws IOException {
    Files.createSymbolicLink(dir.resolve("examples"), Path.of("examples").toAbsolutePath());
    Files.createDirectories(dir.resolve("a"));
    for (String f : List.of("homehub-api.yaml", "homehub-face.yaml", "homehub-unlock.yaml")) {
      Files.copy(Path.of("slo-specs", f), dir.resolve("a").resolve(f));
    }
    Result to = run("convert", "--to", "openslo", "a", "--output", "openslo.yaml");
    assertThat(to.exit()).as(to.err()).isZero();
    assertThat(to.err()).isEmpty();
    Result from = run("convert", "--from", "openslo", "openslo.yaml", "--output", "b");
    assertThat(from.exit()).as(from.err()).isZero();
    assertThat(from.out())
        .isEqualTo(
            "wrote b/homehub-api.yaml\nwrote b/homehub-face.yaml\nwrote b/homehub-unlock.yaml\n");

    String at = "2026-02-28T00:00:00Z";
    Result a = run("check", "a", "--format", "json", "--at", at);
    Result b = run("check", "b", "--format", "json", "--at", at);
    assertThat(b.exit()).as(b.err()).isEqualTo(a.exit()).isEqualTo(1);
    JsonNode ra = JSON.readTree(a.out()).path("results");
    JsonNode rb = JSON.readTree(b.out()).path("results");
    assertThat(ra.size()).isEqualTo(107);
    assertThat(rb).isEqualTo(ra);
  }

  @Test
  void labels_annotations_and_links_survive_the_round_trip_and_labels_become_openslo_labels()
      throws IOException {
    Path events = Path.of("src/test/resources/events").toAbsolutePath();
    Files.createDirectories(dir.resolve("a/x/y"));
    Files.createSymbolicLink(dir.resolve("events"), events);
    Files.copy(
        Path.of("src/test/resources/cli/specs/labels/labels.yaml"),
        dir.resolve("a/x/y/labels.yaml"));
    Result to = run("convert", "--to", "openslo", "a/x/y/labels.yaml");
    assertThat(to.exit()).as(to.err()).isZero();
    JsonNode checkout =
        documents(to.out()).stream()
            .filter(d -> d.path("kind").asText().equals("SLO"))
            .findFirst()
            .orElseThrow();
    assertThat(checkout.path("metadata").path("labels").toString())
        .isEqualTo("{\"team\":\"payments\",\"tier\":\"1\"}");
    Files.writeString(dir.resolve("o.yaml"), to.out());
    Files.createDirectories(dir.resolve("b/x"));
    Result from = run("convert", "--from", "openslo", "o.yaml", "--output", "b/x/y");
    assertThat(from.exit()).as(from.err()).isZero();
    String at = "2026-03-04T00:00:00Z";
    Result a = run("check", "a/x/y/labels.yaml", "--format", "json", "--at", at);
    Result b = run("check", "b/x/y/labels.yaml", "--format", "json", "--at", at);
    assertThat(a.exit()).as(a.err()).isZero();
    JsonNode ra = JSON.readTree(a.out()).path("results");
    assertThat(ra.get(0).path("links").path("runbook").asText())
        .isEqualTo("https://wiki.example.com/runbooks/shop");
    // the severity table is a file-level key OpenSLO cannot hold: noted, and not compared
    assertThat(to.err()).contains("labels.yaml:7:1: 'severity' is not carried to OpenSLO");
    JsonNode rb = JSON.readTree(b.out()).path("results");
    for (JsonNode r : ra) ((com.fasterxml.jackson.databind.node.ObjectNode) r).remove("severity");
    for (JsonNode r : rb) ((com.fasterxml.jackson.databind.node.ObjectNode) r).remove("severity");
    assertThat(rb).isEqualTo(ra);
  }

  @Test
  void a_counts_sli_travels_as_a_counter_ratio_of_sums_and_comes_back() throws IOException {
    Path spec = Path.of("src/test/resources/specs/valid/exports.yaml").toAbsolutePath();
    Result to = run("convert", "--to", "openslo", spec.toString());
    assertThat(to.exit()).as(to.err()).isZero();
    JsonNode ratio =
        documents(to.out()).stream()
            .filter(d -> d.path("kind").asText().equals("SLI"))
            .filter(d -> d.path("spec").path("ratioMetric").path("counter").asBoolean())
            .findFirst()
            .orElseThrow()
            .path("spec")
            .path("ratioMetric");
    assertThat(ratio.path("good").path("metricSource").path("spec").path("sum").asText())
        .isEqualTo("requests - errors");
    Files.writeString(dir.resolve("o.yaml"), to.out());
    Result from = run("convert", "--from", "openslo", "o.yaml", "--output", "back");
    assertThat(from.exit()).as(from.err()).isZero();
    JsonNode counts =
        YAML.readTree(dir.resolve("back/exports.yaml").toFile())
            .path("slos")
            .get(0)
            .path("sli")
            .path("counts");
    assertThat(counts.path("good").asText()).isEqualTo("requests - errors");
    assertThat(counts.path("total").asText()).isEqualTo("requests");
  }

  @Test
  void export_writes_service_datasource_sli_slo_and_alert_policy() throws IOException {
    Files.writeString(
        dir.resolve("shop.yaml"),
        """
        version: 1
        service: shop
        sources:
          api:
            path: api.csv
            timestamp: ts
            timezone: Asia/Tokyo
        slos:
          - name: checkout
            source: api
            per: customer_id
            sli:
              ratio:
                good: "status < 500"
            objective: 99.5%
            window: month
            alerts:
              - {long: 1h, short: 5m, factor: 14.4, severity: page}
        """);
    Result r = run("convert", "--to", "openslo", "shop.yaml");
    assertThat(r.exit()).as(r.err()).isZero();
    List<JsonNode> docs = documents(r.out());
    assertThat(docs.stream().map(d -> d.path("kind").asText()))
        .containsExactly("Service", "DataSource", "SLI", "SLO", "AlertPolicy");
    assertThat(docs)
        .allSatisfy(d -> assertThat(d.path("apiVersion").asText()).isEqualTo("openslo/v1"));
    JsonNode source = docs.get(1).path("spec");
    assertThat(source.path("type").asText()).isEqualTo("slo-toolkit");
    assertThat(source.path("connectionDetails").path("name").asText()).isEqualTo("api");
    JsonNode good = docs.get(2).path("spec").path("ratioMetric").path("good").path("metricSource");
    assertThat(good.path("metricSourceRef").asText()).isEqualTo("shop-api");
    assertThat(good.path("spec").path("expression").asText()).isEqualTo("status < 500");
    JsonNode slo = docs.get(3);
    // 99.5% is the exact ratio 0.995
    assertThat(slo.path("spec").path("objectives").get(0).path("target").decimalValue())
        .isEqualByComparingTo("0.995");
    JsonNode window = slo.path("spec").path("timeWindow").get(0);
    assertThat(window.path("duration").asText()).isEqualTo("1M");
    assertThat(window.path("isRolling").asBoolean()).isFalse();
    assertThat(window.path("calendar").path("timeZone").asText()).isEqualTo("Asia/Tokyo");
    assertThat(slo.path("spec").path("budgetingMethod").asText()).isEqualTo("Occurrences");
    assertThat(slo.path("metadata").path("annotations").path("slo-toolkit.io/per").asText())
        .isEqualTo("\"customer_id\"");
    JsonNode condition =
        docs.get(4).path("spec").path("conditions").get(0).path("spec").path("condition");
    assertThat(condition.path("kind").asText()).isEqualTo("burnrate");
    assertThat(condition.path("threshold").asDouble()).isEqualTo(14.4);
    assertThat(condition.path("lookbackWindow").asText()).isEqualTo("1h");
    assertThat(condition.path("alertAfter").asText()).isEqualTo("5m");
  }

  @Test
  void export_folder_has_one_file_per_document_and_notes_what_openslo_cannot_hold()
      throws IOException {
    Files.copy(Path.of("slo-specs/sync-job.yaml"), dir.resolve("sync-job.yaml"));
    Result r = run("convert", "--to", "openslo", "sync-job.yaml", "--output", "out");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err())
        .isEqualTo(
            "note: sync-job.yaml:13:1: 'forecasts' is not carried to OpenSLO (it has no such"
                + " concept) (keep this spec file beside the OpenSLO documents)\n");
    try (var files = Files.list(dir.resolve("out"))) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("datasource-sync-job-sync-pages.yaml", "service-sync-job.yaml");
    }
  }

  @Test
  void openslo_validator_v1_input_keeps_structure_and_notes_each_query_at_its_place()
      throws IOException {
    Result r =
        run("convert", "--from", "openslo", OPENSLO.resolve("oslo-inputs/v1.yaml").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err())
        .contains(
            "note: oslo-inputs/v1.yaml:25:17: SLO 'web-availability': Prometheus query: query:"
                + " sum(http_requests{k8s_cluster=\"prod\",component=\"web\",code=~\"2xx|4xx\"})")
        .contains("note: oslo-inputs/v1.yaml:30:17: SLO 'web-availability': Prometheus query")
        .contains("note: oslo-inputs/v1.yaml:42:9: objective field 'timeSliceTarget'")
        .contains(
            "note: oslo-inputs/v1.yaml:37:5: budgetingMethod Timeslices is converted as Occurrences");
    JsonNode spec = YAML.readTree(r.out());
    assertThat(spec.path("service").asText()).isEqualTo("web");
    JsonNode slo = spec.path("slos").get(0);
    assertThat(slo.path("name").asText()).isEqualTo("web-availability");
    assertThat(slo.path("objective").decimalValue()).isEqualByComparingTo("0.995");
    assertThat(slo.path("window").asText()).isEqualTo("week");
    assertThat(r.out()).contains("    timezone: America/New_York\n");

    // the spec says what is missing when validated
    Files.writeString(dir.resolve("web.yaml"), r.out());
    Result validate = run("validate", "web.yaml");
    assertThat(validate.exit()).isEqualTo(2);
    assertThat(validate.err())
        .contains("web.yaml:4:3: source 'prometheus' is missing 'path'")
        .contains("web.yaml:4:3: source 'prometheus' is missing 'timestamp'")
        .contains("web.yaml:13:7: 'ratio' must be a map with 'good'");
  }

  @Test
  void openslo_examples_convert_with_their_windows_and_objectives() throws IOException {
    Result r =
        run(
            "convert",
            "--from",
            "openslo",
            OPENSLO.resolve("openslo-examples/occurences-slo.yaml").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode slo = YAML.readTree(r.out()).path("slos").get(0);
    // 2w rolling is 14 days; a thresholdMetric is a latency SLI with its value as threshold
    assertThat(slo.path("window").asText()).isEqualTo("14d");
    assertThat(slo.path("sli").path("latency").path("threshold").asInt()).isEqualTo(500);
    assertThat(slo.path("objective").decimalValue()).isEqualByComparingTo("0.99");

    Result t =
        run(
            "convert",
            "--from",
            "openslo",
            OPENSLO.resolve("openslo-examples/timeslices-slo.yaml").toString());
    assertThat(t.err())
        .contains(
            "timeslices-slo.yaml:39:7: SLO 'service-availability': only the first objective is converted")
        .contains("timeslices-slo.yaml:27:7: calendar window 1m is not supported");
  }

  @Test
  void v1alpha_documents_make_one_spec_per_service() throws IOException {
    Result r =
        run(
            "convert",
            "--from",
            "openslo",
            OPENSLO.resolve("oslo-inputs/v1alpha.yaml").toString(),
            "--output",
            "specs");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode ratio = YAML.readTree(dir.resolve("specs/my-test-service.yaml").toFile());
    // count 28, unit Day, rolling
    assertThat(ratio.path("slos").get(0).path("window").asText()).isEqualTo("28d");
    JsonNode latency = YAML.readTree(dir.resolve("specs/my-awesome-service.yaml").toFile());
    assertThat(latency.path("slos").get(0).path("window").asText()).isEqualTo("month");
    assertThat(latency.path("sources").path("prometheus").path("timezone").asText())
        .isEqualTo("UTC");
  }

  @Test
  void unknown_fields_are_reported_where_they_are() {
    Result r =
        run(
            "convert",
            "--from",
            "openslo",
            OPENSLO.resolve("oslo-inputs/unknown-field.yaml").toString());
    assertThat(r.err())
        .startsWith(
            "note: oslo-inputs/unknown-field.yaml:6:3: unknown field 'markdown' in Service spec: not converted\n");
  }

  @Test
  void a_document_that_is_not_openslo_is_a_spec_error() {
    Result r =
        run(
            "convert",
            "--from",
            "openslo",
            OPENSLO.resolve("oslo-inputs/invalid-apiversion.yaml").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "oslo-inputs/invalid-apiversion.yaml:1:1: unsupported apiVersion 'foo' (allowed:"
                + " openslo/v1, openslo/v1alpha)");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void to_and_from_together_is_a_usage_error() {
    Result r = run("convert", "--to", "openslo", "--from", "openslo");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("mutually exclusive");
  }
}
