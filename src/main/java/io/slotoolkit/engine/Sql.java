package io.slotoolkit.engine;

import java.util.Collection;
import java.util.stream.Collectors;

/** The one place identifiers and literals are quoted for DuckDB SQL. */
public final class Sql {
  private Sql() {}

  /** A double-quoted identifier: {@code my "col"} becomes {@code "my ""col"""}. */
  public static String ident(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A single-quoted string literal: {@code it's} becomes {@code 'it''s'}. */
  public static String literal(String text) {
    if (text.indexOf('\0') >= 0) throw new IllegalArgumentException("NUL character in SQL literal");
    return '\'' + text.replace("'", "''") + '\'';
  }

  /** A list literal of strings: {@code ['a', 'b']}. */
  public static String literalList(Collection<String> items) {
    return items.stream().map(Sql::literal).collect(Collectors.joining(", ", "[", "]"));
  }
}
