package io.slotoolkit.report;

/** Escaping for XML 1.0 text and attribute values. */
final class Xml {
  private Xml() {}

  /** Text content: {@code & < >} escaped; characters XML 1.0 cannot hold become U+FFFD. */
  static String text(String s) {
    return escape(s, false);
  }

  /**
   * An attribute value in double quotes: also {@code "} and the whitespace characters that
   * attribute normalisation would otherwise turn into spaces.
   */
  static String attr(String s) {
    return escape(s, true);
  }

  private static String escape(String s, boolean attribute) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                case '\n' -> b.append(attribute ? "&#10;" : "\n");
                case '\r' -> b.append("&#13;");
                case '\t' -> b.append(attribute ? "&#9;" : "\t");
                default -> {
                  if (allowed(c)) b.appendCodePoint(c);
                  else b.append('\uFFFD');
                }
              }
            });
    return b.toString();
  }

  private static boolean allowed(int c) {
    return (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
  }
}
