package io.slotoolkit.forecast;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the bundled example {@code examples/sync-job/daily_sync.csv}: three years (2023-01-01 ..
 * 2025-12-31) of a nightly job that syncs a property-management customer's records from their core
 * system, with three past end-of-March moving seasons. Seeded, so the file is the same on every
 * run.
 *
 * <p>How the numbers are made, per day:
 *
 * <ul>
 *   <li>records synced = 38,000 x growth (+22% a year) x weekday factor (Mon-Fri 1.0, Sat 0.62, Sun
 *       0.48) x moving season (a bump peaking on 28 March at 4.2x a normal day, about 10 days wide,
 *       with a smaller tail into April when the fiscal year starts) x log-normal noise (sigma
 *       0.07); once a year a re-sync day doubles the volume.
 *   <li>p95 per-record latency (ms) = 42 x (records / 38,000)^0.35 x log-normal noise (sigma 0.06):
 *       the core system's API slows down under load. Now and then (about 1 day in 60) a slow day
 *       adds 40-90%.
 *   <li>job duration (s) = records x mean latency (0.55 x p95) / 4 workers + 90 s of setup.
 * </ul>
 *
 * <p>Run: {@code mvn -q -o test-compile && java -cp target/classes:target/test-classes
 * io.slotoolkit.forecast.SyncJobHistoryGenerator examples/sync-job/daily_sync.csv}.
 */
public final class SyncJobHistoryGenerator {
  static final long SEED = 20_260_315L;

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "examples/sync-job/daily_sync.csv");
    if (out.getParent() != null) Files.createDirectories(out.getParent());
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      write(w);
    }
  }

  static void write(PrintWriter w) {
    Random rnd = new Random(SEED);
    LocalDate start = LocalDate.of(2023, 1, 1);
    LocalDate end = LocalDate.of(2025, 12, 31);
    w.print("date,records_synced,p95_latency_ms,job_duration_s\n");
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      double years = ChronoUnit.DAYS.between(start, d) / 365.25;
      double volume =
          38_000
              * Math.pow(1.22, years)
              * weekday(d.getDayOfWeek())
              * season(d)
              * Math.exp(0.07 * rnd.nextGaussian());
      if (d.getDayOfYear() == 200 + d.getYear() % 7) volume *= 2;
      double p95 = 42 * Math.pow(volume / 38_000, 0.35) * Math.exp(0.06 * rnd.nextGaussian());
      if (rnd.nextInt(60) == 0) p95 *= 1.4 + 0.5 * rnd.nextDouble();
      double duration = volume * 0.55 * p95 / 1000 / 4 + 90;
      w.printf(Locale.ROOT, "%s,%d,%.1f,%d%n", d, Math.round(volume), p95, Math.round(duration));
    }
  }

  private static double weekday(DayOfWeek d) {
    return switch (d) {
      case SATURDAY -> 0.62;
      case SUNDAY -> 0.48;
      default -> 1.0;
    };
  }

  /** 1 on a normal day; 4.2 at the end of March; a smaller bump in early April. */
  private static double season(LocalDate d) {
    double dayOfYear = d.getDayOfYear() - (d.isLeapYear() ? 1 : 0);
    double peak = 87; // 28 March in a common year
    double main = 3.2 * Math.exp(-0.5 * Math.pow((dayOfYear - peak) / 6.5, 2));
    double april = 0.8 * Math.exp(-0.5 * Math.pow((dayOfYear - 97) / 5.0, 2));
    return 1 + main + april;
  }
}
