package io.slotoolkit.forecast;

import io.slotoolkit.model.Forecast;
import io.slotoolkit.model.Frequency;
import io.slotoolkit.model.Series;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Measures fit + forecast + intervals for one daily series of 10 years (3,653 days): the whole
 * {@link Forecaster#forecast} call (rolling-origin backtest of every method, interval calibration,
 * refit, one year forecast). Prints the first call in a fresh JVM (cold) and the median of 10 calls
 * after 5 warm-up calls. With a path argument it also writes the series as CSV, to time the CLI:
 * {@code time ./slo forecast --series PATH}.
 *
 * <p>Run: {@code mvn -q -o test-compile && java -cp "$(cat target/cp.txt):target/classes:
 * target/test-classes" io.slotoolkit.forecast.ForecastBenchmarkMain [/tmp/ten-years.csv]}.
 */
public final class ForecastBenchmarkMain {
  public static void main(String[] args) throws IOException {
    LocalDate start = LocalDate.of(2016, 1, 1);
    int days = (int) (LocalDate.of(2025, 12, 31).toEpochDay() - start.toEpochDay()) + 1;
    Random rnd = new Random(7);
    double[] v = new double[days];
    for (int i = 0; i < days; i++) {
      LocalDate d = start.plusDays(i);
      double season = 1 + 2.5 * Math.exp(-0.5 * Math.pow((d.getDayOfYear() - 87) / 7.0, 2));
      double weekday = d.getDayOfWeek().getValue() >= 6 ? 0.6 : 1;
      v[i] =
          20_000
              * Math.pow(1.1, i / 365.25)
              * season
              * weekday
              * Math.exp(0.08 * rnd.nextGaussian());
    }
    Series s = Series.regular("records", Frequency.DAILY, start, v);
    if (args.length > 0) {
      try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(args[0])))) {
        w.print("date,records\n");
        for (int i = 0; i < days; i++) w.printf(Locale.ROOT, "%s,%.0f%n", s.date(i), v[i]);
      }
    }
    Forecaster f = new Forecaster();
    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    long c0 = cpu.getCurrentThreadCpuTime();
    Forecast first = f.forecast(s, ForecastOptions.defaults());
    double cold = (System.nanoTime() - t0) / 1e6;
    double coldCpu = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
    for (int i = 0; i < 5; i++) f.forecast(s, ForecastOptions.defaults());
    double[] warm = new double[10];
    double[] warmCpu = new double[10];
    for (int i = 0; i < warm.length; i++) {
      long t = System.nanoTime();
      long c = cpu.getCurrentThreadCpuTime();
      f.forecast(s, ForecastOptions.defaults());
      warm[i] = (System.nanoTime() - t) / 1e6;
      warmCpu[i] = (cpu.getCurrentThreadCpuTime() - c) / 1e6;
    }
    Arrays.sort(warm);
    Arrays.sort(warmCpu);
    System.out.printf(
        Locale.ROOT,
        "daily series of %d days (%s..%s), method %s, %d origins, %d calibration errors%n",
        days,
        s.first(),
        s.last(),
        first.method(),
        first.origins(),
        first.calibrationErrors());
    System.out.printf(
        Locale.ROOT,
        "fit + forecast (365 days) + intervals: cold %.0f ms, warm median %.0f ms (min %.0f, max"
            + " %.0f)%n",
        cold,
        warm[warm.length / 2],
        warm[0],
        warm[warm.length - 1]);
    // CPU time of this thread: what the work costs when the machine is shared (JIT threads and
    // waiting for a core are not in it).
    System.out.printf(
        Locale.ROOT,
        "thread CPU time: cold %.0f ms, warm median %.0f ms%n",
        coldCpu,
        warmCpu[warmCpu.length / 2]);
  }
}
