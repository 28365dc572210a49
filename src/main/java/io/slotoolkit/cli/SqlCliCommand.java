package io.slotoolkit.cli;

import io.slotoolkit.engine.DuckDbEngine;
import io.slotoolkit.engine.Engine;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.RollupQuery;
import io.slotoolkit.model.SqlDialectName;
import io.slotoolkit.run.WarehouseRollup;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code slo sql}: prints the per-minute roll-up the check scan computes, in a warehouse's SQL
 * dialect, to run where the logs live and evaluate the small result with a counts spec. Not part of
 * the shell, whose {@code sql} verb runs an ad hoc query.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Print the per-minute roll-up of the SLOs as SQL for a warehouse (BigQuery, Snowflake, Spark)"
          + " or DuckDB.",
      "One statement per source: per SLO, UTC minute and per: group, the good and total events"
          + " exactly as slo check counts them. Run it where the logs live, export the result, and"
          + " evaluate it with the counts spec printed in the statement's header comment. No data is"
          + " read."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:printed",
      "2:usage or spec error: unknown dialect, --table for a source no SLO reads, no SLO, or an"
          + " expression the dialect cannot print (named with its SLO and function)",
      "70:internal error (a bug; --verbose shows the trace)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  slo sql --dialect bigquery --table api=proj.logs.requests specs/api.yaml",
      "  slo sql --dialect snowflake --slo 'api-*' specs/",
      "  slo sql specs/api.yaml | duckdb logs.duckdb     (reads a table or view named api)",
      "See docs/scale-out.md, \"The warehouse path\"."
    })
final class SqlCliCommand implements Callable<Integer> {
  @ParentCommand SloCommand root;
  @Spec CommandSpec spec;

  @Mixin SpecSelection specs;

  @Option(
      names = "--dialect",
      paramLabel = "DIALECT",
      converter = DialectConverter.class,
      completionCandidates = DialectCandidates.class,
      description = "SQL dialect: ${COMPLETION-CANDIDATES} (default: duckdb).")
  SqlDialectName dialect = SqlDialectName.DUCKDB;

  @Option(
      names = "--table",
      paramLabel = "SOURCE=TABLE",
      description =
          "Read source SOURCE from this warehouse table (repeatable), e.g."
              + " api=project.dataset.requests. Default: a table named like the source.")
  Map<String, String> tables = new LinkedHashMap<>();

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    Catalog catalog = specs.select(specs.read(ctx));
    List<RollupQuery> queries;
    try (Engine engine = DuckDbEngine.open(SpecOptions.engineOptions(ctx), root.takeWarmStart())) {
      queries = new WarehouseRollup(engine).rollup(catalog, dialect, tables);
    }
    PrintWriter out = spec.commandLine().getOut();
    for (int i = 0; i < queries.size(); i++) {
      if (i > 0) out.println();
      out.print(queries.get(i).sql());
      out.println(";");
    }
    out.flush();
    return ExitCode.OK.code();
  }

  /** The dialect names as users type them. */
  static final class DialectCandidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(SqlDialectName.values()).map(SqlDialectName::label).iterator();
    }
  }

  /** {@code bigquery} (any case) to the dialect; picocli reports anything else (exit 2). */
  static final class DialectConverter implements CommandLine.ITypeConverter<SqlDialectName> {
    @Override
    public SqlDialectName convert(String value) {
      for (SqlDialectName d : SqlDialectName.values())
        if (d.label().equals(value.strip().toLowerCase(Locale.ROOT))) return d;
      List<String> names = new ArrayList<>();
      new DialectCandidates().forEach(names::add);
      throw new CommandLine.TypeConversionException(
          "unknown dialect '" + value + "'; expected one of " + String.join(", ", names));
    }
  }
}
