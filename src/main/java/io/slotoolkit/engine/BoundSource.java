package io.slotoolkit.engine;

import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataSource;
import java.util.List;
import java.util.Map;

/**
 * A source registered in DuckDB as a view over its files.
 *
 * @param source the source as declared
 * @param view the view's (quoted-safe) name
 * @param files the absolute files the source's patterns matched, sorted
 * @param format the files' format
 * @param columns column name to DuckDB type, in file order
 * @param time how the event time becomes epoch microseconds, and how to prune by it
 * @param rejectsTable the CSV rejects table, or null for Parquet
 * @param rejectScansTable the CSV reject scans table, or null for Parquet
 */
public record BoundSource(
    DataSource source,
    String view,
    List<String> files,
    DataFormat format,
    Map<String, String> columns,
    TimeColumn time,
    String rejectsTable,
    String rejectScansTable) {
  public BoundSource {
    files = List.copyOf(files);
    columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
  }

  /** A short name for messages: {@code source 'api' (slo-specs/api.yaml:4:3)}. */
  public String label() {
    return "source '" + source.name() + "' (" + source.location() + ")";
  }

  public String columnList() {
    return String.join(", ", columns.keySet());
  }
}
