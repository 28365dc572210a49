package io.slotoolkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import org.junit.jupiter.api.Test;

/**
 * Opening DuckDB does not start Java Flight Recorder: slo's {@code org.duckdb.JfrMemoryMonitor}
 * stands in for the driver's (which registers the {@code duckdb.MemoryUsage} event as the first
 * connection opens, 65-90 ms of CPU a run). With the driver's class on the class path instead, the
 * event is registered and this test fails.
 */
class DuckDbStartupTest {

  @Test
  void opening_and_querying_registers_no_flight_recorder_event() throws Exception {
    try (Database db = Database.open(new EngineOptions("256MB", 1))) {
      int sum = db.one("SELECT 40 + 2", r -> r.getInt(1));
      assertThat(sum).isEqualTo(42);
    }
    List<String> duckdbEvents =
        FlightRecorder.getFlightRecorder().getEventTypes().stream()
            .map(EventType::getName)
            .filter(name -> name.startsWith("duckdb."))
            .toList();
    assertThat(duckdbEvents).isEmpty();
  }

  @Test
  void the_stand_in_is_the_class_the_driver_loads() throws Exception {
    Class<?> monitor =
        Class.forName("org.duckdb.JfrMemoryMonitor", false, Database.class.getClassLoader());
    // slo's own class, built from src/main/java, not the driver's jar
    String from = monitor.getProtectionDomain().getCodeSource().getLocation().getPath();
    assertThat(from).doesNotContain("duckdb_jdbc");
  }
}
