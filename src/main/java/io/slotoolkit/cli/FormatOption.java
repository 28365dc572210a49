package io.slotoolkit.cli;

import java.util.Iterator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --format}, declared once for every command that renders a result: the formats a command
 * offers are its {@link Offers#formats()}, which picocli lists in the help, completes in the shell
 * scripts and accepts (any case), as it would an enum of them.
 */
final class FormatOption {
  /** The output formats of slo's commands; each command offers some of them. */
  enum Format {
    text,
    json,
    markdown,
    junit,
    github,
    html
  }

  /** A command with a {@code --format}: the formats it offers, the default ({@code text}) first. */
  interface Offers {
    List<Format> formats();
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      completionCandidates = Choices.class,
      converter = Choices.class,
      description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  Format value = Format.text;

  /**
   * The picocli factory of one command's model: the choices of {@code --format} come from the
   * command's {@link Offers#formats()}, everything else from picocli's default factory.
   */
  static CommandLine.IFactory factory(Object command) {
    CommandLine.IFactory picocli = CommandLine.defaultFactory();
    return new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        return cls == Choices.class
            ? cls.cast(new Choices(((Offers) command).formats()))
            : picocli.create(cls);
      }
    };
  }

  /** The formats one command offers, as completion candidates and as the value's converter. */
  static final class Choices implements Iterable<String>, CommandLine.ITypeConverter<Format> {
    private final List<Format> offered;

    Choices(List<Format> offered) {
      this.offered = List.copyOf(offered);
    }

    @Override
    public Iterator<String> iterator() {
      return offered.stream().map(Enum::name).iterator();
    }

    /** The offered format named {@code value} in any case; else picocli's message for an enum. */
    @Override
    public Format convert(String value) {
      for (Format f : offered) if (f.name().equalsIgnoreCase(value)) return f;
      throw new CommandLine.TypeConversionException(
          String.format(
              "expected one of %s (case-insensitive) but was '%s'",
              offered.stream().map(Enum::name).toList(), value));
    }
  }
}
