package io.slotoolkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claim the bind memo rests on ({@link CsvSource}): when every file sniffs alone to the same
 * column names, order and types, DuckDB's sniff over all of them with {@code union_by_name = true}
 * gives exactly those; when one file sniffs a column to another type, the union widens it, which is
 * why the memo's answer is then not used.
 */
class BindMemoTest {
  @TempDir Path dir;

  /** The sniff options of a CSV source without a csv: block, as CsvSource builds them. */
  private static final String UNION =
      ", auto_detect = true, union_by_name = true, header = true, ignore_errors = true,"
          + " hive_partitioning = false";

  private static final String ONE =
      ", auto_detect = true, header = true, ignore_errors = true, hive_partitioning = false";

  private Path file(String name, String header, List<String> lines) throws Exception {
    Path f = dir.resolve(name);
    List<String> all = new ArrayList<>(List.of(header));
    all.addAll(lines);
    Files.write(f, all, StandardCharsets.UTF_8);
    return f;
  }

  /** {@code name TYPE, ...} of a DESCRIBE. */
  private static String describe(Statement s, String reader) throws Exception {
    List<String> columns = new ArrayList<>();
    try (ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + reader)) {
      while (r.next()) columns.add(r.getString(1) + " " + r.getString(2));
    }
    return String.join(", ", columns);
  }

  private static String list(List<Path> files) {
    return files.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", ", "[", "]"));
  }

  private List<String> rows(int day, String latency) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 50; i++)
      lines.add(
          "2026-03-%02dT%02d:%02d:00Z,c%d,/status,%d,%s"
              .formatted(day, i / 4, (i * 13) % 60, i % 3, i % 7 == 0 ? 503 : 200, latency + i));
    return lines;
  }

  @Test
  void the_union_sniff_of_files_of_one_schema_is_each_files_own_sniff() throws Exception {
    String header = "ts,customer,endpoint,status,latency_ms";
    List<Path> files =
        List.of(
            file("a.csv", header, rows(1, "1")),
            file("b.csv", header, rows(2, "2")),
            file("c.csv", header, rows(3, "3")));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      String union = describe(s, "read_csv(" + list(files) + UNION + ")");
      assertThat(union)
          .isEqualTo(
              "ts TIMESTAMP WITH TIME ZONE, customer VARCHAR, endpoint VARCHAR, status BIGINT,"
                  + " latency_ms BIGINT");
      for (Path f : files)
        assertThat(describe(s, "read_csv(" + list(List.of(f)) + ONE + ")")).isEqualTo(union);
    }
  }

  @Test
  void the_union_sniff_widens_a_column_one_file_sniffs_to_another_type() throws Exception {
    String header = "ts,customer,endpoint,status,latency_ms";
    Path ints = file("a.csv", header, rows(1, "1"));
    Path decimals = file("b.csv", header, rows(2, "0.5"));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      assertThat(describe(s, "read_csv(" + list(List.of(ints)) + ONE + ")"))
          .endsWith("latency_ms BIGINT");
      assertThat(describe(s, "read_csv(" + list(List.of(decimals)) + ONE + ")"))
          .endsWith("latency_ms DOUBLE");
      assertThat(describe(s, "read_csv(" + list(List.of(ints, decimals)) + UNION + ")"))
          .endsWith("latency_ms DOUBLE");
    }
  }

  @Test
  void the_union_sniff_reads_each_files_dialect_as_its_own_sniff_does() throws Exception {
    // DuckDB sniffs each file's dialect under union_by_name: a file with another delimiter or
    // with quoted values gives the same columns alone and in the union
    String header = "ts,customer,endpoint,status,latency_ms";
    Path commas = file("a.csv", header, rows(1, "1"));
    Path semicolons =
        file(
            "b.csv",
            header.replace(',', ';'),
            rows(2, "2").stream().map(l -> l.replace(',', ';')).toList());
    Path quoted =
        file(
            "c.csv",
            header,
            rows(3, "3").stream().map(l -> l.replace(",/status,", ",\"/status\",")).toList());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      String one = describe(s, "read_csv(" + list(List.of(commas)) + ONE + ")");
      assertThat(describe(s, "read_csv(" + list(List.of(semicolons)) + ONE + ")")).isEqualTo(one);
      assertThat(describe(s, "read_csv(" + list(List.of(quoted)) + ONE + ")")).isEqualTo(one);
      assertThat(describe(s, "read_csv(" + list(List.of(semicolons, commas, quoted)) + UNION + ")"))
          .isEqualTo(one);
    }
  }

  @Test
  void a_files_identity_is_hashed_once_per_run_and_reused() throws Exception {
    Path f = file("a.csv", "ts,status", List.of("2026-03-01T00:00:00Z,200"));
    BindMemo memo = new BindMemo(dir.resolve("cache"), "1.0", n -> {});
    Engine.FileIdentity first = memo.identity(f.toString(), "source 'api'");
    assertThat(first.size())
        .isEqualTo(35); // "ts,status\n" (10) + "2026-03-01T00:00:00Z,200\n" (25)
    Files.writeString(f, "2026-03-02T00:00:00Z,500\n", java.nio.file.StandardOpenOption.APPEND);
    // the binding and the totals of one run see one identity: the file is not hashed again
    assertThat(memo.identity(f.toString(), "source 'api'")).isSameAs(first);
    // the next run's memo hashes it anew
    Engine.FileIdentity next =
        new BindMemo(dir.resolve("cache"), "1.0", n -> {}).identity(f.toString(), "source 'api'");
    assertThat(next.size()).isEqualTo(60);
    assertThat(next.hash()).isNotEqualTo(first.hash());
  }

  @Test
  void one_buffer_hashes_files_of_every_size_as_fresh_buffers_do() throws Exception {
    // the identity hashes the first 64 KiB and the last 64 KiB (after the first): worked out here
    // with CRC32C over slices of the whole file, for a file shorter than 64 KiB (no tail), one
    // between 64 and 128 KiB (a short tail) and one over 128 KiB; hashed through one buffer in the
    // order long, short, middle, so that a stale byte of a longer file would show
    java.util.Random random = new java.util.Random(16);
    List<Path> files = new ArrayList<>();
    for (int size : new int[] {200_000, 1_000, 100_000}) {
      byte[] b = new byte[size];
      random.nextBytes(b);
      files.add(Files.write(dir.resolve("f" + size + ".bin"), b));
    }
    BindMemo memo = new BindMemo(dir.resolve("cache"), "1.0", n -> {});
    for (Path f : files) {
      byte[] all = Files.readAllBytes(f);
      int head = Math.min(all.length, 65_536);
      int tail = all.length > 65_536 ? Math.max(65_536, all.length - 65_536) : all.length;
      java.util.zip.CRC32C h = new java.util.zip.CRC32C();
      h.update(all, 0, head);
      java.util.zip.CRC32C t = new java.util.zip.CRC32C();
      t.update(all, tail, all.length - tail);
      String expected = String.format("%08x%08x", h.getValue(), t.getValue());
      assertThat(memo.identity(f.toString(), "source 'api'").hash())
          .as(f.toString())
          .isEqualTo(expected);
      assertThat(FileTotals.identity(f.toString(), "source 'api'", new byte[65_536]).hash())
          .isEqualTo(expected);
    }
    // no tail: the CRC32C of nothing
    assertThat(memo.identity(files.get(1).toString(), "source 'api'").hash()).endsWith("00000000");
  }

  @Test
  void a_group_total_keeps_its_own_values_and_allows_a_null_value() {
    List<String> one = new ArrayList<>(java.util.Arrays.asList((String) null));
    Engine.GroupTotal a = new Engine.GroupTotal(one, 1, 2, 0);
    one.set(0, "c1");
    assertThat(a.values()).containsExactly((String) null);
    List<String> two = new ArrayList<>(List.of("c1", "/login"));
    Engine.GroupTotal b = new Engine.GroupTotal(two, 3, 4, 1);
    two.clear();
    assertThat(b.values()).containsExactly("c1", "/login");
    assertThat(new Engine.GroupTotal(null, 0, 0, 0).values()).isNull();
    // the same group whatever list it came in: the cache adds a file's totals by their values
    assertThat(b).isEqualTo(new Engine.GroupTotal(List.of("c1", "/login"), 3, 4, 1));
    assertThat(new Engine.GroupTotal(List.of("c1"), 1, 1, 0).values().hashCode())
        .isEqualTo(List.of("c1").hashCode());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.values().set(0, "x"))
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.values().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void a_first_files_dialect_is_kept_by_its_identity_and_read_back() throws Exception {
    Path f = file("a.csv", "ts,status", List.of("2026-03-01T00:00:00Z,200"));
    io.slotoolkit.model.DataSource src =
        new io.slotoolkit.model.DataSource(
            "api",
            dir.resolve("spec.yaml"),
            List.of(f.toString()),
            io.slotoolkit.model.DataFormat.AUTO,
            new io.slotoolkit.model.EventTime(
                "ts", io.slotoolkit.model.EventTime.Encoding.AUTO, null, java.time.ZoneOffset.UTC),
            java.time.ZoneOffset.UTC,
            io.slotoolkit.model.CsvDialect.SNIFF,
            null,
            0,
            new io.slotoolkit.model.SourceLocation(dir.resolve("spec.yaml"), 3, 3),
            List.of(),
            false,
            null,
            null,
            null);
    BindMemo.Dialect d =
        new BindMemo.Dialect(
            ", auto_detect = false, delim = ',', quote = '\"'", "\"", ",", true, 0);
    Path cache = dir.resolve("cache");
    BindMemo memo = new BindMemo(cache, "1.0", n -> {});
    BindMemo.SourceFiles files = memo.of(src, "fp");
    files.bound(List.of(f.toString()));
    assertThat(files.dialect(f.toString())).isNull();
    files.dialect(f.toString(), d);
    memo.save();
    // the next run reads it back for the same file, options and DuckDB version ("fp")
    StringBuilder notes = new StringBuilder();
    assertThat(new BindMemo(cache, "1.0", notes::append).of(src, "fp").dialect(f.toString()))
        .isEqualTo(d);
    assertThat(notes).isEmpty();
    // not for other sniff options, nor once the file changed
    assertThat(new BindMemo(cache, "1.0", n -> {}).of(src, "other").dialect(f.toString())).isNull();
    Files.writeString(f, "2026-03-02T00:00:00Z,500\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(new BindMemo(cache, "1.0", n -> {}).of(src, "fp").dialect(f.toString())).isNull();
  }
}
