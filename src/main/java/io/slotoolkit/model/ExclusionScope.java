package io.slotoolkit.model;

import java.nio.file.Path;
import java.util.Objects;

/** Which SLOs an exclusion removes events from. */
public sealed interface ExclusionScope {

  /** Whether the exclusion applies to an SLO. */
  boolean appliesTo(Slo slo);

  /** The scope in words. */
  String describe();

  /** Every SLO ({@code *} in an exclusions file). */
  record AllSlos() implements ExclusionScope {
    @Override
    public boolean appliesTo(Slo slo) {
      return true;
    }

    @Override
    public String describe() {
      return "every SLO";
    }
  }

  /**
   * One SLO, by name.
   *
   * @param name the SLO's name, or its qualified name {@code service/name}
   */
  record SloNamed(String name) implements ExclusionScope {
    public SloNamed {
      if (name == null || name.isBlank()) throw new IllegalArgumentException("SLO name missing");
    }

    @Override
    public boolean appliesTo(Slo slo) {
      return name.equals(slo.name()) || name.equals(slo.qualifiedName());
    }

    @Override
    public String describe() {
      return "SLO " + name;
    }
  }

  /**
   * Every SLO reading one source.
   *
   * @param source the source's name
   * @param specFile the spec file that declares the source (source names are unique per file)
   */
  record SourceNamed(String source, Path specFile) implements ExclusionScope {
    public SourceNamed {
      if (source == null || source.isBlank()) {
        throw new IllegalArgumentException("source name missing");
      }
    }

    @Override
    public boolean appliesTo(Slo slo) {
      return slo.source().name().equals(source)
          && Objects.equals(slo.source().specFile(), specFile);
    }

    @Override
    public String describe() {
      return "source " + source;
    }
  }
}
