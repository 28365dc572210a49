package io.slotoolkit.engine;

import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.SloException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hive-style partition folders ({@code logs/dt=2026-02-01/part-0.parquet}): every {@code key=value}
 * folder in a file's path becomes a column of the source, as DuckDB itself would add it.
 *
 * <p>The keys are decided here rather than left to DuckDB's detection, so that every reader of a
 * source agrees on them: all files must have the same keys, and the keys are passed to the readers
 * explicitly ({@code hive_partitioning}, {@code hive_types}) and kept out of their column lists
 * (where they caused "expected 8 columns, found 7"). A key is typed DATE when every value is a
 * {@code yyyy-mm-dd} date, BIGINT when every value is a whole number written without leading zeros
 * ({@code build=42}, not {@code hour=07}), and VARCHAR otherwise.
 */
final class PartitionColumns {
  private PartitionColumns() {}

  private static final java.util.regex.Pattern DATE =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final java.util.regex.Pattern WHOLE =
      java.util.regex.Pattern.compile("-?(0|[1-9][0-9]{0,17})");

  /** The partition keys of these files, name to DuckDB type, in path order; empty for none. */
  static Map<String, String> of(DataSource source, List<String> files) {
    Map<String, List<String>> values = null;
    String firstFile = null;
    for (String f : files) {
      Map<String, List<String>> own = new LinkedHashMap<>();
      Path parent = Path.of(f).getParent();
      if (parent != null) {
        for (Path segment : parent) {
          String s = segment.toString();
          int eq = s.indexOf('=');
          if (eq <= 0) continue;
          own.computeIfAbsent(s.substring(0, eq), k -> new java.util.ArrayList<>())
              .add(s.substring(eq + 1));
        }
      }
      if (values == null) {
        values = own;
        firstFile = f;
      } else if (!values.keySet().equals(own.keySet())) {
        throw SloException.data(
            "source '"
                + source.name()
                + "': partition folders differ: "
                + DuckDbEngine.display(firstFile)
                + " has "
                + describe(values.keySet())
                + ", "
                + DuckDbEngine.display(f)
                + " has "
                + describe(own.keySet()),
            "give every file the same key=value folders, or split them into two sources");
      } else {
        for (var e : own.entrySet()) values.get(e.getKey()).addAll(e.getValue());
      }
    }
    Map<String, String> types = new LinkedHashMap<>();
    if (values == null) return types;
    for (var e : values.entrySet()) {
      List<String> v = e.getValue();
      String type =
          v.stream().allMatch(x -> DATE.matcher(x).matches() && validDate(x))
              ? "DATE"
              : v.stream().allMatch(x -> WHOLE.matcher(x).matches()) ? "BIGINT" : "VARCHAR";
      types.put(e.getKey(), type);
    }
    return types;
  }

  private static boolean validDate(String s) {
    try {
      java.time.LocalDate.parse(s);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  private static String describe(Collection<String> keys) {
    return keys.isEmpty() ? "no key=value folder" : "keys " + String.join(", ", keys);
  }

  /**
   * The read_csv / read_parquet options that add exactly these partition columns, with their types
   * (and none when empty, whatever the path looks like).
   */
  static String readerOptions(Map<String, String> partitions) {
    if (partitions.isEmpty()) return ", hive_partitioning = false";
    StringBuilder b = new StringBuilder(", hive_partitioning = true, hive_types = {");
    boolean first = true;
    for (var e : new TreeMap<>(partitions).entrySet()) {
      b.append(first ? "" : ", ")
          .append(Sql.literal(e.getKey()))
          .append(": ")
          .append(Sql.literal(e.getValue()));
      first = false;
    }
    return b.append('}').toString();
  }

  /**
   * Fails when a file column has a partition key's name: DuckDB would silently replace the file's
   * values with the folder's.
   *
   * @param fileColumns the columns read from the files, partition columns last
   * @param partitionCount how many of {@code fileColumns} are the partition columns at the end
   */
  static void checkNoClash(
      DataSource source,
      Map<String, String> partitions,
      Collection<String> fileColumns,
      int partitionCount) {
    List<String> own =
        fileColumns.stream().limit(Math.max(0, fileColumns.size() - partitionCount)).toList();
    for (String key : partitions.keySet()) {
      for (String c : own) {
        if (c.equalsIgnoreCase(key)) {
          throw SloException.data(
              "source '"
                  + source.name()
                  + "': column '"
                  + c
                  + "' is in the files and also a partition folder ("
                  + key
                  + "=...)",
              "rename the folders or the column: which of the two values counts would be a guess");
        }
      }
    }
  }
}
