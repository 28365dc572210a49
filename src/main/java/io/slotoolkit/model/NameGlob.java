package io.slotoolkit.model;

import java.util.regex.Pattern;

/**
 * A name pattern as users write it on the command line ({@code --slo api-*}, {@code --forecast
 * sync/p?5}): {@code *} stands for any run of characters, {@code ?} for one, everything else for
 * itself.
 */
public final class NameGlob {
  private final String text;
  private final Pattern pattern;

  private NameGlob(String text, Pattern pattern) {
    this.text = text;
    this.pattern = pattern;
  }

  /** The glob {@code text}. */
  public static NameGlob of(String text) {
    StringBuilder b = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '*' -> b.append(".*");
        case '?' -> b.append('.');
        default -> b.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new NameGlob(text, Pattern.compile(b.toString()));
  }

  /** Whether the glob matches a name (NAME) or its qualified form (SERVICE/NAME). */
  public boolean matches(String name, String qualifiedName) {
    return pattern.matcher(name).matches() || pattern.matcher(qualifiedName).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
