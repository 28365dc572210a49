package io.slotoolkit.model;

import java.nio.file.Path;
import java.util.List;

/**
 * One loaded spec file: a service's sources and SLOs.
 *
 * @param path the file as named on the command line or found in a folder
 * @param service the file's default service
 * @param sources its sources, in file order
 * @param slos its SLOs, in file order
 * @param forecasts its busy-season forecasts, in file order
 */
public record SpecFile(
    Path path,
    String service,
    List<DataSource> sources,
    List<Slo> slos,
    List<ForecastEntry> forecasts) {
  public SpecFile {
    sources = List.copyOf(sources);
    slos = List.copyOf(slos);
    forecasts = forecasts == null ? List.of() : List.copyOf(forecasts);
  }

  /** A file without forecasts. */
  public SpecFile(Path path, String service, List<DataSource> sources, List<Slo> slos) {
    this(path, service, sources, slos, List.of());
  }
}
