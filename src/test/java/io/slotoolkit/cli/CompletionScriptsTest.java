package io.slotoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed completion scripts match what the current commands generate. After adding or
 * changing a command or option, regenerate them with {@code mvn -B -q -o test
 * -Dtest=CompletionScriptsTest -Dcompletions.update=true} and commit the result.
 */
class CompletionScriptsTest {
  static final boolean UPDATE = Boolean.getBoolean("completions.update");
  static final String REGENERATE =
      "mvn -B -q -o test -Dtest=CompletionScriptsTest -Dcompletions.update=true";

  private static String generated(CompletionCommand.Kind kind) {
    StringWriter out = new StringWriter();
    CliContext ctx =
        new CliContext(Map.of(), Clock.systemUTC(), Path.of("").toAbsolutePath(), false);
    int code =
        Cli.run(
            ctx,
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter()),
            "completion",
            kind.name());
    assertThat(code).isZero();
    return out.toString();
  }

  private static void check(CompletionCommand.Kind kind, Path file) throws IOException {
    String now = generated(kind);
    if (UPDATE) {
      Files.writeString(file, now);
      return;
    }
    assertThat(Files.exists(file) ? Files.readString(file) : "<missing>")
        .as(file + " is out of date with the commands; regenerate with: " + REGENERATE)
        .isEqualTo(now);
  }

  @Test
  void bash_script_is_up_to_date() throws IOException {
    check(CompletionCommand.Kind.bash, Path.of("completions/slo.bash"));
  }

  @Test
  void zsh_script_is_up_to_date() throws IOException {
    check(CompletionCommand.Kind.zsh, Path.of("completions/slo.zsh"));
  }

  @Test
  void scripts_know_every_command_and_its_options() {
    String bash = generated(CompletionCommand.Kind.bash);
    // one completion function per subcommand, and the options of check
    assertThat(bash)
        .contains("_picocli_slo_check", "_picocli_slo_validate", "_picocli_slo_shell")
        .contains("--fail-on", "--format", "--slo");
    assertThat(generated(CompletionCommand.Kind.zsh))
        .startsWith("#compdef slo")
        .contains("bashcompinit");
  }
}
