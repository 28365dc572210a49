package io.slotoolkit.model;

import java.util.List;

/**
 * What happened to a source's rows during a run, so that nothing is dropped unseen.
 *
 * @param source the source
 * @param files how many files it read
 * @param rowsInRange rows whose time fell in the scanned range (earliest window start to the
 *     evaluation instant)
 * @param excludedRows rows in range that the source's {@code where} left out
 * @param nullTimeRows rows whose event time was empty
 * @param badRows malformed rows skipped (within the allowance)
 * @param badRowSamples up to a few {@code file:line: problem} lines for the malformed rows
 * @param notes what reading the files changed or left out (skipped empty files, for example)
 */
public record SourceStats(
    DataSource source,
    int files,
    long rowsInRange,
    long excludedRows,
    long nullTimeRows,
    long badRows,
    List<String> badRowSamples,
    List<String> notes) {
  public SourceStats {
    badRowSamples = List.copyOf(badRowSamples);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /** Stats without notes. */
  public SourceStats(
      DataSource source,
      int files,
      long rowsInRange,
      long excludedRows,
      long nullTimeRows,
      long badRows,
      List<String> badRowSamples) {
    this(source, files, rowsInRange, excludedRows, nullTimeRows, badRows, badRowSamples, List.of());
  }
}
