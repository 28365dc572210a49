package io.slotoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With masking on, no raw identifier reaches any format, wherever the report shows values. */
class ReportMaskingTest {
  static final Path DATA = Path.of("src/test/resources/events/report.csv");
  static final String SPEC = "src/test/resources/cli/specs/report.yaml";
  static final String KEY = "report-masking-test-key-0123456789";

  static String run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx =
        new CliContext(
            env,
            Clock.fixed(Instant.parse("2026-03-11T00:00:00Z"), ZoneOffset.UTC),
            Path.of("").toAbsolutePath(),
            false);
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      code = Cli.run(ctx, o, e, args);
    }
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    return out.toString();
  }

  /** Every customer_id and user_id value in the fixture: acme, u-acme-1, ... */
  static Set<String> rawValues() throws IOException {
    Set<String> values = new LinkedHashSet<>();
    List<String> lines = Files.readAllLines(DATA);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      values.add(f[1]);
      values.add(f[4]);
    }
    return values;
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "markdown", "html"})
  void masked_identifiers_never_reach_the_output(String format) throws IOException {
    // --by both columns and --top 100: every value of both is shown (as a pseudonym), and the
    // per-customer SLO shows every customer in its group view
    String out =
        run(
            Map.of("SLO_MASK_KEY", KEY),
            "report",
            SPEC,
            "--at",
            "2026-03-10T12:30:00Z",
            "--format",
            format,
            "--by",
            "customer_id",
            "--by",
            "user_id",
            "--top",
            "100",
            "--mask",
            "customer_id",
            "--mask",
            "user_id");
    Set<String> raw = rawValues();
    assertThat(raw).hasSize(3 + 36); // 3 customers, 36 users (u-acme-1..22, globex 10, initech 4)
    List<String> leaked = new ArrayList<>();
    for (String v : raw) if (out.contains(v)) leaked.add(v);
    assertThat(leaked).as("raw values in the " + format + " output").isEmpty();
    // and the values are there, as pseudonyms: 3 customers, 36 users
    assertThat(out).contains("cust-").contains("user-");
  }

  @Test
  void without_masking_the_same_report_shows_the_values() throws IOException {
    String out =
        run(
            Map.of(),
            "report",
            SPEC,
            "--at",
            "2026-03-10T12:30:00Z",
            "--format",
            "json",
            "--by",
            "customer_id",
            "--by",
            "user_id",
            "--top",
            "100");
    for (String v : rawValues()) assertThat(out).contains("\"" + v + "\"");
  }

  @Test
  void the_same_key_gives_the_same_pseudonyms_and_another_key_others() {
    String[] args = {
      "report",
      SPEC,
      "--at",
      "2026-03-10T12:30:00Z",
      "--format",
      "json",
      "--slo",
      "availability-per-customer",
      "--mask",
      "customer_id"
    };
    String a = run(Map.of("SLO_MASK_KEY", KEY), args);
    String b = run(Map.of("SLO_MASK_KEY", KEY), args);
    String c = run(Map.of("SLO_MASK_KEY", "another-key-of-enough-length-42"), args);
    assertThat(a).isEqualTo(b);
    assertThat(pseudonyms(a)).hasSize(3).doesNotContainAnyElementsOf(pseudonyms(c));
  }

  private static Set<String> pseudonyms(String out) {
    Set<String> found = new LinkedHashSet<>();
    var m = java.util.regex.Pattern.compile("cust-[0-9a-f]{6}").matcher(out);
    while (m.find()) found.add(m.group());
    return found;
  }
}
