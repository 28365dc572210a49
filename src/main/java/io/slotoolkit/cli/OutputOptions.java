package io.slotoolkit.cli;

import io.slotoolkit.model.SloException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Writing to an {@code --output} file instead of stdout, and the checks on it made before any work
 * so that a bad path costs nothing.
 */
final class OutputOptions {
  private OutputOptions() {}

  /**
   * Writes what {@code render} prints to {@code file}, or to {@code stdout} when it is null; exit 2
   * when the file cannot be written. {@code given} is the --output value as the user wrote it.
   */
  static void write(
      Path file, String given, CliContext ctx, PrintWriter stdout, Consumer<PrintWriter> render) {
    if (file == null) {
      render.accept(stdout);
      return;
    }
    try (PrintWriter w =
        new PrintWriter(Files.newBufferedWriter(ctx.resolve(file), StandardCharsets.UTF_8))) {
      render.accept(w);
    } catch (IOException e) {
      throw SloException.spec("cannot write --output " + given + ": " + e.getMessage(), null);
    }
  }

  /** Fails early (exit 2), before any work, when {@code output} cannot be written. */
  static void checkWritable(Path output, CliContext ctx) {
    if (output != null) checkWritable(output, output.toString(), ctx);
  }

  /**
   * Fails early (exit 2) when {@code file} cannot be written; {@code given} is the --output value
   * as the user wrote it, for the message.
   */
  static void checkWritable(Path file, String given, CliContext ctx) {
    Path p = ctx.resolve(file).toAbsolutePath();
    Path dir = p.getParent();
    if (Files.isDirectory(p))
      throw SloException.spec("--output " + given + " is a folder", "name a file");
    if (dir == null || !Files.isDirectory(dir)) {
      throw SloException.spec(
          "--output " + given + ": folder " + dir + " does not exist", "create it first");
    }
    if (Files.exists(p) ? !Files.isWritable(p) : !Files.isWritable(dir)) {
      throw SloException.spec(
          "--output " + given + " is not writable", "check the permissions or choose another path");
    }
  }
}
