package io.slotoolkit.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of an SLO's {@code per} columns for one result. A value is null where the column was
 * null.
 *
 * @param columns the {@code per} columns, in spec order
 * @param values their values as text, same order
 */
public record Group(List<String> columns, List<String> values) {
  public Group {
    columns = List.copyOf(columns);
    values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    if (columns.size() != values.size())
      throw new IllegalArgumentException("columns and values differ in length");
  }

  /** Column to value, in column order. */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) m.put(columns.get(i), values.get(i));
    return m;
  }

  /** {@code customer_id=c047 region=eu}. */
  public String label() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) b.append(' ');
      b.append(columns.get(i)).append('=').append(values.get(i) == null ? "(null)" : values.get(i));
    }
    return b.toString();
  }
}
