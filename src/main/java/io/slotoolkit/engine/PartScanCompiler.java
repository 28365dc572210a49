package io.slotoolkit.engine;

import io.slotoolkit.engine.ScanCompiler.Branch;
import io.slotoolkit.engine.ScanCompiler.CompiledScan;
import io.slotoolkit.engine.ScanCompiler.CountColumn;
import io.slotoolkit.engine.ScanCompiler.SloWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles the scan of a cached {@code slo check} that reads some files in part (docs/cache.md,
 * step 4): the check scan of {@link ScanCompiler} (no buckets) over the files that are not settled,
 * less what the totals of the files read in part give, which the caller adds.
 *
 * <p>Why a file is read in part: a file straddling a window or alert window start would otherwise
 * be read whole. Its totals (one cached row per file) count in every window starting at or before
 * their reach T, its earliest or latest event, and the scan reads only its rows on the far side of
 * the starts inside it, each counting the difference {@code [t >= start] - [T >= start]} per
 * window. That difference is folded into the part's window terms at compile time ({@link
 * PartTerms}), so each part is one statement of its own into the scan table, with a constant
 * {@value #REACH_CLASS}; the files read whole are aggregated by their own statement exactly as an
 * uncached scan's, so their rows pay nothing for the parts. {@link ScanCompiler} lays out the table
 * and writes the statements; this class only says what each one reads and counts.
 */
final class PartScanCompiler {
  private PartScanCompiler() {}

  /**
   * Files of a cached check scan read through one view. The files of the plain part ({@code totals}
   * null) count their rows as any scan does. A part of one file whose totals the caller adds in
   * every window (and alert window) starting at or before {@code totals}, its earliest or its
   * latest event, reads only its rows in {@code [from, to)}, and they count the difference: each
   * row {@code [t >= start] - [totals >= start]} per window. With {@code totals} the earliest event
   * and {@code from} after it, that is +1 in the windows starting after the earliest event at or
   * before the row; with {@code totals} the latest event and {@code to} at or before it ({@link
   * #before}), -1 in those starting after the row at or before the latest event. A row of the file
   * outside {@code [from, to)} must have no window start between its time and {@code totals}: it
   * then counts 0 everywhere, so that reading it anyway (a pruning filter is not exact) changes
   * nothing.
   *
   * @param view the view over the part's files
   * @param from start of the rows read (inclusive)
   * @param to end of the rows read (exclusive)
   * @param totals the file's earliest event (before {@code from}) or its latest (at or after {@code
   *     to}); null for the plain part
   */
  record FilePart(String view, Instant from, Instant to, Instant totals) {
    FilePart {
      if (totals != null && !totals.isBefore(from) && totals.isBefore(to))
        throw new IllegalArgumentException("totals inside the part read: " + totals);
    }

    /** Whether the part reads the file's rows before its latest event (they count -1). */
    boolean before() {
      return totals != null && !totals.isBefore(to);
    }
  }

  /**
   * The column of a scan reading files in part holding, for the rows of a file read in part, the
   * age class of its {@link FilePart#totals} (an alert window starting at or before it takes the
   * file's totals, and the file's rows read count there only by their difference: see {@link
   * ScanTable#readAlertWindows}); -1 for the rows of files read whole.
   */
  static final String REACH_CLASS = "__ar";

  /**
   * The scan over {@code parts}: the same counts as {@link ScanCompiler#compile(BoundSource, List,
   * Instant, Instant, java.time.Duration, String, ExpressionChecker) the check scan}, less what the
   * totals of the files read in part give; the row statistics of the plain part only. Every SLO
   * with alert windows has alert flags of its own ({@link ScanCompiler#alertFlags}), 0 for the
   * files read whole where its window's flags serve.
   */
  static CompiledScan compile(
      BoundSource src,
      List<SloWindow> slos,
      List<FilePart> parts,
      Instant from,
      Instant at,
      String table,
      ExpressionChecker checker) {
    String keep = ScanCompiler.keep(src, checker);
    List<Instant> bounds = ScanCompiler.ageBounds(slos, at);
    // the files read whole, then each file read in part with its own time filter (a Parquet file's
    // row groups outside it are skipped) and its own terms
    List<Branch> branches = new ArrayList<>();
    for (FilePart p : List.copyOf(parts)) {
      FilePart part = p.totals() == null ? null : p;
      ScanTerms terms = part == null ? new ScanTerms() : new PartTerms(part);
      List<CountColumn> columns = ScanCompiler.sloColumns(slos, at, terms, checker, part != null);
      // (a part none of whose rows count anywhere is not read at all)
      if (columns.isEmpty()) continue;
      branches.add(
          new Branch(
              columns,
              terms,
              ScanCompiler.read(src.time(), keep, p.view(), p.from(), p.to()),
              part == null ? -1 : ageClass(bounds, part.totals()),
              // a part read before its file's latest event counts -1 in its windows
              part != null && part.before()));
    }
    // the table's columns: every SLO with alert windows has alert flags of its own
    List<CountColumn> columns = ScanCompiler.sloColumns(slos, at, new ScanTerms(), checker, true);
    return ScanCompiler.compile(
        src, slos, branches, columns, true, from, at, null, null, false, table);
  }

  /**
   * The terms of the statement that counts one file read in part, whose window terms fold in the
   * part's {@link FilePart#totals}.
   */
  static final class PartTerms extends ScanTerms {
    private final FilePart part;

    PartTerms(FilePart part) {
      this.part = part;
    }

    @Override
    boolean partRead() {
      return true;
    }

    /**
     * The term a row of the part counts by in a window starting at {@code t}: after the totals'
     * reach, a part read from there on counts its rows at or after {@code t}; at or before it, a
     * part read up to there counts its rows before {@code t}, negated by the statement ({@link
     * FilePart#before}); otherwise none ({@link ScanTerms#NEVER}).
     */
    @Override
    String since(Instant t) {
      boolean taken = !t.isAfter(part.totals());
      if (part.before() != taken) return NEVER;
      // no row of the part before its start, or at or after its end
      if (part.before() ? !t.isAfter(part.from()) : !t.isBefore(part.to())) return NEVER;
      return part.before() ? name("__w", "__t < " + TimeColumn.micros(t)) : super.since(t);
    }
  }

  /**
   * The age class of an event at {@code t}, as {@code __a} is: how many bounds are at or before it.
   */
  private static int ageClass(List<Instant> bounds, Instant t) {
    int c = 0;
    for (Instant b : bounds) if (!b.isAfter(t)) c++;
    return c;
  }
}
