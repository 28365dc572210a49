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
 * @param exclusions every exclusion the file declares (SLO, source and exclusions-file ones), each
 *     with its scope
 * @param severity its severity table, highest level first; empty when it has none
 * @param forecasts its busy-season forecasts, in file order
 * @param composites its composite SLOs, in file order
 */
public record SpecFile(
    Path path,
    String service,
    List<DataSource> sources,
    List<Slo> slos,
    List<Exclusion> exclusions,
    List<SeverityLevel> severity,
    List<ForecastEntry> forecasts,
    List<Composite> composites) {
  public SpecFile {
    sources = List.copyOf(sources);
    slos = List.copyOf(slos);
    exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    severity = severity == null ? List.of() : List.copyOf(severity);
    forecasts = forecasts == null ? List.of() : List.copyOf(forecasts);
    composites = composites == null ? List.of() : List.copyOf(composites);
  }

  /** The same file with other sources and SLOs (after overrides or a selection). */
  public SpecFile with(List<DataSource> newSources, List<Slo> newSlos) {
    return new SpecFile(
        path,
        service,
        newSources,
        newSlos,
        exclusions,
        severity,
        forecasts,
        composites.stream()
            .map(c -> c.rebound(newSlos))
            .filter(java.util.Objects::nonNull)
            .toList());
  }

  /** The same file with other forecasts (after source overrides). */
  public SpecFile withForecasts(List<ForecastEntry> newForecasts) {
    return new SpecFile(
        path, service, sources, slos, exclusions, severity, newForecasts, composites);
  }
}
