package io.slotoolkit.engine;

import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a Parquet source: its files are read by name ({@code union_by_name}), after a check of
 * their footers that every file has the same columns with the same kind of value. With the bind
 * memo of {@code slo check --cache}, the footers of files seen unchanged are not read again, and
 * files whose footers list the very same columns are read without {@code union_by_name}, which
 * would read every footer to bind the view; a cached run over many daily files then opens only the
 * new files and those it scans.
 */
final class ParquetSource {
  private ParquetSource() {}

  static BoundSource bind(
      Database db,
      DataSource source,
      String view,
      List<String> files,
      Map<String, String> parts,
      BindMemo memo) {
    BindMemo.SourceFiles memoed = memoOf(db, memo, source, files);
    Schemas schemas =
        files.size() > 1 ? checkParquetSchemas(db, source, files, memoed) : Schemas.NONE;
    if (!parts.isEmpty()) {
      PartitionColumns.checkNoClash(
          source,
          parts,
          SourceBinder.describe(
                  db,
                  source,
                  "read_parquet(" + Sql.literal(files.get(0)) + ", hive_partitioning = false)",
                  files)
              .keySet(),
          0);
    }
    boolean byName = memoed == null || !schemas.identical() || !parts.isEmpty();
    String reader =
        "read_parquet("
            + Sql.literalList(files)
            + (byName ? UNION_BY_NAME : "")
            + PartitionColumns.readerOptions(parts)
            + ")";
    Map<String, String> columns = SourceBinder.describe(db, source, reader, files);
    TimeColumn time = SourceBinder.timeColumn(source, columns);
    db.createTempView(view, "SELECT * FROM " + reader);
    return new BoundSource(source, view, files, DataFormat.PARQUET, columns, time, null, null)
        .withNotes(schemas.notes());
  }

  /** The option that reads a source's files by column name. */
  static final String UNION_BY_NAME = ", union_by_name = true";

  /**
   * The memo of the source's files for this DuckDB version (which reads the footers); null without
   * a memo, or when a file cannot be identified (then it is bound as without the memo, and the
   * reader names the problem).
   */
  private static BindMemo.SourceFiles memoOf(
      Database db, BindMemo memo, DataSource source, List<String> files) {
    if (memo == null) return null;
    return memo.forFiles(source, files, "parquet footers\nduckdb:" + db.version());
  }

  /**
   * What the footers of a source's files say: notes on columns read as NULL where missing, and
   * whether every file has the very same columns (names, order and types).
   */
  record Schemas(List<String> notes, boolean identical) {
    static final Schemas NONE = new Schemas(List.of(), true);
  }

  /**
   * The columns (lower case) that hold no NULL in any row of {@code files}, as their footers say:
   * present in every file, with a null count of 0 written for every row group. A column whose
   * footers lack the count, or that a file does not have, or that is nested, is not among them, nor
   * is any column when the footers cannot be read here (the scan then counts NULLs as usual).
   */
  static java.util.Set<String> columnsWithoutNulls(
      Database db, List<String> files, java.util.Collection<String> viewColumns) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (String c : viewColumns) names.add(c.toLowerCase(java.util.Locale.ROOT));
    java.util.Set<String> out = new java.util.HashSet<>();
    try {
      db.query(
          "SELECT path_in_schema FROM parquet_metadata("
              + Sql.literalList(files)
              + ") GROUP BY path_in_schema HAVING count(DISTINCT file_name) = "
              + new java.util.HashSet<>(files).size()
              + " AND bool_and(coalesce(stats_null_count = 0, FALSE))",
          r -> {
            String name = r.getString(1).toLowerCase(java.util.Locale.ROOT);
            if (names.contains(name)) out.add(name);
            return null;
          });
    } catch (Database.QueryFailed e) {
      return java.util.Set.of();
    }
    return out;
  }

  /**
   * Files of one Parquet source must agree on their columns: a column missing from some files would
   * read as NULL there, and a column that is text in one file and a number in another would be read
   * as text everywhere. Either is a data error naming the files.
   */
  private static Schemas checkParquetSchemas(
      Database db, DataSource source, List<String> files, BindMemo.SourceFiles memoed) {
    Map<String, List<BindMemo.ParquetColumn>> footers = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (String f : files) {
      List<BindMemo.ParquetColumn> known = memoed == null ? null : memoed.parquet(f);
      footers.put(f, known == null ? new ArrayList<>() : known);
      if (known == null) unknown.add(f);
    }
    if (!unknown.isEmpty()) {
      try {
        db.query(
            "SELECT file_name, name, type, converted_type, logical_type::VARCHAR FROM"
                + " parquet_schema("
                + Sql.literalList(unknown)
                + ") WHERE type IS NOT NULL",
            r -> {
              List<BindMemo.ParquetColumn> cols = footers.get(r.getString(1));
              if (cols != null)
                cols.add(
                    new BindMemo.ParquetColumn(
                        r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
              return null;
            });
      } catch (Database.QueryFailed e) {
        // a file DuckDB cannot read is reported by describe(), with its name
        return new Schemas(List.of(), false);
      }
      if (memoed != null) for (String f : unknown) memoed.parquet(f, footers.get(f));
    }
    Map<String, Map<String, String>> byFile = new LinkedHashMap<>();
    for (var e : footers.entrySet()) {
      Map<String, String> cols = new LinkedHashMap<>();
      for (BindMemo.ParquetColumn c : e.getValue())
        cols.put(c.name(), parquetKind(c.type(), c.converted(), c.logical()));
      byFile.put(e.getKey(), cols);
    }
    boolean identical = new java.util.HashSet<>(footers.values()).size() == 1;
    List<String> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    byFile.values().forEach(c -> names.addAll(c.keySet()));
    for (String name : names) {
      List<String> lacking = new ArrayList<>();
      Map<String, String> kindFile = new LinkedHashMap<>();
      for (var e : byFile.entrySet()) {
        String kind = e.getValue().get(name);
        if (kind == null) lacking.add(e.getKey());
        else kindFile.putIfAbsent(kind, e.getKey());
      }
      if (!lacking.isEmpty() && source.missingColumnsNull()) {
        notes.add(SourceBinder.nullNote(name, lacking, parquetRows(db, lacking)));
      } else if (!lacking.isEmpty()) {
        problems.add(
            "column '"
                + name
                + "' is missing from "
                + SourceBinder.fileList(lacking)
                + " (present in "
                + DuckDbEngine.display(kindFile.values().iterator().next())
                + ")");
      }
      if (kindFile.size() > 1) {
        List<String> parts = new ArrayList<>();
        kindFile.forEach((k, f) -> parts.add(k + " in " + DuckDbEngine.display(f)));
        problems.add("column '" + name + "' is " + String.join(" but ", parts));
      }
    }
    if (!problems.isEmpty()) throw SourceBinder.filesDiffer(source, problems);
    return new Schemas(notes, identical);
  }

  /** Rows of Parquet files, from their footers. */
  private static long parquetRows(Database db, List<String> files) {
    return db.one(
        "SELECT coalesce(sum(num_rows), 0)::BIGINT FROM parquet_file_metadata("
            + Sql.literalList(files)
            + ")",
        r -> r.getLong(1));
  }

  /** A Parquet column's kind of value, from its physical and logical types. */
  private static String parquetKind(String physical, String converted, String logical) {
    String l = logical == null ? "" : logical;
    String c = converted == null ? "" : converted;
    if (l.startsWith("Timestamp") || c.startsWith("TIMESTAMP")) return "a timestamp";
    if (l.startsWith("Date") || c.equals("DATE")) return "a date";
    if (l.startsWith("String") || c.equals("UTF8") || c.equals("ENUM") || l.startsWith("Enum"))
      return "text";
    if (l.startsWith("Decimal") || c.equals("DECIMAL")) return "a number";
    return switch (physical) {
      case "INT32", "INT64", "INT96", "FLOAT", "DOUBLE" -> "a number";
      case "BOOLEAN" -> "a boolean";
      case "BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY" -> "binary";
      default -> physical;
    };
  }
}
