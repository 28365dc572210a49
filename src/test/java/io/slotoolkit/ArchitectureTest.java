package io.slotoolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Dependencies point inward: each package may import only what its stage needs. */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/io/slotoolkit");
  private static final Pattern IMPORT =
      Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);

  /** package -> import prefixes it must not use. */
  private static final Map<String, List<String>> FORBIDDEN =
      Map.of(
          "model",
              List.of(
                  "io.slotoolkit.",
                  "picocli",
                  "com.fasterxml",
                  "org.duckdb",
                  "java.sql",
                  "org.apache.commons",
                  "org.jline"),
          "spec",
              List.of(
                  "io.slotoolkit.engine",
                  "io.slotoolkit.evaluate",
                  "io.slotoolkit.report",
                  "io.slotoolkit.cli",
                  "io.slotoolkit.forecast",
                  "picocli",
                  "org.duckdb",
                  "java.sql",
                  "org.jline"),
          "evaluate",
              List.of(
                  "io.slotoolkit.engine",
                  "io.slotoolkit.spec",
                  "io.slotoolkit.report",
                  "io.slotoolkit.cli",
                  "picocli",
                  "com.fasterxml",
                  "org.duckdb",
                  "java.sql",
                  "org.jline"),
          "engine",
              List.of(
                  "io.slotoolkit.spec",
                  "io.slotoolkit.report",
                  "io.slotoolkit.cli",
                  "picocli",
                  "com.fasterxml",
                  "org.jline"),
          "report",
              List.of(
                  "io.slotoolkit.engine",
                  "io.slotoolkit.spec",
                  "io.slotoolkit.cli",
                  "picocli",
                  "org.duckdb",
                  "java.sql"),
          "forecast",
              List.of(
                  "io.slotoolkit.engine",
                  "io.slotoolkit.spec",
                  "io.slotoolkit.cli",
                  "picocli",
                  "org.duckdb",
                  "java.sql",
                  "com.fasterxml"));

  @Test
  void packages_import_only_inward() throws IOException {
    List<String> violations = new ArrayList<>();
    for (var e : FORBIDDEN.entrySet()) {
      Path dir = MAIN.resolve(e.getKey());
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = IMPORT.matcher(Files.readString(f));
          while (m.find()) {
            String imp = m.group(2);
            if (imp.startsWith("io.slotoolkit." + e.getKey() + ".")
                || imp.equals("io.slotoolkit.model")) continue;
            boolean modelImport = imp.startsWith("io.slotoolkit.model.");
            for (String bad : e.getValue()) {
              if (imp.startsWith(bad) && !(modelImport && !e.getKey().equals("model")))
                violations.add(f + " imports " + imp);
            }
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void only_main_exits_the_process() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      List<String> exits =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !p.getFileName().toString().equals("Main.java"))
              .filter(
                  p -> {
                    try {
                      return Files.readString(p).contains("System.exit(");
                    } catch (IOException ex) {
                      throw new java.io.UncheckedIOException(ex);
                    }
                  })
              .map(Path::toString)
              .toList();
      assertThat(exits).isEmpty();
    }
  }
}
