package io.slotoolkit.cli;

import io.slotoolkit.evaluate.CatalogChecks;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.NameGlob;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import io.slotoolkit.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which specs a command reads and which of their SLOs it takes: spec paths, --slo and --label. */
final class SpecSelection {
  static final Path DEFAULT_SPECS = Path.of("slo-specs");

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description =
          "Spec files or folders (every *.yaml/*.yml inside, recursively). Default: slo-specs/")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--slo",
      paramLabel = "NAME",
      description = "Only these SLOs (repeatable; globs like 'api-*'; NAME or SERVICE/NAME).")
  List<String> slos = new ArrayList<>();

  @Option(
      names = "--label",
      paramLabel = "KEY=VALUE",
      description =
          "Only SLOs with this label (repeatable: every one must match; labels: in the specs).")
  List<String> labels = new ArrayList<>();

  /** How a --slo pattern that matches nothing is reported; explain names its argument instead. */
  String noMatchMessage = "--slo %s matches no SLO";

  /** Loads the specs (exit 2 on any problem), before any option narrows or changes them. */
  Catalog read(CliContext ctx) {
    Catalog catalog = new SpecLoader().load(specPaths(paths, ctx));
    CatalogChecks.require(catalog);
    return catalog;
  }

  /**
   * The spec paths to read: the given ones, or {@code slo-specs/} when none were given (exit 2 when
   * that folder does not exist either). Relative paths stay relative so that messages show them as
   * typed.
   */
  static List<Path> specPaths(List<Path> given, CliContext ctx) {
    if (given.isEmpty()) {
      if (!Files.exists(ctx.resolve(DEFAULT_SPECS))) {
        throw SloException.spec(
            "no spec paths given, and there is no slo-specs/ folder here",
            "pass spec files or folders, for example: slo check specs/");
      }
      return List.of(relative(ctx, DEFAULT_SPECS));
    }
    return given.stream().map(p -> p.isAbsolute() ? p : relative(ctx, p)).toList();
  }

  /**
   * A relative path as given when the working folder is the process's, else resolved against it.
   */
  private static Path relative(CliContext ctx, Path p) {
    return ctx.workingDir().equals(Path.of("").toAbsolutePath()) ? p : ctx.resolve(p);
  }

  /** The SLOs of a loaded catalog that --label and --slo select (exit 2 when one matches none). */
  Catalog select(Catalog catalog) {
    return selectByName(selectByLabel(catalog));
  }

  /** --label KEY=VALUE: SLOs that have every given label. */
  private Catalog selectByLabel(Catalog catalog) {
    if (labels.isEmpty()) return catalog;
    java.util.Set<String> wanted = new java.util.TreeSet<>();
    for (String l : labels) {
      int eq = l.indexOf('=');
      if (eq <= 0) {
        throw SloException.spec(
            "--label " + l + " is not KEY=VALUE", "such as --label team=payments");
      }
      wanted.add(l.substring(0, eq).strip() + "=" + l.substring(eq + 1).strip());
    }
    Catalog selected = catalog.select(slo -> slo.metadata().labelSelectors().containsAll(wanted));
    if (selected.slos().isEmpty() && !catalog.slos().isEmpty()) {
      java.util.Set<String> known = new java.util.TreeSet<>();
      catalog.slos().forEach(slo -> known.addAll(slo.metadata().labelSelectors()));
      throw SloException.spec(
          "--label " + String.join(" --label ", wanted) + " matches no SLO",
          known.isEmpty()
              ? "no SLO has labels: add labels: to the specs"
              : "labels: " + String.join(", ", known));
    }
    return selected;
  }

  private Catalog selectByName(Catalog catalog) {
    if (slos.isEmpty()) return catalog;
    List<NameGlob> globs = new ArrayList<>();
    for (String s : slos) {
      NameGlob g = NameGlob.of(s);
      if (catalog.slos().stream().noneMatch(slo -> g.matches(slo.name(), slo.qualifiedName()))) {
        throw SloException.spec(
            String.format(noMatchMessage, s),
            "SLOs: " + String.join(", ", catalog.slos().stream().map(Slo::name).toList()));
      }
      globs.add(g);
    }
    return catalog.select(
        slo -> globs.stream().anyMatch(g -> g.matches(slo.name(), slo.qualifiedName())));
  }
}
