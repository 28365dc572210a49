package io.slotoolkit.spec;

import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SpecFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a small built-in spec, twice, and compares what it read: the first uses of the YAML reader,
 * the converters and the model records' {@code equals} and {@code hashCode} (which the JVM links on
 * first call, a few milliseconds each) are paid here instead of on the command's thread. The thread
 * that opens the engine runs it once the engine is open, while the command's thread is still
 * parsing the command line (measured: 19 ms sooner to the end of a {@code slo check} of the
 * benchmark, docs/benchmarks.md). Reads no file and writes nothing.
 */
public final class SpecWarmup {
  private static final Path FILE = Path.of("slo-warmup.yaml");

  private static final String TEXT =
      """
      version: 1
      service: warmup
      sources:
        api:
          path: api.csv
          timestamp: ts
          where: "region <> 'test'"
      slos:
        - name: availability
          source: api
          per: customer
          sli:
            ratio:
              total: "endpoint <> '/healthz'"
              good: "status < 500"
          objective: 99.9%
          window: 28d
        - name: latency
          source: api
          sli:
            latency:
              column: latency_ms
              threshold: 300ms
          objective: 99%
          window: month
      """;

  private SpecWarmup() {}

  /**
   * Reads the built-in spec; returns whether it read without a problem, twice the same (it always
   * should: {@code SpecWarmupTest} keeps it so when the spec language changes).
   */
  public static boolean run() {
    SpecFile first = read();
    SpecFile second = read();
    return first != null
        && second != null
        && first.slos().equals(second.slos())
        && first.sources().hashCode() == second.sources().hashCode();
  }

  private static SpecFile read() {
    List<Problem> problems = new ArrayList<>();
    YamlTreeReader.Result tree = YamlTreeReader.read(FILE, TEXT);
    if (tree.root() == null) return null;
    SpecFile file = new SpecConverter(FILE, problems).convert(tree.root()).file();
    return problems.isEmpty() && tree.problems().isEmpty() ? file : null;
  }
}
