package io.slotoolkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.evaluate.TestSlos;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitRendererTest {

  static void validate(String xml) throws Exception {
    var schema =
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(JunitRendererTest.class.getResource("/junit/junit.xsd"));
    schema.newValidator().validate(new StreamSource(new StringReader(xml)));
  }

  static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static Element testcase(Document d, String name) {
    NodeList cases = d.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element e = (Element) cases.item(i);
      if (e.getAttribute("name").equals(name)) return e;
    }
    throw new AssertionError("no testcase " + name);
  }

  @Test
  void the_report_is_valid_junit_xml() throws Exception {
    validate(new JunitRenderer().render(CiFixtures.report()));
    validate(new JunitRenderer(JunitRenderer.Suites.BY_SPEC_FILE).render(CiFixtures.report()));
  }

  @Test
  void one_suite_per_service_one_case_per_slo_and_group() throws Exception {
    Document d = parse(new JunitRenderer().render(CiFixtures.report()));
    Element root = d.getDocumentElement();
    assertThat(root.getAttribute("tests")).isEqualTo("4");
    assertThat(root.getAttribute("failures")).isEqualTo("1");
    assertThat(root.getAttribute("skipped")).isEqualTo("1");
    // Ant timestamps carry no zone, so UTC; evaluated_at keeps Tokyo's +09:00
    assertThat(root.getAttribute("timestamp")).isEqualTo("2026-02-28T00:00:00");
    NodeList suites = d.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(2);
    Element homehub = (Element) suites.item(0);
    assertThat(homehub.getAttribute("name")).isEqualTo("homehub");
    assertThat(homehub.getAttribute("tests")).isEqualTo("3");
    assertThat(homehub.getAttribute("failures")).isEqualTo("1");
    assertThat(homehub.getAttribute("skipped")).isEqualTo("1");
    Element property = (Element) homehub.getElementsByTagName("property").item(0);
    assertThat(property.getAttribute("value")).isEqualTo("2026-02-28T09:00:00+09:00");
    assertThat(((Element) suites.item(1)).getAttribute("name")).isEqualTo("payments");
    assertThat(testcase(d, "api-availability").getAttribute("classname")).isEqualTo("homehub");
    assertThat(testcase(d, "unlock-success [customer_id=c048]").getElementsByTagName("skipped"))
        .satisfies(
            n ->
                assertThat(((Element) n.item(0)).getAttribute("message"))
                    .isEqualTo("NO_DATA: 5 valid events, fewer than min_events 30"));
  }

  @Test
  void a_failure_carries_the_numbers() throws Exception {
    Document d = parse(new JunitRenderer().render(CiFixtures.report()));
    Element failure =
        (Element)
            testcase(d, "unlock-success [customer_id=c047]")
                .getElementsByTagName("failure")
                .item(0);
    // 139 / 149 = 0.93288590604... -> 93.2886%
    assertThat(failure.getAttribute("message"))
        .isEqualTo("BREACHED: SLI 93.2886% is below the objective 99%");
    assertThat(failure.getAttribute("type")).isEqualTo("BREACHED");
    // allowed 0.01 x 149 = 1.49; remaining 1 - 10 / 1.49 = -5.7114093959...; burn 10/149/0.01
    assertThat(failure.getTextContent().lines())
        .contains(
            "slo: homehub/unlock-success",
            "group: customer_id=c047",
            "status: BREACHED",
            "window: 2026-01-31T09:00:00+09:00 to 2026-02-28T09:00:00+09:00 (28d)",
            "sli: 0.932885906 (93.2886%), 139 good of 149 valid events",
            "objective: 0.99 (99%)",
            "error budget: 1.49 bad events allowed, 10 bad, remaining -5.711409396 (-571.1409%)",
            "burn rate: 6.711409396",
            "spec: specs/homehub.yaml:20:5");
  }

  @Test
  void alerts_and_severity_are_in_the_case_output() throws Exception {
    Document d = parse(new JunitRenderer().render(CiFixtures.report()));
    Element out = (Element) testcase(d, "checkout").getElementsByTagName("system-out").item(0);
    assertThat(out.getTextContent().lines())
        .contains(
            "alert: page 14.4x over 1h/5m fired: burn rate 20.1 over 1h, 25.3 over 5m",
            "severity: SEV2: a page alert fired");
  }

  @Test
  void a_gate_failure_uses_the_callers_reason() throws Exception {
    CiReport r =
        new CiReport(
            CiFixtures.report().at(),
            CiFixtures.report().zone(),
            false,
            List.of(
                new CiCase(
                    CiFixtures.PAGING,
                    CiCase.Verdict.FAILED,
                    "page alert fired (--fail-on alert)",
                    List.of(CiFixtures.PAGE),
                    null)),
            null,
            List.of());
    String xml = new JunitRenderer().render(r);
    validate(xml);
    Element failure = (Element) parse(xml).getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("page alert fired (--fail-on alert)");
  }

  @Test
  void a_case_failed_by_an_alert_says_so() throws Exception {
    CiReport r =
        new CiReport(
            CiFixtures.report().at(),
            CiFixtures.report().zone(),
            false,
            List.of(
                new CiCase(
                    CiFixtures.PAGING,
                    CiCase.Verdict.FAILED,
                    null,
                    List.of(CiFixtures.PAGE),
                    null)),
            null,
            List.of());
    String xml = new JunitRenderer().render(r);
    validate(xml);
    Element failure = (Element) parse(xml).getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message"))
        .isEqualTo("ALERT: page 14.4x over 1h/5m fired: burn rate 20.1 over 1h, 25.3 over 5m");
    assertThat(failure.getAttribute("type")).isEqualTo("ALERT");
    assertThat(new GithubRenderer().lines(r).get(0))
        .startsWith(
            "::error file=specs/payments.yaml,line=7,col=5,title=SLO ALERT%3A"
                + " payments/checkout::ALERT: page 14.4x over 1h/5m fired:");
  }

  @Test
  void markup_and_control_characters_in_values_stay_well_formed() throws Exception {
    var odd =
        TestSlos.result(
            CiFixtures.UNLOCK,
            new io.slotoolkit.model.Group(List.of("customer_id"), List.of("a<b&\"c\"\u0001\nd")),
            139,
            149);
    String xml =
        new JunitRenderer()
            .render(
                new CiReport(
                    CiFixtures.report().at(),
                    CiFixtures.report().zone(),
                    false,
                    List.of(CiCase.of(odd)),
                    null,
                    List.of()));
    validate(xml);
    // U+0001 cannot be in XML 1.0: it becomes U+FFFD; the newline survives in the attribute
    assertThat(
            parse(xml)
                .getElementsByTagName("testcase")
                .item(0)
                .getAttributes()
                .getNamedItem("name")
                .getNodeValue())
        .isEqualTo("unlock-success [customer_id=a<b&\"c\"\uFFFD\nd]");
  }

  @Test
  void suites_can_follow_spec_files() throws Exception {
    Document d =
        parse(new JunitRenderer(JunitRenderer.Suites.BY_SPEC_FILE).render(CiFixtures.report()));
    NodeList suites = d.getElementsByTagName("testsuite");
    assertThat(((Element) suites.item(0)).getAttribute("name")).isEqualTo("specs/homehub.yaml");
    assertThat(((Element) suites.item(1)).getAttribute("name")).isEqualTo("specs/payments.yaml");
  }

  @Test
  void an_invalid_document_is_rejected_by_the_schema() {
    // the schema itself must be able to fail: a testcase without classname
    String bad =
        "<testsuites><testsuite name=\"x\" tests=\"1\" failures=\"0\" errors=\"0\" time=\"0\">"
            + "<testcase name=\"a\" time=\"0\"/></testsuite></testsuites>";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> validate(bad))
        .hasMessageContaining("classname");
  }
}
