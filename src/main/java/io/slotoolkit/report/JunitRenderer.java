package io.slotoolkit.report;

import io.slotoolkit.model.CompositeResult;
import io.slotoolkit.model.Status;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a run as JUnit XML in the Ant/Jenkins format that CI servers read (Jenkins, GitLab,
 * GitHub test reporters): one {@code testsuite} per service (or spec file), one {@code testcase}
 * per SLO and group; failures and skips carry the numbers.
 */
public final class JunitRenderer {

  /** What a test suite stands for. */
  public enum Suites {
    /** One suite per service. */
    BY_SERVICE,
    /** One suite per spec file. */
    BY_SPEC_FILE
  }

  private final Suites suites;

  public JunitRenderer() {
    this(Suites.BY_SERVICE);
  }

  public JunitRenderer(Suites suites) {
    this.suites = suites;
  }

  /** Writes the XML document. */
  public void render(CiReport report, PrintWriter out) {
    out.print(render(report));
    out.flush();
  }

  /** The XML document as text. */
  public String render(CiReport report) {
    Map<String, List<CiCase>> bySuite = new LinkedHashMap<>();
    for (CiCase c : report.cases()) {
      bySuite.computeIfAbsent(suiteName(c), k -> new ArrayList<>()).add(c);
    }
    // Ant's timestamp has no zone: write UTC; the property evaluated_at keeps the offset
    String timestamp =
        DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
            report.at().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    String evaluatedAt =
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(report.at().atZone(report.zone()));
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<testsuites name=\"slo check\"");
    if (report.composites().isEmpty()) counts(x, report.cases());
    else {
      long failed =
          report.cases().stream().filter(c -> c.verdict() == CiCase.Verdict.FAILED).count();
      long skipped =
          report.cases().stream().filter(c -> c.verdict() == CiCase.Verdict.SKIPPED).count();
      failed += report.composites().stream().filter(CompositeText::failed).count();
      skipped += report.composites().stream().filter(c -> c.status() == Status.NO_DATA).count();
      x.append(" tests=\"").append(report.cases().size() + report.composites().size()).append('"');
      x.append(" failures=\"").append(failed).append('"');
      x.append(" errors=\"0\"");
      x.append(" skipped=\"").append(skipped).append('"');
    }
    x.append(" time=\"0\" timestamp=\"").append(timestamp).append("\">\n");
    for (Map.Entry<String, List<CiCase>> suite : bySuite.entrySet()) {
      x.append("  <testsuite name=\"").append(Xml.attr(suite.getKey())).append('"');
      counts(x, suite.getValue());
      x.append(" time=\"0\" timestamp=\"").append(timestamp).append("\">\n");
      x.append("    <properties>\n");
      property(x, "evaluated_at", evaluatedAt);
      property(x, "passed", String.valueOf(report.passed()));
      if (report.severity() != null) property(x, "severity", report.severity());
      Set<String> specs = new LinkedHashSet<>();
      for (CiCase c : suite.getValue()) {
        if (c.result().slo().location() != null) {
          specs.add(String.valueOf(c.result().slo().location().file()));
        }
      }
      for (String s : specs) property(x, "spec", s);
      x.append("    </properties>\n");
      for (CiCase c : suite.getValue()) testcase(x, c, report);
      x.append("  </testsuite>\n");
    }
    if (!report.composites().isEmpty()) composites(x, report, timestamp, evaluatedAt);
    x.append("</testsuites>\n");
    return x.toString();
  }

  /** One suite {@code composites} with a case per composite SLO. */
  private static void composites(
      StringBuilder x, CiReport report, String timestamp, String evaluatedAt) {
    List<CompositeResult> cs = report.composites();
    long failed = cs.stream().filter(CompositeText::failed).count();
    long skipped = cs.stream().filter(c -> c.status() == Status.NO_DATA).count();
    x.append("  <testsuite name=\"composites\" tests=\"").append(cs.size()).append('"');
    x.append(" failures=\"").append(failed).append("\" errors=\"0\" skipped=\"").append(skipped);
    x.append("\" time=\"0\" timestamp=\"").append(timestamp).append("\">\n");
    x.append("    <properties>\n");
    property(x, "evaluated_at", evaluatedAt);
    property(x, "passed", String.valueOf(report.passed()));
    x.append("    </properties>\n");
    for (CompositeResult c : cs) {
      String body = String.join("\n", CompositeText.lines(c));
      x.append("    <testcase name=\"")
          .append(Xml.attr(c.composite().name()))
          .append("\" classname=\"")
          .append(Xml.attr(c.composite().service()))
          .append("\" time=\"0\">\n");
      if (CompositeText.failed(c))
        x.append("      <failure message=\"")
            .append(Xml.attr(CompositeText.headline(c)))
            .append("\" type=\"BREACHED\">")
            .append(Xml.text(body))
            .append("</failure>\n");
      else {
        if (c.status() == Status.NO_DATA)
          x.append("      <skipped message=\"")
              .append(Xml.attr(CompositeText.headline(c)))
              .append("\"/>\n");
        x.append("      <system-out>").append(Xml.text(body)).append("</system-out>\n");
      }
      x.append("    </testcase>\n");
    }
    x.append("  </testsuite>\n");
  }

  private String suiteName(CiCase c) {
    var slo = c.result().slo();
    if (suites == Suites.BY_SPEC_FILE && slo.location() != null) {
      return String.valueOf(slo.location().file());
    }
    return slo.service() == null ? "(no service)" : slo.service();
  }

  private static void counts(StringBuilder x, List<CiCase> cases) {
    long failed = cases.stream().filter(c -> c.verdict() == CiCase.Verdict.FAILED).count();
    long skipped = cases.stream().filter(c -> c.verdict() == CiCase.Verdict.SKIPPED).count();
    x.append(" tests=\"").append(cases.size()).append('"');
    x.append(" failures=\"").append(failed).append('"');
    x.append(" errors=\"0\"");
    x.append(" skipped=\"").append(skipped).append('"');
  }

  private static String propertyLine(String name, String value) {
    StringBuilder x = new StringBuilder();
    property(x, name, value);
    return x.toString();
  }

  private static void property(StringBuilder x, String name, String value) {
    x.append("      <property name=\"")
        .append(Xml.attr(name))
        .append("\" value=\"")
        .append(Xml.attr(value))
        .append("\"/>\n");
  }

  private static void testcase(StringBuilder x, CiCase c, CiReport report) {
    var r = c.result();
    String service = r.slo().service() == null ? "(no service)" : r.slo().service();
    String body = String.join("\n", Figures.lines(r, report.zone(), c.alerts(), c.severity()));
    x.append("    <testcase name=\"")
        .append(Xml.attr(r.slo().name() + Figures.groupSuffix(r.group())))
        .append("\" classname=\"")
        .append(Xml.attr(service))
        .append("\" time=\"0\">\n");
    var m = r.slo().metadata();
    if (!m.isEmpty()) {
      // test reporters show a case's properties: who owns it and where to act
      x.append("      <properties>\n");
      m.labels().forEach((k, v) -> x.append("  ").append(propertyLine("label." + k, v)));
      m.annotations().forEach((k, v) -> x.append("  ").append(propertyLine("annotation." + k, v)));
      m.links().forEach((k, v) -> x.append("  ").append(propertyLine("link." + k, v)));
      x.append("      </properties>\n");
    }
    switch (c.verdict()) {
      case FAILED -> {
        x.append("      <failure message=\"")
            .append(Xml.attr(Figures.failure(c)))
            .append("\" type=\"")
            .append(Figures.failureType(c))
            .append("\">")
            .append(Xml.text(body))
            .append("</failure>\n");
      }
      case SKIPPED -> {
        x.append("      <skipped message=\"")
            .append(Xml.attr(Figures.headline(r)))
            .append("\"/>\n");
        x.append("      <system-out>").append(Xml.text(body)).append("</system-out>\n");
      }
      case PASSED ->
          x.append("      <system-out>").append(Xml.text(body)).append("</system-out>\n");
    }
    x.append("    </testcase>\n");
  }
}
