package io.slotoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --format}: one option, each command's own choices. */
class FormatOptionTest {

  @Test
  void a_format_another_command_offers_is_refused_with_this_commands_choices() {
    // html is a format of slo report, not of slo alerts
    GoldenCliTest.Result r = GoldenCliTest.run("alerts", "--replay", "--format", "html");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "Invalid value for option '--format': expected one of [text, json]"
                + " (case-insensitive) but was 'html'");
  }

  @Test
  void each_command_lists_its_own_formats_in_help() {
    assertThat(help("report"))
        .contains("Output format: text, json, markdown, html. Default: text.");
    assertThat(help("check"))
        .contains("Output format: text, json, markdown, junit, github. Default: text.");
  }

  private static String help(String command) {
    // the help wraps its columns; compare the words
    return GoldenCliTest.run(command, "--help").out().replaceAll("\\s+", " ");
  }

  @Test
  void choices_accept_any_case() {
    FormatOption.Choices c =
        new FormatOption.Choices(
            java.util.List.of(FormatOption.Format.text, FormatOption.Format.json));
    assertThat(c.convert("JSON")).isEqualTo(FormatOption.Format.json);
    assertThat(c).containsExactly("text", "json");
  }
}
