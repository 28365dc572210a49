package io.slotoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The specs in {@code examples/real/} evaluate the public files in {@code ../shared/datasets} with
 * no conversion step, and give the figures an independent count gives.
 *
 * <p>The expected figures were checked outside slo: the NASA TSV days with {@code awk -F'\t'
 * 'NR>1{n++; if($6!=404)g++} END{print g,n}'}; the raw logs with Python's {@code re} and the same
 * line patterns (a line that does not match is not counted); the Azure traces and the ELB counts
 * with Python's {@code csv} module (ELB: the rows in {@code [at - 7d, at)}, {@code sum(min(v,
 * 300))} and {@code sum(v)}). The datasets sit beside the repository ({@code ../shared/datasets},
 * as in CI); elsewhere set {@code SLO_DATASETS} to the folder, and each source is then pointed at
 * it with {@code --source}. Without either, the test is skipped and says why.
 */
class RealDatasetsTest {
  private static final Path BESIDE = Path.of("../shared/datasets");
  private static Path datasets;
  private static boolean beside;

  @BeforeAll
  static void findDatasets() {
    String env = System.getenv("SLO_DATASETS");
    if (Files.isDirectory(BESIDE.resolve("nasa-http-1995"))) {
      datasets = BESIDE;
      beside = true;
    } else if (env != null && Files.isDirectory(Path.of(env).resolve("nasa-http-1995"))) {
      datasets = Path.of(env);
    }
    Assumptions.assumeTrue(
        datasets != null,
        "the public datasets are not beside the repository (../shared/datasets) and SLO_DATASETS"
            + " is not set: examples/real/ is not checked");
  }

  /**
   * Runs check on one example at {@code at}, with --source overrides unless the specs' paths work.
   */
  private static JsonNode check(String spec, String at, String... sources) throws IOException {
    List<String> args =
        new ArrayList<>(List.of("check", "examples/real/" + spec, "--at", at, "--format", "json"));
    if (!beside) {
      for (int i = 0; i < sources.length; i += 2) {
        args.add("--source");
        args.add(sources[i] + "=" + datasets.resolve(sources[i + 1]).toAbsolutePath());
      }
    }
    GoldenCliTest.Result r = GoldenCliTest.run(args.toArray(new String[0]));
    assertThat(r.exit()).as(r.err()).isIn(0, 1);
    return new ObjectMapper().readTree(r.out());
  }

  private static void counts(JsonNode result, long good, long total) {
    assertThat(result.get("good").asLong())
        .as(result.get("slo").asText() + " good")
        .isEqualTo(good);
    assertThat(result.get("total").asLong())
        .as(result.get("slo").asText() + " total")
        .isEqualTo(total);
  }

  @Test
  void nasa_tsv_days() throws IOException {
    String[] both = {"requests", "nasa-http-1995/nasa_1995*.tsv"};
    // 1 July: 9,999 requests, 48 of them 404 (SOURCE.md agrees)
    counts(
        check("nasa-tsv.yaml", "1995-07-02T00:00:00-04:00", both).get("results").get(0),
        9_951,
        9_999);
    // 1 August: the 28-day window no longer reaches 1 July; 128 404s
    counts(
        check("nasa-tsv.yaml", "1995-08-02T00:00:00-04:00", both).get("results").get(0),
        9_871,
        9_999);
  }

  @Test
  void nasa_raw_common_log_names_its_89_broken_lines() throws IOException {
    JsonNode r =
        check(
            "nasa-clf.yaml",
            "1995-08-02T00:00:00-04:00",
            "raw-log",
            "nasa-http-1995/NASA_access_log_Aug95.prefix.log");
    counts(r.get("results").get(0), 1_837, 1_841);
    JsonNode src = r.get("sources").get(0);
    assertThat(src.get("bad_rows").asLong()).isEqualTo(89); // 1,930 lines - 1,841 requests
    assertThat(src.get("bad_row_samples").get(0).asText())
        .endsWith(
            "NASA_access_log_Aug95.prefix.log:38: not a common log line:"
                + " uplherc.upl.com - - [01/Aug/1995:00:00:44 -0400] \"GET /shuttle/missions");
  }

  @Test
  void elastic_apache_combined_log() throws IOException {
    JsonNode r =
        check(
            "apache-combined.yaml",
            "2015-05-21T00:00:00Z",
            "apache",
            "elastic-apache-logs/apache_logs");
    counts(r.get("results").get(0), 9_996, 9_999);
    // bots (user agent with bot, crawl or spider) are not valid for 'found'
    counts(r.get("results").get(1), 8_524, 8_709);
    assertThat(r.get("sources").get(0).get("bad_rows").asLong()).isEqualTo(1); // line 8,899
  }

  @Test
  void azure_llm_traces() throws IOException {
    JsonNode r =
        check(
            "azure-llm.yaml",
            "2023-11-17T00:00:00Z",
            "code",
            "azure-llm-inference-2023/AzureLLMInferenceTrace_code.csv",
            "conversation",
            "azure-llm-inference-2023/AzureLLMInferenceTrace_conv.csv");
    counts(r.get("results").get(0), 7_562, 8_819);
    counts(r.get("results").get(1), 17_754, 19_366);
  }

  @Test
  void aws_elb_request_counts_sum_as_counts() throws IOException {
    JsonNode r =
        check(
            "aws-elb.yaml",
            "2014-04-24T00:39:01Z",
            "elb",
            "nab-aws-metrics/elb_request_count_8c0756.csv");
    counts(r.get("results").get(0), 116_199, 116_681);
    assertThat(r.get("sources").get(0).get("rows_in_range").asLong()).isEqualTo(2_013);
  }
}
