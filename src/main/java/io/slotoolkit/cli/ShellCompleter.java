package io.slotoolkit.cli;

import io.slotoolkit.engine.AdhocQuery;
import io.slotoolkit.engine.BoundSource;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.Slo;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Tab completion in the shell, read from the picocli model (commands, options, enum values) and
 * from the session (SLO, source and column names), so new commands complete without changes here.
 */
final class ShellCompleter implements Completer {
  private final Shell shell;
  private final Completer files = new Completers.FileNameCompleter();

  ShellCompleter(Shell shell) {
    this.shell = shell;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    List<String> words = line.words();
    int index = line.wordIndex();
    CommandLine root = shell.commandLine();
    if (index == 0) {
      for (var e : root.getSubcommands().entrySet())
        candidates.add(word(e.getKey(), description(e.getValue().getCommandSpec())));
      return;
    }
    String verb = words.get(0);
    CommandLine sub = root.getSubcommands().get(verb);
    if (sub == null) return;
    if (verb.equals("sql")) {
      if (line.word().startsWith("-")) options(sub.getCommandSpec(), candidates);
      else sql(candidates);
      return;
    }
    if (verb.equals("help")) {
      if (index == 1)
        for (String name : root.getSubcommands().keySet()) candidates.add(word(name, null));
      return;
    }
    CommandSpec spec = sub.getCommandSpec();
    String previous = words.get(index - 1);
    OptionSpec option = previous.startsWith("-") ? spec.findOption(previous) : null;
    if (option != null && option.arity().max() > 0) {
      values(option, reader, line, candidates);
      return;
    }
    if (line.word().startsWith("-")) {
      options(spec, candidates);
      return;
    }
    // The positional parameter this word fills; a varargs one (PATH...) fills every position.
    List<PositionalParamSpec> positionals = spec.positionalParameters();
    if (!positionals.isEmpty()) values(positionals.get(0), reader, line, candidates);
  }

  private static void options(CommandSpec spec, List<Candidate> candidates) {
    for (OptionSpec o : spec.options()) {
      if (o.hidden()) continue;
      String d = o.description().length == 0 ? null : o.description()[0];
      for (String name : o.names()) candidates.add(word(name, d));
    }
  }

  private void values(ArgSpec arg, LineReader reader, ParsedLine line, List<Candidate> out) {
    String label = arg.paramLabel();
    if (arg instanceof OptionSpec o && o.longestName().equals("--slo") || label.equals("SLO")) {
      for (Slo s : shell.session().catalog().slos()) out.add(word(s.name(), s.description()));
      return;
    }
    if (arg instanceof OptionSpec o && o.longestName().equals("--source")) {
      for (DataSource s : shell.session().catalog().sources())
        out.add(new Candidate(s.name() + "=", s.name() + "=", null, null, null, null, false));
      return;
    }
    if (arg instanceof OptionSpec o && o.longestName().equals("--at")) {
      out.add(word("now", "the clock"));
      return;
    }
    if (arg.completionCandidates() != null) {
      for (String c : arg.completionCandidates()) out.add(word(c, null));
      return;
    }
    Class<?> type = arg.type();
    Class<?>[] aux = arg.auxiliaryTypes();
    if (type == Path.class || (aux.length > 0 && aux[0] == Path.class)) {
      files.complete(reader, line, out);
    }
  }

  /** Tables (source names), their columns, and a few keywords. */
  private void sql(List<Candidate> out) {
    Set<String> seen = new LinkedHashSet<>();
    AdhocQuery adhoc = shell.session().adhoc();
    for (var e : adhoc.tables().entrySet()) {
      if (seen.add(e.getKey())) out.add(word(e.getKey(), "table: " + e.getValue().label()));
    }
    for (BoundSource b : adhoc.tables().values()) {
      for (var c : b.columns().entrySet()) {
        String name = c.getKey().matches("[a-z_][a-z0-9_]*") ? c.getKey() : '"' + c.getKey() + '"';
        if (seen.add(name)) out.add(word(name, c.getValue()));
      }
    }
    for (String k : AdhocQuery.KEYWORDS) if (seen.add(k)) out.add(word(k, null));
  }

  private static Candidate word(String value, String description) {
    return new Candidate(value, value, null, description, null, null, true);
  }

  private static String description(CommandSpec spec) {
    return Shell.summary(spec);
  }
}
