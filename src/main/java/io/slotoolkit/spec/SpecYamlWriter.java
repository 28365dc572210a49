package io.slotoolkit.spec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a spec built as maps, lists and scalars in block style, with comments: a map key that
 * starts with {@code #} is written as a comment line at its place (its value is the text). Text is
 * written plain when YAML reads it back as the same text, else in double quotes.
 */
final class SpecYamlWriter {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/.][A-Za-z0-9_ ./%*-]*");
  private static final Pattern RESERVED =
      Pattern.compile("(?i)(true|false|yes|no|on|off|y|n|null|~)");

  private final StringBuilder out = new StringBuilder();

  private SpecYamlWriter() {}

  static String write(Map<String, Object> spec) {
    SpecYamlWriter w = new SpecYamlWriter();
    w.map(spec, 0);
    return w.out.toString();
  }

  private void map(Map<?, ?> map, int indent) {
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      // the first key of a list item follows its "- " on the same line
      String pad = first && indent < 0 ? "" : " ".repeat(Math.abs(indent));
      int level = Math.abs(indent);
      first = false;
      if (key.startsWith("#")) {
        for (String line : String.valueOf(e.getValue()).split("\n")) {
          out.append(pad).append("# ").append(line).append('\n');
          pad = " ".repeat(level);
        }
        continue;
      }
      out.append(pad).append(scalar(key)).append(':');
      value(e.getValue(), level);
    }
  }

  private void value(Object v, int level) {
    if (v instanceof Map<?, ?> m && !m.isEmpty()) {
      out.append('\n');
      map(m, level + 2);
    } else if (v instanceof List<?> list && !list.isEmpty()) {
      out.append('\n');
      list(list, level + 2);
    } else {
      out.append(v == null ? "" : " " + inline(v)).append('\n');
    }
  }

  private void list(List<?> list, int level) {
    for (Object item : list) {
      out.append(" ".repeat(level)).append("- ");
      if (item instanceof Map<?, ?> m && !m.isEmpty()) {
        map(m, -(level + 2));
      } else if (item instanceof List<?> l && !l.isEmpty()) {
        out.append('\n');
        list(l, level + 2);
      } else {
        out.append(item == null ? "" : inline(item)).append('\n');
      }
    }
  }

  private static String inline(Object v) {
    if (v instanceof Map<?, ?>) return "{}";
    if (v instanceof List<?>) return "[]";
    if (v instanceof BigDecimal d) return d.toPlainString();
    if (v instanceof BigInteger || v instanceof Long || v instanceof Integer) return v.toString();
    if (v instanceof Double d) return BigDecimal.valueOf(d).toPlainString();
    if (v instanceof Boolean b) return b.toString();
    return scalar(String.valueOf(v));
  }

  static String scalar(String s) {
    if (PLAIN.matcher(s).matches() && !RESERVED.matcher(s).matches() && !s.endsWith(" ")) {
      return s;
    }
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20) b.append(String.format("\\x%02x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }
}
