package io.slotoolkit.model;

import java.util.List;
import java.util.Locale;

/** When a run fails the CI gate ({@code --fail-on}). */
public enum Gate {
  /** Fail when any SLO or group is BREACHED (the default). */
  BREACHED,
  /** Never fail on results; errors still exit 2 or 3. */
  NONE;

  public boolean passes(List<SloResult> results) {
    return switch (this) {
      case NONE -> true;
      case BREACHED -> results.stream().noneMatch(r -> r.status() == Status.BREACHED);
    };
  }

  /** Parses {@code breached} or {@code none}; null when unknown. */
  public static Gate parse(String s) {
    for (Gate g : values()) if (g.name().equalsIgnoreCase(s.strip())) return g;
    return null;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
