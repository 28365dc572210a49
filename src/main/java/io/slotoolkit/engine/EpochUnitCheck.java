package io.slotoolkit.engine;

import io.slotoolkit.model.EventTime;
import io.slotoolkit.model.SloException;
import java.time.Instant;
import java.util.Locale;

/**
 * Refuses a declared epoch unit that does not fit the data: {@code epoch_ms} on seconds puts every
 * event in January 1970, {@code epoch_s} on milliseconds tens of thousands of years ahead. The
 * median of the first 100,000 values is read in each unit; the declared one must give a year from
 * 1990 to 2200, and the message names the unit that does. The median, not the latest: a wrong unit
 * moves every value, while one wild value (a year 99999) is a malformed row, named by its line.
 */
final class EpochUnitCheck {
  private EpochUnitCheck() {}

  static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

  static void check(Database db, BoundSource b) {
    EventTime t = b.source().time();
    long perSecond =
        switch (t.encoding()) {
          case EPOCH_S -> 1;
          case EPOCH_MS -> 1_000;
          case EPOCH_US -> 1_000_000;
          default -> 0;
        };
    if (perSecond == 0) return;
    Double max;
    try {
      max =
          db.one(
              "SELECT quantile_disc(v, 0.5) FROM (SELECT TRY_CAST("
                  + Sql.ident(t.column())
                  + " AS DOUBLE) AS v FROM "
                  + Sql.ident(b.view())
                  + " LIMIT 100000) WHERE isfinite(v)",
              r -> {
                double v = r.getDouble(1);
                return r.wasNull() ? null : v;
              });
    } catch (Database.QueryFailed e) {
      return; // the scan reports an unreadable source with its context
    }
    if (max == null || Double.isNaN(max)) return;
    if (fits(max / perSecond)) return;
    String declared = t.encoding().name().toLowerCase(Locale.ROOT);
    String fitting = null;
    for (var u :
        new Object[][] {
          {"epoch_s", 1.0}, {"epoch_ms", 1e3}, {"epoch_us", 1e6}, {"epoch_ns", 1e9}
        }) {
      if (fits(max / (Double) u[1])) fitting = (String) u[0];
    }
    String at =
        Instant.ofEpochMilli((long) Math.max(Math.min(max / perSecond * 1000, 9e15), -9e15))
            .toString();
    throw SloException.data(
        "source '"
            + b.source().name()
            + "': timestamp_format "
            + declared
            + " puts the median event time of column '"
            + t.column()
            + "' ("
            + (max == Math.rint(max) ? Long.toString((long) (double) max) : Double.toString(max))
            + ") at "
            + at
            + (fitting == null ? ", which is not a plausible time" : "; the values fit " + fitting),
        fitting == null
            ? "check that the column holds epoch times"
            : fitting.equals("epoch_ns")
                ? "the column holds nanoseconds; slo reads epoch_s, epoch_ms and epoch_us"
                : "set timestamp_format: " + fitting + " on the source");
  }

  private static boolean fits(double seconds) {
    return seconds >= EARLIEST.getEpochSecond() && seconds < LATEST.getEpochSecond();
  }
}
