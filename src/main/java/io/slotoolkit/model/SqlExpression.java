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

  /**
   * A column name quoted as an identifier of an expression: {@code my "col"} becomes {@code "my
   * ""col"""}.
   */
  public static String quoteIdent(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A string literal of an expression: {@code it's} becomes {@code 'it''s'}. */
  public static String quoteLiteral(String text) {
    if (text.indexOf('\0') >= 0) throw new IllegalArgumentException("NUL character in SQL literal");
    return '\'' + text.replace("'", "''") + '\'';
  }

  @Override
  public String toString() {
    return text;
  }
}
