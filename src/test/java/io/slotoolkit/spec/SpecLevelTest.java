package io.slotoolkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SpecLevelTest {

  @Test
  void valid_fixtures_use_every_allowed_key_so_each_one_is_tested() throws IOException {
    // A key added to SpecLevel but not to a valid fixture would be accepted without a test.
    Set<String> used = new HashSet<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("src/test/resources/specs/valid"))) {
      files = walk.filter(p -> p.toString().matches(".*\\.ya?ml")).toList();
    }
    for (Path f : files) collectKeys(YamlTreeReader.read(f, Files.readString(f)).root(), used);

    List<String> unused = new ArrayList<>();
    for (SpecLevel level : SpecLevel.values()) {
      for (String key : level.keys()) if (!used.contains(key)) unused.add(level + "." + key);
    }
    assertThat(unused).isEmpty();
  }

  @Test
  void keys_are_unique_within_a_level() {
    for (SpecLevel level : SpecLevel.values()) {
      assertThat(level.keys()).as(level.name()).doesNotHaveDuplicates();
    }
  }

  private static void collectKeys(YamlNode node, Set<String> keys) {
    if (node instanceof YamlNode.Mapping m) {
      for (YamlNode.Entry e : m.entries()) {
        keys.add(e.key());
        collectKeys(e.value(), keys);
      }
    } else if (node instanceof YamlNode.Sequence s) {
      s.items().forEach(i -> collectKeys(i, keys));
    }
  }
}
