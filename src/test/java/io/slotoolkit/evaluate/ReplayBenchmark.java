package io.slotoolkit.evaluate;

import io.slotoolkit.model.AlertPolicy;
import io.slotoolkit.model.MinuteSeries;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.ReplayResult;
import io.slotoolkit.model.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Random;

/**
 * Measures replay time for 90 days of 1-minute buckets (plus 3 days of warm-up) with the Workbook
 * policy. Prints figures; asserts nothing. Run after {@code mvn test-compile}:
 *
 * <pre>java -cp target/classes:target/test-classes io.slotoolkit.evaluate.ReplayBenchmark</pre>
 */
public final class ReplayBenchmark {
  private ReplayBenchmark() {}

  public static void main(String[] args) {
    int days = args.length > 0 ? Integer.parseInt(args[0]) : 90;
    Objective objective = Objective.of("0.999");
    AlertPolicy policy = AlertPolicy.defaultFor(new Window.Rolling(Duration.ofDays(30)), objective);
    int warmUp = (int) policy.longestWindow().toMinutes();
    int n = warmUp + days * 1440;
    long[] total = new long[n];
    long[] good = new long[n];
    Random random = new Random(42);
    for (int i = 0; i < n; i++) {
      // a daily cycle between 200 and 1800 events a minute, 0.05% background errors
      double phase = 2 * Math.PI * (i % 1440) / 1440.0;
      total[i] = Math.round(1000 + 800 * Math.sin(phase) + random.nextGaussian() * 30);
      double meanBad = total[i] * 0.0005;
      long bad = Math.round(meanBad + random.nextGaussian() * Math.sqrt(meanBad));
      good[i] = total[i] - Math.max(0, Math.min(total[i], bad));
    }
    // an incident a week: 20 minutes at 30% errors
    for (int start = warmUp + 3000; start + 20 < n; start += 7 * 1440) {
      for (int i = start; i < start + 20; i++) good[i] = total[i] - total[i] * 3 / 10;
    }
    Instant historyStart = Instant.parse("2026-01-01T00:00:00Z");
    MinuteSeries history = new MinuteSeries(historyStart, good, total);
    Instant from = historyStart.plus(Duration.ofMinutes(warmUp));
    ZoneId zone = ZoneId.of("Europe/Berlin");

    long cold = System.nanoTime();
    ReplayResult result = AlertReplay.replay(policy, objective, history, from, zone);
    cold = System.nanoTime() - cold;
    for (int i = 0; i < 20; i++)
      result = AlertReplay.replay(policy, objective, history, from, zone);
    int runs = 30;
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      result = AlertReplay.replay(policy, objective, history, from, zone);
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "replay of %d days (%d minutes + %d warm-up), %d rules: median %.2f ms, min %.2f ms,"
            + " max %.2f ms over %d runs%n",
        days,
        days * 1440,
        warmUp,
        policy.rules().size(),
        nanos[runs / 2] / 1e6,
        nanos[0] / 1e6,
        nanos[runs - 1] / 1e6,
        runs);
    System.out.printf("first run in a fresh JVM (as the CLI runs it once): %.2f ms%n", cold / 1e6);
    System.out.printf(
        "alerts: %d pages, %d tickets, %d months%n",
        result.count("page"),
        result.count("ticket"),
        result.months().size() / policy.severities().size());
    long t0 = System.nanoTime();
    MinuteSeries copy = new MinuteSeries(historyStart, good, total);
    System.out.printf(
        "building the MinuteSeries (copy and check of %d minutes): %.2f ms%n",
        copy.minutes(), (System.nanoTime() - t0) / 1e6);
  }
}
