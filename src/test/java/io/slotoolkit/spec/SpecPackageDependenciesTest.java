package io.slotoolkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SpecPackageDependenciesTest {

  @Test
  void spec_package_uses_only_the_model_jackson_and_the_jdk() throws IOException {
    List<String> imports;
    try (Stream<Path> files = Files.list(Path.of("src/main/java/io/slotoolkit/spec"))) {
      imports =
          files
              .flatMap(
                  f -> {
                    try {
                      return Files.readAllLines(f).stream();
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .filter(l -> l.startsWith("import "))
              .toList();
    }

    assertThat(imports).isNotEmpty();
    assertThat(imports)
        .allSatisfy(
            l ->
                assertThat(l)
                    .matches(
                        "import (static )?(java\\.(util|nio|io|math|time)\\."
                            + "|io\\.slotoolkit\\.model\\.|com\\.fasterxml\\.jackson\\."
                            + "|org\\.yaml\\.snakeyaml\\.).*"));
  }
}
