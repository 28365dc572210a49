package io.slotoolkit.cli;

import io.slotoolkit.engine.DuckDbEngine;
import io.slotoolkit.engine.Engine;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SpecDraft;
import io.slotoolkit.run.SpecDrafter;
import io.slotoolkit.spec.SpecDraftWriter;
import io.slotoolkit.spec.SpecSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code slo init --from FILE}: write a commented starter spec from what a log file shows. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Write a commented starter spec from a CSV or Parquet export.",
      "Finds the event time, a status-like and a"
          + " latency-like column, and proposes an availability and a latency SLO with objectives"
          + " from the data's current level. Every line is commented; review it, then check."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the spec was written",
      "2:usage error, or the output exists (use --force)",
      "3:the file cannot be read, or has no event time column",
      "70:internal error (a bug; --verbose shows the trace)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  slo init --from exports/api.csv       writes slo-specs/api.yaml",
      "  slo init --from api.parquet --output specs/api.yaml --force",
      "  slo init --from api.csv --output -    print the spec instead",
      "  slo validate --data && slo check      then run it"
    })
final class InitCommand implements Callable<Integer> {
  @ParentCommand SloCommand root;
  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "FILE",
      description = "The CSV or Parquet file to inspect.")
  Path from;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "SPEC",
      description = "Where to write the spec ('-' for stdout). Default: slo-specs/<file name>.yaml")
  String output;

  @Option(names = "--force", description = "Overwrite SPEC if it exists.")
  boolean force;

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    Path data = ctx.resolve(from);
    boolean toStdout = "-".equals(output);
    Path target =
        toStdout
            ? ctx.resolve(Path.of("slo-spec.yaml"))
            : output != null
                ? ctx.resolve(Path.of(output))
                : ctx.resolve(SpecSelection.DEFAULT_SPECS)
                    .resolve(SpecDraftWriter.slug(data) + ".yaml");
    if (!toStdout) {
      if (Files.isDirectory(target))
        throw SloException.spec("--output " + output + " is a folder", "name a .yaml file");
      if (Files.exists(target) && !force) {
        throw SloException.spec(
            shown(ctx, target) + " exists; not overwriting it",
            "pass --force to replace it, or --output another.yaml");
      }
      Path dir = target.toAbsolutePath().getParent();
      if (output != null && !Files.isDirectory(dir))
        throw SloException.spec(
            "--output " + output + ": folder " + dir + " does not exist", "create it first");
    }
    SpecDraft draft;
    try (Engine engine = DuckDbEngine.open(SpecOptions.engineOptions(ctx), root.takeWarmStart())) {
      engine.progressListener(root.progressListener());
      draft = new SpecDrafter(engine).draft(data);
    }
    String yaml = SpecDraftWriter.write(draft, target, "slo init --from " + from);
    PrintWriter out = spec.commandLine().getOut();
    if (toStdout) {
      out.print(yaml);
      out.flush();
      return ExitCode.OK.code();
    }
    Path schema = target.toAbsolutePath().resolveSibling(SpecSchema.FILE_NAME);
    boolean schemaChanged;
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.writeString(target, yaml, StandardCharsets.UTF_8);
      // The spec's first line points editors at this file; keep it in step with this version.
      String json = SpecSchema.json();
      schemaChanged = !Files.exists(schema) || !Files.readString(schema).equals(json);
      if (schemaChanged) Files.writeString(schema, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw SloException.spec("cannot write " + target + ": " + e.getMessage(), null);
    }
    String shown = shown(ctx, target);
    out.println("wrote " + shown);
    if (schemaChanged) {
      out.println("wrote " + shown(ctx, schema) + " (the spec's JSON Schema, for editors)");
    }
    out.println("  event time    " + draft.time().column() + " (" + draft.time().why() + ")");
    out.println(
        "  availability  "
            + (draft.availability() == null
                ? "none: no status-like column"
                : SpecDraftWriter.percent(draft.availability().objective())
                    + " of events with "
                    + draft.availability().goodExpression()));
    out.println(
        "  latency       "
            + (draft.latency() == null
                ? "none: no latency-like column"
                : SpecDraftWriter.percent(draft.latency().objective())
                    + " within "
                    + draft.latency().thresholdLabel()
                    + " ("
                    + draft.latency().column()
                    + ")"));
    out.println("next: review it, then  slo validate --data " + shown + " && slo check " + shown);
    out.flush();
    return ExitCode.OK.code();
  }

  /** Relative to the working folder when inside it. */
  private static String shown(CliContext ctx, Path p) {
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(ctx.workingDir())
        ? ctx.workingDir().relativize(abs).toString()
        : abs.toString();
  }
}
