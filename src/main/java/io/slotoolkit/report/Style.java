package io.slotoolkit.report;

/** ANSI styling that disappears when output is not a terminal or NO_COLOR is set. */
public record Style(boolean color) {
  public static final Style PLAIN = new Style(false);

  /** A status's word in its colour: the same in every text output. */
  public String status(io.slotoolkit.model.Status s) {
    return tone(s.tone(), s.word());
  }

  /** A tone as a coloured dot for Markdown and HTML summaries, where there is no ANSI colour. */
  public static String dot(io.slotoolkit.model.Status.Tone tone) {
    return switch (tone) {
      case GOOD -> "🟢";
      case WARNING -> "🟠";
      case BAD -> "🔴";
      case NEUTRAL -> "⚪";
    };
  }

  /** Text in a tone's colour: green, yellow, red, or dim for neutral. */
  public String tone(io.slotoolkit.model.Status.Tone tone, String text) {
    return switch (tone) {
      case GOOD -> green(text);
      case WARNING -> yellow(text);
      case BAD -> red(text);
      case NEUTRAL -> dim(text);
    };
  }

  public String red(String s) {
    return wrap("1;31", s);
  }

  public String green(String s) {
    return wrap("32", s);
  }

  public String yellow(String s) {
    return wrap("33", s);
  }

  public String bold(String s) {
    return wrap("1", s);
  }

  public String dim(String s) {
    return wrap("2", s);
  }

  private String wrap(String code, String s) {
    return color && !s.isEmpty() ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }

  private static final java.util.regex.Pattern ANSI =
      java.util.regex.Pattern.compile("\u001b\\[[0-9;]*m");

  /** Display width of a string that may hold ANSI codes (wide CJK characters count as two). */
  public static int width(String s) {
    // a table measures each of its cells: most have no colour, and skip the pattern
    String plain = s.indexOf('\u001b') < 0 ? s : ANSI.matcher(s).replaceAll("");
    int w = 0;
    for (int i = 0; i < plain.length(); ) {
      int cp = plain.codePointAt(i);
      w += isWide(cp) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return w;
  }

  private static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1FAFF)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
