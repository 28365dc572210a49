package io.slotoolkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@code -Dslo.timings} log: one line per statement when asked for, nothing otherwise. */
class StatementTimingsTest {
  private static String stderrOf(Runnable r) {
    PrintStream before = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(before);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void a_line_names_the_wall_time_uptime_cpu_and_the_statement_on_one_line() {
    String line = stderrOf(() -> Database.timing(System.nanoTime(), "SELECT  1\n  FROM t"));
    assertThat(line)
        .matches(
            "slo\\.timings +\\d+\\.\\d ms  \\(uptime +\\d+ ms, process CPU +-?\\d+ ms, heap +\\d+ MiB\\)  SELECT 1"
                + " FROM t\\R");
  }

  @Test
  void long_statements_are_cut_to_their_start() {
    String line = stderrOf(() -> Database.timing(System.nanoTime(), "SELECT " + "x, ".repeat(100)));
    assertThat(line.strip()).endsWith(" ...");
    assertThat(line.substring(line.indexOf("SELECT"))).hasSizeLessThan(160);
  }

  @Test
  void statements_log_nothing_unless_asked() {
    assertThat(System.getProperty("slo.timings")).isNull();
    String err =
        stderrOf(
            () -> {
              try (Database db = Database.open(new EngineOptions("1GB", 1))) {
                db.execute("CREATE TABLE t AS SELECT 1 AS x");
                int x = db.one("SELECT x FROM t", r -> r.getInt(1));
                assertThat(x).isEqualTo(1);
              }
            });
    assertThat(err).isEmpty();
  }
}
