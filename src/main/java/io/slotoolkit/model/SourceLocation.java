package io.slotoolkit.model;

import java.nio.file.Path;

/**
 * A place in a file a user wrote: spec line and column (1-based), or a data file's line.
 *
 * @param file the file, as the user named it (relative paths stay relative for readable messages)
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record SourceLocation(Path file, int line, int column) {
  public static SourceLocation of(Path file) {
    return new SourceLocation(file, 0, 0);
  }

  /** The same file and line, {@code offset} characters to the right (for a spot inside a value). */
  public SourceLocation shifted(int offset) {
    return new SourceLocation(file, line, column == 0 ? 0 : column + offset);
  }

  @Override
  public String toString() {
    if (line <= 0) return String.valueOf(file);
    return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
  }
}
