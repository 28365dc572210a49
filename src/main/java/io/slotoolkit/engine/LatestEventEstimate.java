package io.slotoolkit.engine;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cheap estimate of a CSV source's latest event: the latest event time among the last lines of
 * each of its files (exports are mostly written in time order), read by DuckDB with the source's
 * own dialect and column types from copies of those lines in the connection's temporary folder.
 *
 * <p>It is only ever a guess: {@code slo check} scans the source once with the window end the guess
 * gives and keeps the counts only when that scan's own latest event confirms it ({@link
 * ScanCompiler#compileOpenEnded}); a wrong guess costs a second scan, never a wrong result.
 */
final class LatestEventEstimate {
  /** How much of the end of each file is read: a few hundred lines of a typical log. */
  static final int TAIL_BYTES = 64 * 1024;

  /** How much is read over all files of a source: a source of many files reads less of each. */
  static final int TOTAL_BYTES = 4 * 1024 * 1024;

  /** The least read of each file, however many files a source has. */
  static final int MIN_TAIL_BYTES = 4 * 1024;

  /**
   * How to read one group of a source's files from copies of their last lines.
   *
   * @param files the source's files of this group
   * @param options read_csv options after the file list: the dialect without a header line, the
   *     columns and their types, malformed lines skipped
   */
  record Reader(List<String> files, String options) {
    Reader {
      files = List.copyOf(files);
    }
  }

  private LatestEventEstimate() {}

  /**
   * The latest event time among the last lines of every file of {@code src}, or empty when there is
   * nothing to estimate from: no reader (not a CSV source, or a partitioned one), a file that
   * cannot be read here, or no readable time in the sampled lines. (A source with a row check, such
   * as a float column whose NaN makes the row malformed, is estimated too: its open-ended scan
   * keeps the raw latest time, see {@link ScanCompiler#rawLatest}.)
   *
   * @param n a number unique to the source in this connection, for the copies' names
   */
  static Optional<Instant> of(Database db, BoundSource src, List<Reader> readers, int n) {
    if (readers.isEmpty()) return Optional.empty();
    List<String> reads = new ArrayList<>();
    int files = readers.stream().mapToInt(r -> r.files().size()).sum();
    int bytes = Math.max(MIN_TAIL_BYTES, Math.min(TAIL_BYTES, TOTAL_BYTES / Math.max(1, files)));
    int copies = 0;
    try {
      for (Reader reader : readers) {
        List<String> tails = new ArrayList<>();
        for (String file : reader.files()) {
          byte[] tail = lastLines(Path.of(file), bytes);
          if (tail.length == 0) continue;
          Path copy = db.tempDirectory().resolve("latest-sample-" + n + "-" + (++copies) + ".csv");
          Files.write(copy, tail);
          tails.add(copy.toAbsolutePath().toString());
        }
        if (!tails.isEmpty())
          reads.add(
              "SELECT "
                  + src.time().latestMicros()
                  + " AS __t FROM read_csv("
                  + Sql.literalList(tails)
                  + reader.options()
                  + ")");
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    if (reads.isEmpty()) return Optional.empty();
    try {
      Instant latest =
          db.one(
              "SELECT max(__t) FROM (" + String.join(" UNION ALL ", reads) + ")",
              r -> r.getObject(1) == null ? null : TimeColumn.instant(r.getLong(1)));
      return Optional.ofNullable(latest);
    } catch (Database.QueryFailed | IllegalStateException e) {
      return Optional.empty(); // the sample did not read as the source does: no estimate
    }
  }

  /**
   * The whole lines among the last {@code bytes} bytes of a file: the line the cut falls in is left
   * out, and so is the first line of a file read whole (its header, most often).
   */
  static byte[] lastLines(Path file, int bytes) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long size = f.length();
      int len = (int) Math.min(size, bytes);
      byte[] b = new byte[len];
      f.seek(size - len);
      f.readFully(b);
      int start = 0;
      while (start < len && b[start] != '\n') start++;
      start++;
      if (start >= len) return new byte[0];
      byte[] out = new byte[len - start];
      System.arraycopy(b, start, out, 0, out.length);
      return out;
    }
  }
}
