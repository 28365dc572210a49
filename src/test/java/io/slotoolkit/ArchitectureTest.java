package io.slotoolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward, checked on the compiled classes rather than on import lines: every
 * class a class file names (in its constant pool, so fully-qualified inline names count too) must
 * be one its package is allowed to use.
 *
 * <p>The arrows: {@code cli -> (spec, run, report)} (and {@code engine} to open one, {@code
 * evaluate} for its option parsers), {@code run -> (engine, evaluate, forecast) -> model}; {@code
 * engine}, {@code evaluate}, {@code forecast}, {@code spec} and {@code report} use {@code model}
 * only; {@code model} uses only the JDK. Libraries: picocli and JLine only in {@code cli}, {@code
 * java.sql} and DuckDB only in {@code engine}, commons-math3 only in {@code forecast}, Jackson only
 * in {@code spec} and the JSON renderers of {@code report}.
 */
class ArchitectureTest {
  private static final Path CLASSES = Path.of("target/classes/io/slotoolkit");

  /** package -> the io.slotoolkit packages it may use besides itself. */
  private static final Map<String, Set<String>> ARROWS =
      Map.of(
          "", Set.of("cli", "model"),
          // cli opens the engine (DuckDbEngine.open) and uses evaluate's option parsers and catalog
          // checks; the forecast and init use cases live in run, so cli does not use forecast
          "cli", Set.of("run", "spec", "engine", "evaluate", "report", "model"),
          "run", Set.of("engine", "evaluate", "forecast", "model"),
          "spec", Set.of("model"),
          "engine", Set.of("model"),
          "evaluate", Set.of("model"),
          "forecast", Set.of("model"),
          "report", Set.of("model"),
          "model", Set.of());

  /**
   * Arrows that exist today but not in the intended layout, each with what removes it. An entry
   * here that no longer matches anything fails the test, so the list can only shrink.
   */
  private static final Map<String, String> KNOWN_EXCEPTIONS = Map.of();

  /** Library prefix (internal form) -> packages allowed to use it. */
  private static final Map<String, Set<String>> LIBRARIES =
      Map.of(
          "picocli/", Set.of("cli"),
          "org/jline/", Set.of("cli"),
          "java/sql/", Set.of("engine"),
          "org/duckdb/", Set.of("engine"),
          "org/apache/commons/math3/", Set.of("forecast"),
          "com/fasterxml/", Set.of("spec", "report"));

  /** Classes of report that may use Jackson: the renderers that write JSON and their writer. */
  private static final Set<String> JACKSON_IN_REPORT =
      Set.of(
          "Json", "JsonRenderer", "ReportJsonRenderer", "ForecastJsonRenderer", "ReplayRenderer");

  private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([\\w/$]+)[;<]");

  @Test
  void packages_depend_only_inward() throws IOException {
    List<String> violations = new ArrayList<>();
    Set<String> usedExceptions = new TreeSet<>();
    for (Path file : classFiles()) {
      String self = packageOf(CLASSES.relativize(file));
      assertThat(ARROWS)
          .as("package io.slotoolkit.%s needs its arrows stated in ArchitectureTest", self)
          .containsKey(self);
      String simple = file.getFileName().toString().replace(".class", "");
      for (String used : referencedClasses(file)) {
        if (used.startsWith("io/slotoolkit/")) {
          String target = packageOf(Path.of(used.substring("io/slotoolkit/".length())));
          if (target.equals(self) || ARROWS.get(self).contains(target)) continue;
          String arrow = self + " -> " + target;
          if (KNOWN_EXCEPTIONS.containsKey(arrow)) {
            usedExceptions.add(arrow);
            continue;
          }
          violations.add(describe(file) + " uses " + used.replace('/', '.'));
        } else {
          for (var lib : LIBRARIES.entrySet()) {
            if (!used.startsWith(lib.getKey())) continue;
            boolean allowed =
                lib.getValue().contains(self)
                    && (!lib.getKey().equals("com/fasterxml/")
                        || !self.equals("report")
                        || JACKSON_IN_REPORT.contains(simple.replaceAll("\\$.*", "")));
            if (!allowed) violations.add(describe(file) + " uses " + used.replace('/', '.'));
          }
        }
      }
    }
    assertThat(violations).isEmpty();
    assertThat(usedExceptions)
        .as("known exceptions that no longer occur must be removed from the list")
        .containsExactlyInAnyOrderElementsOf(KNOWN_EXCEPTIONS.keySet());
  }

  @Test
  void reader_sees_fully_qualified_inline_names() throws IOException {
    // ForecastTextRenderer names io.slotoolkit.model.Verdict inline, without an import line.
    Path renderer = CLASSES.resolve("report/ForecastTextRenderer.class");
    assertThat(referencedClasses(renderer)).contains("io/slotoolkit/model/Verdict");
    // Database opens java.sql connections; its constant pool must show them.
    assertThat(referencedClasses(CLASSES.resolve("engine/Database.class")))
        .anyMatch(c -> c.startsWith("java/sql/"));
  }

  @Test
  void only_main_exits_the_process() throws IOException {
    Path sources = Path.of("src/main/java/io/slotoolkit");
    try (Stream<Path> files = Files.walk(sources)) {
      List<String> exits =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !p.getFileName().toString().equals("Main.java"))
              .filter(p -> read(p).contains("System.exit("))
              .map(Path::toString)
              .toList();
      assertThat(exits).isEmpty();
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
  }

  private static List<Path> classFiles() throws IOException {
    assertThat(CLASSES).as("compiled classes (run after compile)").isDirectory();
    try (Stream<Path> files = Files.walk(CLASSES)) {
      return files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
    }
  }

  /** "cli/Foo.class" -> "cli"; "Main.class" -> "". */
  private static String packageOf(Path relative) {
    return relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
  }

  private static String describe(Path file) {
    return "io.slotoolkit." + CLASSES.relativize(file).toString().replace('/', '.');
  }

  /**
   * Internal names of every class a class file refers to: its CONSTANT_Class entries, plus the
   * classes named in type descriptors and signatures (field types, method parameters, generics),
   * which a class may use without a CONSTANT_Class entry.
   */
  static Set<String> referencedClasses(Path classFile) throws IOException {
    try (InputStream in = Files.newInputStream(classFile);
        DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in))) {
      if (data.readInt() != 0xCAFEBABE) throw new IOException("not a class file: " + classFile);
      data.readUnsignedShort(); // minor
      data.readUnsignedShort(); // major
      int count = data.readUnsignedShort();
      String[] utf8 = new String[count];
      List<Integer> classIndexes = new ArrayList<>();
      for (int i = 1; i < count; i++) {
        int tag = data.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = data.readUTF();
          case 7 -> classIndexes.add(data.readUnsignedShort());
          case 8, 16, 19, 20 -> data.readUnsignedShort();
          case 3, 4, 9, 10, 11, 12, 17, 18 -> data.readInt();
          case 5, 6 -> {
            data.readLong();
            i++; // eight-byte constants take two slots
          }
          case 15 -> {
            data.readUnsignedByte();
            data.readUnsignedShort();
          }
          default -> throw new IOException("unknown constant tag " + tag + " in " + classFile);
        }
      }
      Set<String> names = new TreeSet<>();
      for (int index : classIndexes) {
        String name = utf8[index];
        // Array classes appear as descriptors: "[Lfoo/Bar;".
        if (name.startsWith("[")) addDescriptorClasses(name, names);
        else names.add(name);
      }
      for (String s : utf8) if (s != null) addDescriptorClasses(s, names);
      return names;
    }
  }

  private static void addDescriptorClasses(String descriptor, Set<String> into) {
    Matcher m = DESCRIPTOR_CLASS.matcher(descriptor);
    while (m.find()) into.add(m.group(1));
  }
}
