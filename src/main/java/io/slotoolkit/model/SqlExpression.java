package io.slotoolkit.model;

/**
 * A DuckDB SQL boolean expression as the user wrote it, with where it was written. Only the engine
 * splices it into SQL, after checking it.
 *
 * @param text the expression text
 * @param location where the text starts in the spec file (for error messages)
 */
public record SqlExpression(String text, SourceLocation location) {
  public SqlExpression {
    if (text == null || text.isBlank()) throw new IllegalArgumentException("empty expression");
  }

  @Override
  public String toString() {
    return text;
  }
}
