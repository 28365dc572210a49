package io.slotoolkit.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The value shapes {@link SpecSchema} describes keys with: JSON Schema nodes for text, numbers,
 * durations, shares, enums, patterns, label maps, lists and references to other levels, each with
 * its description and examples.
 */
final class SchemaShapes {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SchemaShapes() {}

  static ObjectNode textMap(String description, Pattern keys, ObjectNode values) {
    ObjectNode o = described(description).put("type", "object");
    if (keys != null) o.putObject("propertyNames").put("pattern", "^" + keys.pattern() + "$");
    o.set("additionalProperties", values);
    return o;
  }

  static ObjectNode labels(String description) {
    ObjectNode o =
        textMap(
            description + " Key to value; select with --label key=value.",
            SloReader.LABEL_KEY,
            NODES.objectNode().put("type", "string"));
    o.putArray("examples").addObject().put("team", "payments").put("tier", "1");
    return o;
  }

  static ObjectNode annotations(String description) {
    ObjectNode o =
        textMap(
            description + " Key to text, for people and other tools.",
            null,
            NODES.objectNode().put("type", "string"));
    o.putArray("examples").addObject().put("owner-slack", "#payments-oncall");
    return o;
  }

  static ObjectNode links(String description) {
    ObjectNode o =
        textMap(
            description + " Name to http(s) URL, shown in the Markdown, HTML and JUnit outputs.",
            SloReader.LABEL_KEY,
            patternNode("^\\s*" + SloReader.URL.pattern() + "\\s*$"));
    o.putArray("examples")
        .addObject()
        .put("runbook", "https://wiki.example.com/runbooks/checkout")
        .put("dashboard", "https://grafana.example.com/d/checkout");
    return o;
  }

  /** error, or null written bare (YAML's null) or as text. */
  static ObjectNode missingColumns() {
    ObjectNode o =
        described(
            "When the files of a glob differ: error refuses a column some files lack; null reads"
                + " it as NULL in those files' rows, with a note. Default: error.");
    o.putArray("enum").add("error").add("null").addNull();
    examples(o, "null");
    return o;
  }

  private static ObjectNode described(String description) {
    return NODES.objectNode().put("description", description);
  }

  private static void examples(ObjectNode o, Object... examples) {
    if (examples.length == 0) return;
    ArrayNode a = o.putArray("examples");
    for (Object e : examples) {
      if (e instanceof String s) a.add(s);
      else if (e instanceof Integer i) a.add(i);
      else if (e instanceof Double d) a.add(d);
      else throw new IllegalArgumentException(String.valueOf(e));
    }
  }

  static ObjectNode text(String description, String... examples) {
    ObjectNode o = described(description).put("type", "string");
    examples(o, (Object[]) examples);
    return o;
  }

  static ObjectNode character(String description, String example) {
    ObjectNode o = text(description, example);
    o.put("minLength", 1).put("maxLength", 1);
    return o;
  }

  static ObjectNode expression(String description, String example) {
    return text(description + " A DuckDB SQL boolean expression (see docs/specs.md).", example);
  }

  static ObjectNode zone(String description) {
    return text(description, "UTC", "Europe/Berlin", "Asia/Tokyo");
  }

  static ObjectNode bool(String description) {
    return described(description).put("type", "boolean");
  }

  static ObjectNode count(String description) {
    return described(description).put("type", "integer").put("minimum", 0);
  }

  static ObjectNode constant(int value, String description) {
    ObjectNode o = described(description).put("const", value);
    examples(o, value);
    return o;
  }

  static ObjectNode enumNode(List<String> values) {
    ObjectNode o = NODES.objectNode().put("type", "string");
    ArrayNode a = o.putArray("enum");
    values.forEach(a::add);
    return o;
  }

  static ObjectNode enumOf(String description, List<String> values) {
    ObjectNode o = enumNode(values);
    o.put("description", description);
    return o;
  }

  /** An ECMA-262 pattern that matches the whole text, as Java's {@code matches()} does. */
  static ObjectNode patternNode(String regex) {
    return NODES.objectNode().put("type", "string").put("pattern", regex);
  }

  static ObjectNode pattern(String description, Pattern p, String... examples) {
    ObjectNode o = patternNode("^" + p.pattern() + "$");
    o.put("description", description);
    examples(o, (Object[]) examples);
    return o;
  }

  static String caseInsensitive(Iterable<String> words) {
    StringBuilder b = new StringBuilder("^(");
    boolean first = true;
    for (String w : words) {
      if (!first) b.append('|');
      first = false;
      for (char c : w.toCharArray()) {
        b.append('[').append(Character.toLowerCase(c)).append(Character.toUpperCase(c)).append(']');
      }
    }
    return b.append(")$").toString();
  }

  static ObjectNode number(Integer exclusiveMinimum, Integer exclusiveMaximum) {
    ObjectNode o = NODES.objectNode().put("type", "number");
    if (exclusiveMinimum != null) o.put("exclusiveMinimum", exclusiveMinimum);
    if (exclusiveMaximum != null) o.put("exclusiveMaximum", exclusiveMaximum);
    return o;
  }

  static ObjectNode numberWithExamples(String description, Object... examples) {
    ObjectNode o = described(description).put("type", "number");
    examples(o, examples);
    return o;
  }

  static ObjectNode share(String description) {
    return oneOf(
        description + " A percent such as 25% or a ratio such as 0.25.",
        patternNode("^\\s*-?[0-9]+(\\.[0-9]+)?\\s*%\\s*$"),
        NODES.objectNode().put("type", "number"),
        "25%");
  }

  static ObjectNode window(String description) {
    ObjectNode o =
        anyOf(
            description,
            enumNode(List.of("week", "month", "quarter", "year")),
            patternNode("^\\s*[1-9][0-9]*[dh]\\s*$"));
    examples(o, "28d", "30d", "36h", "month");
    return o;
  }

  static ObjectNode length(String description, String example) {
    ObjectNode o = patternNode("^\\s*" + ValueReader.LENGTH.pattern() + "\\s*$");
    o.put("description", description);
    examples(o, example);
    return o;
  }

  static ObjectNode clock(String description, String example) {
    ObjectNode o = patternNode("^\\s*[0-9]{1,2}:[0-9]{2}\\s*$");
    o.put("description", description);
    examples(o, example);
    return o;
  }

  static ObjectNode ref(SpecLevel level, String description) {
    return refNode(level).put("description", description);
  }

  static ObjectNode refNode(SpecLevel level) {
    return NODES.objectNode().put("$ref", "#/$defs/" + SpecSchema.defName(level));
  }

  static ObjectNode arrayNode(ObjectNode items) {
    ObjectNode o = NODES.objectNode().put("type", "array");
    o.set("items", items);
    return o;
  }

  static ObjectNode arrayOf(String description, ObjectNode items) {
    ObjectNode o = arrayNode(items);
    o.put("description", description);
    return o;
  }

  static ObjectNode listOf(SpecLevel level, String description) {
    return arrayOf(description, refNode(level));
  }

  static ObjectNode mapOf(SpecLevel level, Pattern names, String description) {
    ObjectNode o = described(description).put("type", "object");
    o.putObject("propertyNames").put("pattern", "^" + names.pattern() + "$");
    o.set("additionalProperties", refNode(level));
    return o;
  }

  static ObjectNode oneOrMany(String description, String... examples) {
    ObjectNode one = NODES.objectNode().put("type", "string").put("minLength", 1);
    ObjectNode many = arrayNode(one.deepCopy());
    many.put("minItems", 1);
    ObjectNode o = oneOf(description, one, many);
    examples(o, (Object[]) examples);
    return o;
  }

  static ObjectNode columns(String description, String example) {
    ObjectNode one = NODES.objectNode().put("type", "string").put("minLength", 1);
    ObjectNode many = arrayNode(one.deepCopy());
    many.put("uniqueItems", true);
    ObjectNode o = oneOf(description + " A column name or a list of them.", one, many);
    examples(o, example);
    return o;
  }

  static ObjectNode oneOrManyMatching(String description, Pattern p, String example) {
    ObjectNode one = patternNode("^" + p.pattern() + "$");
    ObjectNode many = arrayNode(one.deepCopy());
    many.put("uniqueItems", true);
    ObjectNode o = oneOf(description, one, many);
    o.set("examples", example(List.of(example)));
    return o;
  }

  static ArrayNode example(List<String> value) {
    ArrayNode outer = NODES.arrayNode();
    ArrayNode inner = outer.addArray();
    value.forEach(inner::add);
    return outer;
  }

  static ObjectNode oneOf(String description, ObjectNode a, ObjectNode b, Object... ex) {
    ObjectNode o = described(description);
    o.putArray("oneOf").add(a).add(b);
    examples(o, ex);
    return o;
  }

  static ObjectNode anyOf(String description, ObjectNode a, ObjectNode b, Object... ex) {
    ObjectNode o = described(description);
    o.putArray("anyOf").add(a).add(b);
    examples(o, ex);
    return o;
  }
}
