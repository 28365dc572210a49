package io.slotoolkit.cli;

import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import picocli.CommandLine;

/**
 * The read-eval-print loop of {@code slo shell}. Each line is parsed by a fresh picocli command
 * line (the same commands as one-shot {@code slo}, plus {@code sql}, {@code reload} and {@code
 * exit}), whose data commands evaluate with the session's engine. New subcommands of {@code slo}
 * appear here without changes to this class.
 */
final class Shell {
  static final String PROMPT = "slo> ";
  private final CliContext ctx;
  private final Terminal terminal;
  private final Session session;
  private final PrintWriter out;
  private final DefaultParser parser = new DefaultParser();
  private boolean exitRequested;

  Shell(CliContext ctx, Terminal terminal, Session session) {
    this.ctx = ctx;
    this.terminal = terminal;
    this.session = session;
    this.out = terminal.writer();
  }

  Session session() {
    return session;
  }

  void requestExit() {
    exitRequested = true;
  }

  /** Colour only on a real terminal that allows it. */
  boolean color() {
    return ctx.color() && !Terminal.TYPE_DUMB.equals(terminal.getType());
  }

  /** Where history is kept: {@code SLO_HISTORY}, else {@code ~/.slo_history}. */
  Path historyFile() {
    String p = ctx.env().get("SLO_HISTORY");
    if (p != null && !p.isBlank()) return ctx.resolve(Path.of(p));
    String home = ctx.env().getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".slo_history");
  }

  /** Reads and runs lines until {@code exit} or Ctrl-D; returns the shell's exit code. */
  int run() {
    LineReader reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("slo")
            .parser(parser)
            .completer(new ShellCompleter(this))
            .variable(LineReader.HISTORY_FILE, historyFile())
            .variable(LineReader.HISTORY_FILE_SIZE, 5_000)
            // SQL needs '!' (status != 200) more than bash-style history expansion
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .build();
    out.println(
        "slo shell: "
            + summary(session.catalog())
            + " loaded. help lists commands, Tab completes, Ctrl-C cancels a query, Ctrl-D leaves.");
    out.flush();
    while (!exitRequested) {
      String line;
      try {
        line = reader.readLine(PROMPT);
      } catch (UserInterruptException e) {
        continue; // Ctrl-C at the prompt drops the line, as in bash
      } catch (EndOfFileException e) {
        break;
      }
      execute(line);
    }
    try {
      reader.getHistory().save();
    } catch (IOException e) {
      out.println("slo: could not save history to " + historyFile() + ": " + e.getMessage());
    }
    out.flush();
    return ExitCode.OK.code();
  }

  /** Runs one line; Ctrl-C meanwhile cancels the running query, not the shell. */
  int execute(String line) {
    List<String> args = split(line);
    if (args.isEmpty()) return ExitCode.OK.code();
    if (args.size() == 1 && (args.get(0).equals("help") || args.get(0).equals("?"))) {
      printHelp();
      return ExitCode.OK.code();
    }
    Terminal.SignalHandler previous =
        terminal.handle(Terminal.Signal.INT, signal -> session.cancel());
    try {
      return commandLine().execute(args.toArray(new String[0]));
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
      out.flush();
    }
  }

  /**
   * The command line for one shell line: {@code slo}'s commands bound to this session, without
   * {@code shell} itself, plus the shell's own verbs.
   */
  CommandLine commandLine() {
    CommandLine cmd =
        Cli.commandLine(
            ctx,
            out,
            out,
            c -> {
              ((SloCommand) c.getCommand()).session(session);
              c.getCommandSpec().removeSubcommand("shell");
              // the shell's sql runs an ad hoc query; slo sql (the warehouse roll-up) is left out
              c.getCommandSpec().removeSubcommand("sql");
              c.addSubcommand(new SqlCommand(this));
              c.addSubcommand(new ReloadCommand(this));
              c.addSubcommand(new ExitCommand(this));
            });
    // a query may contain '@'; nothing typed here names an argument file
    cmd.setExpandAtFiles(false);
    return cmd;
  }

  /** A {@code --limit N} (or {@code --limit=N}) at the end of a {@code sql} line. */
  private static final java.util.regex.Pattern TRAILING_LIMIT =
      java.util.regex.Pattern.compile("(?:^|\\s)--limit(?:\\s+|=)(\\S+)\\s*$");

  /**
   * Splits a line into arguments. {@code sql} keeps the rest of the line verbatim (quotes and all),
   * after its own leading options.
   */
  List<String> split(String line) {
    String s = line.strip();
    if (s.equals("sql") || s.startsWith("sql ") || s.startsWith("sql\t")) {
      List<String> args = new ArrayList<>(List.of("sql"));
      String rest = s.substring(3).strip();
      while (rest.startsWith("-")) {
        int sp = firstSpace(rest);
        String opt = rest.substring(0, sp);
        rest = rest.substring(sp).strip();
        args.add(opt);
        if (opt.equals("--limit")) {
          int sp2 = firstSpace(rest);
          args.add(rest.substring(0, sp2));
          rest = rest.substring(sp2).strip();
        }
      }
      // "--limit N" typed after the query is the shell's option, not SQL: in SQL it would only be
      // a comment that silently dropped the limit
      java.util.regex.Matcher tail = TRAILING_LIMIT.matcher(rest);
      if (tail.find()) {
        args.add("--limit");
        args.add(tail.group(1));
        rest = rest.substring(0, tail.start()).strip();
      }
      if (!rest.isEmpty()) args.add(rest);
      return args;
    }
    List<String> words = new ArrayList<>();
    for (String w : parser.parse(s, s.length(), Parser.ParseContext.SPLIT_LINE).words())
      if (!w.isEmpty()) words.add(w);
    return words;
  }

  private static int firstSpace(String s) {
    for (int i = 0; i < s.length(); i++) if (Character.isWhitespace(s.charAt(i))) return i;
    return s.length();
  }

  private void printHelp() {
    out.println("Commands (COMMAND --help or help COMMAND shows its options):");
    CommandLine cmd = commandLine();
    Set<CommandLine> seen = new LinkedHashSet<>(cmd.getSubcommands().values());
    int width = seen.stream().mapToInt(c -> c.getCommandName().length()).max().orElse(8);
    for (CommandLine c : seen)
      out.printf("  %-" + width + "s  %s%n", c.getCommandName(), summary(c.getCommandSpec()));
    out.println(
        "Keys: Tab completes; Up/Down and Ctrl-R search history; Ctrl-C cancels; Ctrl-D exits.");
  }

  /** The first sentence of a command's description, on one line. */
  static String summary(picocli.CommandLine.Model.CommandSpec spec) {
    String d = String.join(" ", spec.usageMessage().description()).replace("%n", " ").strip();
    int dot = d.indexOf(". ");
    if (dot > 0) d = d.substring(0, dot + 1);
    return d.length() > 100 ? d.substring(0, 97) + "..." : d;
  }

  /** {@code 1 spec file(s), 3 SLO(s), 1 source(s)}. */
  static String summary(Catalog c) {
    return c.files().size()
        + " spec file(s), "
        + c.slos().size()
        + " SLO(s), "
        + c.slos().stream().map(s -> s.source()).distinct().count()
        + " source(s)";
  }
}
