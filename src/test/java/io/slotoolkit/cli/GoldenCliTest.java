package io.slotoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden CLI cases: each folder under {@code src/test/resources/golden/} holds {@code args} (one
 * argument per line), {@code expected.out}, {@code expected.err} and {@code expected.exit}. The
 * command runs in-process with a fixed clock and no colour; absolute paths of this checkout print
 * as {@code $ROOT}. Run with {@code -Dgolden.update=true} to rewrite the expected files after a
 * deliberate change, then review the diff.
 */
class GoldenCliTest {
  static final Path CASES = Path.of("src/test/resources/golden");
  static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicTest> golden_cases() throws IOException {
    try (Stream<Path> dirs = Files.list(CASES)) {
      List<Path> cases = dirs.filter(Files::isDirectory).sorted().toList();
      return cases.stream()
          .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx =
        new CliContext(
            Map.of("TERM", "dumb"),
            Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC),
            Path.of("").toAbsolutePath(),
            false);
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      // as the process runs it: commands that open the engine get it started before parsing
      code = Launch.run(ctx, o, e, args);
    }
    String root = Path.of("").toAbsolutePath().toString();
    return new Result(
        code, out.toString().replace(root, "$ROOT"), err.toString().replace(root, "$ROOT"));
  }

  record Result(int exit, String out, String err) {}

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  private static void check(Path dir) throws IOException {
    List<String> args =
        Files.readAllLines(dir.resolve("args"), StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank())
            .toList();
    // a case with --cache target/DIR runs on an empty cache, then again on the cache that run
    // left: both runs must print the expected output
    int cache = args.indexOf("--cache");
    if (cache >= 0 && !args.get(cache + 1).startsWith("target/")) cache = -1;
    if (cache >= 0) deleteTree(Path.of(args.get(cache + 1)));
    Result r = run(args.toArray(new String[0]));
    if (cache >= 0 && !UPDATE) {
      expect(dir, r);
      r = run(args.toArray(new String[0]));
    }
    if (UPDATE) {
      Files.writeString(dir.resolve("expected.out"), r.out());
      Files.writeString(dir.resolve("expected.err"), r.err());
      Files.writeString(dir.resolve("expected.exit"), r.exit() + "\n");
      return;
    }
    expect(dir, r);
  }

  private static void expect(Path dir, Result r) throws IOException {
    assertThat(r.err()).as(dir + " stderr").isEqualTo(read(dir.resolve("expected.err")));
    assertThat(r.out()).as(dir + " stdout").isEqualTo(read(dir.resolve("expected.out")));
    assertThat(r.exit())
        .as(dir + " exit code")
        .isEqualTo(Integer.parseInt(read(dir.resolve("expected.exit")).strip()));
    assertThat(r.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(r.exit()).as("never an internal error").isNotEqualTo(70);
  }

  private static String read(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p) : "";
  }
}
