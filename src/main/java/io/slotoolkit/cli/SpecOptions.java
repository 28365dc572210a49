package io.slotoolkit.cli;

import io.slotoolkit.engine.EngineOptions;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.ForecastEntry;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SpecFile;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Which specs and SLOs a command evaluates ({@link SpecSelection}) and where their data is read
 * from: {@code --source} and {@code --max-bad-rows}.
 */
final class SpecOptions {
  @Mixin SpecSelection selection = new SpecSelection();

  @Option(
      names = "--source",
      paramLabel = "NAME=PATH",
      description =
          "Read source NAME from PATH instead of the spec's path (repeatable; globs allowed).")
  Map<String, String> sources = new LinkedHashMap<>();

  @Option(
      names = "--max-bad-rows",
      paramLabel = "N",
      description =
          "Tolerate up to N malformed rows per source (overrides max_bad_rows in the specs).")
  Long maxBadRows;

  /** Loads the specs, applies --source, --max-bad-rows and --slo; exit 2 on any problem. */
  Catalog load(CliContext ctx) {
    return selection.select(loadAll(ctx));
  }

  /** Loads the specs and applies --source and --max-bad-rows, before --slo narrows them. */
  Catalog loadAll(CliContext ctx) {
    return overrideSources(selection.read(ctx), ctx);
  }

  /** The SLOs of a loaded catalog that --slo selects (exit 2 when a pattern matches none). */
  Catalog selectFrom(Catalog loaded) {
    return selection.select(loaded);
  }

  /** The catalog with --source and --max-bad-rows applied (exit 2 on an unknown source name). */
  Catalog withOverrides(Catalog catalog, CliContext ctx) {
    return overrideSources(catalog, ctx);
  }

  private Catalog overrideSources(Catalog catalog, CliContext ctx) {
    if (sources.isEmpty() && maxBadRows == null) return catalog;
    if (maxBadRows != null && maxBadRows < 0)
      throw SloException.spec("--max-bad-rows must be 0 or more", null);
    for (var e : sources.entrySet()) {
      if (e.getValue() == null || e.getValue().isBlank()) {
        throw SloException.spec(
            "--source " + e.getKey() + "=: the path is empty",
            "write --source NAME=PATH, for example --source api=exports/api-*.parquet");
      }
    }
    for (String name : sources.keySet()) {
      if (catalog.sources().stream().noneMatch(s -> s.name().equals(name))) {
        throw SloException.spec(
            "--source " + name + "=...: no source is named '" + name + "'",
            "sources: "
                + String.join(
                    ", ", catalog.sources().stream().map(DataSource::name).distinct().toList()));
      }
    }
    List<SpecFile> files = new ArrayList<>();
    for (SpecFile f : catalog.files()) {
      Map<DataSource, DataSource> replaced = new HashMap<>();
      List<DataSource> newSources = new ArrayList<>();
      for (DataSource s : f.sources()) {
        DataSource n = s;
        String path = sources.get(s.name());
        if (path != null)
          n = n.withPaths(List.of(ctx.resolve(Path.of(path)).normalize().toString()));
        if (maxBadRows != null) n = n.withMaxBadRows(maxBadRows);
        replaced.put(s, n);
        newSources.add(n);
      }
      List<Slo> newSlos = new ArrayList<>();
      for (Slo slo : f.slos()) {
        newSlos.add(slo.withSource(replaced.getOrDefault(slo.source(), slo.source())));
      }
      List<ForecastEntry> newForecasts =
          f.forecasts().stream()
              .map(x -> x.withSource(replaced.getOrDefault(x.source(), x.source())))
              .toList();
      files.add(f.with(newSources, newSlos).withForecasts(newForecasts));
    }
    return new Catalog(files);
  }

  /**
   * Inside the shell: the session's catalog narrowed by --slo; the specs and sources are the
   * session's, so paths, --source and --max-bad-rows are refused with a hint.
   */
  Catalog selectIn(Catalog session) {
    if (!selection.paths.isEmpty() || !sources.isEmpty() || maxBadRows != null) {
      throw SloException.spec(
          "the shell evaluates the specs it loaded; spec paths, --source and --max-bad-rows are given when it starts",
          "edit the specs and type reload, or restart with: slo shell PATH... [--source NAME=PATH]");
    }
    return selection.select(session);
  }

  static Instant parseInstant(String s, CliContext ctx) {
    return parseInstant("--at", s, ctx);
  }

  /**
   * An instant option ({@code --at}, {@code --from}, {@code --to}): ISO-8601 with or without an
   * offset, a date, or {@code now}; exit 2 when it is none of these or lies outside years 1-9999,
   * where window arithmetic in microseconds would overflow.
   */
  static Instant parseInstant(String option, String s, CliContext ctx) {
    String v = s.strip();
    if (v.equalsIgnoreCase("now")) return ctx.clock().instant();
    Instant parsed = parse(v);
    // java.time reads five-digit years only with a sign: name the real problem, the year
    if (parsed == null && v.matches("[+-]?[0-9]{5,}-.*")) parsed = Instant.MAX;
    if (parsed == null) {
      throw SloException.spec(
          option + " " + s + ": not an instant",
          "write ISO-8601 like 2026-02-28T00:00:00+09:00, 2026-02-28T00:00:00 (UTC), 2026-02-28"
              + " (UTC midnight), or now");
    }
    if (!io.slotoolkit.model.InstantRange.contains(parsed)) {
      throw SloException.spec(
          option + " " + s + ": outside the years 0001 to 9999",
          "give an instant with a four-digit year, for example 2026-02-28T00:00:00Z, or now");
    }
    return parsed;
  }

  private static Instant parse(String v) {
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      return null;
    }
  }

  /**
   * Engine limits from the environment: SLO_MEMORY_LIMIT (DuckDB syntax, default 1GB), SLO_THREADS.
   */
  static EngineOptions engineOptions(CliContext ctx) {
    String mem = ctx.env().getOrDefault("SLO_MEMORY_LIMIT", "1GB");
    int threads = 0;
    String t = ctx.env().get("SLO_THREADS");
    if (t != null) {
      try {
        threads = Integer.parseInt(t.strip());
      } catch (NumberFormatException e) {
        throw SloException.spec(
            "SLO_THREADS=" + t + " is not a number", "unset it or give a count such as 2");
      }
    }
    if (!mem.matches("(?i)\\s*[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB|%)\\s*")) {
      throw SloException.spec(
          "SLO_MEMORY_LIMIT=" + mem + " is not a size", "for example 2GB or 512MB");
    }
    return new EngineOptions(mem.strip(), threads);
  }
}
