package io.slotoolkit.spec;

import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.SpecFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads spec files and folders into a {@link Catalog}, checking every file completely so that one
 * run reports every problem. Stateless: one instance may be reused.
 */
public final class SpecLoader {

  /**
   * What a read produced.
   *
   * @param catalog every file that is a map of keys, with its valid sources and SLOs
   * @param problems every problem of every file: files in the order given (a folder's files sorted
   *     by path), each file's problems by line and column
   */
  public record Loaded(Catalog catalog, List<Problem> problems) {
    public Loaded {
      problems = List.copyOf(problems);
    }

    /** Whether the specs are free of problems. */
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * Reads every spec; never throws for a mistake in the specs or a missing file.
   *
   * @param paths spec files and folders (a folder means every {@code *.yaml} and {@code *.yml}
   *     inside, recursively); at least one
   */
  public Loaded read(List<Path> paths) {
    if (paths.isEmpty()) throw new IllegalArgumentException("no spec paths given");
    // Problems are grouped per file so that they can be sorted within it and kept in file order.
    Map<Path, List<Problem>> byFile = new LinkedHashMap<>();
    List<SpecFile> files = new ArrayList<>();
    List<SpecConverter.DeclaredSlo> declared = new ArrayList<>();
    for (Path file : specFiles(paths, byFile)) {
      List<Problem> problems = byFile.get(file);
      SpecConverter.Converted converted = readFile(file, problems);
      if (converted.file() != null) files.add(converted.file());
      declared.addAll(converted.declared());
    }
    checkUniqueAcrossFiles(declared, byFile);
    Comparator<Problem> byPlace =
        Comparator.comparingInt((Problem p) -> p.location().line())
            .thenComparingInt(p -> p.location().column());
    List<Problem> all =
        byFile.values().stream().flatMap(list -> list.stream().sorted(byPlace)).toList();
    return new Loaded(new Catalog(files), all);
  }

  /**
   * Reads every spec and returns the catalog.
   *
   * @throws SloException (exit 2) listing every problem, when there is any
   */
  public Catalog load(List<Path> paths) {
    Loaded loaded = read(paths);
    if (!loaded.ok()) throw SloException.spec(loaded.problems());
    return loaded.catalog();
  }

  /** The spec files to read, each once, in order; a missing path or empty folder is a problem. */
  private static List<Path> specFiles(List<Path> paths, Map<Path, List<Problem>> byFile) {
    List<Path> found = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (Path path : paths) {
      List<Path> here;
      if (Files.isDirectory(path)) {
        here = specFilesIn(path, byFile);
      } else if (Files.isRegularFile(path)) {
        here = List.of(path);
      } else if (Files.exists(path)) {
        // a FIFO or device would block the read forever, or never end
        problem(
            byFile,
            new Problem(
                SourceLocation.of(path),
                "not a regular file (a pipe, socket or device): spec files are read whole",
                "save the spec to a file and pass that file"));
        continue;
      } else {
        problem(byFile, Problem.of(SourceLocation.of(path), "no such file or folder"));
        continue;
      }
      // The same file named twice (or a file and its folder) is read once, as first named.
      for (Path p : here) {
        if (seen.add(p.toAbsolutePath().normalize())) {
          found.add(p);
          byFile.computeIfAbsent(p, f -> new ArrayList<>());
        }
      }
    }
    return found;
  }

  private static List<Path> specFilesIn(Path folder, Map<Path, List<Problem>> byFile) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(SpecLoader::isSpecFile).filter(Files::isRegularFile).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      problem(
          byFile, Problem.of(SourceLocation.of(folder), "cannot list the folder: " + reason(e)));
      return List.of();
    }
    if (files.isEmpty()) {
      problem(
          byFile,
          Problem.of(SourceLocation.of(folder), "no spec files (*.yaml, *.yml) in " + folder));
    }
    return files;
  }

  private static boolean isSpecFile(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static SpecConverter.Converted readFile(Path file, List<Problem> problems) {
    String text;
    try {
      byte[] bytes = Files.readAllBytes(file);
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      problems.add(
          new Problem(SourceLocation.of(file), "the file is not UTF-8 text", "save it as UTF-8"));
      return new SpecConverter.Converted(null, List.of());
    } catch (IOException e) {
      problems.add(Problem.of(SourceLocation.of(file), "cannot read the file: " + reason(e)));
      return new SpecConverter.Converted(null, List.of());
    }
    // The YAML scanner skips a byte order mark; dropping it keeps columns equal to the text's.
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    YamlTreeReader.Result tree = YamlTreeReader.read(file, text);
    problems.addAll(tree.problems());
    if (tree.root() == null) return new SpecConverter.Converted(null, List.of());
    return new SpecConverter(file, problems).convert(tree.root());
  }

  /** SLO names are unique per service across files; within one file the converter checks. */
  private static void checkUniqueAcrossFiles(
      List<SpecConverter.DeclaredSlo> declared, Map<Path, List<Problem>> byFile) {
    Map<String, SpecConverter.DeclaredSlo> first = new HashMap<>();
    for (SpecConverter.DeclaredSlo d : declared) {
      SpecConverter.DeclaredSlo earlier = first.putIfAbsent(d.service() + "/" + d.name(), d);
      if (earlier != null && !earlier.location().file().equals(d.location().file())) {
        problem(
            byFile,
            new Problem(
                d.location(),
                "SLO '"
                    + d.service()
                    + "/"
                    + d.name()
                    + "' is already defined in "
                    + earlier.location(),
                "SLO names are unique per service; rename one or give it another 'service'"));
      }
    }
  }

  private static void problem(Map<Path, List<Problem>> byFile, Problem p) {
    byFile.computeIfAbsent(p.location().file(), f -> new ArrayList<>()).add(p);
  }

  private static String reason(Exception e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    return cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }
}
