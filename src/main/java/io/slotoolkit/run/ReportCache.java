package io.slotoolkit.run;

import io.slotoolkit.engine.CacheFile;
import io.slotoolkit.engine.Engine;
import io.slotoolkit.engine.ScanCompiler;
import io.slotoolkit.engine.TimeColumn;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.ExcludedInterval;
import io.slotoolkit.model.SloException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The report's part of the scan cache ({@code slo report --cache DIR}): per file of a source, the
 * rows that file alone gives the report scan's table ({@link Engine.FileByFile#reportRows}: per
 * grouping set its counts over all the file's rows, the overall set per time bucket, without the
 * segment column), kept in one file per source in {@code DIR} and keyed by the file's identity and
 * by a fingerprint of the per-file query.
 *
 * <p>A file is <em>settled</em> at a run when it has no row without a readable time, no exclusion
 * overlaps it, no cut of the scan's segment column lies inside it, and its events lie wholly inside
 * the scanned range or wholly outside it. A settled file inside the range lies in one segment: its
 * rows go into the scan table in that segment, and the report scan reads the other files only
 * ({@link Engine.FileByFile#reportScanFiles}); every query over the table (daily counts, the last 7
 * days, breakdowns, period history) sums rows, so it gives what a scan of every file gives. The
 * check's statuses and the default window end come from the check's cache ({@link ScanCache}).
 */
public final class ReportCache {
  /** The cache file format; a file of another format is ignored. */
  static final int FORMAT = 1;

  private static final String MAGIC = "SLOREPRT";

  /** How the engine reads a source file by file; null when it cannot (nothing is cached). */
  private final Engine.FileByFile engine;

  private final Path dir;
  private final String version;
  private final Consumer<String> notes;
  private final List<Prepared> prepared = new ArrayList<>();
  private int filesTotalled;
  private int filesScanned;

  /**
   * A cache in {@code dir} for a run on {@code engine}.
   *
   * @param version the slo version writing and trusting the cache
   * @param notes where a note on an ignored cache file goes (stderr)
   */
  public ReportCache(Engine engine, Path dir, String version, Consumer<String> notes) {
    this.engine = engine.fileByFile().orElse(null);
    this.dir = dir;
    this.version = version;
    this.notes = notes;
  }

  /** How many files this run read for their rows (new or changed files). */
  public int filesTotalled() {
    return filesTotalled;
  }

  /** How many files this run's report scans read (files not settled). */
  public int filesScanned() {
    return filesScanned;
  }

  /** One source's files and their rows, for one fingerprint. */
  private record Prepared(
      String fingerprint, Path file, Map<String, Engine.ReportFile> files, boolean changed) {}

  /**
   * The report scan of {@link Engine#scan(DataSource, List, Instant, Instant, ScanCompiler.Extras)}
   * through the cache: only the files not settled are read, and the settled files' rows are added
   * to the scan table. Null when the source cannot be read file by file (then the caller scans it
   * as without the cache).
   */
  public Engine.SourceScan scan(
      DataSource source,
      List<ScanCompiler.SloWindow> windows,
      Instant from,
      Instant at,
      ScanCompiler.Extras extras) {
    Prepared p = prepare(source, windows, extras);
    if (p == null) return null;
    long fromUs = TimeColumn.micros(from);
    long atUs = TimeColumn.micros(at);
    List<Long> cuts = extras.cuts(windows).stream().map(TimeColumn::micros).toList();
    List<ExcludedInterval> exclusions =
        windows.stream().flatMap(w -> w.exclusions().stream()).toList();
    List<String> read = new ArrayList<>();
    // the settled files' rows, summed per row of the table (grouping set, keys, bucket, segment)
    Map<List<Object>, long[]> sums = new LinkedHashMap<>();
    long rejectRows = 0;
    List<Engine.FileReject> rejects = new ArrayList<>();
    for (Engine.ReportFile f : p.files().values()) {
      if (!settled(f, cuts, exclusions, fromUs, atUs)) {
        read.add(f.file().path());
        continue;
      }
      rejectRows += f.rejectRows();
      rejects.addAll(f.rejects());
      if (f.latest() == null || f.latest() < fromUs || f.earliest() >= atUs) continue;
      int segment = segment(f.earliest(), cuts);
      for (Engine.ReportRow row : f.rows()) {
        List<Object> key = Arrays.asList(row.gid(), row.keys(), row.bucket(), segment);
        long[] sum = sums.get(key);
        if (sum == null) sums.put(key, row.counts().clone());
        else for (int c = 0; c < sum.length; c++) sum[c] += row.counts()[c];
      }
    }
    List<Engine.ReportRow> rows = new ArrayList<>(sums.size());
    sums.forEach(
        (key, sum) -> {
          @SuppressWarnings("unchecked")
          List<String> keys = (List<String>) key.get(1);
          rows.add(
              new Engine.ReportRow(
                  (Long) key.get(0), keys, (Long) key.get(2), (Integer) key.get(3), sum));
        });
    filesScanned += read.size();
    io.slotoolkit.engine.Database.mark("settled files' rows summed");
    return engine.reportScanFiles(
        source,
        windows,
        from,
        at,
        extras,
        read,
        rows,
        new Engine.SettledRows(0, 0, 0, rejectRows, rejects));
  }

  /**
   * Whether a file's rows stand in for reading it: no row without a readable time (the scan
   * accounts those in the scanned range only), all its events inside the scanned range {@code
   * [from, at)} or all outside, no cut inside {@code (earliest, latest]} (all its events in one
   * segment), and no exclusion overlapping it.
   */
  static boolean settled(
      Engine.ReportFile f,
      List<Long> cuts,
      List<ExcludedInterval> exclusions,
      long fromUs,
      long atUs) {
    if (f.nullTime() > 0) return false;
    if (f.latest() == null) return true;
    if (f.latest() < fromUs || f.earliest() >= atUs) return true;
    if (f.earliest() < fromUs || f.latest() >= atUs) return false;
    for (long cut : cuts) if (f.earliest() < cut && cut <= f.latest()) return false;
    for (ExcludedInterval x : exclusions)
      if (TimeColumn.micros(x.start()) <= f.latest() && TimeColumn.micros(x.end()) > f.earliest())
        return false;
    return true;
  }

  /** The segment of an event at {@code us}: how many cuts are at or before it. */
  static int segment(long us, List<Long> cuts) {
    int s = 0;
    for (long cut : cuts) if (cut <= us) s++;
    return s;
  }

  private Prepared prepare(
      DataSource source, List<ScanCompiler.SloWindow> windows, ScanCompiler.Extras extras) {
    if (engine == null) return null;
    var fingerprint = engine.reportFingerprint(source, windows, extras);
    io.slotoolkit.engine.Database.mark("report cache fingerprint");
    if (fingerprint.isEmpty()) return null;
    Path file = dir.resolve(CacheFile.nameFor(source, "sloreport"));
    Map<String, Engine.ReportFile> cached = read(file, fingerprint.get());
    io.slotoolkit.engine.Database.mark("report cache file read");
    boolean changed = cached == null;
    if (cached == null) cached = Map.of();
    Map<String, Engine.ReportFile> files = new LinkedHashMap<>();
    try {
      for (Engine.FileIdentity id : engine.identities(source)) {
        Engine.ReportFile f = cached.get(id.path());
        if (f == null || !f.file().equals(id)) {
          f = engine.reportRows(source, windows, extras, id);
          filesTotalled++;
          changed = true;
        }
        files.put(id.path(), f);
      }
    } catch (SloException e) {
      // a file that cannot be read for its rows: the source is read as without the cache, which
      // fails the same way, with the message it gives
      return null;
    }
    io.slotoolkit.engine.Database.mark("report files identified and read");
    if (!files.keySet().equals(cached.keySet())) changed = true;
    Prepared p = new Prepared(fingerprint.get(), file, files, changed);
    prepared.add(p);
    return p;
  }

  /** Writes the cache file of every source read through the cache whose files changed. */
  public void save() {
    for (Prepared p : prepared) {
      if (!p.changed()) continue;
      try {
        write(p);
      } catch (IOException | RuntimeException e) {
        notes.accept("slo: cache " + p.file() + " not written: " + CacheFile.reason(e));
      }
    }
  }

  // ---- the file (see CacheFile): per entry the file's identity, time range, row accounting, and
  // its rows; strings (paths, hashes, key values) through the string table

  private void write(Prepared p) throws IOException {
    CacheFile.Writer out = new CacheFile.Writer();
    int keys = 0;
    int columns = 0;
    for (Engine.ReportFile f : p.files().values()) {
      if (f.rows().isEmpty()) continue;
      keys = f.rows().get(0).keys().size();
      columns = f.rows().get(0).counts().length;
      break;
    }
    out.number(keys).number(columns).number(p.files().size());
    for (Engine.ReportFile f : p.files().values()) {
      Engine.FileIdentity id = f.file();
      out.string(id.path()).number(id.size()).number(id.modified()).string(id.hash());
      out.nullable(f.earliest()).nullable(f.latest());
      out.number(f.nullTime()).number(f.rejectRows());
      out.number(f.rejects().size());
      for (Engine.FileReject r : f.rejects())
        out.string(r.file()).number(r.line()).string(r.message());
      out.number(f.rows().size());
      for (Engine.ReportRow row : f.rows()) {
        out.number(row.gid()).nullable(row.bucket());
        for (String k : row.keys()) out.string(k);
        for (long c : row.counts()) out.number(c);
      }
    }
    CacheFile.write(p.file(), MAGIC, FORMAT, version, p.fingerprint(), 0, out);
  }

  /**
   * The entries of a cache file, by path; null (with a note) when the file is unreadable, of
   * another format or version, or damaged; null without a note when absent or for another scan.
   */
  private Map<String, Engine.ReportFile> read(Path file, String fingerprint) {
    CacheFile.Content content = CacheFile.read(file, MAGIC, FORMAT, version);
    if (content.absent()) return null;
    if (content.ignored() != null) {
      ignored(file, content.ignored());
      return null;
    }
    // written for other SLOs, dimensions or source settings (a spec edit): replaced without a note
    if (!content.fingerprint().equals(fingerprint)) return null;
    try {
      CacheFile.Reader in = content.payload();
      int keys = in.count();
      int columns = in.count();
      Map<String, Engine.ReportFile> out = new LinkedHashMap<>();
      int n = in.count();
      for (int i = 0; i < n; i++) {
        Engine.ReportFile f = readEntry(in, keys, columns);
        out.put(f.file().path(), f);
      }
      if (!in.done()) throw new IOException("bytes after the last entry");
      return out;
    } catch (IOException | RuntimeException e) {
      ignored(file, "unreadable (" + CacheFile.reason(e) + ")");
      return null;
    }
  }

  private static Engine.ReportFile readEntry(CacheFile.Reader in, int keys, int columns)
      throws IOException {
    Engine.FileIdentity id =
        new Engine.FileIdentity(in.string(), in.number(), in.number(), in.string());
    if (id.path() == null || id.hash() == null) throw new IOException("entry without a file");
    Long earliest = in.nullable();
    Long latest = in.nullable();
    long nullTime = in.number();
    long rejectRows = in.number();
    int r = in.count();
    List<Engine.FileReject> rejects = new ArrayList<>();
    for (int i = 0; i < r; i++)
      rejects.add(new Engine.FileReject(in.string(), in.number(), in.string()));
    int n = in.count();
    List<Engine.ReportRow> rows = new ArrayList<>(Math.min(n, 1 << 16));
    for (int i = 0; i < n; i++) {
      long gid = in.number();
      Long bucket = in.nullable();
      List<String> values = new ArrayList<>(keys);
      for (int k = 0; k < keys; k++) values.add(in.string());
      long[] counts = new long[columns];
      for (int c = 0; c < columns; c++) counts[c] = in.number();
      rows.add(new Engine.ReportRow(gid, values, bucket, 0, counts));
    }
    return new Engine.ReportFile(id, earliest, latest, nullTime, rejectRows, rejects, rows);
  }

  private void ignored(Path file, String why) {
    notes.accept("slo: cache " + file + " ignored: " + why);
  }
}
