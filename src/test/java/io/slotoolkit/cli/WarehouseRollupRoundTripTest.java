package io.slotoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The warehouse path end to end, in DuckDB: {@code slo sql --dialect duckdb} run over the example
 * data (with NULL customers, NULL statuses and rows without an event time added), its result
 * exported to CSV and evaluated with the counts spec its header prints, gives the same good, total,
 * SLI, error budget, burn rate, status and alert figures per SLO and group as {@code slo check} on
 * the raw data, at minute-aligned instants.
 */
class WarehouseRollupRoundTripTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLES = Path.of("examples/homehub/api").toAbsolutePath();

  @TempDir static Path dir;
  static Path events;

  /** The example requests, with rows that test NULL handling added. */
  @BeforeAll
  static void data() throws Exception {
    events = dir.resolve("api.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT * REPLACE ("
              // one customer in seven is unknown on some requests: a NULL group key
              + " CASE WHEN hash(ts) % 7 = 0 THEN NULL ELSE customer_id END AS customer_id,"
              // a NULL status makes the good expression NULL: skipped, neither good nor bad
              + " CASE WHEN hash(ts) % 101 = 0 THEN NULL ELSE status END AS status)"
              + " FROM read_parquet('"
              + EXAMPLES
              + "/api-*.parquet')"
              // rows without an event time count nowhere
              + " UNION ALL SELECT * REPLACE (NULL AS ts) FROM read_parquet('"
              + EXAMPLES
              + "/api-*.parquet') WHERE hash(ts) % 97 = 0"
              + ") TO '"
              + events
              + "' (FORMAT parquet)");
    }
  }

  private static CliRun slo(String... args) {
    return CliRun.slo(args);
  }

  /** The counts spec of the statement's header comment, reading {@code rollup}. */
  static String countsSpec(String sql, Path rollup) {
    List<String> yaml = new ArrayList<>();
    boolean in = false;
    for (String line : sql.split("\n")) {
      if (!line.startsWith("--")) break;
      if (line.equals("--   version: 1")) in = true;
      if (in) yaml.add(line.substring(4));
    }
    assertThat(yaml).as("the header's counts spec").isNotEmpty();
    return String.join("\n", yaml).replace("path: rollup.csv", "path: " + rollup) + "\n";
  }

  @ParameterizedTest
  @CsvSource({
    "src/test/resources/rollup/roundtrip.yaml, 2026-02-27T05:00:00Z, api,",
    "src/test/resources/rollup/roundtrip.yaml, 2026-02-03T13:37:00Z, api,",
    "slo-specs/homehub-api.yaml, 2026-02-25T21:11:00Z, api,",
    // epoch milliseconds, a fiscal quarter, per firmware
    "slo-specs/homehub-face.yaml, 2026-02-26T08:43:00Z, face, examples/homehub/face_unlocks.parquet"
  })
  void rollup_evaluated_with_counts_equals_the_direct_check(
      String spec, String at, String source, String file) throws Exception {
    Path data = file == null ? events : Path.of(file).toAbsolutePath();
    CliRun sql = slo("sql", "--dialect", "duckdb", spec);
    assertThat(sql.exit()).as(sql.err()).isZero();
    String statement = sql.out().strip();
    assertThat(statement).endsWith(";");
    statement = statement.substring(0, statement.length() - 1);

    Path rollup = Files.createTempFile(dir, "rollup", ".csv");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      // the warehouse table: named like the source, the spec's columns, ts a timestamp
      s.execute("CREATE VIEW " + source + " AS SELECT * FROM read_parquet('" + data + "')");
      s.execute("COPY (" + statement + ") TO '" + rollup + "' (HEADER, DELIMITER ',')");
    }
    Path counts = Files.createTempFile(dir, "counts", ".yaml");
    Files.writeString(counts, countsSpec(sql.out(), rollup));

    // the rows without an event time are malformed rows to slo check: allowed here, and left out
    // of every count as the roll-up leaves them out
    CliRun direct =
        slo(
            "check",
            "--format",
            "json",
            "--at",
            at,
            "--source",
            source + "=" + data,
            "--max-bad-rows",
            "100000",
            spec);
    CliRun viaRollup = slo("check", "--format", "json", "--at", at, counts.toString());
    assertThat(direct.exit()).as(direct.err()).isIn(0, 1);
    assertThat(viaRollup.err()).isEmpty();
    assertThat(viaRollup.exit()).isEqualTo(direct.exit());

    Map<String, JsonNode> expected = results(direct.out());
    Map<String, JsonNode> actual = results(viaRollup.out());
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    for (var e : expected.entrySet()) {
      JsonNode want = e.getValue();
      JsonNode got = actual.get(e.getKey());
      for (String field :
          List.of(
              "service",
              "window",
              "objective",
              "good",
              "total",
              "sli",
              "status",
              "error_budget",
              "burn_rate",
              "alerts")) {
        assertThat(got.get(field)).as(e.getKey() + " " + field).isEqualTo(want.get(field));
      }
    }
    // the comparison saw real traffic, groups, and a NULL group key
    assertThat(expected.values()).anyMatch(r -> r.get("total").asLong() > 1000);
    assertThat(expected.keySet())
        .anyMatch(k -> k.contains(source.equals("api") ? "customer_id" : "firmware"));
    if (spec.contains("roundtrip"))
      assertThat(expected.keySet()).anyMatch(k -> k.contains("\"customer_id\":null"));
    if (spec.contains("face"))
      assertThat(expected.values()).anyMatch(r -> r.get("window").toString().contains("quarter"));
  }

  /** Each result of a check's JSON, by SLO and group. */
  private static Map<String, JsonNode> results(String json) throws Exception {
    Map<String, JsonNode> byKey = new TreeMap<>();
    for (JsonNode r : JSON.readTree(json).get("results"))
      byKey.put(r.get("slo").asText() + " " + r.get("group"), r);
    return byKey;
  }
}
