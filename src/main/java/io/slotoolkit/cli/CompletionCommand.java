package io.slotoolkit.cli;

import io.slotoolkit.model.ExitCode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slo completion bash|zsh}: print the shell completion script for the current commands. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print the bash or zsh completion script of slo.",
      "It is generated from the commands and options of this version.",
      "The same scripts ship in completions/."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  source <(slo completion bash)                      try it in the current bash",
      "  slo completion bash > ~/.local/share/bash-completion/completions/slo",
      "  slo completion zsh > ~/.slo.zsh && echo 'source ~/.slo.zsh' >> ~/.zshrc"
    })
final class CompletionCommand implements Callable<Integer> {
  /** Shells slo has a completion script for. */
  enum Kind {
    bash,
    zsh
  }

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "SHELL",
      description = "The shell: ${COMPLETION-CANDIDATES}.",
      completionCandidates = Kinds.class)
  Kind kind;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(script(kind, spec.root().commandLine()));
    out.flush();
    return ExitCode.OK.code();
  }

  /** The script for {@code kind}, generated from the {@code slo} command line's model. */
  static String script(Kind kind, CommandLine root) {
    String bash = AutoComplete.bash("slo", root);
    return switch (kind) {
      case bash -> bash;
      case zsh ->
          "#compdef slo\n"
              + "# zsh completion for slo: source this file from ~/.zshrc.\n"
              + "# It runs the bash completion through zsh's bashcompinit.\n"
              + "autoload -U +X compinit && compinit\n"
              + "autoload -U +X bashcompinit && bashcompinit\n\n"
              + bash;
    };
  }

  /** Completion candidates of SHELL, in a form picocli accepts. */
  static final class Kinds implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(Kind.values()).map(Enum::name).iterator();
    }
  }
}
