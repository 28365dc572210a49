package io.slotoolkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which checked expressions are never NULL over columns without NULL ({@link NullShape}). */
class NullShapeTest {
  private static Database db;
  private static ExpressionChecker checker;

  @BeforeAll
  static void open() {
    db = Database.open(new EngineOptions("256MB", 1));
    checker = new ExpressionChecker(db);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // comparisons, AND, OR, NOT, IN, BETWEEN of columns and constants: NULL only through
        // a column
        "status < 500 | true",
        "endpoint <> '/healthz' AND NOT (status >= 500 OR method = 'GET') | true",
        "\"Status\" IN (200, 204) | true",
        "status NOT IN (500, 503) | true",
        "latency_ms BETWEEN 10 AND status | true",
        // never NULL whatever the columns
        "other IS NULL | true",
        "other IS DISTINCT FROM 3 | true",
        // a column that may hold NULL
        "other < 500 | false",
        "status < 500 AND other = 1 | false",
        // shapes that can be NULL on their own
        "NULLIF(status, 503) < 500 | false",
        "status / 2 < 100 | false",
        "CASE WHEN status < 500 THEN TRUE END | false",
        "status < NULL | false",
        "TRY_CAST(endpoint AS INTEGER) > 1 | false",
        "coalesce(other, 0) < 1 | false",
      })
  void never_null_over_columns_without_nulls(String expression, boolean neverNull) {
    ExpressionChecker.CheckedExpression e =
        checker.checked(Fixtures.expr(expression), "SLO 'x': good");
    assertThat(e.neverNullOver(Set.of("status", "endpoint", "method", "latency_ms")))
        .isEqualTo(neverNull);
  }
}
