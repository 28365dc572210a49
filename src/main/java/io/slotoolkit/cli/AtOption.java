package io.slotoolkit.cli;

import java.time.Instant;
import picocli.CommandLine.Option;

/** {@code --at}: the evaluation instant, for the commands that evaluate windows. */
final class AtOption {
  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      description =
          "Exclusive end of every window: ISO-8601 (2026-02-28T00:00:00+09:00; without an offset: UTC),"
              + " a date (UTC midnight), or 'now'. Default: just after the latest event.")
  String value;

  /** The instant, or null for the default (just after the latest event). */
  Instant at(CliContext ctx) {
    return value == null ? null : SpecOptions.parseInstant(value, ctx);
  }
}
