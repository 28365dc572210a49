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

  /** Every busy-season forecast of every file, in file order. */
  public List<ForecastEntry> forecasts() {
    return files.stream().flatMap(f -> f.forecasts().stream()).toList();
  }

  /** Keeps only the SLOs that match; files left without SLOs are dropped. */
  public Catalog select(Predicate<Slo> keep) {
    return new Catalog(
        files.stream()
            .map(
                f ->
                    new SpecFile(
                        f.path(),
                        f.service(),
                        f.sources(),
                        f.slos().stream().filter(keep).toList(),
                        f.forecasts()))
            .filter(f -> !f.slos().isEmpty())
            .toList());
  }
}
