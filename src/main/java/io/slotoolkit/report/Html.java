package io.slotoolkit.report;

/** Escaping for HTML text and attribute values: every user string goes through here. */
public final class Html {
  private Html() {}

  /** {@code <a & "b">} becomes {@code &lt;a &amp; &quot;b&quot;&gt;}; null becomes empty. */
  public static String esc(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          // control characters other than tab and newline have no business in a page
          if (c < 0x20 && c != '\t' && c != '\n') b.append('\uFFFD');
          else b.append(c);
        }
      }
    }
    return b.toString();
  }

  /** An id fragment from an SLO name (already {@code [a-z0-9-]}), safe in any case. */
  public static String id(String s) {
    return "slo-" + s.replaceAll("[^A-Za-z0-9-]", "_");
  }
}
