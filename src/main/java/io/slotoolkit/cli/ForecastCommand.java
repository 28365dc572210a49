package io.slotoolkit.cli;

import io.slotoolkit.engine.DuckDbEngine;
import io.slotoolkit.engine.Engine;
import io.slotoolkit.evaluate.FailOnParser;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.DuplicateRule;
import io.slotoolkit.model.DurationText;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.FailOn;
import io.slotoolkit.model.ForecastEntry;
import io.slotoolkit.model.ForecastReport;
import io.slotoolkit.model.LatencyUnit;
import io.slotoolkit.model.NamedForecast;
import io.slotoolkit.model.Season;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.Verdict;
import io.slotoolkit.report.ForecastJsonRenderer;
import io.slotoolkit.report.ForecastTextRenderer;
import io.slotoolkit.report.Style;
import io.slotoolkit.run.SeriesForecast;
import io.slotoolkit.run.SpecForecasts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code slo forecast}: forecast a busy season's peak and check that the capacity still fits.
 *
 * <p>Why this class is large: one verb with two modes (spec forecasts, {@code --series FILE}) and
 * some twenty options, most of the file being their picocli declarations and help text; the use
 * cases themselves are {@code run.SpecForecasts} and {@code run.SeriesForecast}.
 */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
      "  slo forecast slo-specs/sync-job.yaml --backtest",
      "  slo forecast --forecast records-per-night --at 2026-01-01 --format json",
      "  slo forecast --series daily_sync.csv --season 03-15..04-10 --backtest",
      "  slo forecast --series daily_sync.csv --season 03-15..04-10 \\",
      "      --latency-column p95_latency_ms --workers 4 --window 2h --headroom 20%%",
      "  slo forecast --series monthly.csv --value-column in_migrants --format json"
    },
    description = {
      "Forecast a daily, weekly or monthly series with its yearly season, and check whether a daily"
          + " job (volume x per-item latency / workers) and a latency SLO still fit at the peak.",
      "The series comes from the forecasts: entries of spec files (volume and latency per day"
          + " computed from a source), or from a series file with --series.",
      "Capacity decisions use the 95%% upper bound of the forecast, not the point forecast."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ran; the verdict is FITS (or nothing was checked)",
      "1:the verdict is AT_RISK or DOES_NOT_FIT (see --fail-on)",
      "2:usage error",
      "3:the series file or a source cannot be read, or its data is unusable",
      "70:internal error (a bug)"
    })
final class ForecastCommand implements Callable<Integer>, FormatOption.Offers {

  /** The verdicts that can fail the gate, the worst first: their ranks as gate levels. */
  private static final List<Verdict> FAILING = List.of(Verdict.DOES_NOT_FIT, Verdict.AT_RISK);

  @ParentCommand SloCommand root;
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description =
          "Spec files or folders whose forecasts: entries to run (without --series)."
              + " Default: slo-specs/")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--forecast",
      paramLabel = "NAME",
      description =
          "Only these spec forecasts (repeatable; globs like 'sync-*'; NAME or SERVICE/NAME).")
  List<String> forecastNames = new ArrayList<>();

  @Option(
      names = "--source",
      paramLabel = "NAME=PATH",
      description =
          "Read source NAME from PATH instead of the spec's path (repeatable; globs allowed).")
  Map<String, String> sources = new LinkedHashMap<>();

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      description =
          "End of the history for spec forecasts (exclusive; ISO-8601, a date, or 'now'; a day it"
              + " cuts is left out). Default: the end of the source's latest day.")
  String at;

  @Option(
      names = "--series",
      paramLabel = "FILE",
      description =
          "CSV file with a date column and a value column (one row per day, week or month),"
              + " instead of spec forecasts.")
  Path series;

  @Option(
      names = "--date-column",
      paramLabel = "NAME",
      description = "The date column. Default: the first column whose first value is a date.")
  String dateColumn;

  @Option(
      names = "--value-column",
      paramLabel = "NAME",
      description =
          "The volume column (items per day). Default: the first numeric column after the date.")
  String valueColumn;

  @Option(
      names = "--latency-column",
      paramLabel = "NAME",
      description =
          "A per-item latency statistic per day (such as p95_ms): fitted against volume and"
              + " predicted at the peak.")
  String latencyColumn;

  @Option(
      names = "--latency-unit",
      paramLabel = "UNIT",
      defaultValue = "ms",
      description = "Unit of --latency-column: ms, s or us. Default: ${DEFAULT-VALUE}.")
  String latencyUnit;

  @Option(
      names = "--season",
      paramLabel = "MM-DD..MM-DD",
      description = "The recurring busy season, such as 03-15..04-10 (may wrap: 12-15..01-10).")
  String season;

  @Option(
      names = "--horizon",
      paramLabel = "STEPS",
      description =
          "Steps (days, weeks or months) to forecast. Default: to the end of the next season, or"
              + " one year.")
  Integer horizon;

  @Option(
      names = "--backtest",
      description = "Also forecast the last year from the history before it and score it.")
  boolean backtest;

  @Option(
      names = "--holdout",
      paramLabel = "STEPS",
      description = "Steps the backtest holds out (implies --backtest). Default: one year.")
  Integer holdout;

  @Option(
      names = "--latency",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Per-item latency of the job (such as 120ms). Default: --latency-column.")
  Duration latency;

  @Option(
      names = "--workers",
      paramLabel = "N",
      defaultValue = "1",
      description = "Items the job processes in parallel. Default: ${DEFAULT-VALUE}.")
  int workers;

  @Option(
      names = "--window",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "The time the daily job must finish in (such as 4h).")
  Duration window;

  @Option(
      names = "--headroom",
      paramLabel = "PERCENT",
      defaultValue = "0%",
      converter = PercentConverter.class,
      description =
          "Share of the window (or SLO threshold) to keep free. Default: ${DEFAULT-VALUE}.")
  double headroom;

  @Option(
      names = "--latency-slo",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Threshold on the --latency-column statistic at the peak (such as 300ms).")
  Duration latencySlo;

  @Option(
      names = "--allow-non-seasonal",
      description =
          "With less than two years of history, forecast without a yearly season (labelled"
              + " NON-SEASONAL) instead of failing.")
  boolean allowNonSeasonal;

  @Option(
      names = "--duplicates",
      paramLabel = "RULE",
      defaultValue = "error",
      description =
          "A date that appears twice: error, sum, mean, max or last. Default: ${DEFAULT-VALUE}.")
  String duplicates;

  @Option(
      names = "--fail-on",
      paramLabel = "VERDICT",
      defaultValue = "at-risk",
      description =
          "Exit 1 from this verdict on: at-risk, does-not-fit, never. Default: ${DEFAULT-VALUE}.")
  String failOn;

  @Mixin FormatOption format;

  /** Options that describe a series file and its capacity; a spec says these itself. */
  private static final List<String> SERIES_ONLY =
      List.of(
          "--date-column",
          "--value-column",
          "--latency-column",
          "--latency-unit",
          "--season",
          "--latency",
          "--workers",
          "--window",
          "--headroom",
          "--latency-slo",
          "--duplicates");

  @Override
  public List<FormatOption.Format> formats() {
    return List.of(FormatOption.Format.text, FormatOption.Format.json);
  }

  @Override
  public Integer call() {
    if (series == null) return callSpecs();
    if (!paths.isEmpty() || !forecastNames.isEmpty() || !sources.isEmpty() || at != null) {
      throw SloException.spec(
          "--series forecasts a file; PATH, --forecast, --source and --at select spec forecasts",
          "use either --series FILE or spec paths, not both");
    }
    return callSeries();
  }

  /** {@code slo forecast [PATH...]}: every (or each named) {@code forecasts:} entry. */
  private Integer callSpecs() {
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    for (String option : SERIES_ONLY) {
      if (parsed.hasMatchedOption(option)) {
        throw SloException.spec(
            option + " goes with --series; a spec forecast takes it from its forecasts: entry",
            "set season:, latency:, capacity: or latency_slo: in the spec, or pass --series FILE");
      }
    }
    if (horizon != null && horizon < 1)
      throw SloException.spec("--horizon must be 1 or more", null);
    if (holdout != null && holdout < 1)
      throw SloException.spec("--holdout must be 1 or more", null);
    FailOn gateFrom = failOnRule();
    CliContext ctx = root.context();
    SpecOptions specs = new SpecOptions();
    specs.selection.paths = paths;
    specs.sources = sources;
    Instant end = at == null ? null : SpecOptions.parseInstant("--at", at, ctx);
    Catalog catalog = specs.load(ctx);
    List<ForecastEntry> entries = SpecForecasts.select(catalog, forecastNames);
    SpecForecasts.Request request =
        new SpecForecasts.Request(
            forecastNames,
            end,
            horizon == null ? 0 : horizon,
            backtest || holdout != null,
            holdout == null ? 0 : holdout,
            allowNonSeasonal);
    List<NamedForecast> reports;
    try (Engine engine = DuckDbEngine.open(SpecOptions.engineOptions(ctx))) {
      reports = new SpecForecasts().run(engine, entries, request);
    }
    PrintWriter out = spec.commandLine().getOut();
    Verdict worst = null;
    for (NamedForecast n : reports) {
      if (n.report().verdict() != null) worst = n.report().verdict().worst(worst);
    }
    switch (format.value) {
      case text -> {
        ForecastTextRenderer text = new ForecastTextRenderer(new Style(ctx.color()));
        for (int i = 0; i < reports.size(); i++) {
          NamedForecast n = reports.get(i);
          if (i > 0) out.println();
          out.println("forecast " + n.service() + "/" + n.name() + " (" + n.spec() + ")");
          if (n.description() != null)
            for (String line : wrap(n.description(), 94)) out.println("  " + line);
          text.render(n.report(), out);
        }
      }
      case json -> new ForecastJsonRenderer().renderAll(reports, out);
      default -> throw new IllegalArgumentException("not a forecast format: " + format.value);
    }
    out.flush();
    return gate(worst, gateFrom).code();
  }

  /** Lines of at most {@code width} characters, broken at spaces (a longer word stays whole). */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) line.append(' ');
      line.append(word);
    }
    if (line.length() > 0) lines.add(line.toString());
    return lines;
  }

  private Integer callSeries() {
    Season seasonRange = season == null ? null : Season.parse(season);
    if (workers < 1) throw SloException.spec("--workers must be 1 or more", null);
    if (horizon != null && horizon < 1)
      throw SloException.spec("--horizon must be 1 or more", null);
    if (holdout != null && holdout < 1)
      throw SloException.spec("--holdout must be 1 or more", null);
    LatencyUnit unit = LatencyUnit.fromSymbol(latencyUnit);
    if (unit == null) {
      throw SloException.spec(
          "--latency-unit " + latencyUnit + " is not a unit", "use ms, s or us");
    }
    DuplicateRule rule = duplicateRule();
    FailOn gateFrom = failOnRule();
    // Option combinations are checked before any work, so that a typo costs no forecast.
    if (latency != null && window == null) {
      throw SloException.spec(
          "--latency needs --window: the job check compares volume x latency / workers with it",
          "add --window, such as --window 4h");
    }
    if (window != null && latency == null && latencyColumn == null) {
      throw SloException.spec(
          "--window needs the per-item latency",
          "give --latency (such as 120ms) or --latency-column to model it from history");
    }
    if (latencySlo != null && latencyColumn == null) {
      throw SloException.spec(
          "--latency-slo needs --latency-column: the check predicts that latency at the peak",
          "name the column with the daily latency statistic (such as p95_latency_ms)");
    }
    CliContext ctx = root.context();
    ForecastReport report =
        new SeriesForecast()
            .run(
                new SeriesForecast.Options(
                    series.isAbsolute() ? series : relative(ctx, series),
                    series.toString(),
                    dateColumn,
                    valueColumn,
                    latencyColumn,
                    unit,
                    seasonRange,
                    latency,
                    workers,
                    window,
                    headroom,
                    latencySlo,
                    rule,
                    horizon == null ? 0 : horizon,
                    backtest || holdout != null,
                    holdout == null ? 0 : holdout,
                    allowNonSeasonal));
    PrintWriter out = spec.commandLine().getOut();
    switch (format.value) {
      case text -> new ForecastTextRenderer(new Style(ctx.color())).render(report, out);
      case json -> new ForecastJsonRenderer().render(report, out);
      default -> throw new IllegalArgumentException("not a forecast format: " + format.value);
    }
    out.flush();
    return gate(report.verdict(), gateFrom).code();
  }

  /** Relative as given when the working folder is the process's (messages stay short). */
  private static Path relative(CliContext ctx, Path p) {
    return ctx.workingDir().equals(Path.of("").toAbsolutePath()) ? p : ctx.resolve(p);
  }

  private FailOn failOnRule() {
    return FailOnParser.parseVerdict(
        failOn,
        FAILING.stream().map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
  }

  /** Exit 1 when the (worst) verdict fails the gate; no verdict passes. */
  private static ExitCode gate(Verdict v, FailOn rule) {
    int rank = v == null ? -1 : FAILING.indexOf(v);
    FailOn.Outcome o = FailOn.Outcome.atLevel(rank < 0 ? FailOn.Outcome.NO_LEVEL : rank);
    return rule.failed(o) ? ExitCode.GATE_FAILED : ExitCode.OK;
  }

  private DuplicateRule duplicateRule() {
    try {
      return DuplicateRule.valueOf(duplicates.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SloException.spec(
          "--duplicates " + duplicates + " is not a rule", "use error, sum, mean, max or last");
    }
  }

  /** {@code 120ms}, {@code 4h}, {@code 1h30m}, {@code 0.5s}, {@code 250us}. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration d = DurationText.parse(value);
      if (d == null) {
        throw new CommandLine.TypeConversionException(
            "'"
                + value
                + "' is not a positive duration (such as 120ms, 4h, 1h30m; units us ms s m h d)");
      }
      return d;
    }
  }

  /** {@code 20%} or {@code 0.2}: a share in [0, 1). */
  static final class PercentConverter implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      String v = value.strip();
      double share;
      try {
        share =
            v.endsWith("%")
                ? Double.parseDouble(v.substring(0, v.length() - 1).strip()) / 100
                : Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a percentage (such as 20%)");
      }
      if (!(share >= 0 && share < 1)) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' must be at least 0% and below 100%");
      }
      return share;
    }
  }
}
