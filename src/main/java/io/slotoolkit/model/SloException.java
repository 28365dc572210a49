package io.slotoolkit.model;

import java.util.List;

/**
 * A failure the user can act on: it carries the exit code and the problems to print. Anything else
 * that escapes is a bug (exit 70).
 */
public class SloException extends RuntimeException {
  private final ExitCode exitCode;
  private final String hint;
  private final List<Problem> problems;

  public SloException(
      ExitCode exitCode, String message, String hint, List<Problem> problems, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.hint = hint;
    this.problems = List.copyOf(problems);
  }

  /** A spec or usage error (exit 2). */
  public static SloException spec(String message, String hint) {
    return new SloException(ExitCode.USAGE, message, hint, List.of(), null);
  }

  /** Spec errors found in one pass over the files (exit 2); the message summarises them. */
  public static SloException spec(List<Problem> problems) {
    String message =
        problems.size() == 1
            ? problems.get(0).render()
            : problems.size() + " problems in the specs";
    return new SloException(ExitCode.USAGE, message, null, problems, null);
  }

  /** A data error (exit 3): a source could not be read, a column is missing, bad rows. */
  public static SloException data(String message, String hint) {
    return new SloException(ExitCode.DATA, message, hint, List.of(), null);
  }

  public static SloException data(String message, String hint, Throwable cause) {
    return new SloException(ExitCode.DATA, message, hint, List.of(), cause);
  }

  /** Several data problems found at once (exit 3). */
  public static SloException dataProblems(String message, List<Problem> problems) {
    return new SloException(ExitCode.DATA, message, null, problems, null);
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  /** What the user could do about it; may be null. */
  public String hint() {
    return hint;
  }

  /** Every located problem behind this error (the message renders the first when there is one). */
  public List<Problem> problems() {
    return problems;
  }
}
