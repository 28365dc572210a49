package io.slotoolkit.model;

/**
 * Where an SLO stands in its window, with the one word and tone every command and format shows it
 * with (check, report, explain, the shell; text, Markdown, HTML, JSON, GitHub, JUnit).
 */
public enum Status {
  /** Fewer valid events than {@code max(1, min_events)}. */
  NO_DATA(Tone.NEUTRAL),
  /** SLI below the objective. */
  BREACHED(Tone.BAD),
  /** SLI at or above the objective, and no burn-rate alert fired. */
  OK(Tone.GOOD),
  /**
   * SLI at or above the objective, but a burn-rate alert pair fired: the budget is going fast. Only
   * ever replaces OK; NO_DATA and BREACHED keep precedence.
   */
  ALERT(Tone.WARNING),
  /**
   * SLI at or above the objective (with or without a fired pair), but the source's latest event is
   * older than its {@code max_staleness} allows at the evaluation instant: the numbers describe the
   * past, not now. Only ever replaces OK or ALERT; NO_DATA and BREACHED keep precedence.
   */
  STALE(Tone.WARNING);

  /** How a status is coloured: green, yellow, red, or grey. */
  public enum Tone {
    GOOD,
    WARNING,
    BAD,
    NEUTRAL
  }

  private final Tone tone;

  Status(Tone tone) {
    this.tone = tone;
  }

  /** The word shown for this status everywhere: {@code OK}, {@code ALERT}, {@code NO_DATA}. */
  public String word() {
    return name();
  }

  /** Its colour in every format. */
  public Tone tone() {
    return tone;
  }
}
