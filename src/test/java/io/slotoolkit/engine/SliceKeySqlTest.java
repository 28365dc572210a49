package io.slotoolkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.model.SliceCalendar;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scan's slice key (SQL, run by DuckDB) is the reference's ({@link SliceCalendar#key}). */
class SliceKeySqlTest {
  @ParameterizedTest
  @CsvSource({
    "Europe/Berlin, 5m, 2026-03-27T00:00:00Z, 2026-04-01T00:00:00Z",
    "Europe/Berlin, 1d, 2026-10-20T00:00:00Z, 2026-10-30T00:00:00Z",
    "Europe/Berlin, 2h, 2026-10-24T00:00:00Z, 2026-10-27T00:00:00Z",
    "America/New_York, 1h, 2026-03-07T00:00:00Z, 2026-03-10T00:00:00Z",
    "Asia/Kolkata, 1h, 2026-03-01T00:00:00Z, 2026-03-03T00:00:00Z",
    "UTC, 1m, 2026-03-01T00:00:00Z, 2026-03-01T06:00:00Z",
  })
  void sql_key_matches_the_reference(String zone, String length, String from, String to)
      throws Exception {
    ZoneId z = ZoneId.of(zone);
    Duration l = Duration.parse("PT" + length.toUpperCase().replace("1D", "24H"));
    Instant a = Instant.parse(from);
    Instant b = Instant.parse(to);
    String sql = ScanCompiler.sliceKeySql(a, b, z, l);
    List<Instant> instants = new ArrayList<>();
    // every 7 minutes 13 seconds: lands on and around slice and DST boundaries
    for (Instant t = a; t.isBefore(b); t = t.plusSeconds(433)) instants.add(t);
    StringBuilder values = new StringBuilder();
    for (Instant t : instants) {
      if (values.length() > 0) values.append(", ");
      values.append('(').append(TimeColumn.micros(t)).append(')');
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT __t, " + sql + " FROM (VALUES " + values + ") v(__t) ORDER BY __t")) {
      int i = 0;
      while (r.next()) {
        Instant t = instants.get(i++);
        assertThat(r.getLong(2)).as("key of %s", t).isEqualTo(SliceCalendar.key(t, z, l));
      }
      assertThat(i).isEqualTo(instants.size());
    }
  }
}
