package io.slotoolkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a user installs it: unpacked into an empty folder and run through bin/slo
 * with no Maven and no checkout on PATH, also through a symlink on PATH; the CI script the GitHub
 * Action and the GitLab template run, run on a copy of the examples.
 */
class SloArchiveIT {
  private static final String BASE = System.getProperty("slo.archive", "target/slo-" + version());
  private static final Path TAR = Path.of(BASE + ".tar.gz").toAbsolutePath();
  private static final Path ZIP = Path.of(BASE + ".zip").toAbsolutePath();
  private static final Path JAVA_BIN =
      Path.of(System.getProperty("java.home"), "bin").toAbsolutePath();

  @TempDir static Path root;
  static Path home;

  record Run(int exit, String out, String err) {}

  private static String version() {
    return "0.1.0";
  }

  @BeforeAll
  static void unpack() throws Exception {
    Path into = Files.createDirectories(root.resolve("install"));
    Run r = run(into, Map.of("PATH", "/usr/bin:/bin"), "tar", "-xzf", TAR.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    try (Stream<Path> top = Files.list(into)) {
      home = top.findFirst().orElseThrow();
    }
    assertThat(home.getFileName().toString()).startsWith("slo-");
  }

  /** A PATH with Java and the basic tools only: no Maven, no checkout. */
  private static String path(Path... first) {
    StringBuilder b = new StringBuilder();
    for (Path p : first) b.append(p).append(':');
    return b.append(JAVA_BIN).append(":/usr/bin:/bin").toString();
  }

  static Run run(Path cwd, Map<String, String> env, String... cmd)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    pb.environment().clear();
    pb.environment().put("NO_COLOR", "1");
    pb.environment().put("HOME", root.toString());
    pb.environment().putAll(env);
    Path out = Files.createTempFile("slo-out", ".txt");
    Path err = Files.createTempFile("slo-err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    p.getOutputStream().close();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("finished: " + List.of(cmd)).isTrue();
    Run r =
        new Run(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  @Test
  void archive_holds_launcher_jar_native_libraries_completions_and_docs() throws IOException {
    assertThat(home.resolve("bin/slo")).isExecutable();
    assertThat(home.resolve("lib/slo.jar")).isRegularFile();
    assertThat(home.resolve("lib/libduckdb_java.so_linux_amd64")).isRegularFile();
    try (Stream<Path> libs = Files.list(home.resolve("lib"))) {
      assertThat(libs.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("libduckdb_java.so_macos"));
    }
    assertThat(home.resolve("completions/slo.bash")).isRegularFile();
    assertThat(home.resolve("completions/slo.zsh")).isRegularFile();
    assertThat(home.resolve("docs/install.md")).isRegularFile();
    assertThat(home.resolve("docs/slo-spec.schema.json")).isRegularFile();
    assertThat(home.resolve("ci/slo-ci.sh")).isExecutable();
    assertThat(home.resolve("README.md")).isRegularFile();
  }

  @Test
  void zip_holds_the_same_files_as_the_tar() throws Exception {
    TreeSet<String> inZip = new TreeSet<>();
    try (ZipFile z = new ZipFile(ZIP.toFile())) {
      z.stream().filter(e -> !e.isDirectory()).forEach(e -> inZip.add(e.getName()));
    }
    TreeSet<String> unpacked = new TreeSet<>();
    Path base = home.getParent();
    try (Stream<Path> files = Files.walk(home)) {
      files
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("slo.jsa"))
          .forEach(p -> unpacked.add(base.relativize(p).toString()));
    }
    assertThat(inZip).isEqualTo(unpacked);
  }

  @Test
  void version_runs_from_the_unpacked_archive() throws Exception {
    Run r = run(root, Map.of("PATH", path()), home.resolve("bin/slo").toString(), "--version");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("slo 0.1.0").contains("DuckDB (duckdb_jdbc)");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void check_runs_on_a_copy_of_the_examples_also_through_a_symlink_on_path() throws Exception {
    Path work = copyExamples("work");
    Path onPath = Files.createDirectories(root.resolve("path-bin"));
    Files.deleteIfExists(onPath.resolve("slo"));
    Files.createSymbolicLink(onPath.resolve("slo"), home.resolve("bin/slo"));
    Map<String, String> env = Map.of("PATH", path(onPath));

    // the shell finds slo on PATH, as in a terminal (ProcessBuilder would look up the test's PATH)
    Run check =
        run(work, env, "/bin/sh", "-c", "slo check --format json --at 2026-02-28T00:00:00Z");
    // the bundled examples have planted incidents: a gate fails
    assertThat(check.exit()).as(check.err()).isEqualTo(1);
    assertThat(check.out())
        .contains("\"status\": \"BREACHED\"")
        .contains("\"slo\": \"api-availability\"");
    // the first evaluating run left a class-data archive beside the jar; later runs use it
    assertThat(home.resolve("lib/slo.jsa")).isRegularFile();
    Run again = run(work, env, "/bin/sh", "-c", "slo validate");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.err()).isEmpty();
  }

  @Test
  void missing_java_is_a_clear_message() throws Exception {
    // a PATH with the tools the launcher uses, and no java
    Path tools = Files.createDirectories(root.resolve("tools-without-java"));
    for (String tool : List.of("sh", "sed", "ls", "dirname", "cut", "cat", "mv")) {
      Path real = Path.of("/usr/bin", tool);
      if (!Files.exists(real)) real = Path.of("/bin", tool);
      if (!Files.exists(tools.resolve(tool))) Files.createSymbolicLink(tools.resolve(tool), real);
    }
    Run r =
        run(
            root,
            Map.of("PATH", tools.toString()),
            "/bin/sh",
            home.resolve("bin/slo").toString(),
            "--version");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("slo: Java 17 or newer is needed");
  }

  @Test
  void java_older_than_17_is_named() throws Exception {
    // a JAVA_HOME whose release file says 11
    Path old = Files.createDirectories(root.resolve("jdk-11/bin"));
    Path java = old.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho should not run >&2\nexit 9\n");
    java.toFile().setExecutable(true);
    Files.writeString(root.resolve("jdk-11/release"), "JAVA_VERSION=\"11.0.22\"\n");
    Run r =
        run(
            root,
            Map.of("PATH", path(), "JAVA_HOME", root.resolve("jdk-11").toString()),
            home.resolve("bin/slo").toString(),
            "--version");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "slo: Java 17 or newer is needed, found 11.0.22 at "
                + java
                + "; set JAVA_HOME to a newer one\n");
  }

  @Test
  void java_home_without_java_is_named() throws Exception {
    Run r =
        run(
            root,
            Map.of("PATH", path(), "JAVA_HOME", root.resolve("no-jdk").toString()),
            home.resolve("bin/slo").toString(),
            "--version");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("slo: JAVA_HOME is " + root.resolve("no-jdk"));
  }

  @Test
  void ci_script_of_the_action_and_the_gitlab_template_writes_the_reports() throws Exception {
    Path work = copyExamples("ci");
    Path summary = root.resolve("summary.md");
    Files.deleteIfExists(summary);
    Run r =
        run(
            work,
            Map.of(
                "PATH", path(home.resolve("bin")),
                "GITHUB_ACTIONS", "true",
                "GITHUB_STEP_SUMMARY", summary.toString(),
                "SLO_REPORTS", "slo-reports",
                "SLO_ARGS", "--at 2026-02-28T00:00:00Z"),
            "sh",
            home.resolve("ci/slo-ci.sh").toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("::error");
    assertThat(work.resolve("slo-reports/slo-junit.xml")).content().contains("<testsuites");
    assertThat(work.resolve("slo-reports/slo-report.md"))
        .content()
        .startsWith("## SLO check: ❌ failed");
    assertThat(summary).content().startsWith("## SLO check: ❌ failed");
    // the action and the template run this very script from the installed archive
    assertThat(Path.of("src/dist/github/action.yml"))
        .content()
        .contains("sh \"$RUNNER_TEMP/slo/ci/slo-ci.sh\"");
    assertThat(Path.of("src/dist/ci/gitlab/slo.gitlab-ci.yml"))
        .content()
        .contains("sh /opt/slo/ci/slo-ci.sh");
  }

  /** slo-specs/ and examples/ copied side by side, as the specs' relative paths expect. */
  private static Path copyExamples(String name) throws IOException {
    Path work = Files.createDirectories(root.resolve(name));
    for (String dir : List.of("slo-specs", "examples")) copy(Path.of(dir), work.resolve(dir));
    return work;
  }

  private static void copy(Path from, Path to) throws IOException {
    List<Path> all = new ArrayList<>();
    try (Stream<Path> s = Files.walk(from)) {
      s.sorted(Comparator.naturalOrder()).forEach(all::add);
    }
    for (Path p : all) {
      Path target = to.resolve(from.relativize(p).toString());
      if (Files.isDirectory(p)) Files.createDirectories(target);
      else Files.copy(p, target);
    }
  }
}
