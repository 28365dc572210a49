package io.slotoolkit.cli;

import io.slotoolkit.model.Evaluation;
import io.slotoolkit.model.SloException;
import io.slotoolkit.report.Renderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** Where results go and in which format. */
final class OutputOptions {
  /** Output formats of {@code slo check}. */
  enum Format {
    text,
    json,
    markdown
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  Format format = Format.text;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the results to FILE instead of stdout.")
  Path output;

  /** Fails early (exit 2), before any work, when --output cannot be written. */
  void checkWritable(CliContext ctx) {
    checkWritable(output, ctx);
  }

  /** Fails early (exit 2), before any work, when {@code output} cannot be written. */
  static void checkWritable(Path output, CliContext ctx) {
    if (output == null) return;
    Path p = ctx.resolve(output).toAbsolutePath();
    Path dir = p.getParent();
    if (Files.isDirectory(p))
      throw SloException.spec("--output " + output + " is a folder", "name a file");
    if (dir == null || !Files.isDirectory(dir)) {
      throw SloException.spec(
          "--output " + output + ": folder " + dir + " does not exist", "create it first");
    }
    if (Files.exists(p) ? !Files.isWritable(p) : !Files.isWritable(dir)) {
      throw SloException.spec(
          "--output " + output + " is not writable",
          "check the permissions or choose another path");
    }
  }

  /** Renders to --output, or to {@code stdout}. */
  void write(
      Evaluation e, Function<Format, Renderer> renderers, PrintWriter stdout, CliContext ctx) {
    Renderer r = renderers.apply(format);
    if (output == null) {
      r.render(e, stdout);
      return;
    }
    try (PrintWriter w =
        new PrintWriter(Files.newBufferedWriter(ctx.resolve(output), StandardCharsets.UTF_8))) {
      r.render(e, w);
    } catch (IOException ex) {
      throw SloException.spec("cannot write --output " + output + ": " + ex.getMessage(), null);
    }
  }
}
