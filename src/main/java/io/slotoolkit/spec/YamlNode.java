package io.slotoolkit.spec;

import io.slotoolkit.model.SourceLocation;
import java.math.BigDecimal;
import java.util.List;

/**
 * A YAML value with the line and column it was written at: the tree the converter walks, so that
 * every problem points at its place in the file.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

  /** Where the value starts (for a quoted scalar: its opening quote). */
  SourceLocation location();

  /** What the value is, for messages: {@code a list}, {@code text 'abc'}, {@code nothing}. */
  String describe();

  /** A map; keys are unique (the reader reports and drops repeats). */
  record Mapping(List<Entry> entries, SourceLocation location) implements YamlNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    Entry entry(String key) {
      for (Entry e : entries) if (e.key().equals(key)) return e;
      return null;
    }

    @Override
    public String describe() {
      return entries.isEmpty() ? "an empty map" : "a map";
    }
  }

  /** One {@code key: value} of a map, with where the key was written. */
  record Entry(String key, SourceLocation keyLocation, YamlNode value) {}

  /** A list. */
  record Sequence(List<YamlNode> items, SourceLocation location) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return items.isEmpty() ? "an empty list" : "a list";
    }
  }

  /**
   * A single value.
   *
   * @param text the value as written (without quotes); empty for null
   * @param kind how YAML typed it
   * @param number the exact value for {@link Kind#INTEGER} and {@link Kind#DECIMAL}, else null
   * @param location where the value starts, quote included
   * @param textLocation where the text itself starts: after an opening quote, or on the first line
   *     of a block scalar
   */
  record Scalar(
      String text,
      Kind kind,
      BigDecimal number,
      SourceLocation location,
      SourceLocation textLocation)
      implements YamlNode {

    boolean isNull() {
      return kind == Kind.NULL;
    }

    /** The text to parse: the exact number for numbers ({@code 1_000} is 1000), else the text. */
    String value() {
      return number != null ? number.toPlainString() : text;
    }

    @Override
    public String describe() {
      String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
      return switch (kind) {
        case NULL -> "nothing";
        case STRING -> "text '" + shown + "'";
        case INTEGER, DECIMAL -> "the number " + shown;
        case TRUE, FALSE -> "the boolean " + shown;
      };
    }
  }

  /** How YAML typed a scalar. */
  enum Kind {
    STRING,
    INTEGER,
    DECIMAL,
    TRUE,
    FALSE,
    NULL
  }
}
