package io.slotoolkit.spec;

import io.slotoolkit.model.Composite;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.ForecastEntry;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SeverityLevel;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.SpecFile;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one spec file's YAML tree into a {@link SpecFile}. Every check runs on every part, so one
 * pass reports every problem; a source or SLO with a problem is left out of the result. Each
 * section has its own reader ({@link SourceReader}, {@link SloReader}, {@link SeverityReader},
 * {@link ExclusionReader}, {@link ForecastConverter}); they share one {@link ValueReader}.
 */
final class SpecConverter {
  /**
   * An SLO name as declared, whether or not the rest of the SLO is valid, for the uniqueness
   * checks.
   *
   * @param service the SLO's service
   * @param name its name, valid
   * @param location where the name is written
   */
  record DeclaredSlo(String service, String name, SourceLocation location) {}

  /**
   * What one file gave.
   *
   * @param file its valid sources and SLOs; null when the file is not a map of keys at all
   * @param declared every SLO with a valid name, in file order
   */
  record Converted(SpecFile file, List<DeclaredSlo> declared) {}

  private final Path file;
  private final List<Problem> problems;
  private final ValueReader values;
  private final ExclusionReader exclusionReader;
  private final SourceReader sourceReader;
  private final SloReader sloReader;
  private final SeverityReader severityReader;

  /**
   * @param file the spec file as the user named it
   * @param problems where problems go
   */
  SpecConverter(Path file, List<Problem> problems) {
    this.file = file;
    this.problems = problems;
    this.values = new ValueReader(file, problems);
    this.exclusionReader = new ExclusionReader(values);
    this.sourceReader = new SourceReader(values, exclusionReader);
    this.sloReader = new SloReader(values, exclusionReader, new AlertingReader(values));
    this.severityReader = new SeverityReader(values);
  }

  Converted convert(YamlNode root) {
    if (!(root instanceof YamlNode.Mapping map)) {
      problems.add(
          new Problem(
              root.location(),
              "a spec file must be a map of keys, found " + root.describe(),
              "allowed keys: " + String.join(", ", SpecLevel.FILE.keys())));
      return new Converted(null, List.of());
    }
    Fields top = new Fields(map, SpecLevel.FILE, "the spec file", map.location(), problems);
    version(top);
    String service = values.text(top, "service", "a service name");
    if (service == null) service = defaultService();
    Map<String, DataSource> sources = new LinkedHashMap<>();
    Set<String> sourceNames = new LinkedHashSet<>();
    sourceReader.sources(top, sources, sourceNames);
    sloReader.fileMetadata(top);
    List<Slo> slos = sloReader.slos(top, service, sources, sourceNames);
    sloReader.checkUniqueNames();
    List<SeverityLevel> severity = severityReader.severity(top);
    exclusionReader.exclusionsFile(top, sources.values());
    List<ForecastEntry> forecasts =
        new ForecastConverter(values, sloReader, problems)
            .forecasts(top, service, sources, sourceNames);
    List<Composite> composites =
        new CompositeReader(values, sloReader).composites(top, service, slos);
    return new Converted(
        new SpecFile(
            file,
            service,
            List.copyOf(sources.values()),
            slos,
            List.copyOf(exclusionReader.collectedExclusions),
            severity,
            forecasts,
            composites),
        List.copyOf(sloReader.declared));
  }

  private void version(Fields top) {
    YamlNode v = top.value("version");
    if (v == null) {
      values.missing(top, "version", "add 'version: 1' at the top");
    } else if (v instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.INTEGER) {
      if (s.number().compareTo(BigDecimal.ONE) != 0) {
        problems.add(
            new Problem(
                s.location(), "unsupported version " + s.text(), "this slo reads version 1"));
      }
    } else {
      values.wrongType(top, "version", v, "1");
    }
  }

  /** The file name without its extension: {@code specs/homehub.yaml} serves {@code homehub}. */
  private String defaultService() {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
