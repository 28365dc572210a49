package io.slotoolkit.forecast;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the bundled event-level export {@code examples/sync-job/sync_pages.csv}: the API calls
 * behind {@code daily_sync.csv}, one row per page of records the nightly job sent to the customer's
 * API, so that {@code slo forecast} can compute the daily series from the log itself.
 *
 * <p>Why pages and not one row per record: three years of records are 58 million rows (about 2.5 GB
 * as CSV); one row per page of at most 5,000 records is about 14,000 rows (under 1 MB) and keeps
 * what the forecast needs: the records per day (the sum of {@code records}) and the per-record
 * latency (each page's mean per-record latency; the p95 over the day's pages).
 *
 * <p>Per night of {@code daily_sync.csv} (its {@code records_synced} R and {@code p95_latency_ms}
 * P): the job starts at 01:00 Asia/Tokyo plus up to 5 minutes; it sends ceil(R / 5,000) pages of
 * 5,000 records (the last one smaller), each with a mean per-record latency of 0.9 x P x log-normal
 * noise (sigma 0.05), and each page starts when the previous one is done (records x latency / 4
 * workers). At 03:30 a reindex job sends two pages of 1,500-2,500 records at about 15 ms: they are
 * in the same log and must be filtered out ({@code where: "job = 'sync'"}).
 *
 * <p>Run: {@code java -cp "$(cat target/cp.txt):target/classes:target/test-classes"
 * io.slotoolkit.forecast.SyncJobEventsGenerator examples/sync-job/sync_pages.csv}.
 */
public final class SyncJobEventsGenerator {
  static final long SEED = 20_260_401L;
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  static final int PAGE = 5_000;

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "examples/sync-job/sync_pages.csv");
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      write(w);
    }
  }

  static void write(PrintWriter w) {
    StringWriter daily = new StringWriter();
    try (PrintWriter d = new PrintWriter(daily)) {
      SyncJobHistoryGenerator.write(d);
    }
    Random rnd = new Random(SEED);
    w.print("ts,job,page,records,latency_ms\n");
    String[] lines = daily.toString().split("\n");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",");
      LocalDate day = LocalDate.parse(f[0]);
      long records = Long.parseLong(f[1]);
      double p95 = Double.parseDouble(f[2]);
      ZonedDateTime t = day.atTime(1, 0).atZone(TOKYO).plusSeconds(rnd.nextInt(300));
      int page = 0;
      for (long left = records; left > 0; left -= PAGE) {
        long n = Math.min(PAGE, left);
        double latency = 0.9 * p95 * Math.exp(0.05 * rnd.nextGaussian());
        w.printf(
            Locale.ROOT,
            "%s,sync,%d,%d,%.1f%n",
            ISO.format(t.truncatedTo(ChronoUnit.SECONDS)),
            ++page,
            n,
            latency);
        t = t.plusNanos(Math.round(n * latency / 4 * 1e6));
      }
      ZonedDateTime reindex = day.atTime(3, 30).atZone(TOKYO);
      for (int p = 1; p <= 2; p++) {
        w.printf(
            Locale.ROOT,
            "%s,reindex,%d,%d,%.1f%n",
            ISO.format(reindex.plusMinutes(p)),
            p,
            1_500 + rnd.nextInt(1_001),
            15 * Math.exp(0.1 * rnd.nextGaussian()));
      }
    }
  }
}
