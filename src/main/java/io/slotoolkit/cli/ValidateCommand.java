package io.slotoolkit.cli;

import io.slotoolkit.engine.DuckDbEngine;
import io.slotoolkit.engine.Engine;
import io.slotoolkit.evaluate.CatalogChecks;
import io.slotoolkit.evaluate.FailOnParser;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.ForecastEntry;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.spec.SpecLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code slo validate}: report every problem in the specs at once (and, with --data, in the data).
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check spec files and report every problem at once (file:line:column).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the specs (and with --data, the sources) are valid",
      "2:a spec has a problem",
      "3:with --data: a source cannot be read, lacks a column, or has more malformed rows than allowed",
      "70:internal error (a bug; --verbose shows the trace)"
    },
    footerHeading = "%nExamples:%n",
    footer = {"  slo validate", "  slo validate specs/ --data"})
final class ValidateCommand implements Callable<Integer> {
  @ParentCommand SloCommand root;
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Spec files or folders. Default: slo-specs/")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--data",
      description =
          "Also open every source: files exist and parse, columns exist, expressions type-check on the real data.")
  boolean data;

  @Option(
      names = "--source",
      paramLabel = "NAME=PATH",
      description =
          "Read source NAME from PATH instead of the spec's path, as slo check does (repeatable;"
              + " globs allowed); with --data, PATH is what is opened.")
  Map<String, String> sources = new LinkedHashMap<>();

  /**
   * Reads the sources the way {@code slo check} and {@code slo report} do: the same binding, the
   * report's column checks (dimensions, mask), then the check's scan at the default instant, whose
   * row accounting refuses malformed rows beyond max_bad_rows.
   */
  private static void readLikeCheck(Engine engine, Catalog catalog) {
    io.slotoolkit.run.Evaluator evaluator = new io.slotoolkit.run.Evaluator(engine);
    evaluator.prepare(catalog);
    new io.slotoolkit.run.ReportEvaluator(engine)
        .checkColumns(
            catalog,
            new io.slotoolkit.run.ReportEvaluator.Options(List.of(), 1, List.of(), null, null, 0));
    evaluator.assess(
        catalog,
        evaluator.defaultAt(catalog),
        FailOnParser.parse(
            "breached", new io.slotoolkit.evaluate.SeverityTable(catalog.severity())));
  }

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    Session session = root.session();
    // inside the shell, validate re-reads the shell's own specs: is my edit right before reload?
    List<Path> given =
        paths.isEmpty() && session != null
            ? session.specPaths()
            : SpecSelection.specPaths(paths, ctx);
    SpecLoader.Loaded loaded = new SpecLoader().read(given);
    List<Problem> problems = new ArrayList<>(loaded.problems());
    Catalog catalog = loaded.catalog();
    if (problems.isEmpty()) problems.addAll(CatalogChecks.problems(catalog));
    if (!sources.isEmpty() && problems.isEmpty()) {
      SpecOptions overrides = new SpecOptions();
      overrides.sources = sources;
      catalog = overrides.withOverrides(catalog, ctx);
    }
    List<Slo> slos = catalog.slos();
    boolean dataProblem = false;
    List<String> notes = new ArrayList<>();
    if (!slos.isEmpty()) {
      try (Engine engine =
          DuckDbEngine.open(SpecOptions.engineOptions(ctx), root.takeWarmStart())) {
        try {
          engine.checkExpressions(slos);
        } catch (SloException e) {
          problems.addAll(e.problems());
        }
        if (data && problems.isEmpty()) {
          try {
            readLikeCheck(engine, catalog);
            for (var b : engine.boundSources())
              for (String note : b.notes()) notes.add("note: " + b.label() + ": " + note);
          } catch (SloException e) {
            problems.addAll(problemsOf(e));
            dataProblem = e.exitCode() == ExitCode.DATA;
          }
        }
      }
    }
    List<ForecastEntry> forecasts = catalog.forecasts();
    if (!forecasts.isEmpty() && problems.isEmpty()) {
      // A connection of their own: the SLOs' connection is locked down to the SLOs' files.
      try (Engine engine = DuckDbEngine.open(SpecOptions.engineOptions(ctx))) {
        if (data) engine.bindForecasts(forecasts);
        else engine.checkForecastExpressions(forecasts);
      } catch (SloException e) {
        problems.addAll(problemsOf(e));
        dataProblem = e.exitCode() == ExitCode.DATA;
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (problems.isEmpty()) {
      out.println(
          "ok: "
              + catalog.files().size()
              + " spec file(s), "
              + slos.size()
              + " SLO(s), "
              + catalog.sources().size()
              + " source(s)"
              + (forecasts.isEmpty() ? "" : ", " + forecasts.size() + " forecast(s)")
              + (data ? "; data checked" : "; data not opened (--data checks it)"));
      for (String note : notes) out.println(note);
      out.flush();
      return ExitCode.OK.code();
    }
    for (Problem p : problems) err.println(p.render());
    long files = problems.stream().map(p -> p.location().file()).distinct().count();
    err.println("slo: " + problems.size() + " problem(s) in " + files + " file(s)");
    err.flush();
    return dataProblem ? ExitCode.DATA.code() : ExitCode.USAGE.code();
  }

  /** The problems an error carries, or its message as one problem without a place. */
  private static List<Problem> problemsOf(SloException e) {
    return e.problems().isEmpty()
        ? List.of(Problem.of(SourceLocation.of(Path.of("")), e.getMessage()))
        : e.problems();
  }
}
