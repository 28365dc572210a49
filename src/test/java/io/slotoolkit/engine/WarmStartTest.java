package io.slotoolkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WarmStartTest {
  static final EngineOptions OPTIONS = new EngineOptions("256MB", 1);

  @Test
  void a_warm_start_is_taken_by_one_open_only() throws Exception {
    Database.WarmStart warm = Database.WarmStart.begin();
    try (Database first = Database.open(OPTIONS, warm);
        Database second = Database.open(OPTIONS, warm)) {
      // two separate in-memory databases: a table of one is not seen by the other
      first.execute("CREATE TEMP TABLE t AS SELECT 1 AS x");
      assertThat((Object) first.connection()).isNotSameAs(second.connection());
      long seen =
          second.one(
              "SELECT count(*) FROM duckdb_tables() WHERE table_name = 't'", r -> r.getLong(1));
      assertThat(seen).isZero();
      // closing a warm start that was taken leaves the taker's connection open
      warm.close();
      int x = first.one("SELECT x FROM t", r -> r.getInt(1));
      assertThat(x).isEqualTo(1);
    }
  }

  @Test
  void the_warm_up_runs_after_the_open_and_what_it_throws_changes_nothing() throws Exception {
    java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
    Database.WarmStart warm =
        Database.WarmStart.begin(
            () -> {
              ran.countDown();
              throw new IllegalStateException("a warm-up that fails");
            });
    try (Database db = Database.open(OPTIONS, warm)) {
      int sum = db.one("SELECT 40 + 2", r -> r.getInt(1));
      assertThat(sum).isEqualTo(42);
    }
    assertThat(ran.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void a_warm_start_closed_before_use_leaves_open_a_fresh_connection() {
    Database.WarmStart warm = Database.WarmStart.begin();
    warm.close();
    try (Database db = Database.open(OPTIONS, warm)) {
      int sum = db.one("SELECT 40 + 2", r -> r.getInt(1));
      assertThat(sum).isEqualTo(42);
    }
  }

  @Test
  void closing_a_warm_start_does_not_wait_for_the_engine_to_start() throws Exception {
    Database.WarmStart warm = Database.WarmStart.begin();
    assertThat(warm.pending()).isTrue();
    warm.close();
    assertThat(warm.pending()).isFalse();
    // closed twice, or after a taker found nothing: nothing happens
    warm.close();
    try (Database db = Database.open(OPTIONS, warm)) {
      int product = db.one("SELECT 6 * 7", r -> r.getInt(1));
      assertThat(product).isEqualTo(42);
    }
  }

  @Test
  void two_engines_opening_at_once_each_get_a_working_connection() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Long> run =
          () -> {
            try (DuckDbEngine e = DuckDbEngine.open(OPTIONS, DuckDbEngine.warmUp())) {
              e.database().execute("CREATE TEMP TABLE mine AS SELECT * FROM range(3)");
              return e.database().one("SELECT count(*) FROM mine", r -> r.getLong(1));
            }
          };
      Future<Long> a = pool.submit(run);
      Future<Long> b = pool.submit(run);
      // a shared connection would fail the second CREATE TABLE (it exists) or count 6
      assertThat(a.get()).isEqualTo(3L);
      assertThat(b.get()).isEqualTo(3L);
    } finally {
      pool.shutdownNow();
    }
  }
}
