package io.slotoolkit.report;

import static io.slotoolkit.report.Html.esc;

import io.slotoolkit.model.Breakdown;
import io.slotoolkit.model.GroupView;
import io.slotoolkit.model.Health;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.Report;
import io.slotoolkit.model.SloReport;
import io.slotoolkit.model.SourceStats;
import io.slotoolkit.model.Status;
import java.io.PrintWriter;

/**
 * {@code slo report --format html}: one self-contained page (inline CSS and SVG, no script, no
 * network) for readers who are not engineers: traffic-light tiles first, then per SLO the key
 * figures, the daily trend, the budget burn-down, breakdown tables and the spread over customers.
 * Every text that comes from a spec or the data is escaped.
 *
 * <p>Why this class is large: it is one self-contained page, its inline CSS included, written top
 * to bottom; the charts are already in {@link SvgCharts}.
 */
public final class ReportHtmlRenderer implements ReportRenderer {
  static final String CSS =
      """
      :root{--green:#1a7f37;--green-bg:#e6f4ea;--amber:#9a6700;--amber-bg:#fff4d6;--red:#c62828;
      --red-bg:#fdecea;--grey:#57606a;--grey-bg:#eef0f2;--ink:#1f2328;--muted:#57606a;--line:#d0d7de;
      --accent:#0b5cad}
      *{box-sizing:border-box}
      body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
      color:var(--ink);background:#f6f8fa}
      main{max-width:1180px;margin:0 auto;padding:24px 20px 40px}
      h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:0}h3{font-size:15px;margin:18px 0 6px}
      .sub{color:var(--muted);margin:0 0 4px}
      .legend{display:flex;flex-wrap:wrap;gap:6px 18px;color:var(--muted);font-size:13px;margin:10px 0 18px}
      .legend span::before{content:"";display:inline-block;width:10px;height:10px;border-radius:2px;
      margin-right:6px;vertical-align:-1px;background:var(--c)}
      .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:12px}
      .tile{display:block;text-decoration:none;color:inherit;background:#fff;border:1px solid var(--line);
      border-top:6px solid var(--c);border-radius:8px;padding:10px 12px;break-inside:avoid}
      .tile:hover{box-shadow:0 1px 6px rgba(0,0,0,.12)}
      .tile .name{font-weight:600;overflow-wrap:anywhere}
      .tile .big{font-size:26px;font-weight:700;color:var(--c);line-height:1.2}
      .tile .big.neutral{color:var(--ink)}
      .tile .meta{font-size:12.5px;color:var(--muted)}.tile .meta b{color:var(--c)}
      .badge{display:inline-block;font-size:12px;font-weight:700;letter-spacing:.03em;padding:1px 8px;
      border-radius:10px;color:var(--c);background:var(--bg)}
      .GREEN{--c:var(--green);--bg:var(--green-bg)}.AMBER{--c:var(--amber);--bg:var(--amber-bg)}
      .RED{--c:var(--red);--bg:var(--red-bg)}.GREY{--c:var(--grey);--bg:var(--grey-bg)}
      .spark{width:100%;height:36px;margin-top:4px;display:block}
      .spark .line{vector-effect:non-scaling-stroke}
      .spark .line{fill:none;stroke:var(--c);stroke-width:2}
      .spark .objective{stroke:var(--muted);stroke-dasharray:3 3;stroke-width:1;vector-effect:non-scaling-stroke}
      article{background:#fff;border:1px solid var(--line);border-left:6px solid var(--c);border-radius:8px;
      padding:16px 18px;margin:22px 0}
      .head{display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px}
      .desc{color:var(--muted);margin:6px 0 10px}
      .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:8px;margin:10px 0}
      .figure{background:#f6f8fa;border-radius:6px;padding:6px 10px}
      .figure b{display:block;font-size:19px}.figure span{font-size:12.5px;color:var(--muted)}
      .below{color:var(--red)}
      .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:12px}
      figure{margin:0}figcaption{font-size:13px;color:var(--muted);margin-bottom:2px}
      .chart{width:100%;height:auto;display:block;background:#fff}
      .chart.groups{max-width:820px}
      .chart .grid{stroke:#eaeef2}.chart .axis{stroke:#8c959f}
      .chart .tick,.chart .axis-title,.chart .bar-label,.chart .bar-value{font-size:11px;fill:var(--muted)}
      .chart .bar-label{fill:var(--ink)}
      .chart .line{fill:none;stroke:var(--accent);stroke-width:2}
      .chart .line.bad{stroke:var(--red)}
      .chart .dot{fill:var(--accent)}.chart .dot.bad{fill:var(--red)}
      .chart .objective{stroke:var(--green);stroke-dasharray:6 4;stroke-width:1.5}
      .chart .objective-label{font-size:11px;fill:var(--green)}
      .chart .zero{stroke:var(--red);stroke-width:1}
      .chart .area{fill:var(--accent);opacity:.12}
      .chart .value-label{font-size:12px;font-weight:600;fill:var(--ink)}
      .chart .bar.ok{fill:#5aa469}.chart .bar.bad{fill:var(--red)}.chart .bar.none{fill:#afb8c1}
      .chart .bar.tail{fill:#8c959f}
      .alert{background:var(--red-bg);color:var(--red);border-radius:6px;padding:8px 12px;font-weight:600;
      margin:12px 0}
      .scroll{overflow-x:auto}
      table{border-collapse:collapse;width:100%;font-size:13.5px;margin:4px 0 6px}
      th,td{padding:4px 8px;border-bottom:1px solid #eaeef2;text-align:right;white-space:nowrap}
      th{font-weight:600;color:var(--muted);background:#f6f8fa}
      th:first-child,td:first-child{text-align:left;white-space:normal;overflow-wrap:break-word;min-width:7em}
      td.bad{color:var(--red);font-weight:600}
      .meter{display:inline-block;height:8px;background:var(--red);border-radius:2px;vertical-align:middle;
      margin-left:6px;opacity:.75}
      .note{font-size:13px;color:var(--muted)}
      footer{color:var(--muted);font-size:13px;margin-top:26px}
      @media (max-width:600px){main{padding:14px 10px}h1{font-size:21px}article{padding:12px}
      .tile .big{font-size:22px}th,td{padding:3px 5px}}
      @media print{body{background:#fff;font-size:12px}main{max-width:none;padding:0}
      *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
      .tile:hover{box-shadow:none}article{break-inside:avoid-page;page-break-inside:avoid;
      border-width:1px 1px 1px 6px}.tiles{grid-template-columns:repeat(3,1fr)}
      .charts{grid-template-columns:1fr 1fr}a{color:inherit;text-decoration:none}.scroll{overflow:visible}}
      """;

  @Override
  public void render(Report r, PrintWriter out) {
    out.println("<!DOCTYPE html>");
    out.println("<html lang=\"en\">");
    out.println("<head>");
    out.println("<meta charset=\"utf-8\">");
    out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    // no script, no fetch: the page cannot load anything, even if a string slipped through
    out.println(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src"
            + " 'unsafe-inline'; img-src data:\">");
    out.println("<title>SLO report · " + esc(Times.human(r.at(), r.zone())) + "</title>");
    out.println("<style>" + CSS + "</style>");
    out.println("</head>");
    out.println("<body><main>");
    out.println("<header>");
    out.println("<h1>Service level report</h1>");
    out.println(
        "<p class=\"sub\">Evaluated at "
            + esc(Times.human(r.at(), r.zone()))
            + " · "
            + esc(ReportFormat.summary(r))
            + "</p>");
    if (r.period() != null)
      out.println("<p class=\"sub\">" + esc(PeriodHistory.chosen(r)) + ".</p>");
    if (!r.masked().isEmpty())
      out.println(
          "<p class=\"sub\">Identifiers in "
              + esc(String.join(", ", r.masked()))
              + " are shown as pseudonyms.</p>");
    out.println(
        "<div class=\"legend\"><span class=\"GREEN\">OK: meets its objective with budget to spare</span>"
            + "<span class=\"AMBER\">At risk: under 25% of the error budget left, or the last 7 days"
            + " below the objective</span><span class=\"RED\">Breached: below its objective</span>"
            + "<span class=\"GREY\">No data: too few events to judge</span></div>");
    out.println("</header>");
    out.println("<section class=\"tiles\" aria-label=\"Scorecard\">");
    for (SloReport s : r.slos()) tile(s, out);
    out.println("</section>");
    ReportComposites.html(r, out);
    for (SloReport s : r.slos()) section(s, r, out);
    out.println("<footer>");
    for (SourceStats s : r.sources()) {
      out.println(
          "<p>Source <b>"
              + esc(s.source().name())
              + "</b>: "
              + s.files()
              + (s.files() == 1 ? " file, " : " files, ")
              + esc(Numbers.count(s.rowsInRange()))
              + " rows read, "
              + esc(Numbers.count(s.excludedRows()))
              + " excluded by its filter, "
              + esc(Numbers.count(s.badRows()))
              + " malformed.</p>");
    }
    out.println(
        "<p>An SLI is the share of good events among valid events. The error budget is the share of"
            + " bad events the objective allows over the window; 100% means untouched, below 0% means"
            + " overspent. Made by slo report.</p>");
    out.println("</footer>");
    out.println("</main></body>");
    out.println("</html>");
    out.flush();
  }

  private void tile(SloReport s, PrintWriter out) {
    Objective o = s.slo().objective();
    String budget = Numbers.budgetPercent(s.window().budget().remaining());
    out.println(
        "<a class=\"tile "
            + s.health().name()
            + "\" href=\"#"
            + Html.id(s.slo().name())
            + "\"><div class=\"name\">"
            + esc(s.slo().name())
            + "</div><div class=\"big"
            // a per SLO's aggregate may meet the objective while groups do not: no colour on it
            + (s.groups() != null ? " neutral" : "")
            + "\">"
            + esc(Numbers.sliPercent(s.window().sli(), o))
            + "</div><div class=\"meta\">objective "
            + esc(o.percent())
            + " over "
            + esc(s.slo().window().label())
            + " · budget left "
            + esc(budget)
            + groupsNote(s)
            + "</div><span class=\"badge\">"
            + esc(ReportFormat.statusLabel(s.status(), s.health()))
            + "</span>"
            + SvgCharts.tileSparkline(s.trend(), o)
            + "</a>");
  }

  private static String groupsNote(SloReport s) {
    if (s.groups() == null) return "";
    int n = s.groups().breachedGroups();
    String text = n + " of " + s.groups().groups() + " " + esc(s.groups().noun()) + " breached";
    return " · " + (n > 0 ? "<b>" + text + "</b>" : text);
  }

  private void section(SloReport s, Report r, PrintWriter out) {
    Objective o = s.slo().objective();
    out.println(
        "<article id=\"" + Html.id(s.slo().name()) + "\" class=\"" + s.health().name() + "\">");
    out.println(
        "<div class=\"head\"><h2>"
            + esc(s.slo().name())
            + "</h2><span class=\"badge\">"
            + esc(ReportFormat.statusLabel(s.status(), s.health()))
            + "</span><span class=\"note\">service "
            + esc(s.slo().service())
            + " · objective "
            + esc(o.percent())
            + " over "
            + esc(s.slo().window().label())
            + "</span></div>");
    if (s.slo().description() != null)
      out.println("<p class=\"desc\">" + esc(s.slo().description()) + "</p>");
    var m = s.slo().metadata();
    if (!m.links().isEmpty() || !m.labels().isEmpty()) {
      // where to act (runbook, dashboard) and who owns it (labels); links are http(s) only
      StringBuilder meta = new StringBuilder("<p class=\"note\">");
      String sep = "";
      for (var link : m.links().entrySet()) {
        meta.append(sep)
            .append("<a href=\"")
            .append(esc(link.getValue()))
            .append("\">")
            .append(esc(link.getKey()))
            .append("</a>");
        sep = " · ";
      }
      for (String label : m.labelSelectors()) {
        meta.append(sep).append("<code>").append(esc(label)).append("</code>");
        sep = " ";
      }
      out.println(meta.append("</p>"));
    }
    out.println("<div class=\"figures\">");
    figure(
        out,
        Numbers.sliPercent(s.yesterday().sli(), o),
        "yesterday",
        below(s.yesterday().sli(), o));
    figure(
        out,
        Numbers.sliPercent(s.last7Days().sli(), o),
        "last 7 days",
        below(s.last7Days().sli(), o));
    figure(
        out,
        Numbers.sliPercent(s.window().sli(), o),
        "window (" + ReportFormat.counts(s.window().good(), s.window().total()) + ")",
        below(s.window().sli(), o));
    Double rem = s.window().budget().remaining();
    figure(out, Numbers.budgetPercent(rem), "error budget left", rem != null && rem < 0);
    figure(
        out,
        Numbers.burn(s.window().burnRate()),
        "burn rate (1 = on budget)",
        s.window().burnRate() != null && s.window().burnRate() > 1);
    out.println("</div>");
    String hidden = ReportFormat.hidden(s);
    if (hidden != null) out.println("<p class=\"alert\">⚠ " + esc(capitalize(hidden)) + ".</p>");
    out.println("<div class=\"charts\">");
    if (!s.trend().isEmpty()) {
      out.println(
          "<figure><figcaption>Daily SLI, "
              + esc(ReportFormat.day(s.trend().get(0).day()))
              + " to "
              + esc(ReportFormat.day(s.trend().get(s.trend().size() - 1).day()))
              + " (dashed: objective)</figcaption>"
              + SvgCharts.trend(s.trend(), o, "Daily SLI of " + s.slo().name())
              + "</figure>");
    }
    if (!s.burnDown().isEmpty() && s.window().total() > 0) {
      out.println(
          "<figure><figcaption>Error budget left at the end of each day of the window</figcaption>"
              + SvgCharts.burnDown(s.burnDown(), "Error budget burn-down of " + s.slo().name())
              + "</figure>");
    }
    out.println("</div>");
    for (Breakdown b : s.breakdowns()) breakdown(b, o, out);
    if (s.groups() != null) groups(s, out);
    PeriodHistory.html(s, r, out);
    out.println("</article>");
  }

  private static boolean below(Double sli, Objective o) {
    return sli != null && sli < o.value();
  }

  private static void figure(PrintWriter out, String value, String label, boolean bad) {
    out.println(
        "<div class=\"figure\"><b"
            + (bad ? " class=\"below\"" : "")
            + ">"
            + esc(value)
            + "</b><span>"
            + esc(label)
            + "</span></div>");
  }

  private void breakdown(Breakdown b, Objective o, PrintWriter out) {
    out.println(
        "<h3>By "
            + esc(b.dimension())
            + (b.masked() ? " (pseudonyms)" : "")
            + "</h3><p class=\"note\">"
            + b.values()
            + (b.values() == 1 ? " value" : " values")
            + ", "
            + esc(Numbers.count(b.bad()))
            + " bad events; the values that spent the most error budget come first.</p>");
    out.println(
        "<div class=\"scroll\"><table><thead><tr><th>"
            + esc(b.dimension())
            + "</th><th>Events</th><th>Share</th><th>SLI</th><th>Bad</th><th>Share of bad</th></tr></thead><tbody>");
    for (Breakdown.Row row : b.rows())
      out.println(row(b, row, row.value() == null ? "(empty)" : row.value(), o));
    if (b.other() != null)
      out.println(row(b, b.other(), "other (" + b.other().values() + " values)", o));
    out.println("</tbody></table></div>");
  }

  private static String row(Breakdown b, Breakdown.Row row, String label, Objective o) {
    Double badShare = b.badShare(row);
    int meter = badShare == null ? 0 : (int) Math.round(badShare * 80);
    return "<tr><td>"
        + esc(label)
        + "</td><td>"
        + esc(Numbers.count(row.total()))
        + "</td><td>"
        + esc(ReportFormat.share(b.volumeShare(row)))
        + "</td><td"
        + (below(row.sli(), o) ? " class=\"bad\"" : "")
        + ">"
        + esc(Numbers.sliPercent(row.sli(), o))
        + "</td><td>"
        + esc(Numbers.count(row.bad()))
        + "</td><td>"
        + esc(ReportFormat.share(badShare))
        + (meter > 0 ? "<span class=\"meter\" style=\"width:" + meter + "px\"></span>" : "")
        + "</td></tr>";
  }

  private void groups(SloReport s, PrintWriter out) {
    GroupView g = s.groups();
    Objective o = s.slo().objective();
    out.println(
        "<h3>Per "
            + esc(String.join(", ", g.columns()))
            + "</h3><p class=\"note\">"
            + g.groups()
            + " "
            + esc(g.noun())
            + " with events, "
            + g.breachedGroups()
            + " breached ("
            + esc(ReportFormat.share(g.breachedShare()))
            + " of traffic). The largest sends "
            + esc(ReportFormat.share(g.top1()))
            + " of all traffic, the top 5 "
            + esc(ReportFormat.share(g.top5()))
            + ", the top 10 "
            + esc(ReportFormat.share(g.top10()))
            + ".</p>");
    out.println(
        "<figure><figcaption>Share of traffic (red: breached)</figcaption>"
            + SvgCharts.groupShares(g, o, "Share of traffic per group of " + s.slo().name())
            + "</figure>");
    out.println(
        "<div class=\"scroll\"><table><thead><tr><th>"
            + esc(String.join(", ", g.columns()))
            + "</th><th>Events</th><th>Traffic</th><th>SLI</th><th>Status</th></tr></thead><tbody>");
    for (GroupView.Share sh : g.top()) out.println(share(sh, o));
    if (g.tail() != null) out.println(share(g.tail(), o));
    for (GroupView.Share b : g.breached()) if (!g.top().contains(b)) out.println(share(b, o));
    if (g.breachedGroups() > g.breached().size())
      out.println(
          "<tr><td colspan=\"5\">and "
              + (g.breachedGroups() - g.breached().size())
              + " more breached "
              + esc(g.noun())
              + " (--top shows more)</td></tr>");
    out.println("</tbody></table></div>");
  }

  private static String share(GroupView.Share sh, Objective o) {
    boolean bad = sh.status() == Status.BREACHED;
    String status = sh.groups() > 1 ? (bad ? "some breached" : "") : sh.status().word();
    return "<tr><td>"
        + esc(sh.label())
        + "</td><td>"
        + esc(Numbers.count(sh.total()))
        + "</td><td>"
        + esc(ReportFormat.share(sh.share()))
        + "</td><td"
        + (below(sh.sli(), o) ? " class=\"bad\"" : "")
        + ">"
        + esc(Numbers.sliPercent(sh.sli(), o))
        + "</td><td"
        + (bad ? " class=\"bad\"" : "")
        + ">"
        + esc(status)
        + "</td></tr>";
  }

  private static Health health(Status s) {
    return switch (s) {
      case OK -> Health.GREEN;
      case BREACHED -> Health.RED;
      case NO_DATA -> Health.GREY;
      case ALERT, STALE -> Health.AMBER;
    };
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
