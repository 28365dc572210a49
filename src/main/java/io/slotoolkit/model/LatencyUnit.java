package io.slotoolkit.model;

import java.math.BigDecimal;

/** Units a latency column may be stored in, with their length in microseconds. */
public enum LatencyUnit {
  US("us", BigDecimal.ONE),
  MS("ms", BigDecimal.valueOf(1_000)),
  S("s", BigDecimal.valueOf(1_000_000));

  private final String symbol;
  private final BigDecimal micros;

  LatencyUnit(String symbol, BigDecimal micros) {
    this.symbol = symbol;
    this.micros = micros;
  }

  public String symbol() {
    return symbol;
  }

  /** Microseconds in one of this unit. */
  public BigDecimal micros() {
    return micros;
  }

  public static LatencyUnit fromSymbol(String s) {
    for (LatencyUnit u : values()) if (u.symbol.equals(s)) return u;
    return null;
  }
}
