package io.slotoolkit.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** The one way slo writes JSON: indented, {@code "key": value}, decimals never in exponent form. */
public final class Json {
  private Json() {}

  /** A generator over {@code out} that leaves {@code out} open when it is closed. */
  public static JsonGenerator generator(PrintWriter out) {
    try {
      JsonGenerator g = new JsonFactory().createGenerator(out);
      g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(
          new DefaultPrettyPrinter(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                      .withArrayEmptySeparator("")
                      .withObjectEmptySeparator(""))
              .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE));
      return g;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
