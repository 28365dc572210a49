package io.slotoolkit.spec;

import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.SqlExpression;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads single values of a spec file (text, one of a few words, numbers, SQL expressions, zones,
 * lengths of time) and reports each wrong one as a problem with its place; every section reader of
 * the file shares one.
 */
final class ValueReader {
  final Path file;

  final List<Problem> problems;

  /**
   * @param file the spec file as the user named it
   * @param problems where problems go
   */
  ValueReader(Path file, List<Problem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /** A column name or a list of them under {@code key} ({@code per}, {@code dimensions}, ...). */
  List<String> columns(Fields slo, String key) {
    YamlNode v = slo.value(key);
    if (v == null) return List.of();
    String expected = "a column name or a list of them";
    List<YamlNode> items;
    if (v instanceof YamlNode.Scalar s && !s.isNull()) {
      items = List.of(s);
    } else if (v instanceof YamlNode.Sequence list) {
      items = list.items();
    } else {
      wrongType(slo, key, v, expected);
      return List.of();
    }
    List<String> columns = new ArrayList<>();
    for (YamlNode item : items) {
      if (!(item instanceof YamlNode.Scalar s) || s.isNull() || s.text().isBlank()) {
        problems.add(
            new Problem(
                item.location(),
                "a '" + key + "' column must be a name, found " + item.describe(),
                null));
      } else if (columns.contains(s.text())) {
        problems.add(
            new Problem(s.location(), "'" + key + "' lists column '" + s.text() + "' twice", null));
      } else {
        columns.add(s.text());
      }
    }
    return columns;
  }

  static final Pattern LENGTH =
      Pattern.compile("(?=[0-9])(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?");

  /** A length such as {@code 5m}, {@code 1h}, {@code 3d} or {@code 90s}. */
  Duration length(Fields f, String key, boolean required) {
    String expected = "a length such as 5m, 1h or 3d";
    YamlNode.Scalar s =
        required ? requiredScalar(f, key, expected, expected) : scalar(f, key, expected);
    if (s == null) return null;
    java.util.regex.Matcher m = LENGTH.matcher(s.text().strip());
    if (!m.matches()) {
      problems.add(
          new Problem(
              s.location(),
              "'" + key + "' must be a length, found " + s.describe(),
              "write a number and s, m, h or d, such as 5m, 1h, 3d or 5h36m"));
      return null;
    }
    long seconds = 0;
    long[] unit = {86_400, 3_600, 60, 1};
    for (int g = 1; g <= 4; g++) {
      if (m.group(g) == null) continue;
      long n;
      try {
        n = Long.parseLong(m.group(g));
      } catch (NumberFormatException e) {
        n = Long.MAX_VALUE / unit[0];
      }
      seconds =
          Math.min(
              Long.MAX_VALUE / 2, seconds + Math.min(n, Long.MAX_VALUE / unit[0]) * unit[g - 1]);
    }
    if (seconds > WindowParser.MAX_DAYS * 86_400) {
      problems.add(new Problem(s.location(), "'" + key + "' is too long: " + s.text(), null));
      return null;
    }
    return Duration.ofSeconds(seconds);
  }

  /**
   * Reads each item of {@code list} that is a map with {@code read}, keeping what it returns (null:
   * the item had problems, already reported); an item that is not a map is reported as {@code
   * notAMap} followed by what it is, with {@code hint}.
   */
  <T> List<T> eachMap(
      YamlNode.Sequence list, String notAMap, String hint, Function<YamlNode.Mapping, T> read) {
    List<T> out = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (item instanceof YamlNode.Mapping map) {
        T t = read.apply(map);
        if (t != null) out.add(t);
      } else {
        problems.add(new Problem(item.location(), notAMap + item.describe(), hint));
      }
    }
    return out;
  }

  /**
   * A non-empty scalar, or null: when absent (the caller reports it if required) or wrong (reported
   * here).
   */
  YamlNode.Scalar scalar(Fields f, String key, String expected) {
    YamlNode.Scalar s = scalarAllowingEmpty(f, key, expected);
    if (s != null && s.text().isBlank()) {
      problems.add(new Problem(s.location(), "'" + key + "' is empty", "write " + expected));
      return null;
    }
    return s;
  }

  YamlNode.Scalar scalarAllowingEmpty(Fields f, String key, String expected) {
    YamlNode v = f.value(key);
    if (v == null) return null;
    if (v instanceof YamlNode.Scalar s && !s.isNull()) return s;
    wrongType(f, key, v, expected);
    return null;
  }

  String text(Fields f, String key, String expected) {
    YamlNode.Scalar s = scalar(f, key, expected);
    return s == null ? null : s.text();
  }

  /** Like {@link #scalar}, and an absent key is reported as missing. */
  YamlNode.Scalar requiredScalar(Fields f, String key, String expected, String missingHint) {
    if (f.value(key) == null) {
      missing(f, key, missingHint);
      return null;
    }
    return scalar(f, key, expected);
  }

  String requiredText(Fields f, String key, String expected, String missingHint) {
    YamlNode.Scalar s = requiredScalar(f, key, expected, missingHint);
    return s == null ? null : s.text();
  }

  /** One of a few words; {@code fallback} when absent, null when wrong. */
  String oneOf(Fields f, String key, List<String> allowed, String fallback) {
    YamlNode.Scalar s = scalar(f, key, String.join(", ", allowed));
    if (s == null) return f.value(key) == null ? fallback : null;
    if (allowed.contains(s.text())) return s.text();
    problems.add(
        new Problem(
            s.location(),
            "unknown " + key + " '" + s.text() + "'",
            NearestMatch.didYouMean(s.text(), allowed)
                .orElse("allowed: " + String.join(", ", allowed))));
    return null;
  }

  /** A SQL boolean expression, located at its first character for the engine's messages. */
  SqlExpression expression(Fields f, String key, boolean required) {
    return expression(f, key, required, "a SQL boolean expression such as \"status < 500\"");
  }

  /** A SQL expression of another kind than a test, described by {@code expected}. */
  SqlExpression expression(Fields f, String key, boolean required, String expected) {
    YamlNode.Scalar s =
        required ? requiredScalar(f, key, expected, expected) : scalar(f, key, expected);
    if (s == null) return null;
    // Only trailing blanks go (a block scalar ends in a newline); leading ones stay so that an
    // offset into the text is also a column offset from the location.
    return new SqlExpression(s.text().stripTrailing(), s.textLocation());
  }

  ZoneId zone(Fields f, String key) {
    YamlNode.Scalar s = scalar(f, key, "an IANA time zone such as Europe/Berlin");
    if (s == null) return ZoneParser.UTC;
    try {
      return ZoneParser.parse(s.text());
    } catch (InvalidValueException e) {
      invalid(s, e);
      return ZoneParser.UTC;
    }
  }

  /** A whole number of 0 or more; 0 when absent. */
  long wholeNumber(Fields f, String key) {
    String expected = "a whole number of 0 or more";
    YamlNode.Scalar s = scalarAllowingEmpty(f, key, expected);
    if (s == null) return 0;
    if (s.kind() != YamlNode.Kind.INTEGER) {
      wrongType(f, key, s, expected);
      return 0;
    }
    if (s.number().signum() < 0) {
      problems.add(
          new Problem(s.location(), "'" + key + "' must be 0 or more, found " + s.text(), null));
      return 0;
    }
    try {
      return s.number().longValueExact();
    } catch (ArithmeticException e) {
      problems.add(new Problem(s.location(), "'" + key + "' is too large: " + s.text(), null));
      return 0;
    }
  }

  Boolean bool(Fields f, String key) {
    YamlNode.Scalar s = scalarAllowingEmpty(f, key, "true or false");
    if (s == null) return null;
    if (s.kind() == YamlNode.Kind.TRUE) return true;
    if (s.kind() == YamlNode.Kind.FALSE) return false;
    wrongType(f, key, s, "true or false");
    return null;
  }

  void missing(Fields f, String key, String hint) {
    if (f.suggests(key)) return;
    problems.add(new Problem(f.ownerLocation(), f.owner() + " is missing '" + key + "'", hint));
  }

  void wrongType(Fields f, String key, YamlNode v, String expected) {
    String hint = null;
    if (v instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.STRING) {
      // "30" in quotes is text to YAML; the fix is to drop the quotes.
      if (s.text().strip().matches("[0-9]+") || s.text().strip().matches("true|false")) {
        hint = "write " + s.text().strip() + " without quotes";
      }
    }
    problems.add(
        new Problem(
            at(v, f.keyLocation(key)),
            "'" + key + "' must be " + expected + ", found " + v.describe(),
            hint));
  }

  void invalid(YamlNode.Scalar s, InvalidValueException e) {
    problems.add(new Problem(s.location(), e.getMessage(), e.hint()));
  }

  /** Where to point at a value: at the key when the value is missing. */
  static SourceLocation at(YamlNode v, SourceLocation keyLocation) {
    return v instanceof YamlNode.Scalar s && s.isNull() ? keyLocation : v.location();
  }
}
