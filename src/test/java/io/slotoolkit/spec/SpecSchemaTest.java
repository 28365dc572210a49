package io.slotoolkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The published spec schema: up to date, a valid 2020-12 schema, built from the loader's key lists,
 * accepting every spec the loader accepts and refusing structural mistakes. Checked with an
 * independent validator (networknt). After a change to the spec format regenerate the committed
 * copy with {@code mvn -B -q -o test -Dtest=SpecSchemaTest -Dschema.update=true}.
 */
class SpecSchemaTest {
  static final Path COMMITTED = Path.of("docs/slo-spec.schema.json");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private static JsonSchema schema() {
    return FACTORY.getSchema(SpecSchema.json());
  }

  private static Set<String> problems(Path spec) throws IOException {
    Set<String> messages = new TreeSet<>();
    for (ValidationMessage m : schema().validate(YAML.readTree(spec.toFile()))) {
      // an unknown key is reported on its map; name the key itself, as the loader does
      String where =
          m.getType().equals("additionalProperties")
              ? m.getInstanceLocation() + "." + m.getProperty()
              : m.getInstanceLocation().toString();
      messages.add(where + " " + m.getType());
    }
    return messages;
  }

  @Test
  void committed_schema_is_up_to_date() throws IOException {
    String now = SpecSchema.json();
    if (Boolean.getBoolean("schema.update")) Files.writeString(COMMITTED, now);
    assertThat(Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "<missing>")
        .as(
            COMMITTED
                + " is out of date; regenerate with: mvn -B -q -o test -Dtest=SpecSchemaTest"
                + " -Dschema.update=true")
        .isEqualTo(now);
  }

  @Test
  void schema_is_a_valid_draft_2020_12_schema() throws IOException {
    JsonSchema meta = FACTORY.getSchema(SchemaLocation.of(SpecSchema.DRAFT));
    assertThat(meta.validate(JSON.readTree(SpecSchema.json()))).isEmpty();
  }

  @Test
  void every_level_of_the_loader_is_a_closed_object_with_exactly_its_keys() throws IOException {
    JsonNode root = JSON.readTree(SpecSchema.json());
    for (SpecLevel level : SpecLevel.values()) {
      JsonNode def =
          level == SpecLevel.FILE ? root : root.path("$defs").path(SpecSchema.defName(level));
      List<String> keys = new ArrayList<>();
      Iterator<String> names = def.path("properties").fieldNames();
      names.forEachRemaining(keys::add);
      assertThat(keys).as(level.name()).isEqualTo(level.keys());
      assertThat(def.path("additionalProperties").asBoolean(true)).as(level.name()).isFalse();
      def.path("properties")
          .forEach(p -> assertThat(p.path("description").asText()).as(level.name()).isNotBlank());
    }
  }

  @Test
  void schema_offers_the_loaders_allowed_values_for_completion() throws IOException {
    JsonNode root = JSON.readTree(SpecSchema.json());
    JsonNode source = root.path("$defs").path("source").path("properties");
    assertThat(source.path("format").path("enum").toString())
        .isEqualTo("[\"auto\",\"csv\",\"parquet\",\"json\",\"access_log\"]");
    JsonNode latency = root.path("$defs").path("latency").path("properties");
    assertThat(latency.path("unit").path("enum").toString()).isEqualTo("[\"ms\",\"s\",\"us\"]");
    assertThat(root.path("required").toString()).isEqualTo("[\"version\"]");
    assertThat(root.path("$defs").path("slo").path("required").toString())
        .isEqualTo("[\"name\",\"source\",\"sli\",\"objective\",\"window\"]");
  }

  /** Every YAML file the project ships or tests with that the loader reads without a problem. */
  static List<Path> specsTheLoaderAccepts() throws IOException {
    List<Path> accepted = new ArrayList<>();
    for (Path dir :
        List.of(Path.of("slo-specs"), Path.of("examples"), Path.of("src/test/resources"))) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p :
            files
                .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                .sorted()
                .toList()) {
          if (new SpecLoader().read(List.of(p)).ok()) accepted.add(p);
        }
      }
    }
    return accepted;
  }

  @Test
  void schema_accepts_every_spec_the_loader_accepts() throws IOException {
    List<Path> specs = specsTheLoaderAccepts();
    assertThat(specs)
        .contains(
            Path.of("slo-specs/homehub-api.yaml"),
            Path.of("slo-specs/homehub-severity.yaml"),
            Path.of("slo-specs/sync-job.yaml"),
            Path.of("src/test/resources/specs/valid/homehub.yaml"),
            Path.of("src/test/resources/specs/valid/ops.yaml"));
    assertThat(specs.size()).isGreaterThan(20);
    for (Path spec : specs) assertThat(problems(spec)).as(spec.toString()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // unknown keys at every level, each at its own place
        "unknown_keys_at_every_level|$.owner additionalProperties;"
            + "$.slos[0].min-events additionalProperties;"
            + "$.slos[0].sli maxProperties;"
            + "$.slos[0].sli.latency.threshhold additionalProperties;"
            + "$.slos[0].sli.latency.treshold additionalProperties;"
            + "$.slos[0].sli.ratio.totl additionalProperties;"
            + "$.sources.api.csv.delimeter additionalProperties;"
            + "$.sources.api.tiemzone additionalProperties",
        "unknown_key_suggestion|$.slos[0].objectve additionalProperties",
        // a value of the wrong type
        "wrong_types|$.service type;$.slos[0].min_events type;$.slos[0].objective oneOf;"
            + "$.slos[0].per oneOf;$.slos[0].sli.ratio.good type;$.sources.api.csv.header type;"
            + "$.sources.api.max_bad_rows type;$.sources.api.path oneOf",
        // missing required keys
        "missing_required_keys|$.slos[0] required;$.slos[1] required;$.sources.api required;"
            + "$.slos[1].sli maxProperties;$.slos[1].sli.latency required;"
            + "$.slos[1].sli.ratio required",
        "version_missing|$ required",
        "version_quoted|$.version const",
        "sources_is_a_list|$.sources type",
        "misspelt_sli_kind|$.slos[0].sli.ration additionalProperties",
        "bad_slo_name|$.slos[0].name pattern",
      })
  void schema_rejects_structural_mistakes_where_they_are(String fixture, String expected)
      throws IOException {
    Path spec = Path.of("src/test/resources/specs/invalid", fixture + ".yaml");
    assertThat(new SpecLoader().read(List.of(spec)).ok()).isFalse();
    assertThat(problems(spec)).containsAll(List.of(expected.split(";")));
  }

  @Test
  void schema_file_is_utf8_json_ending_in_a_newline() throws IOException {
    String text = Files.readString(COMMITTED, StandardCharsets.UTF_8);
    assertThat(text).endsWith("}\n");
    assertThat(JSON.readTree(text).path("$schema").asText()).isEqualTo(SpecSchema.DRAFT);
  }
}
