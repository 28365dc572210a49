package io.slotoolkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonNumberTest {
  private static String written(Double v) throws IOException {
    StringWriter s = new StringWriter();
    try (JsonGenerator g = Json.generator(new PrintWriter(s))) {
      g.writeStartObject();
      Json.number(g, "x", v);
      g.writeEndObject();
    }
    return s.toString().replaceAll("\\s+", "");
  }

  @Test
  void doubles_are_plain_shortest_decimals() throws IOException {
    assertThat(written(0.93288590604)).isEqualTo("{\"x\":0.93288590604}");
    assertThat(written(100.0)).isEqualTo("{\"x\":100}");
    assertThat(written(1.0e7)).isEqualTo("{\"x\":10000000}");
    assertThat(written(1.0e-4)).isEqualTo("{\"x\":0.0001}");
    assertThat(written(-0.0)).isEqualTo("{\"x\":0}");
  }

  @Test
  void undefined_values_are_null() throws IOException {
    assertThat(written(null)).isEqualTo("{\"x\":null}");
    assertThat(written(Double.NaN)).isEqualTo("{\"x\":null}");
    assertThat(written(Double.POSITIVE_INFINITY)).isEqualTo("{\"x\":null}");
  }
}
