package io.slotoolkit.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SourceLocation;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads YAML text into a {@link YamlNode} tree that remembers the line and column of every key and
 * value. Syntax errors, aliases and repeated keys become problems; it never throws for bad input.
 */
final class YamlTreeReader {
  // The builder, unlike `new YAMLFactory()`, leaves this off: `key:` with nothing must read as
  // null, not as an empty string ("" in quotes stays an empty string either way).
  private static final YAMLFactory FACTORY =
      YAMLFactory.builder().enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();

  /**
   * What was read.
   *
   * @param root the document; null when the file is empty or not readable as YAML
   * @param problems syntax problems and repeated keys, in file order
   */
  record Result(YamlNode root, List<Problem> problems) {}

  private final Path file;
  private final List<String> lines;
  private final List<Problem> problems = new ArrayList<>();
  private YAMLParser parser;

  private YamlTreeReader(Path file, String text) {
    this.file = file;
    this.lines = List.of(text.split("\r\n|\r|\n", -1));
  }

  /**
   * @param file the file as the user named it, for locations
   * @param text its content, without a byte order mark
   */
  static Result read(Path file, String text) {
    return new YamlTreeReader(file, text).read(text);
  }

  private Result read(String text) {
    Problem control = controlCharacter(text);
    if (control != null) return fatal(control);
    try (YAMLParser p = FACTORY.createParser(text)) {
      parser = p;
      JsonToken first = p.nextToken();
      YamlNode root = first == null ? null : node(first);
      if (root == null || root instanceof YamlNode.Scalar s && s.isNull()) {
        return fatal(
            new Problem(
                SourceLocation.of(file), "the spec file is empty", "start it with 'version: 1'"));
      }
      for (JsonToken next = p.nextToken(); next != null; next = p.nextToken()) {
        SourceLocation at = here();
        if (!(node(next) instanceof YamlNode.Scalar s && s.isNull())) {
          problems.add(
              new Problem(
                  at,
                  "a second YAML document ('---') in one spec file",
                  "a spec file holds one document; put the second one in its own file"));
          break;
        }
      }
      return new Result(root, problems);
    } catch (AliasFound a) {
      return fatal(
          new Problem(
              a.at,
              "YAML aliases (*" + a.name + ") are not supported in spec files",
              "write the value out"));
    } catch (JsonProcessingException | YAMLException e) {
      return fatal(syntaxProblem(e));
    } catch (IOException e) {
      // Reading from a String does no I/O; anything else is a parser failure on this text.
      return fatal(Problem.of(SourceLocation.of(file), "cannot read YAML: " + e.getMessage()));
    }
  }

  /**
   * Every document of a YAML stream ({@code ---} between them), for formats that allow several,
   * such as OpenSLO. Empty documents are skipped.
   *
   * @param documents the documents in file order; what was read before a syntax error is kept
   * @param problems syntax problems and repeated keys, in file order
   */
  record Stream(List<YamlNode> documents, List<Problem> problems) {}

  /**
   * @param file the file as the user named it, for locations
   * @param text its content, without a byte order mark
   */
  static Stream readStream(Path file, String text) {
    return new YamlTreeReader(file, text).readAll(text);
  }

  private Stream readAll(String text) {
    List<YamlNode> documents = new ArrayList<>();
    Problem control = controlCharacter(text);
    if (control != null) {
      problems.add(control);
      return new Stream(documents, problems);
    }
    try (YAMLParser p = FACTORY.createParser(text)) {
      parser = p;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        YamlNode doc = node(t);
        if (!(doc instanceof YamlNode.Scalar s && s.isNull())) documents.add(doc);
      }
    } catch (AliasFound a) {
      problems.add(
          new Problem(
              a.at, "YAML aliases (*" + a.name + ") are not supported", "write the value out"));
    } catch (JsonProcessingException | YAMLException e) {
      problems.add(syntaxProblem(e));
    } catch (IOException e) {
      problems.add(Problem.of(SourceLocation.of(file), "cannot read YAML: " + e.getMessage()));
    }
    return new Stream(documents, problems);
  }

  private Result fatal(Problem p) {
    problems.add(p);
    return new Result(null, problems);
  }

  private YamlNode node(JsonToken token) throws IOException {
    SourceLocation at = here();
    return switch (token) {
      case START_OBJECT -> mapping(at);
      case START_ARRAY -> sequence(at);
      default -> scalar(token, at);
    };
  }

  private YamlNode.Mapping mapping(SourceLocation at) throws IOException {
    List<YamlNode.Entry> entries = new ArrayList<>();
    Map<String, YamlNode.Entry> seen = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      SourceLocation keyAt = here();
      String key = withoutNul(parser.currentName(), keyAt);
      YamlNode.Entry entry = new YamlNode.Entry(key, keyAt, node(parser.nextToken()));
      YamlNode.Entry first = seen.putIfAbsent(key, entry);
      if (first == null) {
        entries.add(entry);
      } else {
        // YAML forbids repeated keys; parsers that keep the last one silently are a classic trap.
        problems.add(
            new Problem(
                keyAt,
                "key '" + key + "' is set twice",
                "first at line " + first.keyLocation().line() + "; keep one"));
      }
    }
    return new YamlNode.Mapping(entries, at);
  }

  private YamlNode.Sequence sequence(SourceLocation at) throws IOException {
    List<YamlNode> items = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      items.add(node(t));
    }
    return new YamlNode.Sequence(items, at);
  }

  private YamlNode.Scalar scalar(JsonToken token, SourceLocation at) throws IOException {
    String text = parser.getText();
    YamlNode.Kind kind;
    BigDecimal number = null;
    switch (token) {
      case VALUE_NUMBER_INT -> {
        kind = YamlNode.Kind.INTEGER;
        number = parser.getDecimalValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        number = decimalOrNull();
        // .inf and .nan are floats to YAML but no decimal: keep them as text.
        kind = number == null ? YamlNode.Kind.STRING : YamlNode.Kind.DECIMAL;
      }
      case VALUE_TRUE -> kind = YamlNode.Kind.TRUE;
      case VALUE_FALSE -> kind = YamlNode.Kind.FALSE;
      case VALUE_NULL -> kind = YamlNode.Kind.NULL;
      default -> {
        // Jackson hands an alias over as a string holding the anchor's name.
        if (parser.isCurrentAlias()) {
          throw new AliasFound(at, text);
        }
        kind = YamlNode.Kind.STRING;
      }
    }
    return new YamlNode.Scalar(
        text == null ? "" : withoutNul(text, at), kind, number, at, textLocation(at));
  }

  /**
   * A value or key with an escaped NUL character ({@code "\0"}, {@code "\x00"}, {@code "\u0000"})
   * is reported at the escape (no DuckDB option, path or expression can hold one), and goes on with
   * U+FFFD in its place so that later checks do not trip over it: the spec fails either way.
   */
  private String withoutNul(String text, SourceLocation at) {
    if (text == null || text.indexOf('\0') < 0) return text;
    problems.add(
        new Problem(
            nulEscape(at),
            "a NUL character (written as an escape) in a value",
            "remove it: no spec value may contain one"));
    return text.replace('\0', '\uFFFD');
  }

  /** Where the first escape that stands for NUL is, at or after {@code at}; else {@code at}. */
  private SourceLocation nulEscape(SourceLocation at) {
    java.util.regex.Pattern escape = java.util.regex.Pattern.compile("\\\\(0|x00|u0000|U00000000)");
    for (int n = Math.max(1, at.line()); n <= lines.size() && n < at.line() + 1000; n++) {
      String line = lines.get(n - 1);
      int from = 0;
      if (n == at.line()) {
        try {
          from = line.offsetByCodePoints(0, Math.max(0, at.column() - 1));
        } catch (IndexOutOfBoundsException e) {
          from = 0;
        }
      }
      java.util.regex.Matcher m = escape.matcher(line);
      if (m.find(from)) return new SourceLocation(file, n, line.codePointCount(0, m.start()) + 1);
    }
    return at;
  }

  /**
   * The first character YAML does not allow in a file (NUL and other control characters), located;
   * SnakeYAML's own message for it names no line.
   */
  private Problem controlCharacter(String text) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        boolean allowed =
            c == '\t'
                || c == '\r'
                || (c >= 0x20 && c <= 0x7E)
                || c == 0x85
                || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
        if (!allowed) {
          return new Problem(
              new SourceLocation(file, line, column),
              c == 0
                  ? "a NUL character (byte 0) in the file"
                  : String.format("a control character (U+%04X) in the file", c),
              "YAML files hold text only; remove it");
        }
        column++;
      }
      i += Character.charCount(c);
    }
    return null;
  }

  private BigDecimal decimalOrNull() throws IOException {
    try {
      return parser.getDecimalValue();
    } catch (JsonProcessingException | NumberFormatException e) {
      return null;
    }
  }

  private SourceLocation here() {
    JsonLocation l = parser.currentTokenLocation();
    return new SourceLocation(file, l.getLineNr(), l.getColumnNr());
  }

  /**
   * Where a scalar's text begins: one column after an opening quote, or the first non-blank line of
   * a {@code |} or {@code >} block. The parser gives the start of the whole token only.
   */
  private SourceLocation textLocation(SourceLocation at) {
    if (at.line() < 1 || at.line() > lines.size()) return at;
    String line = lines.get(at.line() - 1);
    int index;
    try {
      // Columns count code points, as the YAML scanner does.
      index = line.offsetByCodePoints(0, at.column() - 1);
    } catch (IndexOutOfBoundsException e) {
      return at;
    }
    if (index >= line.length()) return at;
    char c = line.charAt(index);
    if (c == '"' || c == '\'') return at.shifted(1);
    if (c == '|' || c == '>') {
      for (int n = at.line(); n < lines.size(); n++) {
        String next = lines.get(n);
        if (!next.isBlank()) {
          int indent = next.length() - next.stripLeading().length();
          return new SourceLocation(file, n + 1, indent + 1);
        }
      }
    }
    return at;
  }

  private Problem syntaxProblem(Exception e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) return marked(m);
    }
    SourceLocation at = SourceLocation.of(file);
    String message = e.getMessage();
    if (e instanceof JsonProcessingException j) {
      message = j.getOriginalMessage();
      JsonLocation l = j.getLocation();
      if (l != null && l.getLineNr() > 0)
        at = new SourceLocation(file, l.getLineNr(), l.getColumnNr());
    }
    message =
        message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    if (message.startsWith("Expected a field name")) {
      return new Problem(at, "YAML syntax error: a key must be plain text", "not a list or a map");
    }
    return Problem.of(at, "YAML syntax error: " + message);
  }

  /** Snakeyaml's messages, reworded for the mistakes people make in spec files. */
  private Problem marked(MarkedYAMLException m) {
    String problem = m.getProblem() == null ? "" : m.getProblem();
    String context = m.getContext() == null ? "" : m.getContext();
    SourceLocation at = location(m.getProblemMark());
    if (problem.contains("(TAB)")) {
      return new Problem(at, "YAML syntax error: a tab character", "indent with spaces, not tabs");
    }
    if (context.startsWith("while scanning a quoted scalar") && m.getContextMark() != null) {
      return new Problem(
          location(m.getContextMark()),
          "YAML syntax error: this quoted text is never closed",
          "add the closing quote");
    }
    if (problem.startsWith("mapping values are not allowed")) {
      return new Problem(
          at,
          "YAML syntax error: a ':' is not allowed here",
          "check the indentation, or quote a value that contains ': '");
    }
    if (problem.startsWith("expected <block end>")) {
      return new Problem(
          at,
          "YAML syntax error: the indentation does not match the lines above",
          "keys of one map start in the same column");
    }
    String what = problem.isEmpty() ? context : problem;
    String message = "YAML syntax error: " + what.replace('\n', ' ').strip();
    if (!context.isEmpty() && !problem.isEmpty() && m.getContextMark() != null) {
      Mark c = m.getContextMark();
      message += " (" + context.strip() + " at line " + (c.getLine() + 1) + ")";
    }
    return Problem.of(at, message);
  }

  private SourceLocation location(Mark mark) {
    return new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** Aborts the read: a tree with aliases resolved to names would mislead every later check. */
  private static final class AliasFound extends RuntimeException {
    final SourceLocation at;
    final String name;

    AliasFound(SourceLocation at, String name) {
      super(null, null, false, false);
      this.at = at;
      this.name = name;
    }
  }
}
