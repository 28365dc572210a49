package io.slotoolkit.model;

/** Process exit codes, fixed by the contract: scripts and CI pipelines depend on them. */
public enum ExitCode {
  /** Ran, and every gate passed. */
  OK(0),
  /** Ran, and a gate failed (for {@code slo check}: by default, an SLO is breached). */
  GATE_FAILED(1),
  /** Usage or spec error: nothing was evaluated. */
  USAGE(2),
  /**
   * A source could not be read, a column is missing, or rows were malformed beyond the allowance.
   */
  DATA(3),
  /** A bug in slo itself. */
  INTERNAL(70);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
