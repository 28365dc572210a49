package io.slotoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source formats of issue 11 end to end: JSON lines, access logs, partition folders, derived
 * columns, tab- and space-separated text and the counts SLI, each with counts worked out by hand.
 */
class SourceFormatsTest {
  @TempDir Path dir;

  private JsonNode check(String spec, String... more) throws IOException {
    Path file = dir.resolve("spec.yaml");
    Files.writeString(file, spec);
    List<String> args =
        new ArrayList<>(
            List.of("check", file.toString(), "--at", "2026-02-03T00:00:00Z", "--format", "json"));
    args.addAll(List.of(more));
    GoldenCliTest.Result r = GoldenCliTest.run(args.toArray(new String[0]));
    assertThat(r.exit()).as(r.err()).isIn(0, 1);
    return new ObjectMapper().readTree(r.out());
  }

  private static String spec(String source, String sli) {
    return "version: 1\nservice: s\nsources:\n  src:\n"
        + source
        + "slos:\n  - name: a\n    source: src\n"
        + sli
        + "    objective: 99%\n    window: 7d\n";
  }

  @Test
  void json_field_first_seen_after_the_sniffer_sample_is_not_lost() throws IOException {
    StringBuilder b = new StringBuilder();
    // 25,000 lines; only line 25,000 has "region" (DuckDB's read_json samples 20,480 lines)
    for (int i = 0; i < 24_999; i++) b.append("{\"ts\":\"2026-02-01T00:00:00Z\",\"status\":200}\n");
    b.append("{\"ts\":\"2026-02-01T00:00:01Z\",\"status\":500,\"region\":\"eu\"}\n");
    Files.writeString(dir.resolve("late.jsonl"), b);
    JsonNode r =
        check(
            spec(
                "    path: late.jsonl\n    timestamp: ts\n",
                "    sli:\n      ratio:\n        total: \"region = 'eu'\"\n        good: \"status < 500\"\n"));
    JsonNode a = r.get("results").get(0);
    assertThat(a.get("total").asLong()).isEqualTo(1); // the one line with region = 'eu'
    assertThat(a.get("good").asLong()).isZero(); // its status is 500
    assertThat(a.get("skipped_null").asLong()).isEqualTo(24_999); // region NULL on the others
  }

  @Test
  void json_nested_fields_and_derived_columns_group_by_url_prefix() throws IOException {
    Files.writeString(
        dir.resolve("api.ndjson"),
        "{\"ts\":\"2026-02-01T00:00:00Z\",\"status\":200,\"request\":{\"method\":\"GET\",\"path\":\"/cart/1\"}}\n"
            + "{\"ts\":\"2026-02-01T00:00:01Z\",\"status\":503,\"request\":{\"method\":\"GET\",\"path\":\"/cart/2\"}}\n"
            + "{\"ts\":\"2026-02-01T00:00:02Z\",\"status\":200,\"request\":{\"method\":\"POST\",\"path\":\"/cart/3\"}}\n"
            + "{\"ts\":\"2026-02-01T00:00:03Z\",\"status\":200,\"request\":{\"method\":\"GET\",\"path\":\"/pay\"}}\n");
    JsonNode r =
        check(
            spec(
                "    path: api.ndjson\n    timestamp: ts\n    columns:\n      section: \"regexp_extract(request.path, '^/[^/]*')\"\n",
                "    per: section\n    sli:\n      ratio:\n        total: \"request.method = 'GET'\"\n        good: \"status < 500\"\n"),
            "--all-groups");
    // /cart: GET lines 1 and 2, one of them 503 -> 1/2; /pay: 1/1 (the POST is not valid)
    JsonNode cart = r.get("results").get(0);
    JsonNode pay = r.get("results").get(1);
    assertThat(cart.get("group").get("section").asText()).isEqualTo("/cart");
    assertThat(cart.get("good").asLong()).isEqualTo(1);
    assertThat(cart.get("total").asLong()).isEqualTo(2);
    assertThat(pay.get("group").get("section").asText()).isEqualTo("/pay");
    assertThat(pay.get("total").asLong()).isEqualTo(1);
  }

  @Test
  void combined_log_columns_offsets_and_dashes() throws IOException {
    Files.writeString(
        dir.resolve("access.log"),
        // 23:30 -0100 is 00:30Z on 1 Feb: inside a window that starts at 00:00Z
        "1.2.3.4 - - [31/Jan/2026:23:30:00 -0100] \"GET /a HTTP/1.1\" 200 - \"-\" \"curl/8\"\n"
            + "1.2.3.4 - bob [01/Feb/2026:01:00:00 +0000] \"POST /b HTTP/1.1\" 502 17 \"http://x/\" \"curl/8\"\n"
            // 31 Jan 23:59 +0000 is before the window
            + "1.2.3.4 - - [31/Jan/2026:23:59:00 +0000] \"GET /c HTTP/1.1\" 500 1 \"-\" \"curl/8\"\n");
    JsonNode r =
        check(
            spec(
                "    path: access.log\n    where: \"time >= TIMESTAMPTZ '2026-02-01 00:00:00+00'\"\n",
                "    sli:\n      ratio:\n        total: \"bytes IS NULL OR \\\"user\\\" = 'bob'\"\n        good: \"status < 500 AND referer IS NULL AND protocol = 'HTTP/1.1'\"\n"));
    JsonNode a = r.get("results").get(0);
    // kept: lines 1 and 2; valid: line 1 (bytes '-') and line 2 (user bob); good: line 1 only
    assertThat(a.get("total").asLong()).isEqualTo(2);
    assertThat(a.get("good").asLong()).isEqualTo(1);
  }

  @Test
  void log_pattern_named_groups_become_typed_columns() throws IOException {
    Files.writeString(
        dir.resolve("lb.log"),
        "2026-02-01T00:00:00Z elb 200 0.120\n"
            + "2026-02-01T00:00:01Z elb 503 1.500\n"
            + "2026-02-01T00:00:02Z elb 200 0.300\n");
    JsonNode r =
        check(
            spec(
                "    path: lb.log\n    timestamp: ts\n    log_format:\n      pattern: '^(?P<ts>\\S+) (\\S+) (?P<code>\\d+) (?P<secs>[0-9.]+)$'\n",
                "    sli:\n      ratio:\n        good: \"code < 500 AND secs < 1\"\n"));
    JsonNode a = r.get("results").get(0);
    assertThat(a.get("total").asLong()).isEqualTo(3);
    assertThat(a.get("good").asLong()).isEqualTo(2);
  }

  @Test
  void space_and_tab_separated_text_read_as_csv() throws IOException {
    Files.writeString(
        dir.resolve("s.txt"), "ts status\n2026-02-01T00:00:00Z 200\n2026-02-01T00:00:01Z 500\n");
    Files.writeString(dir.resolve("t.txt"), "ts\tstatus\n2026-02-01T00:00:00Z\t200\n");
    JsonNode space =
        check(
            spec(
                "    path: s.txt\n    timestamp: ts\n    csv: {delimiter: \" \"}\n",
                "    sli:\n      ratio:\n        good: \"status < 500\"\n"));
    assertThat(space.get("results").get(0).get("total").asLong()).isEqualTo(2);
    assertThat(space.get("results").get(0).get("good").asLong()).isEqualTo(1);
    JsonNode tab =
        check(
            spec(
                "    path: t.txt\n    timestamp: ts\n    csv: {delimiter: \"\\t\"}\n",
                "    sli:\n      ratio:\n        good: \"status < 500\"\n"));
    assertThat(tab.get("results").get(0).get("good").asLong()).isEqualTo(1);
  }

  @Test
  void partition_folders_become_typed_columns() throws IOException {
    for (String[] p :
        new String[][] {
          {
            "dt=2026-02-01/hour=07/build=42", "2026-02-01T07:00:00Z,200\n2026-02-01T07:10:00Z,500\n"
          },
          {"dt=2026-02-02/hour=08/build=43", "2026-02-02T08:00:00Z,200\n"}
        }) {
      Path d = Files.createDirectories(dir.resolve("logs").resolve(p[0]));
      Files.writeString(d.resolve("part-0.csv"), "ts,status\n" + p[1]);
    }
    JsonNode r =
        check(
            spec(
                "    path: logs/*/*/*/*.csv\n    timestamp: ts\n",
                // DATE, VARCHAR ('07' keeps its zero) and BIGINT
                "    per: dt\n    sli:\n      ratio:\n        total: \"hour IN ('07', '08') AND build > 41\"\n        good: \"status < 500\"\n"),
            "--all-groups");
    JsonNode first = r.get("results").get(0);
    assertThat(first.get("group").get("dt").asText()).isEqualTo("2026-02-01");
    assertThat(first.get("total").asLong()).isEqualTo(2);
    assertThat(first.get("good").asLong()).isEqualTo(1);
    assertThat(r.get("results").get(1).get("total").asLong()).isEqualTo(1);
  }

  @Test
  void counts_of_a_per_minute_rollup_equal_a_ratio_over_the_raw_log() throws IOException {
    // a raw log: minute m (0..59) has m % 7 + 3 requests, of which the first m % 3 fail
    StringBuilder raw = new StringBuilder("ts,status\n");
    StringBuilder rollup = new StringBuilder("minute,requests,errors\n");
    long requests = 0;
    long errors = 0;
    for (int m = 0; m < 60; m++) {
      int n = m % 7 + 3;
      int e = m % 3;
      for (int i = 0; i < n; i++)
        raw.append(String.format("2026-02-01T00:%02d:%02dZ,%d%n", m, i, i < e ? 503 : 200));
      rollup.append(String.format("2026-02-01T00:%02d:00Z,%d,%d%n", m, n, e));
      requests += n;
      errors += e;
    }
    Files.writeString(dir.resolve("raw.csv"), raw);
    Files.writeString(dir.resolve("rollup.csv"), rollup);
    JsonNode a =
        check(
                spec(
                    "    path: raw.csv\n    timestamp: ts\n",
                    "    sli:\n      ratio:\n        good: \"status < 500\"\n"))
            .get("results")
            .get(0);
    JsonNode c =
        check(
                spec(
                    "    path: rollup.csv\n    timestamp: minute\n",
                    "    sli:\n      counts:\n        good: \"requests - errors\"\n        total: requests\n"))
            .get("results")
            .get(0);
    // sum over m of (m % 7 + 3): 8 full weeks of 0..6 (21 each) + 0..3 (6) + 60 * 3 = 354
    assertThat(requests).isEqualTo(354);
    // sum of m % 3: 20 cycles of 0+1+2 = 60
    assertThat(errors).isEqualTo(60);
    assertThat(a.get("total").asLong()).isEqualTo(354);
    assertThat(a.get("good").asLong()).isEqualTo(294);
    for (String k : List.of("good", "total", "sli", "status", "burn_rate"))
      assertThat(c.get(k)).as(k).isEqualTo(a.get(k));
    assertThat(c.get("error_budget")).isEqualTo(a.get("error_budget"));
    assertThat(c.get("alerts")).isEqualTo(a.get("alerts"));
    // the minute-by-minute alert replay too: the same firing intervals from both
    assertThat(replay("raw.csv", "ts", "    sli:\n      ratio:\n        good: \"status < 500\"\n"))
        .isEqualTo(
            replay(
                "rollup.csv",
                "minute",
                "    sli:\n      counts:\n        good: \"requests - errors\"\n        total: requests\n"));
  }

  /** The alert replay of one SLO over 1 February, as JSON without the spec's path. */
  private JsonNode replay(String file, String ts, String sli) throws IOException {
    Path spec = dir.resolve("replay-" + file + ".yaml");
    Files.writeString(spec, spec("    path: " + file + "\n    timestamp: " + ts + "\n", sli));
    GoldenCliTest.Result r =
        GoldenCliTest.run(
            "alerts",
            "--replay",
            spec.toString(),
            "--from",
            "2026-02-01T00:00:00Z",
            "--to",
            "2026-02-01T02:00:00Z",
            "--format",
            "json");
    assertThat(r.exit()).as(r.err()).isIn(0, 1);
    JsonNode n = new ObjectMapper().readTree(r.out().replace(spec.toString(), "SPEC"));
    assertThat(n.toString()).contains("fired");
    return n;
  }

  @Test
  void counts_sums_stay_exact_beyond_double_precision() throws IOException {
    // 2^53 + 1 is not a double; two rows sum to 2^54 + 2 exactly
    Files.writeString(
        dir.resolve("big.csv"),
        "minute,good,total\n2026-02-01T00:00:00Z,9007199254740993,9007199254740993\n"
            + "2026-02-01T00:01:00Z,9007199254740992,9007199254740993\n");
    JsonNode a =
        check(
                spec(
                    "    path: big.csv\n    timestamp: minute\n",
                    "    sli:\n      counts:\n        good: good\n        total: total\n"))
            .get("results")
            .get(0);
    assertThat(a.get("total").asText()).isEqualTo("18014398509481986");
    assertThat(a.get("good").asText()).isEqualTo("18014398509481985");
  }

  @Test
  void json_field_changing_type_keeps_every_value() throws IOException {
    Files.writeString(
        dir.resolve("codes.jsonl"),
        "{\"ts\":\"2026-02-01T00:00:00Z\",\"code\":1}\n"
            + "{\"ts\":\"2026-02-01T00:00:01Z\",\"code\":\"E6\"}\n"
            + "{\"ts\":\"2026-02-01T00:00:02Z\",\"code\":2}\n");
    JsonNode a =
        check(
                spec(
                    "    path: codes.jsonl\n    timestamp: ts\n",
                    "    sli:\n      ratio:\n        good: \"code::VARCHAR <> '\\\"E6\\\"'\"\n"))
            .get("results")
            .get(0);
    // three valid events (no value became NULL), one of them "E6"
    assertThat(a.get("total").asLong()).isEqualTo(3);
    assertThat(a.get("good").asLong()).isEqualTo(2);
    assertThat(a.get("skipped_null").asLong()).isZero();
  }

  @Test
  void derived_columns_work_with_report_by_and_mask() throws IOException {
    Files.writeString(
        dir.resolve("api.csv"),
        "ts,status,customer\n2026-02-01T00:00:00Z,200,Acme-1\n2026-02-01T00:00:01Z,500,acme-2\n"
            + "2026-02-01T00:00:02Z,200,Beta-1\n");
    Files.writeString(dir.resolve("key"), "0123456789abcdef0123456789abcdef\n");
    Path file = dir.resolve("spec.yaml");
    Files.writeString(
        file,
        spec(
            "    path: api.csv\n    timestamp: ts\n    mask: [tenant]\n    columns:\n      tenant: \"lower(split_part(customer, '-', 1))\"\n",
            "    sli:\n      ratio:\n        good: \"status < 500\"\n"));
    GoldenCliTest.Result r =
        GoldenCliTest.run(
            "report",
            file.toString(),
            "--at",
            "2026-02-03T00:00:00Z",
            "--by",
            "tenant",
            "--mask-key-file",
            dir.resolve("key").toString(),
            "--format",
            "json");
    assertThat(r.exit()).as(r.err()).isIn(0, 1);
    // two tenants (acme: 2 events, 1 bad; beta: 1 event), shown as pseudonyms, not by name
    assertThat(r.out()).doesNotContain("\"acme\"").doesNotContain("\"beta\"");
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.toString()).contains("tenant");
  }
}
