package io.slotoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The HTML report's composite SLOs (the text, Markdown and JSON formats are golden cases {@code
 * report-timeslices*} and {@code report-composites-*}).
 */
class ReportCompositesHtmlTest {
  static final String SLICES = "src/test/resources/cli/specs/slices/slices.yaml";
  static final String PERIOD = "src/test/resources/cli/specs/slices/period-composites.yaml";

  @Test
  void each_composite_is_a_row_with_its_components_under_it() {
    GoldenCliTest.Result r =
        GoldenCliTest.run("report", SLICES, "--at", "2026-03-02T05:00:00Z", "--format", "html");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    String html = r.out();
    // acme-journey: (3 x 0.75 + 1 x 0.9) / 4 = 0.7875 < 0.80, BREACHED; burn 0.2125 / 0.2 = 1.0625,
    // budget left 1 - 1.0625 = -6.25% (shown -6.3%)
    assertThat(html)
        .contains("<h2>Composite SLOs</h2>")
        .contains(
            "<tr><td><b>acme-journey</b></td><td>weighted_mean</td><td>5h</td><td>80%</td>"
                + "<td class=\"bad\">78.75%</td><td class=\"bad\">-6.3%</td><td>1.06</td>"
                + "<td class=\"bad\">BREACHED</td></tr>")
        // its components over its 5h window: acme-hours 3 of 4 hours = 75%, acme-ratio 0.9
        .contains(
            "<tr><td>– acme-hours</td><td>weight 3</td><td></td><td>80%</td>"
                + "<td class=\"bad\">75.00%</td><td class=\"bad\">-25.0%</td><td>1.25</td>"
                + "<td class=\"bad\">BREACHED</td></tr>")
        .contains(
            "<tr><td>– acme-ratio</td><td>weight 1</td><td></td><td>85%</td><td>90.00%</td>"
                + "<td>33.3%</td><td>0.67</td><td>OK</td></tr>")
        // acme-weakest over 3h: acme-hours 1 of 2 hours = 0.5, the least healthy; burn 0.5 / 0.3
        .contains("<tr><td><b>acme-weakest</b></td><td>least_healthy</td><td>3h</td>")
        .contains("<tr><td>– acme-hours</td><td>least healthy</td>");
    // the table comes after the scorecard and before the first SLO's section
    assertThat(html.indexOf("Composite SLOs"))
        .isGreaterThan(html.indexOf("aria-label=\"Scorecard\""))
        .isLessThan(html.indexOf("<article id=\"slo-hours-good\""));
  }

  @Test
  void a_chosen_period_says_its_composites_are_not_evaluated() {
    GoldenCliTest.Result r =
        GoldenCliTest.run(
            "report",
            PERIOD,
            "--at",
            "2026-04-01T00:00:00Z",
            "--period",
            "2026-03",
            "--format",
            "html");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains(
            "<p class=\"note\">Composite shop-journey: not evaluated for a chosen period (slo"
                + " report without --period shows it).</p>")
        .doesNotContain("<table><thead><tr><th>Composite</th>");
  }
}
