package io.slotoolkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Progress of long queries reaches the listener; a cancelled query leaves the connection usable.
 */
class ProgressAndCancelTest {
  // Long enough on any machine for the poller to see it running (a few hundred ms on 2 cores).
  private static final String SLOW =
      "SELECT count(*) FROM range(300000000) t(x) WHERE x % 7 = 3 AND hash(x) % 5 = 1";

  @Test
  void a_running_query_reports_progress_then_done() {
    List<String> events = new CopyOnWriteArrayList<>();
    try (Database db = Database.open(EngineOptions.DEFAULT)) {
      db.progressListener(
          new ProgressListener() {
            @Override
            public void progress(double percent, long rows, long total) {
              events.add("progress");
            }

            @Override
            public void done() {
              events.add("done");
            }
          },
          0);
      db.one(SLOW, r -> r.getLong(1));
    }
    assertThat(events).isNotEmpty().endsWith("done");
    assertThat(events.subList(0, events.size() - 1)).containsOnly("progress");
  }

  @Test
  void cancel_stops_the_query_and_the_connection_stays_usable() throws Exception {
    try (Database db = Database.open(EngineOptions.DEFAULT)) {
      CountDownLatch started = new CountDownLatch(1);
      db.progressListener(
          new ProgressListener() {
            @Override
            public void progress(double percent, long rows, long total) {
              // rows read: the query runs natively now, so cancel() reaches it
              if (rows > 0) started.countDown();
            }

            @Override
            public void done() {}
          },
          0);
      Thread canceller =
          new Thread(
              () -> {
                try {
                  if (started.await(60, TimeUnit.SECONDS)) db.cancel();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      canceller.start();
      assertThatThrownBy(
              () ->
                  db.one(
                      "SELECT count(*) FROM range(100000000000) t(x) WHERE hash(x) % 7 = 3",
                      r -> r.getLong(1)))
          .isInstanceOf(Database.QueryCancelled.class)
          .hasMessage("cancelled");
      canceller.join();
      long answer = db.one("SELECT 6 * 7", r -> r.getLong(1));
      assertThat(answer).isEqualTo(42L);
    }
  }
}
