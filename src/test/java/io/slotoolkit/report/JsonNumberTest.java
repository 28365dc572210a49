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

  /** What the writer wrote before it built the digits itself: BigDecimal's plain string. */
  private static String viaBigDecimal(double v) {
    return Json.plain(new java.math.BigDecimal(Json.shortest(v))).toPlainString();
  }

  /**
   * The digits are the shortest that read back as the double: never longer than Java 17's {@link
   * Double#toString}, which is not always the shortest (worked out: the double nearest
   * -1.93125733498705376E17 is also the one nearest -1.9312573349870538E17, one digit fewer).
   */
  @Test
  void the_digits_are_the_shortest_that_read_back() {
    assertThat(Double.toString(-1.93125733498705376E17)).isEqualTo("-1.93125733498705376E17");
    assertThat(Json.plainDecimal(-1.93125733498705376E17)).isEqualTo("-193125733498705380");
    java.util.Random random = new java.util.Random(17);
    for (int i = 0; i < 200_000; i++) {
      double v = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextDouble();
      if (!Double.isFinite(v)) continue;
      String s = Json.shortest(v);
      assertThat(Double.parseDouble(s)).as(s).isEqualTo(v);
      assertThat(s.length()).as(s).isLessThanOrEqualTo(Double.toString(v).length());
      assertThat(Double.parseDouble(Json.plainDecimal(v))).as(s).isEqualTo(v == 0 ? 0.0 : v);
    }
  }

  @Test
  void plain_decimals_are_worked_out_digit_by_digit() {
    assertThat(Json.plainDecimal(2.073408305455649)).isEqualTo("2.073408305455649");
    assertThat(Json.plainDecimal(8475.417)).isEqualTo("8475.417");
    assertThat(Json.plainDecimal(1.179882948532208E-4)).isEqualTo("0.0001179882948532208");
    assertThat(Json.plainDecimal(-1.073408305455649)).isEqualTo("-1.073408305455649");
    assertThat(Json.plainDecimal(1.25e10)).isEqualTo("12500000000");
    assertThat(Json.plainDecimal(-3.5e-7)).isEqualTo("-0.00000035");
    assertThat(Json.plainDecimal(0.001)).isEqualTo("0.001");
    // within the plain range: digits as Double.toString gives them, a whole number's ".0" dropped
    assertThat(Json.plainDecimal(0.002)).isEqualTo("0.002");
    assertThat(Json.plainDecimal(0.0020000000000000005)).isEqualTo("0.0020000000000000005");
    assertThat(Json.plainDecimal(1234567.0)).isEqualTo("1234567");
    assertThat(Json.plainDecimal(9999999.5)).isEqualTo("9999999.5");
    assertThat(Json.plainDecimal(2.0)).isEqualTo("2");
    assertThat(Json.plainDecimal(0.0)).isEqualTo("0");
    assertThat(Json.plainDecimal(-0.0)).isEqualTo("0");
    assertThat(Json.plainDecimal(Double.MIN_VALUE)).isEqualTo("0." + "0".repeat(323) + "49");
  }

  @Test
  void plain_decimals_are_the_bigdecimal_ones_for_any_double() {
    double[] edges = {
      Double.MAX_VALUE,
      -Double.MAX_VALUE,
      Double.MIN_VALUE,
      Double.MIN_NORMAL,
      1e-3,
      0.00099999,
      1e7,
      9999999.999999998,
      1e21,
      1e22,
      123456789012345680.0,
      0.1,
      0.2,
      0.3,
      1.0 / 3,
      100,
      1e-300
    };
    for (double v : edges) {
      assertThat(Json.plainDecimal(v)).as("%s", v).isEqualTo(viaBigDecimal(v));
      assertThat(Json.plainDecimal(-v)).as("%s", -v).isEqualTo(viaBigDecimal(-v));
    }
    java.util.Random random = new java.util.Random(16);
    for (int i = 0; i < 200_000; i++) {
      // any bit pattern (every exponent), and ratios and rates as a check writes them
      double v = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextDouble() * 10;
      if (!Double.isFinite(v)) continue;
      assertThat(Json.plainDecimal(v)).as("%s", v).isEqualTo(viaBigDecimal(v));
    }
  }

  @Test
  void undefined_values_are_null() throws IOException {
    assertThat(written(null)).isEqualTo("{\"x\":null}");
    assertThat(written(Double.NaN)).isEqualTo("{\"x\":null}");
    assertThat(written(Double.POSITIVE_INFINITY)).isEqualTo("{\"x\":null}");
  }
}
