package io.slotoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example report in a real browser: Debian's headless Chromium loads it without a console
 * message, lays out every chart, and takes the screenshot the README shows ({@code
 * target/report.png}). Without Chromium the test is skipped locally and fails in CI ({@code CI}
 * set), where {@code .ci/run} installs it.
 */
class ReportBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path HTML = Path.of("target/report.html").toAbsolutePath();
  static final Path SCREENSHOT = Path.of("target/report.png").toAbsolutePath();

  @BeforeAll
  static void chromium_and_the_example_report() throws IOException {
    if (!Files.isExecutable(CHROMIUM)) {
      String why =
          "Chromium is not installed at "
              + CHROMIUM
              + ": apt-get install -y chromium (.ci/run does it in CI)";
      if (System.getenv("CI") != null) fail(why);
      Assumptions.abort(why);
    }
    Files.createDirectories(HTML.getParent());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx =
        new CliContext(
            Map.of(),
            Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC),
            Path.of("").toAbsolutePath(),
            false);
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      code =
          Cli.run(
              ctx, o, e, "report", "slo-specs", "--format", "html", "--output", HTML.toString());
    }
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
  }

  /** Runs Chromium headless on the report with a fresh profile; returns stdout and stderr. */
  private static Run chromium(String... extra) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("slo-chromium-");
    try {
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  CHROMIUM.toString(),
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-quic",
                  "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--user-data-dir=" + profile,
                  "--enable-logging=stderr",
                  "--v=0"));
      cmd.addAll(List.of(extra));
      cmd.add(HTML.toUri().toString());
      Path stdout = Files.createTempFile(profile.getParent(), "chromium-out-", ".txt");
      Path stderr = Files.createTempFile(profile.getParent(), "chromium-err-", ".txt");
      Process p =
          new ProcessBuilder(cmd)
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      // a guard against a hung browser, not a speed check
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("Chromium did not finish within 180 s");
      }
      Run run =
          new Run(
              p.exitValue(),
              Files.readString(stdout, StandardCharsets.UTF_8),
              Files.readString(stderr, StandardCharsets.UTF_8));
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
      return run;
    } finally {
      try (var walk = Files.walk(profile)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  record Run(int exit, String out, String err) {
    /** Console messages Chromium logged: the page has no script, so any is an error. */
    List<String> console() {
      return err.lines().filter(l -> l.contains(":CONSOLE")).toList();
    }
  }

  @Test
  void page_loads_without_console_messages_and_every_chart_is_laid_out() throws Exception {
    Run run = chromium("--dump-dom");
    assertThat(run.exit()).isZero();
    assertThat(run.console()).as("console messages").isEmpty();
    String dom = run.out();
    // 15 SLOs in slo-specs/ (12, and unlock-journey.yaml's 3): a tile each; a trend and a
    // burn-down chart each (every SLO has events); 4 per-group charts
    assertThat(count(dom, "<a class=\"tile ")).isEqualTo(15);
    assertThat(count(dom, "<svg class=\"chart trend\"")).isEqualTo(15);
    assertThat(count(dom, "<svg class=\"chart burn\"")).isEqualTo(15);
    assertThat(count(dom, "<svg class=\"chart groups\"")).isEqualTo(4);
    Matcher m =
        Pattern.compile("<svg class=\"chart [^\"]+\"[^>]* width=\"(\\d+)\" height=\"(\\d+)\"")
            .matcher(dom);
    int charts = 0;
    while (m.find()) {
      charts++;
      assertThat(Integer.parseInt(m.group(1))).isGreaterThan(100);
      assertThat(Integer.parseInt(m.group(2))).isGreaterThan(40);
    }
    assertThat(charts).isEqualTo(15 + 15 + 4);
    assertThat(dom).contains("hides 1 breached customer");
  }

  @Test
  void screenshot_shows_a_rendered_page() throws Exception {
    Files.deleteIfExists(SCREENSHOT);
    Run run =
        chromium("--screenshot=" + SCREENSHOT, "--window-size=1280,2000", "--hide-scrollbars");
    assertThat(run.exit()).isZero();
    assertThat(run.console()).as("console messages").isEmpty();
    BufferedImage img = ImageIO.read(SCREENSHOT.toFile());
    assertThat(img.getWidth()).isEqualTo(1280);
    assertThat(img.getHeight()).isEqualTo(2000);
    // a blank or unstyled page has a handful of colours; tiles, badges and charts have many
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 4)
      for (int x = 0; x < img.getWidth(); x += 4) colours.add(img.getRGB(x, y));
    assertThat(colours.size()).isGreaterThan(50);
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
    return n;
  }
}
