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
 * @param notes what reading the files changed or left out, for every output to show (skipped empty
 *     files, for example); empty when nothing
 */
public record BoundSource(
    DataSource source,
    String view,
    List<String> files,
    DataFormat format,
    Map<String, String> columns,
    TimeColumn time,
    String rejectsTable,
    String rejectScansTable,
    List<String> notes,
    Map<String, String> lineOrigins,
    String rawRows,
    java.util.Set<String> columnsWithoutNulls) {
  public BoundSource {
    columnsWithoutNulls =
        columnsWithoutNulls == null
            ? java.util.Set.of()
            : java.util.Set.copyOf(columnsWithoutNulls);
    lineOrigins = lineOrigins == null ? Map.of() : Map.copyOf(lineOrigins);
    files = List.copyOf(files);
    columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /** A bound source without notes. */
  public BoundSource(
      DataSource source,
      String view,
      List<String> files,
      DataFormat format,
      Map<String, String> columns,
      TimeColumn time,
      String rejectsTable,
      String rejectScansTable) {
    this(
        source,
        view,
        files,
        format,
        columns,
        time,
        rejectsTable,
        rejectScansTable,
        List.of(),
        Map.of(),
        null,
        null);
  }

  /** The same source with other notes. */
  public BoundSource withNotes(List<String> newNotes) {
    return new BoundSource(
        source,
        view,
        files,
        format,
        columns,
        time,
        rejectsTable,
        rejectScansTable,
        newNotes,
        lineOrigins,
        rawRows,
        columnsWithoutNulls);
  }

  /**
   * The same source read through another view (a view over this one), with its columns; what it
   * knew of columns without NULL is not carried over (a scan asks of the files it reads).
   */
  public BoundSource withView(String newView, Map<String, String> newColumns) {
    return new BoundSource(
        source,
        newView,
        files,
        format,
        newColumns,
        time,
        rejectsTable,
        rejectScansTable,
        notes,
        lineOrigins,
        rawRows,
        null);
  }

  /**
   * The same source, knowing that the columns {@code names} (lower case) hold no NULL in any row of
   * its files, as a Parquet source's footers tell ({@link ParquetSource}).
   */
  public BoundSource withColumnsWithoutNulls(java.util.Set<String> names) {
    return new BoundSource(
        source,
        view,
        files,
        format,
        columns,
        time,
        rejectsTable,
        rejectScansTable,
        notes,
        lineOrigins,
        rawRows,
        names);
  }

  /** A short name for messages: {@code source 'api' (slo-specs/api.yaml:4:3)}. */
  public String label() {
    return "source '" + source.name() + "' (" + source.location() + ")";
  }

  /** Every file the view reads: the source's files and the binder's own {@link #lineOrigins}. */
  public List<String> readFiles() {
    List<String> all = new java.util.ArrayList<>(files);
    all.addAll(new java.util.TreeSet<>(lineOrigins.keySet()));
    return all;
  }

  /** "{@code role} refers to column 'x', which this source does not have", with its columns. */
  public io.slotoolkit.model.Problem missingColumn(
      io.slotoolkit.model.SourceLocation at, String role, String column) {
    return new io.slotoolkit.model.Problem(
        at,
        role + " refers to column '" + column + "', which " + label() + " does not have",
        "columns: " + columnList());
  }

  public String columnList() {
    return String.join(", ", columns.keySet());
  }

  /**
   * What {@code slo explain} shows of a scan of this source: its files, columns and event time as
   * bound, with the statements an engine runs and the query that fetches the counts.
   */
  public io.slotoolkit.model.ScanPlan plan(List<String> statements, String fetch) {
    return new io.slotoolkit.model.ScanPlan(
        files, format, columns, time.describe(), time.epochMicros(), statements, fetch);
  }
}
