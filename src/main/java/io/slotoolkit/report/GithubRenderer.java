package io.slotoolkit.report;

import io.slotoolkit.model.CompositeResult;
import io.slotoolkit.model.Status;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a run as GitHub Actions workflow commands, so that failures show as annotations on the
 * spec lines: {@code ::error} for a failed case, {@code ::warning} for an alert on a case that
 * passed, {@code ::notice} for a case without data, and a closing {@code ::notice} summary.
 */
public final class GithubRenderer {

  /** Writes one command per line. */
  public void render(CiReport report, PrintWriter out) {
    for (String line : lines(report)) out.println(line);
    out.flush();
  }

  /** At most this many annotations, then one summary notice: GitHub shows only a few anyway. */
  public static final int MAX_ANNOTATIONS = 50;

  /** The commands, one per line. */
  public List<String> lines(CiReport report) {
    List<String> out = new ArrayList<>();
    int failed = 0;
    int skipped = 0;
    int alerting = 0;
    int notAnnotated = 0;
    for (CiCase c : report.cases()) {
      var r = c.result();
      String level;
      String title;
      String message;
      switch (c.verdict()) {
        case FAILED -> {
          failed++;
          level = "error";
          title = "SLO " + Figures.failureType(c) + ": " + Figures.name(r);
          message = Figures.failure(c);
        }
        case SKIPPED -> {
          skipped++;
          level = "notice";
          title = "SLO NO_DATA: " + Figures.name(r);
          message = Figures.headline(r);
        }
        default -> {
          if (c.alerts().isEmpty() && r.status() != Status.STALE) continue;
          level = "warning";
          if (c.alerts().isEmpty()) {
            // stale data that the gate lets pass still deserves a look
            title = "SLO STALE: " + Figures.name(r);
            message = Figures.headline(r);
          } else {
            title = "SLO alert: " + Figures.name(r);
            message = c.alerts().get(0).describe();
          }
        }
      }
      if (!c.alerts().isEmpty()) alerting++;
      // a group of a per SLO without data is counted in the summary, not annotated: on a fleet
      // of hosts that would be one notice per quiet host
      if (c.verdict() == CiCase.Verdict.SKIPPED
          && r.group() != null
          && !r.group().columns().isEmpty()) continue;
      if (out.size() >= MAX_ANNOTATIONS) {
        if (c.verdict() == CiCase.Verdict.FAILED) notAnnotated++;
        continue;
      }
      String details = String.join("\n", Figures.lines(r, report.zone(), c.alerts(), c.severity()));
      out.add(command(level, r, title, message + "\n" + details));
    }
    for (CompositeResult c : report.composites()) {
      if (c.status() != Status.BREACHED && c.status() != Status.NO_DATA) continue;
      if (CompositeText.failed(c)) failed++;
      else skipped++;
      if (out.size() >= MAX_ANNOTATIONS) continue;
      String level = CompositeText.failed(c) ? "error" : "notice";
      String title = "SLO composite " + c.status().name() + ": " + c.composite().qualifiedName();
      StringBuilder b = new StringBuilder("::").append(level).append(' ');
      var at = c.composite().location();
      if (at != null && at.file() != null) {
        b.append("file=").append(escapeProperty(at.file().toString().replace('\\', '/')));
        if (at.line() > 0) b.append(",line=").append(at.line());
        if (at.column() > 0) b.append(",col=").append(at.column());
        b.append(',');
      }
      b.append("title=").append(escapeProperty(title)).append("::");
      b.append(
          escapeData(CompositeText.headline(c) + "\n" + String.join("\n", CompositeText.lines(c))));
      out.add(b.toString());
    }
    out.add(
        "::notice title="
            + escapeProperty("slo check " + (report.passed() ? "passed" : "failed"))
            + "::"
            + escapeData(
                report.cases().size()
                    + report.composites().size()
                    + " results: "
                    + failed
                    + " failed, "
                    + alerting
                    + " alerting, "
                    + skipped
                    + " without data"
                    + (report.severity() == null ? "" : "; severity " + report.severity())
                    + (notAnnotated == 0
                        ? ""
                        : "; "
                            + notAnnotated
                            + " more failing result(s) not annotated (at most "
                            + MAX_ANNOTATIONS
                            + "); --format json lists them all")));
    return out;
  }

  private static String command(
      String level, io.slotoolkit.model.SloResult r, String title, String message) {
    StringBuilder b = new StringBuilder("::").append(level).append(' ');
    var at = r.slo().location();
    if (at != null && at.file() != null) {
      b.append("file=").append(escapeProperty(at.file().toString().replace('\\', '/')));
      if (at.line() > 0) b.append(",line=").append(at.line());
      if (at.column() > 0) b.append(",col=").append(at.column());
      b.append(',');
    }
    b.append("title=").append(escapeProperty(title));
    return b.append("::").append(escapeData(message)).toString();
  }

  /** A command's message: {@code %}, CR and LF are percent-encoded. */
  public static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A command property's value: as {@link #escapeData}, and {@code :} and {@code ,} too. */
  public static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }
}
