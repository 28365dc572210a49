package io.slotoolkit.cli;

import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.SloException;
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

/** {@code slo schema}: print the JSON Schema of the spec format, for editors and other tools. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Print the JSON Schema (draft 2020-12) of the spec format.",
      "Editors use it for completion, hovers and errors as you type (docs/editors.md);"
          + " it checks keys, types and allowed values, while slo validate checks the rest."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the schema was printed or written",
      "2:usage error, or the output cannot be written",
      "70:internal error (a bug; --verbose shows the trace)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  slo schema > slo-specs/slo-spec.schema.json",
      "  slo schema --output slo-specs/slo-spec.schema.json"
    })
final class SchemaCommand implements Callable<Integer> {
  @ParentCommand SloCommand root;
  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the schema to FILE instead of stdout (replacing it).")
  Path output;

  @Override
  public Integer call() {
    String schema = SpecSchema.json();
    PrintWriter out = spec.commandLine().getOut();
    if (output == null) {
      out.print(schema);
      out.flush();
      return ExitCode.OK.code();
    }
    Path target = root.context().resolve(output);
    Path dir = target.toAbsolutePath().getParent();
    if (Files.isDirectory(target)) {
      throw SloException.spec("--output " + output + " is a folder", "name a .json file");
    }
    if (dir != null && !Files.isDirectory(dir)) {
      throw SloException.spec(
          "--output " + output + ": its folder does not exist", "create it first");
    }
    try {
      Files.writeString(target, schema, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw SloException.spec(
          "cannot write --output " + output + ": " + e.getMessage(),
          "name a file in a folder that exists");
    }
    out.println("wrote " + output);
    out.flush();
    return ExitCode.OK.code();
  }
}
