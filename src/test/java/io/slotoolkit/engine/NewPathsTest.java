package io.slotoolkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New folders and files for the engine's spills and the cache's writes: distinct, owner only. */
class NewPathsTest {
  @TempDir Path dir;

  @Test
  void folders_and_files_are_new_each_time_and_only_the_owners() throws Exception {
    Set<Path> made = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      Path folder = NewPaths.folder(dir, "slo-duckdb-");
      Path file = NewPaths.file(dir, ".slo-cache-", ".tmp");
      assertThat(folder.getFileName().toString()).startsWith("slo-duckdb-");
      assertThat(file.getFileName().toString()).startsWith(".slo-cache-").endsWith(".tmp");
      assertThat(folder).isDirectory().hasParent(dir);
      assertThat(file).isRegularFile().isEmptyFile();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
          .isEqualTo("rwx------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      made.add(folder);
      made.add(file);
    }
    assertThat(made).hasSize(10);
  }

  @Test
  void a_folder_that_cannot_be_made_is_an_error_not_a_loop() {
    Path missing = dir.resolve("no-such-folder");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> NewPaths.folder(missing, "x-"))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
  }
}
