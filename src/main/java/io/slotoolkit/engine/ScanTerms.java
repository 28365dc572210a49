package io.slotoolkit.engine;

import io.slotoolkit.model.ExcludedInterval;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The distinct boolean terms the count columns are made of, each computed once per row in a layer
 * below the flags: user expressions ({@code __e<i>}), window start tests ({@code __w<i>}) and
 * exclusion intervals ({@code __x<i>}). Many flags share a term (every SLO with {@code status <
 * 500}, every flag of one window); DuckDB would otherwise evaluate it once per flag (measured: a
 * quarter of the scan). The terms of a file read in part fold its window terms ({@link
 * PartScanCompiler.PartTerms}).
 */
class ScanTerms {
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, Integer> counts = new HashMap<>();
  private final Set<String> columnsWithoutNulls;

  ScanTerms() {
    this(Set.of());
  }

  /**
   * Terms over a source whose columns {@code columnsWithoutNulls} (lower case) hold no NULL: an SLO
   * whose expressions are NULL only through those ({@link NullShape}) skips no event, and its
   * skipped column is {@link #ZERO}.
   */
  ScanTerms(Set<String> columnsWithoutNulls) {
    this.columnsWithoutNulls = Set.copyOf(columnsWithoutNulls);
  }

  /** Whether {@code e} is never NULL on this source's rows. */
  boolean neverNull(ExpressionChecker.CheckedExpression e) {
    return e.neverNullOver(columnsWithoutNulls);
  }

  /** Whether the plain column {@code name} is never NULL on this source's rows. */
  boolean neverNull(String column) {
    return columnsWithoutNulls.contains(column.toLowerCase(java.util.Locale.ROOT));
  }

  /** Whether these are the terms of a file read in part. */
  boolean partRead() {
    return false;
  }

  /** The name of the expression term {@code sql}, registering it on first use. */
  String of(String sql) {
    return name("__e", sql);
  }

  /** The name of the numeric term {@code sql} (a counts SLI's value), registering it. */
  String value(String sql) {
    return name("__v", sql);
  }

  /** The term "the event is at or after {@code t}": the test of a window starting at {@code t}. */
  String since(Instant t) {
    return name("__w", "__t >= " + TimeColumn.micros(t));
  }

  /**
   * The window term of a file read in part for a window none of its rows read counts in: the
   * statement leaves that window's columns out (they are 0).
   */
  static final String NEVER = "FALSE";

  /**
   * The predicate of a count column that is 0 by construction (nothing excluded from a source
   * without {@code where}, nothing skipped where no expression can be NULL): the scan writes 0 for
   * it instead of summing a constant over every row.
   */
  static final String ZERO = "FALSE";

  /** The term "the event is in one of these intervals". */
  String in(List<ExcludedInterval> intervals) {
    return name("__x", ScanCompiler.inAny(intervals));
  }

  /** The name of the term {@code sql}, {@code prefix<n>}, registering it on first use. */
  final String name(String prefix, String sql) {
    String name = names.get(sql);
    if (name == null) {
      int n = counts.merge(prefix, 1, Integer::sum) - 1;
      name = prefix + n;
      names.put(sql, name);
    }
    return name;
  }

  /** The select list items defining every term, each preceded by a comma. */
  String definitions() {
    StringBuilder b = new StringBuilder();
    names.forEach((sql, name) -> b.append(", ").append(sql).append(" AS ").append(name));
    return b.toString();
  }
}
