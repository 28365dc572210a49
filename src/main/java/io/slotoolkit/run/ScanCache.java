package io.slotoolkit.run;

import io.slotoolkit.engine.BindMemo;
import io.slotoolkit.engine.CacheFile;
import io.slotoolkit.engine.Engine;
import io.slotoolkit.engine.ScanCompiler;
import io.slotoolkit.engine.TimeColumn;
import io.slotoolkit.model.Counts;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.Group;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The scan cache of {@code slo check --cache DIR}: per file of a source, its totals for the SLOs
 * that read the source ({@link Engine#fileTotals}), kept in one file per source in {@code DIR} and
 * keyed by the file's identity and by a fingerprint of the totals query, so that a run reads only
 * the files that are new or changed, and those whose events straddle a boundary at this run's
 * window end.
 *
 * <p>A file is <em>settled</em> at a window end when its events lie wholly inside the scanned range
 * or wholly outside it, and for every SLO scanned from its source wholly on one side of the SLO's
 * window start and of each alert window's start, and outside its exclusions: its totals then count
 * in the window and in each alert window that holds the file, or nowhere. The check scan reads the
 * other files only ({@link Engine#scanFiles}) and the settled files' totals are added to its
 * counts: the same counts, row accounting and malformed-row samples as a scan of every file. A file
 * that straddles window starts only may be read in part ({@link FileSettlement#partRead}), its
 * totals added where they stand in for its other rows. A cache file that cannot be read, was
 * written by another version or for another spec, or fails its checksum is ignored with a note,
 * never trusted; each file's entry is used only when its identity still matches.
 */
public final class ScanCache {
  /** The cache file format; a file of another format is ignored. */
  static final int FORMAT = 3;

  private static final String MAGIC = "SLOCACHE";

  /** How the engine reads a source file by file; null when it cannot (nothing is cached). */
  private final Engine.FileByFile engine;

  private final Path dir;
  private final String version;
  private final Consumer<String> notes;
  private final BindMemo memo;

  /** The cache files read ahead while the sources were bound; null for none. */
  private final ReadAhead ahead;

  private final Map<DataSource, Prepared> prepared = new LinkedHashMap<>();
  private int filesTotalled;
  private int filesTotalledByScan;
  private int filesScanned;
  private int filesPartlyRead;

  /**
   * A cache in {@code dir} (created when missing) for a run on {@code engine}, saving {@code memo}
   * with its own files. The memo ({@link BindMemo}, of the same folder) is handed to the engine
   * before it binds the sources, so that binding does not sniff or open the files it has seen
   * unchanged; an engine that bound them already (the shell's) binds without it.
   *
   * @param version the slo version writing and trusting the cache
   * @param notes where a note on an ignored cache file goes (stderr)
   */
  public ScanCache(Engine engine, Path dir, String version, Consumer<String> notes, BindMemo memo) {
    this(engine, dir, version, notes, memo, null);
  }

  /**
   * As {@link #ScanCache(Engine, Path, String, Consumer, BindMemo)}, taking the cache files that
   * {@code ahead} ({@link #readAhead}) read while the engine bound the sources.
   */
  public ScanCache(
      Engine engine,
      Path dir,
      String version,
      Consumer<String> notes,
      BindMemo memo,
      ReadAhead ahead) {
    this.engine = engine.fileByFile().orElse(null);
    this.dir = dir;
    this.version = version;
    this.notes = notes;
    this.memo = memo;
    this.ahead = ahead;
  }

  /**
   * Starts reading and decoding the cache files of {@code sources} in {@code dir} on another
   * thread, for a {@link ScanCache} opened once they are bound: reading the benchmark's 1.5 MB file
   * (182,000 group totals) takes about 30 ms, which binding the sources (mostly DuckDB reading
   * files' metadata) leaves a core free for. Nothing is trusted here: the cache checks each file's
   * fingerprint when it opens it, as without the read ahead.
   */
  public static ReadAhead readAhead(Path dir, List<DataSource> sources, String version) {
    Map<Path, java.util.concurrent.CompletableFuture<Decoded>> files = new LinkedHashMap<>();
    for (DataSource s : sources)
      files.putIfAbsent(
          dir.resolve(CacheFile.nameFor(s, "slocache")),
          new java.util.concurrent.CompletableFuture<>());
    Thread t =
        new Thread(
            () -> {
              for (Map.Entry<Path, java.util.concurrent.CompletableFuture<Decoded>> f :
                  files.entrySet()) {
                try {
                  f.getValue().complete(decode(f.getKey(), version));
                } catch (Throwable e) {
                  f.getValue().completeExceptionally(e);
                }
              }
            },
            "slo-cache-read");
    // a run that fails before it opens the cache does not wait for this
    t.setDaemon(true);
    t.start();
    return new ReadAhead(files);
  }

  /** Cache files being read on another thread ({@link #readAhead}). */
  public static final class ReadAhead {
    private final Map<Path, java.util.concurrent.CompletableFuture<Decoded>> files;

    private ReadAhead(Map<Path, java.util.concurrent.CompletableFuture<Decoded>> files) {
      this.files = files;
    }

    /** The file as read ahead (waiting for it), once; null when it was not read ahead. */
    private Decoded take(Path file) {
      java.util.concurrent.CompletableFuture<Decoded> f = files.remove(file);
      if (f == null) return null;
      try {
        return f.join();
      } catch (java.util.concurrent.CompletionException e) {
        // read again on this thread, where what went wrong is reported as without the read ahead
        return null;
      }
    }
  }

  /**
   * Checks that {@code dir} is a folder this run can write its cache to (creating it); a usage
   * error (exit 2) otherwise, before anything is read, naming the folder as the user gave it
   * ({@code given}: {@code --cache DIR} or {@code SLO_CACHE=DIR}).
   */
  public static void checkWritable(Path dir, String given) {
    try {
      Files.createDirectories(dir);
      Path probe = io.slotoolkit.engine.NewPaths.file(dir, ".slo-cache-", ".probe");
      Files.delete(probe);
    } catch (IOException | RuntimeException e) {
      throw SloException.spec(
          given + ": cannot write to this folder (" + reason(e) + ")",
          "give a folder slo can create and write, or leave --cache (and SLO_CACHE) out");
    }
  }

  /** The slo version of this build, as {@code slo --version} shows it. */
  public static String sloVersion() {
    Properties p = new Properties();
    try (InputStream in =
        ScanCache.class.getResourceAsStream("/io/slotoolkit/version.properties")) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }

  /** How many files this run read for their totals (new or changed files). */
  public int filesTotalled() {
    return filesTotalled;
  }

  /**
   * How many of those had their totals taken from the check scan that read them whole ({@link
   * Engine.FileByFile#scannedTotals}), not from a read of their own.
   */
  public int filesTotalledByScan() {
    return filesTotalledByScan;
  }

  /**
   * How many files this run's check scans read, whole or in part (files not settled at the window
   * end).
   */
  public int filesScanned() {
    return filesScanned;
  }

  /** How many of those the check scans read in part ({@link #partRead}). */
  public int filesPartlyRead() {
    return filesPartlyRead;
  }

  /**
   * One source's files and their totals, for one list of SLOs. A new or changed file whose event
   * times can be read alone ({@link Engine.FileByFile#span}) is {@code pending} until a scan: its
   * entry in {@code totals} holds its time range and rows without a time only (no groups), until
   * the check scan that reads it whole gives its totals, or they are read; the map and the set
   * change then, nothing else does.
   */
  private record Prepared(
      List<Slo> slos,
      String fingerprint,
      Path file,
      Map<String, Engine.FileCounts> totals,
      boolean changed,
      java.util.Set<String> pending) {}

  /**
   * Whether this source is read through the cache when these SLOs (in scan order) are scanned from
   * it; prepares it on first use: reads its cache file, identifies its files and reads the totals
   * of those that are new or changed.
   */
  boolean covers(DataSource source, List<Slo> slos) {
    return prepare(source, slos) != null;
  }

  private Prepared prepare(DataSource source, List<Slo> slos) {
    Prepared p = prepared.get(source);
    if (p != null && p.slos().equals(slos)) return p;
    if (prepared.containsKey(source) && p == null) return null;
    List<ScanCompiler.SloWindow> open = open(slos);
    var fingerprint =
        engine == null
            ? java.util.Optional.<String>empty()
            : engine.totalsFingerprint(source, open);
    io.slotoolkit.engine.Database.mark("cache fingerprint");
    if (fingerprint.isEmpty()) {
      prepared.put(source, null);
      return null;
    }
    Path file = dir.resolve(CacheFile.nameFor(source, "slocache"));
    Map<String, Engine.FileCounts> cached = read(file, fingerprint.get(), slos.size());
    io.slotoolkit.engine.Database.mark("cache file read");
    boolean changed = cached == null;
    if (cached == null) cached = Map.of();
    Map<String, Engine.FileCounts> totals = new LinkedHashMap<>();
    java.util.Set<String> pending = new java.util.LinkedHashSet<>();
    try {
      for (Engine.FileIdentity id : engine.identities(source)) {
        Engine.FileCounts c = cached.get(id.path());
        if (c == null || !c.file().equals(id)) {
          changed = true;
          var span = engine.span(source, open, id);
          if (span.isPresent()) {
            c = spanOnly(id, span.get(), slos.size());
            pending.add(id.path());
          } else {
            c = engine.totals(source, open, id);
            filesTotalled++;
          }
        }
        totals.put(id.path(), c);
      }
    } catch (SloException e) {
      // a file that cannot be read for its totals: the source is read as without the cache, which
      // fails the same way, with the message it gives
      prepared.put(source, null);
      return null;
    }
    io.slotoolkit.engine.Database.mark("files identified and totalled");
    if (!totals.keySet().equals(cached.keySet())) changed = true;
    p = new Prepared(List.copyOf(slos), fingerprint.get(), file, totals, changed, pending);
    prepared.put(source, p);
    return p;
  }

  /**
   * The latest readable event time of a source read through the cache, from its files' totals; null
   * when no file holds one, or when a file holds rows without a readable time or with a NaN (the
   * engine's latest event is then asked).
   */
  Instant latest(DataSource source, List<Slo> slos) {
    Prepared p = prepare(source, slos);
    Long max = null;
    for (Engine.FileCounts c : p.totals().values()) {
      // a row with a NaN or infinite number has a time the latest event counts, which the
      // totals leave out: the engine is asked instead
      if (c.nullTime() > 0) return null;
      if (c.latest() != null && (max == null || c.latest() > max)) max = c.latest();
    }
    return max == null ? null : FileSettlement.instant(max);
  }

  /**
   * The check scan of {@link Engine#scan(DataSource, List, Instant, Duration)} for a source this
   * cache covers: only the files not settled at {@code at} are read, and the settled files' totals
   * are added to the counts and row accounting.
   */
  Engine.SourceScan scan(DataSource source, List<ScanCompiler.SloWindow> scan, Instant at) {
    Prepared p = prepare(source, scan.stream().map(ScanCompiler.SloWindow::slo).toList());
    Instant from = scan.stream().map(w -> w.earliest(at)).min(Instant::compareTo).orElse(at);
    long fromUs = TimeColumn.micros(from);
    long atUs = TimeColumn.micros(at);
    List<String> read = new ArrayList<>();
    List<Engine.PartFile> partly = new ArrayList<>();
    // the files whose totals count (settled, or read in part), each with its totals' reach: the
    // windows and alert windows starting at or before it take the totals
    List<Engine.FileCounts> settled = new ArrayList<>();
    List<Long> reach = new ArrayList<>();
    List<Long> cuts = FileSettlement.cuts(scan, at);
    // a pending file the scan reads whole, inside every window: its totals come from the scan;
    // every other one's are read now, as it may be settled or read in part
    String byScan = fromScan(p, scan, cuts, from, at);
    for (String path : List.copyOf(p.pending())) if (!path.equals(byScan)) total(p, source, path);
    for (Engine.FileCounts c : p.totals().values()) {
      if (FileSettlement.settled(c, scan, fromUs, atUs, at)) {
        settled.add(c);
        reach.add(c.earliest());
        continue;
      }
      Engine.PartFile part = FileSettlement.partRead(c, scan, cuts, from, at);
      if (part == null) read.add(c.file().path());
      else {
        partly.add(part);
        settled.add(c);
        reach.add(TimeColumn.micros(part.totals()));
      }
    }
    long inRange = 0;
    long excluded = 0;
    long nullTime = 0;
    long rejectRows = 0;
    List<Engine.FileReject> rejects = new ArrayList<>();
    for (Engine.FileCounts c : settled) {
      if (FileSettlement.inRange(c, fromUs, atUs)) {
        inRange += c.timed();
        excluded += c.excluded();
      }
      nullTime += c.nullTime();
      rejectRows += c.rejectRows();
      rejects.addAll(c.rejects());
    }
    filesScanned += read.size() + partly.size();
    filesPartlyRead += partly.size();
    Engine.SourceScan result =
        engine.scanFiles(
            source,
            scan,
            at,
            read,
            partly,
            new Engine.SettledRows(inRange, excluded, nullTime, rejectRows, rejects));
    if (byScan != null) {
      // the scan's table holds the file's totals only when the file is all it read whole
      Engine.FileCounts c = p.totals().get(byScan);
      Engine.FileSpan span = new Engine.FileSpan(c.earliest(), c.latest(), c.nullTime());
      var scanned =
          read.equals(List.of(byScan))
              ? engine.scannedTotals(source, scan, result, c.file(), span)
              : java.util.Optional.<Engine.FileCounts>empty();
      if (scanned.isPresent()) {
        p.totals().put(byScan, scanned.get());
        p.pending().remove(byScan);
        filesTotalled++;
        filesTotalledByScan++;
      } else total(p, source, byScan);
    }
    Map<Slo, List<Engine.GroupCounts>> counts = new LinkedHashMap<>();
    for (int i = 0; i < scan.size(); i++) {
      ScanCompiler.SloWindow w = scan.get(i);
      Slo slo = w.slo();
      List<Duration> lengths = List.copyOf(w.alertWindows());
      // the scan's groups first, then the settled files' new ones in the order they appear; the
      // files' totals are summed per group and added to its counts once, at the end
      Map<Group, Sum> groups = new LinkedHashMap<>();
      for (Engine.GroupCounts g : result.counts().getOrDefault(slo, List.of()))
        groups.put(g.group(), new Sum(g, lengths.size()));
      // by the group's one value when it has one (the cache's strings are shared by its files,
      // so a lookup is mostly a cached hash and a reference test), else by its list of values
      Map<Object, Sum> byValues = new java.util.HashMap<>();
      for (int f = 0; f < settled.size(); f++) {
        Engine.FileCounts c = settled.get(f);
        if (c.latest() == null || !FileSettlement.inRange(c, fromUs, atUs)) {
          // out of the scanned range: only rows without a time reach the scan, in the overall group
          if (c.nullTime() > 0 && slo.per().isEmpty() && !groups.containsKey(null))
            groups.put(null, new Sum(zero(null, w), lengths.size()));
          continue;
        }
        long totalsReach = reach.get(f);
        boolean inWindow = totalsReach >= TimeColumn.micros(w.start());
        boolean[] alerting = new boolean[lengths.size()];
        boolean adds = inWindow;
        for (int k = 0; k < lengths.size(); k++) {
          alerting[k] = totalsReach >= TimeColumn.micros(at.minus(lengths.get(k)));
          adds |= alerting[k];
        }
        // a file outside this SLO's window and alert windows adds nothing: the groups only it
        // holds would have no events here, which the evaluation leaves out
        if (!adds) continue;
        addFile(c.groups().get(i), w, groups, byValues, inWindow, alerting);
      }
      List<Engine.GroupCounts> out = new ArrayList<>();
      for (Sum sum : groups.values()) out.add(sum.counts(lengths));
      counts.put(slo, out);
    }
    io.slotoolkit.engine.Database.mark("settled files' totals added");
    return new Engine.SourceScan(counts, result.stats(), result.table(), result.compiled());
  }

  /**
   * Adds one settled file's totals for one SLO to its groups' sums, creating the groups it has
   * first; only for a file in the SLO's window or one of its alert windows. A method of its own,
   * called once per file and SLO: the JIT compiles it after a few files, whereas a loop inside
   * {@link #scan} (called once) ran interpreted for the benchmark's group totals.
   */
  private static void addFile(
      List<Engine.GroupTotal> totals,
      ScanCompiler.SloWindow w,
      Map<Group, Sum> groups,
      Map<Object, Sum> byValues,
      boolean inWindow,
      boolean[] alerting) {
    for (int n = 0, size = totals.size(); n < size; n++) {
      Engine.GroupTotal t = totals.get(n);
      List<String> values = t.values();
      Object key = values != null && values.size() == 1 ? values.get(0) : values;
      Sum sum = byValues.get(key);
      if (sum == null) {
        Group group = values == null ? null : new Group(w.slo().per(), values);
        sum = groups.get(group);
        if (sum == null) {
          sum = new Sum(zero(group, w), alerting.length);
          groups.put(group, sum);
        }
        byValues.put(key, sum);
      }
      sum.add(t, inWindow, alerting);
    }
  }

  /**
   * The pending file whose totals this scan can give: the only one, read whole by the scan and
   * counted whole by every SLO ({@link FileSettlement#countedWhole}); null when there is none such.
   */
  private static String fromScan(
      Prepared p, List<ScanCompiler.SloWindow> scan, List<Long> cuts, Instant from, Instant at) {
    if (p.pending().size() != 1) return null;
    String path = p.pending().iterator().next();
    return FileSettlement.countedWhole(p.totals().get(path), scan, cuts, from, at) ? path : null;
  }

  /** Reads a pending file's totals ({@link Engine.FileByFile#totals}): it is pending no more. */
  private void total(Prepared p, DataSource source, String path) {
    p.totals().put(path, engine.totals(source, open(p.slos()), p.totals().get(path).file()));
    p.pending().remove(path);
    filesTotalled++;
  }

  /**
   * A pending file's entry: its identity, time range and rows without a time, and no group yet (see
   * {@link Prepared}).
   */
  private static Engine.FileCounts spanOnly(
      Engine.FileIdentity id, Engine.FileSpan span, int slos) {
    List<List<Engine.GroupTotal>> none = new ArrayList<>();
    for (int i = 0; i < slos; i++) none.add(List.of());
    return new Engine.FileCounts(
        id, span.earliest(), span.latest(), 0, 0, span.nullTime(), 0, List.of(), none);
  }

  /**
   * One group's counts from the scan (or zero) and the settled files' totals added to them: to the
   * window counts for a file in the window, and to each alert window that holds the whole file.
   */
  private static final class Sum {
    private final Engine.GroupCounts base;
    private long good;
    private long total;
    private long skipped;
    private final long[] alertGood;
    private final long[] alertTotal;
    private final boolean[] alerted;
    private boolean added;

    Sum(Engine.GroupCounts base, int alertWindows) {
      this.base = base;
      this.alertGood = new long[alertWindows];
      this.alertTotal = new long[alertWindows];
      this.alerted = new boolean[alertWindows];
    }

    void add(Engine.GroupTotal t, boolean inWindow, boolean[] alerting) {
      added = true;
      if (inWindow) {
        good += t.good();
        total += t.total();
        skipped += t.skipped();
      }
      for (int k = 0; k < alerting.length; k++) {
        if (!alerting[k]) continue;
        alerted[k] = true;
        alertGood[k] += t.good();
        alertTotal[k] += t.total();
      }
    }

    Engine.GroupCounts counts(List<Duration> lengths) {
      if (!added && base.alertTaken().isEmpty()) return base;
      Map<Duration, Counts> alerts = new LinkedHashMap<>(base.alertWindows());
      for (int k = 0; k < lengths.size(); k++) {
        Counts taken = base.alertTaken().getOrDefault(lengths.get(k), Counts.NONE);
        if (!alerted[k] && taken.total() == 0) continue;
        Counts was = alerts.getOrDefault(lengths.get(k), Counts.NONE);
        // the scan's events that the totals count already (files read in part) come off
        alerts.put(
            lengths.get(k),
            new Counts(
                was.good() - taken.good() + alertGood[k],
                was.total() - taken.total() + alertTotal[k]));
      }
      return new Engine.GroupCounts(
          base.group(),
          base.good() + good,
          base.total() + total,
          base.skippedNull() + skipped,
          alerts,
          base.excluded(),
          base.slices(),
          base.alertSlices());
    }
  }

  /** A group that only settled files hold: zero in every alert window and exclusion. */
  private static Engine.GroupCounts zero(Group group, ScanCompiler.SloWindow w) {
    Map<Duration, Counts> alerts = new LinkedHashMap<>();
    for (Duration d : w.alertWindows()) alerts.put(d, new Counts(0, 0));
    List<Long> excluded = new ArrayList<>();
    for (int k = 0; k < w.distinctExclusions().size(); k++) excluded.add(0L);
    return new Engine.GroupCounts(group, 0, 0, 0, alerts, excluded);
  }

  /** The SLOs with every window open from {@link TimeColumn#EARLIEST}: what totals count over. */
  private static List<ScanCompiler.SloWindow> open(List<Slo> slos) {
    return slos.stream().map(s -> new ScanCompiler.SloWindow(s, TimeColumn.EARLIEST)).toList();
  }

  /**
   * Writes the cache file of every source read through the cache whose files changed, and the bind
   * memo of every source bound with it whose answers changed.
   */
  public void save() {
    save(notes);
  }

  private void save(Consumer<String> to) {
    if (memo != null) memo.save(to);
    for (Prepared p : prepared.values()) {
      if (p == null || !p.changed()) continue;
      try {
        write(p);
      } catch (IOException | RuntimeException e) {
        to.accept("slo: cache " + p.file() + " not written: " + reason(e));
      }
    }
  }

  /**
   * {@link #save} on another thread, so that the results are written meanwhile (on the benchmark
   * the cache file is 1.5 MB and takes 25-35 ms to write); call {@link Saving#finish} before the
   * run ends. Call it once, after the last scan: the totals it writes no longer change.
   */
  public Saving saveInBackground() {
    Saving saving = new Saving();
    Thread t = new Thread(saving, "slo-cache-save");
    saving.thread = t;
    t.start();
    return saving;
  }

  /** A save running on another thread; its notes wait for {@link #finish}. */
  public final class Saving implements Runnable {
    private final List<String> held = java.util.Collections.synchronizedList(new ArrayList<>());
    private Thread thread;
    private volatile Throwable failed;

    private Saving() {}

    @Override
    public void run() {
      try {
        save(held::add);
      } catch (Throwable e) {
        failed = e;
      }
    }

    /**
     * Waits for the save to end, then passes its notes on (a cache file not written says so, as
     * {@link #save} does); a bug in the save is thrown here, on the caller's thread.
     */
    public void finish() {
      boolean interrupted = false;
      while (true) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          // the file is being moved into place: let it finish, then keep the interrupt
          interrupted = true;
        }
      }
      if (interrupted) Thread.currentThread().interrupt();
      synchronized (held) {
        held.forEach(notes);
      }
      if (failed instanceof RuntimeException e) throw e;
      if (failed instanceof Error e) throw e;
    }
  }

  // ---- the file (see CacheFile): per entry the file's identity, time range, row accounting, and
  // per SLO its groups' totals; strings (paths, hashes, group values) through the string table

  private void write(Prepared p) throws IOException {
    CacheFile.Writer out = new CacheFile.Writer();
    // a file still pending (no scan ran) has no totals to keep: the next run reads it
    List<Engine.FileCounts> entries =
        p.totals().values().stream().filter(c -> !p.pending().contains(c.file().path())).toList();
    out.number(entries.size());
    for (Engine.FileCounts c : entries) writeEntry(out, c);
    CacheFile.write(p.file(), MAGIC, FORMAT, version, p.fingerprint(), p.slos().size(), out);
  }

  private static void writeEntry(CacheFile.Writer out, Engine.FileCounts c) {
    Engine.FileIdentity id = c.file();
    out.string(id.path()).number(id.size()).number(id.modified()).string(id.hash());
    out.nullable(c.earliest()).nullable(c.latest());
    out.number(c.timed()).number(c.excluded()).number(c.nullTime()).number(c.rejectRows());
    out.number(c.rejects().size());
    for (Engine.FileReject r : c.rejects())
      out.string(r.file()).number(r.line()).string(r.message());
    out.number(c.groups().size());
    // by index: an iterator per group and value list is most of what writing would allocate
    for (List<Engine.GroupTotal> slo : c.groups()) {
      int n = slo.size();
      out.number(n);
      for (int i = 0; i < n; i++) {
        Engine.GroupTotal g = slo.get(i);
        List<String> values = g.values();
        if (values == null) out.number(-1);
        else {
          out.number(values.size());
          for (int k = 0; k < values.size(); k++) out.string(values.get(k));
        }
        out.number(g.good()).number(g.total()).number(g.skipped());
      }
    }
  }

  /**
   * The entries of a cache file, by path; null (with a note) when the file is unreadable, of
   * another format or version, or damaged; null without a note when absent or for another scan.
   */
  private Map<String, Engine.FileCounts> read(Path file, String fingerprint, int slos) {
    Decoded d = ahead == null ? null : ahead.take(file);
    if (d == null) d = decode(file, version);
    CacheFile.Content content = d.content();
    if (content.absent()) return null;
    if (content.ignored() != null) {
      ignored(file, content.ignored());
      return null;
    }
    // written for other SLOs or source settings (a spec edit): replaced without a note
    if (!content.fingerprint().equals(fingerprint) || content.count() != slos) return null;
    if (d.unreadable() != null) {
      ignored(file, "unreadable (" + d.unreadable() + ")");
      return null;
    }
    return d.entries();
  }

  /**
   * A cache file as read: its content (header checks), and its entries by path decoded for the
   * number of SLOs its header gives, or why they cannot be ({@code unreadable}).
   */
  private record Decoded(
      CacheFile.Content content, Map<String, Engine.FileCounts> entries, String unreadable) {}

  private static Decoded decode(Path file, String version) {
    CacheFile.Content content = CacheFile.read(file, MAGIC, FORMAT, version);
    if (content.absent() || content.ignored() != null) return new Decoded(content, null, null);
    try {
      CacheFile.Reader in = content.payload();
      Map<String, Engine.FileCounts> out = new LinkedHashMap<>();
      int n = in.count();
      for (int i = 0; i < n; i++) {
        Engine.FileCounts c = readEntry(in, content.count());
        out.put(c.file().path(), c);
      }
      if (!in.done()) throw new IOException("bytes after the last entry");
      return new Decoded(content, out, null);
    } catch (IOException | RuntimeException e) {
      return new Decoded(content, null, reason(e));
    }
  }

  private static Engine.FileCounts readEntry(CacheFile.Reader in, int slos) throws IOException {
    Engine.FileIdentity id =
        new Engine.FileIdentity(in.string(), in.number(), in.number(), in.string());
    if (id.path() == null || id.hash() == null) throw new IOException("entry without a file");
    Long earliest = in.nullable();
    Long latest = in.nullable();
    long timed = in.number();
    long excluded = in.number();
    long nullTime = in.number();
    long rejectRows = in.number();
    int r = in.count();
    List<Engine.FileReject> rejects = new ArrayList<>();
    for (int i = 0; i < r; i++)
      rejects.add(new Engine.FileReject(in.string(), in.number(), in.string()));
    int s = in.count();
    if (s != slos) throw new IOException("entry for " + s + " SLOs, expected " + slos);
    List<List<Engine.GroupTotal>> groups = new ArrayList<>();
    for (int i = 0; i < s; i++) {
      int g = in.count();
      List<Engine.GroupTotal> list = new ArrayList<>(Math.min(g, 1 << 16));
      for (int j = 0; j < g; j++) {
        long k = in.number();
        List<String> values = null;
        if (k == 1) values = java.util.Collections.singletonList(in.string());
        else if (k >= 0) {
          values = new ArrayList<>((int) Math.min(k, 64));
          for (long v = 0; v < k; v++) values.add(in.string());
        } else if (k != -1) throw new IOException("bad group");
        list.add(new Engine.GroupTotal(values, in.number(), in.number(), in.number()));
      }
      groups.add(list);
    }
    return new Engine.FileCounts(
        id, earliest, latest, timed, excluded, nullTime, rejectRows, rejects, groups);
  }

  private void ignored(Path file, String why) {
    notes.accept("slo: cache " + file + " ignored: " + why);
  }

  private static String reason(Exception e) {
    return CacheFile.reason(e);
  }
}
