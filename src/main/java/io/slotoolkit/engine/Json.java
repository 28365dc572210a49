package io.slotoolkit.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON DuckDB returns for a parsed statement ({@code json_serialize_sql}) into maps,
 * lists, strings, {@link BigDecimal}s, booleans and null. The engine may not use Jackson (it lives
 * in {@code spec}); this reader knows just enough JSON for DuckDB's output, and refuses nesting
 * deeper than {@link #MAX_DEPTH} instead of overflowing the stack.
 */
final class Json {
  /** Deeper than any expression the checker accepts (a level of SQL is at most 3 of JSON). */
  static final int MAX_DEPTH = 1_000;

  private final String s;
  private int i;

  private Json(String s) {
    this.s = s;
  }

  /** Thrown for text that is not JSON or nests too deeply. */
  static final class Malformed extends RuntimeException {
    Malformed(String message) {
      super(message);
    }
  }

  /** The value {@code text} holds. */
  static Object parse(String text) {
    Json j = new Json(text);
    j.blank();
    Object v = j.value(0);
    j.blank();
    if (j.i != text.length()) throw new Malformed("text after the JSON value at " + j.i);
    return v;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) throw new Malformed("nested too deeply");
    if (i >= s.length()) throw new Malformed("unexpected end");
    char c = s.charAt(i);
    return switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string();
      case 't' -> word("true", Boolean.TRUE);
      case 'f' -> word("false", Boolean.FALSE);
      case 'n' -> word("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> m = new LinkedHashMap<>();
    i++;
    blank();
    if (peek() == '}') {
      i++;
      return m;
    }
    while (true) {
      blank();
      if (peek() != '"') throw new Malformed("a key expected at " + i);
      String key = string();
      blank();
      expect(':');
      blank();
      m.put(key, value(depth + 1));
      blank();
      char c = next();
      if (c == '}') return m;
      if (c != ',') throw new Malformed("',' or '}' expected at " + (i - 1));
    }
  }

  private List<Object> array(int depth) {
    List<Object> l = new ArrayList<>();
    i++;
    blank();
    if (peek() == ']') {
      i++;
      return l;
    }
    while (true) {
      blank();
      l.add(value(depth + 1));
      blank();
      char c = next();
      if (c == ']') return l;
      if (c != ',') throw new Malformed("',' or ']' expected at " + (i - 1));
    }
  }

  private String string() {
    i++;
    StringBuilder b = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') return b.toString();
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (i + 4 > s.length()) throw new Malformed("short \\u escape");
          b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
        }
        default -> throw new Malformed("bad escape \\" + e);
      }
    }
  }

  private BigDecimal number() {
    int start = i;
    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
    if (start == i) throw new Malformed("unexpected '" + s.charAt(i) + "' at " + i);
    try {
      return new BigDecimal(s.substring(start, i));
    } catch (NumberFormatException e) {
      throw new Malformed("bad number at " + start);
    }
  }

  private Object word(String w, Object v) {
    if (!s.startsWith(w, i)) throw new Malformed("unexpected text at " + i);
    i += w.length();
    return v;
  }

  private void blank() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
  }

  private char peek() {
    if (i >= s.length()) throw new Malformed("unexpected end");
    return s.charAt(i);
  }

  private char next() {
    char c = peek();
    i++;
    return c;
  }

  private void expect(char c) {
    if (next() != c) throw new Malformed("'" + c + "' expected at " + (i - 1));
  }
}
