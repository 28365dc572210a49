package io.slotoolkit.run;

import static io.slotoolkit.engine.Fixtures.days;
import static io.slotoolkit.engine.Fixtures.ratio;
import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.engine.DuckDbEngine;
import io.slotoolkit.engine.EngineOptions;
import io.slotoolkit.engine.Fixtures;
import io.slotoolkit.engine.ScanCompiler;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.FailOn;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events skipped because an expression is NULL, on Parquet sources: where the files' footers say
 * the columns hold no NULL and the expressions are NULL only through columns, the scan writes 0 for
 * the skipped count instead of counting it; everywhere else it counts as before. The counts are
 * those of the same rows read from CSV ({@code EvaluatorTest}).
 */
class NullCountsTest {
  private static final Instant AT = Instant.parse("2026-02-04T00:00:00Z");

  @TempDir static Path dir;
  private static Path withNulls;
  private static Path withoutNulls;
  private static Path csv;

  @BeforeAll
  static void files() throws Exception {
    csv = dir.resolve("api.csv");
    // valid = endpoint <> '/healthz', good = status < 500 (EvaluatorTest's worked example):
    // rows 1, 2 valid (1 good); 3 and 7 have a NULL total and 4 a NULL good: 3 skipped;
    // 5 and 6 are not valid
    Files.writeString(csv, Fixtures.NULLS_CSV);
    withNulls = dir.resolve("with-nulls.parquet");
    withoutNulls = dir.resolve("without-nulls.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      String rows = "(SELECT * FROM read_csv('" + csv + "', types = {'status': 'INTEGER'}))";
      s.execute("COPY " + rows + " TO '" + withNulls + "' (FORMAT parquet)");
      // rows 1, 2, 5: no NULL in any column
      s.execute(
          "COPY (SELECT * FROM "
              + rows
              + " WHERE endpoint IS NOT NULL AND status IS NOT NULL) TO '"
              + withoutNulls
              + "' (FORMAT parquet)");
    }
  }

  private static DataSource source(Path... files) {
    return Fixtures.source("api.csv", null, ZoneId.of("UTC"))
        .withPaths(java.util.Arrays.stream(files).map(Path::toString).toList());
  }

  private static Slo availability(DataSource src, String good) {
    return ratio("avail", src, good, "endpoint <> '/healthz'", "0.5", days(28), List.of());
  }

  private static Catalog catalog(Slo slo) {
    return new Catalog(
        List.of(Fixtures.specFile(Fixtures.SPEC, "homehub", List.of(slo.source()), List.of(slo))));
  }

  private static SloResult result(Slo slo) {
    Catalog c = catalog(slo);
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      Evaluator ev = new Evaluator(engine);
      ev.prepare(c);
      return ev.evaluate(c, AT, new FailOn.OnBreach()).results().get(0);
    }
  }

  private static String scan(Slo slo) {
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      new Evaluator(engine).prepare(catalog(slo));
      return String.join(
          "\n",
          engine
              .compileScan(
                  slo.source(),
                  List.of(new ScanCompiler.SloWindow(slo, AT.minus(java.time.Duration.ofDays(28)))),
                  AT)
              .statements());
    }
  }

  @Test
  void nulls_in_the_files_are_counted_as_from_csv() {
    Slo slo = availability(source(withNulls), "status < 500");
    SloResult r = result(slo);
    assertThat(r.good()).isEqualTo(1);
    assertThat(r.total()).isEqualTo(2);
    assertThat(r.skippedNull()).isEqualTo(3);
    assertThat(scan(slo)).contains("coalesce(sum(n0), 0)::BIGINT AS n0");
    // the same rows from CSV
    SloResult fromCsv = result(availability(source(csv), "status < 500"));
    assertThat(List.of(fromCsv.good(), fromCsv.total(), fromCsv.skippedNull()))
        .containsExactly(1L, 2L, 3L);
  }

  @Test
  void no_null_in_the_footers_and_column_shaped_expressions_skip_nothing_by_construction() {
    Slo slo = availability(source(withoutNulls), "status < 500");
    SloResult r = result(slo);
    // rows 1, 2 valid, row 1 good; row 5 not valid
    assertThat(r.good()).isEqualTo(1);
    assertThat(r.total()).isEqualTo(2);
    assertThat(r.skippedNull()).isZero();
    String sql = scan(slo);
    assertThat(sql).contains("0::BIGINT AS n0").doesNotContain("sum(n0)");
  }

  @Test
  void an_expression_that_can_be_null_on_its_own_is_counted() {
    // NULLIF gives NULL for status 503 although the column holds no NULL: row 2 is skipped
    Slo slo = availability(source(withoutNulls), "NULLIF(status, 503) < 500");
    SloResult r = result(slo);
    assertThat(r.good()).isEqualTo(1);
    assertThat(r.total()).isEqualTo(1);
    assertThat(r.skippedNull()).isEqualTo(1);
    assertThat(scan(slo)).contains("coalesce(sum(n0), 0)::BIGINT AS n0");
  }

  @Test
  void one_file_with_nulls_among_several_keeps_the_count() {
    Slo slo = availability(source(withoutNulls, withNulls), "status < 500");
    SloResult r = result(slo);
    // both files' rows: 1 + 1 good, 2 + 2 valid, 0 + 3 skipped
    assertThat(r.good()).isEqualTo(2);
    assertThat(r.total()).isEqualTo(4);
    assertThat(r.skippedNull()).isEqualTo(3);
    assertThat(scan(slo)).contains("coalesce(sum(n0), 0)::BIGINT AS n0");
  }
}
