package io.slotoolkit.engine;

/**
 * Hears how far a long query has got, so that a front end can draw a progress bar. Called from a
 * background thread; {@link #progress} only for queries that run longer than the engine's delay.
 */
public interface ProgressListener {
  /**
   * The running query's progress.
   *
   * @param percent 0 to 100, or negative when DuckDB cannot estimate it yet
   * @param rowsProcessed rows read so far
   * @param totalRows rows DuckDB expects to read (an estimate; 0 when unknown)
   */
  void progress(double percent, long rowsProcessed, long totalRows);

  /** The query that reported progress has ended (finished, failed or was cancelled). */
  void done();

  /** A listener that ignores everything. */
  ProgressListener NONE =
      new ProgressListener() {
        @Override
        public void progress(double percent, long rowsProcessed, long totalRows) {}

        @Override
        public void done() {}
      };
}
