package io.slotoolkit.cli;

import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SloReplay;
import io.slotoolkit.report.ReplayRenderer;
import io.slotoolkit.report.Style;
import io.slotoolkit.run.Evaluator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code slo alerts --replay}: what each SLO's alert pairs would have done on past data. */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description =
        "Replay the burn-rate alert pairs of each SLO minute by minute over past data: every"
            + " interval each pair would have fired, detection delay, reset time, and alerts per"
            + " month.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the replay ran (whatever fired)",
      "2:usage or spec error; nothing was evaluated",
      "3:data error: a source could not be read, a column is missing, or too many malformed rows",
      "70:internal error (a bug; --verbose shows the trace)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  slo alerts --replay            the 30 days before the latest event",
      "  slo alerts --replay --from 2026-01-01 --to 2026-03-01 --slo 'api-*'",
      "  slo alerts --replay --format json --output replay.json"
    })
final class AlertsCommand implements Callable<Integer>, FormatOption.Offers {
  /** How far back a replay goes without --from. */
  static final Duration DEFAULT_SPAN = Duration.ofDays(30);

  @ParentCommand SloCommand root;
  @Spec CommandSpec spec;
  @Mixin SpecOptions specs;
  @Mixin AtOption when;
  @Mixin EngineOption engine;

  @Option(
      names = "--replay",
      required = true,
      description = "Walk the history minute by minute (required: the only mode for now).")
  boolean replay;

  @Option(
      names = "--from",
      paramLabel = "INSTANT",
      description =
          "First evaluation instant (ISO-8601 or a date; rounded down to the minute). Default: 30"
              + " days before --to.")
  String from;

  @Option(
      names = "--to",
      paramLabel = "INSTANT",
      description =
          "Last evaluation instant (rounded up to the minute; --at means the same). Default:"
              + " just after the latest event.")
  String to;

  @Mixin FormatOption format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE, not stdout.")
  Path output;

  @Option(
      names = "--all-groups",
      description = "Also list groups of per-group SLOs in which nothing fired.")
  boolean allGroups;

  @Override
  public List<FormatOption.Format> formats() {
    return List.of(FormatOption.Format.text, FormatOption.Format.json);
  }

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    if (when.value != null && to != null) {
      throw SloException.spec("--at and --to both given", "--at means --to for a replay: give one");
    }
    String until = when.value != null ? when.value : to;
    String untilOption = when.value != null ? "--at" : "--to";
    Instant given = until != null ? SpecOptions.parseInstant(untilOption, until, ctx) : null;
    Instant first =
        from != null
            ? SpecOptions.parseInstant("--from", from, ctx).truncatedTo(ChronoUnit.MINUTES)
            : null;
    EngineRun.Scope scope = EngineRun.load(root, specs);
    Catalog catalog = scope.catalog();
    // one-shot: a new engine; in the shell: the session's, already bound
    try (EngineRun run = EngineRun.prepare(root, scope, given != null, engine)) {
      Evaluator evaluator = run.evaluator();
      Instant end = ceilMinute(run.at(given));
      Instant start = first != null ? first : end.minus(DEFAULT_SPAN);
      if (!start.isBefore(end)) {
        throw SloException.spec(
            "--from " + start + " is not before --to " + end, "give a --from before --to");
      }
      List<SloReplay> replays = evaluator.replay(catalog, start, end);
      ReplayRenderer r = new ReplayRenderer(new Style(ctx.color() && output == null), allGroups);
      var zone = Evaluator.displayZone(catalog);
      OutputOptions.write(
          output,
          String.valueOf(output),
          ctx,
          spec.commandLine().getOut(),
          w -> write(r, replays, start, end, zone, run.engine().name(), w));
      return ExitCode.OK.code();
    }
  }

  private void write(
      ReplayRenderer r,
      List<SloReplay> replays,
      Instant start,
      Instant end,
      java.time.ZoneId zone,
      String engineName,
      PrintWriter out) {
    if (format.value == FormatOption.Format.json)
      r.json(replays, start, end, zone, engineName, out);
    else r.text(replays, start, end, zone, out);
  }

  private static Instant ceilMinute(Instant i) {
    Instant t = i.truncatedTo(ChronoUnit.MINUTES);
    return t.equals(i) ? t : t.plus(Duration.ofMinutes(1));
  }
}
