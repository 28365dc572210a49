package io.slotoolkit.engine;

import io.slotoolkit.model.SqlExpression;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Identifiers and literals quoted for DuckDB SQL, the way spec expressions quote them ({@link
 * SqlExpression#quoteIdent}, {@link SqlExpression#quoteLiteral}: the one place they are written).
 */
public final class Sql {
  private Sql() {}

  /** A double-quoted identifier: {@code my "col"} becomes {@code "my ""col"""}. */
  public static String ident(String name) {
    return SqlExpression.quoteIdent(name);
  }

  /** A single-quoted string literal: {@code it's} becomes {@code 'it''s'}. */
  public static String literal(String text) {
    return SqlExpression.quoteLiteral(text);
  }

  /** A list literal of strings: {@code ['a', 'b']}. */
  public static String literalList(Collection<String> items) {
    return items.stream().map(Sql::literal).collect(Collectors.joining(", ", "[", "]"));
  }
}
