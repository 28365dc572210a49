package io.slotoolkit.model;

import java.util.List;
import java.util.function.Predicate;

/** Every spec file of a run, loaded and valid. */
public record Catalog(List<SpecFile> files) {
  public Catalog {
    files = List.copyOf(files);
  }

  public List<Slo> slos() {
    return files.stream().flatMap(f -> f.slos().stream()).toList();
  }

  public List<DataSource> sources() {
    return files.stream().flatMap(f -> f.sources().stream()).toList();
  }

  /** Every composite SLO of every file, in file order. */
  public List<Composite> composites() {
    return files.stream().flatMap(f -> f.composites().stream()).toList();
  }

  /** Every busy-season forecast of every file, in file order. */
  public List<ForecastEntry> forecasts() {
    return files.stream().flatMap(f -> f.forecasts().stream()).toList();
  }

  /** Every exclusion of every file, in file order. */
  public List<Exclusion> exclusions() {
    return files.stream().flatMap(f -> f.exclusions().stream()).toList();
  }

  /**
   * The run's severity table: the levels of the first file that has one (a check reports files
   * whose tables differ); empty when no file has one.
   */
  public List<SeverityLevel> severity() {
    return files.stream()
        .map(SpecFile::severity)
        .filter(s -> !s.isEmpty())
        .findFirst()
        .orElse(List.of());
  }

  /**
   * Keeps only the SLOs that match; files left without SLOs are dropped unless they hold a severity
   * table or exclusions.
   */
  public Catalog select(Predicate<Slo> keep) {
    return new Catalog(
        files.stream()
            .map(f -> f.with(f.sources(), f.slos().stream().filter(keep).toList()))
            .filter(
                f -> !f.slos().isEmpty() || !f.severity().isEmpty() || !f.exclusions().isEmpty())
            .toList());
  }
}
