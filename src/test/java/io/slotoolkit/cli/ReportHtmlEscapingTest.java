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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every text from a spec or the data is escaped in the HTML report: nothing can become markup. */
class ReportHtmlEscapingTest {
  static final String EVIL = "<img src=x onerror=alert(1)>";

  @Test
  void markup_in_descriptions_and_values_is_shown_as_text(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("events.csv"),
        "ts,customer_id,status\n"
            + "2026-03-01T10:00:00Z,\""
            + EVIL
            + "\",200\n"
            + "2026-03-01T11:00:00Z,\"a&b\",500\n"
            + "2026-03-02T10:00:00Z,\"</td></table><script>x()</script>\",200\n");
    Files.writeString(
        dir.resolve("spec.yaml"),
        """
        version: 1
        service: "<b>shop</b>"
        sources:
          orders: {path: events.csv, timestamp: ts}
        slos:
          - name: availability
            description: "<script>alert('description')</script> & more"
            source: orders
            per: customer_id
            dimensions: [customer_id]
            sli: {ratio: {good: "status < 500"}}
            objective: 50%
            window: 7d
        """);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx =
        new CliContext(
            Map.of(),
            Clock.fixed(Instant.parse("2026-03-03T00:00:00Z"), ZoneOffset.UTC),
            dir,
            false);
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      code = Cli.run(ctx, o, e, "report", dir.resolve("spec.yaml").toString(), "--format", "html");
    }
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    String html = out.toString();
    assertThat(html)
        .doesNotContain(EVIL)
        .doesNotContain("<script")
        .doesNotContain("<b>shop")
        .doesNotContain("</td></table><script>")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .contains("&lt;script&gt;alert(&#39;description&#39;)&lt;/script&gt; &amp; more")
        .contains("&lt;b&gt;shop&lt;/b&gt;")
        .contains("a&amp;b");
  }
}
