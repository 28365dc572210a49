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
   * The SLOs of another scope that carry at least one of some tags: an exclusion of a source for
   * its {@code critical} SLOs only.
   *
   * @param within the scope the tags narrow (a source's SLOs)
   * @param tags the tags, any of which selects an SLO; not empty
   */
  record Tagged(ExclusionScope within, java.util.List<String> tags) implements ExclusionScope {
    public Tagged {
      if (within == null) throw new IllegalArgumentException("scope missing");
      tags = java.util.List.copyOf(tags);
      if (tags.isEmpty()) throw new IllegalArgumentException("tags missing");
    }

    @Override
    public boolean appliesTo(Slo slo) {
      return within.appliesTo(slo) && slo.tags().stream().anyMatch(tags::contains);
    }

    @Override
    public String describe() {
      return "the SLOs of " + within.describe() + " tagged " + String.join(" or ", tags);
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
