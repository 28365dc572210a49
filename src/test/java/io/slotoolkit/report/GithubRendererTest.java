package io.slotoolkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubRendererTest {

  @Test
  void messages_escape_percent_and_line_breaks() {
    assertThat(GithubRenderer.escapeData("50% done\r\nnext: a,b"))
        .isEqualTo("50%25 done%0D%0Anext: a,b");
  }

  @Test
  void properties_also_escape_colon_and_comma() {
    assertThat(GithubRenderer.escapeProperty("SLO BREACHED: a,b 5%\n"))
        .isEqualTo("SLO BREACHED%3A a%2Cb 5%25%0A");
  }

  @Test
  void a_breach_is_an_error_on_the_spec_line() {
    List<String> lines = new GithubRenderer().lines(CiFixtures.report());
    assertThat(lines.get(0))
        .startsWith(
            "::error file=specs/homehub.yaml,line=20,col=5,title=SLO BREACHED%3A"
                + " homehub/unlock-success [customer_id=c047]::BREACHED: SLI 93.2886%25 is below"
                + " the objective 99%25%0Aslo: homehub/unlock-success%0A")
        .contains("%0Aburn rate: 6.711409396%0A");
  }

  @Test
  void a_group_without_data_is_counted_not_annotated_an_alert_is_a_warning_and_ok_is_quiet() {
    List<String> lines = new GithubRenderer().lines(CiFixtures.report());
    // the NO_DATA group [customer_id=c048] is in the summary's "1 without data", not a notice:
    // a fleet of quiet hosts would otherwise be one notice each
    assertThat(lines).hasSize(3);
    assertThat(lines).noneMatch(l -> l.contains("c048"));
    assertThat(lines.get(1))
        .startsWith(
            "::warning file=specs/payments.yaml,line=7,col=5,title=SLO alert%3A"
                + " payments/checkout::page 14.4x over 1h/5m fired: burn rate 20.1 over 1h, 25.3"
                + " over 5m%0A");
    assertThat(lines.get(2))
        .isEqualTo(
            "::notice title=slo check failed::4 results: 1 failed, 1 alerting, 1 without data");
    assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("\n", "\r"));
  }

  @Test
  void render_writes_one_command_per_line() {
    StringWriter s = new StringWriter();
    new GithubRenderer().render(CiFixtures.report(), new PrintWriter(s));
    assertThat(s.toString().lines()).hasSize(3);
  }
}
