package io.slotoolkit.cli;

import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SloException;
import io.slotoolkit.spec.OpenSloExporter;
import io.slotoolkit.spec.OpenSloImporter;
import io.slotoolkit.spec.SpecLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code slo convert}: specs to OpenSLO documents and back. */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Convert specs to OpenSLO v1 documents (--to openslo) or OpenSLO documents to specs"
          + " (--from openslo).",
      "Sources and expressions travel in metricSources of type slo-toolkit, so a round trip gives"
          + " the same specs; queries of other tools become notes saying what to fill in.",
      "What cannot be converted is reported on stderr with its file, line and column."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:converted (notes, if any, on stderr)",
      "2:usage error, a spec with a problem, or a file that is not OpenSLO",
      "70:internal error (a bug; --verbose shows the trace)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  slo convert --to openslo > openslo.yaml          all of slo-specs/, one stream",
      "  slo convert --to openslo specs/ -o openslo/      one file per document",
      "  slo convert --from openslo openslo.yaml -o slo-specs/",
      "  slo validate slo-specs/                          what is left to fill in"
    })
final class ConvertCommand implements Callable<Integer> {
  /** The foreign formats. */
  enum Format {
    openslo
  }

  static final class Direction {
    @Option(
        names = "--to",
        paramLabel = "FORMAT",
        required = true,
        description = "Write FORMAT: ${COMPLETION-CANDIDATES}.")
    Format to;

    @Option(
        names = "--from",
        paramLabel = "FORMAT",
        required = true,
        description = "Read FORMAT: ${COMPLETION-CANDIDATES}.")
    Format from;
  }

  @ParentCommand SloCommand root;
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Direction direction;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "--to: spec files or folders (default slo-specs/); --from: OpenSLO files.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "PATH",
      description =
          "--to: a .yaml file for one stream, or a folder for one file per document; --from: the"
              + " folder for the spec files. Default: stdout.")
  Path output;

  @Option(names = "--force", description = "Overwrite files that exist.")
  boolean force;

  @Override
  public Integer call() {
    return direction.to != null ? toOpenSlo() : fromOpenSlo();
  }

  private Integer toOpenSlo() {
    CliContext ctx = root.context();
    Catalog catalog = new SpecLoader().load(SpecSelection.specPaths(paths, ctx));
    OpenSloExporter.Exported exported = OpenSloExporter.export(catalog.files());
    notes(exported.notes());
    PrintWriter out = spec.commandLine().getOut();
    if (output == null) {
      out.print(exported.yaml());
      out.flush();
      return ExitCode.OK.code();
    }
    Path target = ctx.resolve(output);
    String name = output.getFileName().toString();
    if (!Files.isDirectory(target) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
      write(target, exported.yaml());
      out.println("wrote " + output + " (" + exported.documents().size() + " documents)");
    } else {
      for (Map<String, Object> d : exported.documents()) {
        String file = OpenSloExporter.Exported.fileName(d);
        write(target.resolve(file), OpenSloExporter.yaml(d));
      }
      out.println("wrote " + exported.documents().size() + " documents to " + output);
    }
    out.flush();
    return ExitCode.OK.code();
  }

  private Integer fromOpenSlo() {
    CliContext ctx = root.context();
    if (paths.isEmpty()) {
      throw SloException.spec(
          "--from openslo needs the OpenSLO files to read",
          "slo convert --from openslo openslo.yaml");
    }
    List<Path> files = SpecSelection.specPaths(paths, ctx);
    for (int i = 0; i < files.size(); i++) {
      if (!Files.isRegularFile(ctx.resolve(files.get(i)))) {
        throw SloException.spec(paths.get(i) + " is not a file", "name OpenSLO YAML files");
      }
    }
    OpenSloImporter.Converted converted = OpenSloImporter.convert(files);
    if (!converted.errors().isEmpty()) throw SloException.spec(converted.errors());
    notes(converted.notes());
    PrintWriter out = spec.commandLine().getOut();
    if (converted.specs().isEmpty()) {
      throw SloException.spec(
          "no SLO in the OpenSLO files",
          "slo converts SLO documents, with their SLIs and alert policies");
    }
    if (output == null) {
      if (converted.specs().size() > 1) {
        throw SloException.spec(
            "the documents make "
                + converted.specs().size()
                + " spec files: "
                + String.join(", ", converted.specs().keySet()),
            "pass --output FOLDER");
      }
      out.print(converted.specs().values().iterator().next());
      out.flush();
      return ExitCode.OK.code();
    }
    Path dir = ctx.resolve(output);
    for (Map.Entry<String, String> e : converted.specs().entrySet()) {
      write(dir.resolve(e.getKey()), e.getValue());
      out.println("wrote " + output.resolve(e.getKey()));
    }
    out.flush();
    return ExitCode.OK.code();
  }

  private void notes(List<Problem> notes) {
    PrintWriter err = spec.commandLine().getErr();
    for (Problem p : notes) err.println("note: " + p.render());
    err.flush();
  }

  private void write(Path file, String text) {
    try {
      if (Files.exists(file) && !force) {
        throw SloException.spec(file + " exists; not overwriting it", "pass --force to replace it");
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw SloException.spec("cannot write " + file + ": " + e.getMessage(), null);
    }
  }
}
