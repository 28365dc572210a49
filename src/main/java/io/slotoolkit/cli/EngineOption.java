package io.slotoolkit.cli;

import io.slotoolkit.engine.Engines;
import picocli.CommandLine.Option;

/** {@code --engine} and {@code --spark-master}: which engine reads the data of a run. */
final class EngineOption {
  @Option(
      names = "--engine",
      paramLabel = "NAME",
      defaultValue = Engines.DUCKDB,
      description =
          "Engine that reads the data: duckdb (embedded, the default) or spark (Apache Spark SQL;"
              + " needs the slo-spark artifact, see docs/scale-out.md). Default: ${DEFAULT-VALUE}.")
  String name = Engines.DUCKDB;

  @Option(
      names = "--spark-master",
      paramLabel = "URL",
      description =
          "Spark master URL with --engine spark (spark://host:7077, yarn, ...). Default: local[*].")
  String master;
}
