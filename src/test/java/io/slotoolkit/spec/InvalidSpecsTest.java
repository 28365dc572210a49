package io.slotoolkit.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SloException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code specs/invalid/NAME.yaml} fails with exactly the lines in {@code NAME.expected}: the
 * rendered problems, with the folder prefix dropped for readability. Run with {@code
 * -Dspecs.update=true} to rewrite the expected files after a deliberate wording change, then review
 * the diff.
 */
class InvalidSpecsTest {
  private static final Path DIR = Path.of("src/test/resources/specs/invalid");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      List<String> names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yaml"))
              .map(n -> n.substring(0, n.length() - ".yaml".length()))
              .sorted()
              .toList();
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void invalid_spec_reports_exactly_the_expected_problems(String name) throws IOException {
    Path spec = DIR.resolve(name + ".yaml");
    Path expectedFile = DIR.resolve(name + ".expected");

    List<Problem> problems = new SpecLoader().read(List.of(spec)).problems();
    String actual =
        problems.stream()
            .map(Problem::render)
            .map(line -> line.replace(DIR + "/", ""))
            .collect(Collectors.joining("\n", "", "\n"));

    if (Boolean.getBoolean("specs.update")) {
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
    }
    assertThat(problems).isNotEmpty();
    assertThat(actual).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
    assertThatThrownBy(() -> new SpecLoader().load(List.of(spec)))
        .isInstanceOfSatisfying(
            SloException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
  }

  @org.junit.jupiter.api.Test
  void there_are_at_least_twenty_cases_and_each_has_its_expected_file() throws IOException {
    List<String> names = cases().toList();

    assertThat(names).hasSizeGreaterThanOrEqualTo(20);
    assertThat(names).allSatisfy(n -> assertThat(DIR.resolve(n + ".expected")).exists());
  }
}
