package io.slotoolkit.engine;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicLong;

/**
 * New folders and files, for this user only, under names no other process or run takes: the process
 * id, the clock when this class loaded, and a counter. Each is created by one call that fails when
 * the name exists (mkdir, or open with O_EXCL), so a name taken meanwhile, or planted, is passed
 * over for the next one, never followed or reused. {@link Files#createTempDirectory} and {@link
 * Files#createTempFile} do the same with random names, whose generator starts the JVM's security
 * providers and secure random source: 6-8 ms of a start on the main thread, even with the
 * class-data archive (docs/benchmarks.md).
 */
public final class NewPaths {
  private static final String UNIQUE =
      ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime()) + "-";
  private static final AtomicLong NEXT = new AtomicLong();
  private static final int TRIES = 100;

  private NewPaths() {}

  /** A new folder in {@code in}, named {@code prefix...}, that only this user can open. */
  public static Path folder(Path in, String prefix) throws IOException {
    for (int i = 0; ; i++) {
      try {
        return Files.createDirectory(in.resolve(name(prefix, "")), ownerOnly("rwx------"));
      } catch (FileAlreadyExistsException e) {
        if (i == TRIES) throw e;
      }
    }
  }

  /**
   * A new empty file in {@code in}, named {@code prefix...suffix}, that only this user can read.
   */
  public static Path file(Path in, String prefix, String suffix) throws IOException {
    for (int i = 0; ; i++) {
      try {
        return Files.createFile(in.resolve(name(prefix, suffix)), ownerOnly("rw-------"));
      } catch (FileAlreadyExistsException e) {
        if (i == TRIES) throw e;
      }
    }
  }

  /** These POSIX permissions, as {@link Files#createTempFile} gives; none elsewhere. */
  private static FileAttribute<?>[] ownerOnly(String permissions) {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
        }
        : new FileAttribute<?>[0];
  }

  private static String name(String prefix, String suffix) {
    return prefix + UNIQUE + NEXT.getAndIncrement() + suffix;
  }
}
