package io.slotoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI outputs of a run with 1,700 hosts: what is fine is counted, what fails is listed, and the
 * Markdown stays under GitHub's comment limit while GitHub annotations stay few.
 */
class CiOutputBoundsTest {
  static final int GITHUB_COMMENT_LIMIT = 65_536;

  @TempDir static Path dir;
  static Path spec;

  /**
   * Hosts h0000..h1699 in the day before 2026-03-04: h0000..h1499 serve 40 requests each, all good
   * (OK); h1500..h1599 one good request each (NO_DATA under min_events 30); h1600..h1699 40
   * requests of which 10 failed (SLI 75% < 99%: BREACHED).
   */
  @BeforeAll
  static void data() throws Exception {
    StringBuilder csv = new StringBuilder("ts,host,status\n");
    long start = Instant.parse("2026-03-03T00:00:00Z").getEpochSecond();
    for (int h = 0; h < 1700; h++) {
      String host = String.format("h%04d", h);
      int n = h >= 1500 && h < 1600 ? 1 : 40;
      for (int i = 0; i < n; i++) {
        int status = h >= 1600 && i < 10 ? 500 : 200;
        csv.append(start + 60L * i + h).append(',').append(host).append(',').append(status);
        csv.append('\n');
      }
    }
    Files.writeString(dir.resolve("hosts.csv"), csv);
    spec = dir.resolve("hosts.yaml");
    Files.writeString(
        spec,
        """
        version: 1
        service: fleet
        sources:
          requests:
            path: hosts.csv
            timestamp: ts
            timestamp_format: epoch_s
        slos:
          - name: availability-per-host
            source: requests
            per: host
            min_events: 30
            sli: {ratio: {good: "status < 500"}}
            objective: 99%
            window: 1d
            alerts: []
        """);
  }

  record Result(int exit, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx =
        new CliContext(
            Map.of("TERM", "dumb"),
            Clock.fixed(Instant.parse("2026-03-04T00:00:00Z"), ZoneOffset.UTC),
            dir,
            false);
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      code = Cli.run(ctx, o, e, args);
    }
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void markdown_lists_the_breached_hosts_counts_the_rest_and_fits_a_pr_comment() {
    Result r =
        run("check", spec.toString(), "--at", "2026-03-04T00:00:00Z", "--format", "markdown");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out().length()).isLessThan(GITHUB_COMMENT_LIMIT);
    // 1,500 OK and 100 NO_DATA groups are counted, not listed
    assertThat(r.out()).doesNotContain("| host=h0000 |").doesNotContain("| host=h1500 |");
    assertThat(r.out()).contains("1,500 OK and 100 NO_DATA group(s)");
    // all 100 breached hosts are listed: 100 rows fit easily
    assertThat(r.out()).contains("| host=h1600 |").contains("| host=h1699 |");
    assertThat(r.out()).contains("1700 result(s), 100 breached, 100 without data");
  }

  @Test
  void markdown_cuts_a_long_list_of_failures_with_a_note_of_what_was_left_out() throws Exception {
    // good only below 200: every host with 30 events or more is BREACHED (1,600 of them)
    Path strict = dir.resolve("strict.yaml");
    Files.writeString(strict, Files.readString(spec).replace("status < 500", "status < 200"));
    Result r =
        run("check", strict.toString(), "--at", "2026-03-04T00:00:00Z", "--format", "markdown");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out().length()).isLessThan(GITHUB_COMMENT_LIMIT);
    assertThat(r.out()).contains("1700 result(s), 1600 breached, 100 without data");
    // the first failures in result order are listed, the rest counted in a note
    assertThat(r.out()).contains("| host=h0000 |").doesNotContain("| host=h1699 |");
    assertThat(r.out()).containsPattern("_[0-9,]+ more failing result\\(s\\) not listed");
    assertThat(r.out()).contains("--format json");
  }

  @Test
  void github_prints_at_most_50_annotations_and_one_summary() {
    Result r = run("check", spec.toString(), "--at", "2026-03-04T00:00:00Z", "--format", "github");

    String[] lines = r.out().strip().split("\n");
    assertThat(lines.length).isLessThanOrEqualTo(51);
    assertThat(lines).filteredOn(l -> l.startsWith("::error")).hasSize(50);
    assertThat(lines).filteredOn(l -> l.contains("title=SLO NO_DATA")).isEmpty();
    String summary = lines[lines.length - 1];
    assertThat(summary)
        .startsWith("::notice title=slo check failed::")
        .contains("1700 results: 100 failed, 0 alerting, 100 without data")
        .contains("50 more failing result(s) not annotated");
  }
}
