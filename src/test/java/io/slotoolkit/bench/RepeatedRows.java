package io.slotoolkit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Writes a Parquet file holding every row of another {@code times} times over, each row's copies
 * side by side, so the file stays in the input's time order: the scaling benchmark's 50M and 100M
 * row files from the 10M one ({@code docs/bench-scale.sh}). Every window then holds {@code times}
 * times the events over the same 30 days, which is what a busier service would write; building 100M
 * distinct rows with {@link BenchDataGenerator} would need tens of GiB of memory. Usage: {@code
 * RepeatedRows IN.parquet OUT.parquet TIMES}.
 */
public final class RepeatedRows {
  private RepeatedRows() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: RepeatedRows IN.parquet OUT.parquet TIMES");
      System.exit(2);
    }
    Path in = Path.of(args[0]).toAbsolutePath();
    Path out = Path.of(args[1]).toAbsolutePath();
    int times = Integer.parseInt(args[2]);
    Files.createDirectories(out.getParent());
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      s.execute("SET preserve_insertion_order = true");
      s.execute("SET memory_limit = '2GB'");
      s.execute("SET temp_directory = " + literal(out.getParent().resolve(".tmp").toString()));
      s.execute(
          "COPY (SELECT api.* FROM read_parquet("
              + literal(in.toString())
              + ") api, range("
              + times
              + ") r) TO "
              + literal(out.toString())
              + " (FORMAT parquet, COMPRESSION zstd)");
    }
    System.err.printf(
        "wrote %s (%,d bytes) in %.1f s%n", out, Files.size(out), (System.nanoTime() - t0) / 1e9);
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
