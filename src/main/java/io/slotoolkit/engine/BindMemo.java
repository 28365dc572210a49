package io.slotoolkit.engine;

import io.slotoolkit.model.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What binding a source learns from each of its files, kept in the cache folder of {@code slo check
 * --cache} by the file's identity ({@link FileTotals#identity}), so that a cached run neither
 * sniffs nor opens a file it has seen unchanged: of a CSV file its own sniff (column names in order
 * and their types), its header line's column names, and whether it has a line with an odd number of
 * quote characters; of a Parquet file its footer's columns. {@link CsvSource} and {@link
 * ParquetSource} decide what an answer may stand in for; this class only keeps the answers, and
 * each file's identity for the run (hashed once, then reused for the scan cache's totals).
 *
 * <p>One memo file per source ({@code source-<name>-<hash>.slobind}), written by {@link #save}; one
 * that cannot be read, of another format or slo version, or damaged is ignored with a note, and one
 * written for other sniff options or another DuckDB version without one.
 */
public final class BindMemo {
  /** The memo file format; a file of another format is ignored. */
  static final int FORMAT = 3;

  private static final String MAGIC = "SLOBINDM";

  private final Path dir;
  private final String version;
  private final Consumer<String> notes;
  private final Map<String, Engine.FileIdentity> identities = new HashMap<>();
  private final Map<DataSource, SourceFiles> sources = new LinkedHashMap<>();
  // what identity() hashes, one buffer for the run
  private byte[] scratch;

  /**
   * A memo kept in {@code dir} for one run.
   *
   * @param version the slo version writing and trusting the memo
   * @param notes where a note on an ignored memo file goes (stderr)
   */
  public BindMemo(Path dir, String version, Consumer<String> notes) {
    this.dir = dir;
    this.version = version;
    this.notes = notes;
  }

  /** The identity of a file, computed once in this run. */
  Engine.FileIdentity identity(String file, String label) {
    Engine.FileIdentity id = identities.get(file);
    if (id == null) {
      if (scratch == null) scratch = new byte[FileTotals.HASHED];
      id = FileTotals.identity(file, label, scratch);
      identities.put(file, id);
    }
    return id;
  }

  /**
   * A file's sniff: its column names in order and their types.
   *
   * @param columns name to type, in file order
   */
  record Sniff(List<Map.Entry<String, String>> columns) {
    Sniff {
      columns = List.copyOf(columns);
    }

    static Sniff of(Map<String, String> columns) {
      return new Sniff(
          columns.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
    }

    Map<String, String> asMap() {
      Map<String, String> m = new LinkedHashMap<>();
      for (var e : columns) m.put(e.getKey(), e.getValue());
      return m;
    }
  }

  /**
   * A column of a Parquet file's footer, as {@code parquet_schema} gives it (its leaves only).
   *
   * @param type physical type
   * @param converted converted type; null for none
   * @param logical logical type as text; null for none
   */
  record ParquetColumn(String name, String type, String converted, String logical) {}

  /**
   * What is known of one file (null: not known yet).
   *
   * @param sniff its own sniff
   * @param headerDialect the dialect its header line was split with ({@code header} holds for it)
   * @param header its header line's column names; null when it could not be read
   * @param quote the quote character {@code oddQuotes} was counted for
   * @param oddQuotes whether a line holds an odd number of {@code quote}
   * @param dialect the dialect sniffed from this file as a source's first file; null when unknown
   * @param parquet a Parquet file's footer columns, in order; null when unknown
   */
  private record Entry(
      Engine.FileIdentity file,
      Sniff sniff,
      String headerDialect,
      List<String> header,
      String quote,
      boolean oddQuotes,
      Dialect dialect,
      List<ParquetColumn> parquet) {
    static Entry of(Engine.FileIdentity file) {
      return new Entry(file, null, null, null, null, false, null, null);
    }

    Entry withSniff(Sniff s) {
      return new Entry(file, s, headerDialect, header, quote, oddQuotes, dialect, parquet);
    }

    Entry withHeader(String split, List<String> names) {
      List<String> h = names == null ? null : List.copyOf(names);
      return new Entry(file, sniff, split, h, quote, oddQuotes, dialect, parquet);
    }

    Entry withOddQuotes(String q, boolean odd) {
      return new Entry(file, sniff, headerDialect, header, q, odd, dialect, parquet);
    }

    Entry withDialect(Dialect d) {
      return new Entry(file, sniff, headerDialect, header, quote, oddQuotes, d, parquet);
    }

    Entry withParquet(List<ParquetColumn> columns) {
      return new Entry(
          file, sniff, headerDialect, header, quote, oddQuotes, dialect, List.copyOf(columns));
    }
  }

  /**
   * The CSV dialect sniffed from a source's first file, as the read options binding uses (see
   * {@code CsvSource}), when that file needed no clean sample to sniff.
   */
  record Dialect(String options, String quote, String delim, boolean header, long skip) {}

  /** The memo of one source's files, for one set of sniff options. */
  final class SourceFiles {
    private final DataSource source;
    private final String fingerprint;
    private final Path file;
    private final Map<String, Entry> entries;
    private List<String> current = List.of();
    private boolean changed;

    private SourceFiles(
        DataSource source, String fingerprint, Path file, Map<String, Entry> entries) {
      this.source = source;
      this.fingerprint = fingerprint;
      this.file = file;
      this.entries = entries;
    }

    /** The source's files in this run: the memo file keeps theirs only. */
    void bound(List<String> files) {
      current = List.copyOf(files);
    }

    /** The entry of {@code path} when its identity still matches; else a new, empty one. */
    private Entry entry(String path) {
      Engine.FileIdentity id = identity(path, "source '" + source.name() + "'");
      Entry e = entries.get(path);
      if (e == null || !e.file().equals(id)) {
        e = Entry.of(id);
        entries.put(path, e);
        changed = true;
      }
      return e;
    }

    /** The file's own sniff, or null when not known. */
    Sniff sniff(String path) {
      return entry(path).sniff();
    }

    void sniff(String path, Sniff sniff) {
      update(path, entry(path).withSniff(sniff));
    }

    private void update(String path, Entry e) {
      entries.put(path, e);
      changed = true;
    }

    /** The dialect sniffed from the file as the source's first file; null when not known. */
    Dialect dialect(String path) {
      return entry(path).dialect();
    }

    void dialect(String path, Dialect dialect) {
      update(path, entry(path).withDialect(dialect));
    }

    /** Whether the file's header line is known when split with {@code dialect}. */
    boolean knowsHeader(String path, String dialect) {
      return dialect.equals(entry(path).headerDialect());
    }

    /** The file's header line's names (null: unreadable); see {@link #knowsHeader}. */
    List<String> header(String path) {
      return entry(path).header();
    }

    void header(String path, String dialect, List<String> names) {
      update(path, entry(path).withHeader(dialect, names));
    }

    /** Whether the file has a line with an odd number of {@code quote}; null when not known. */
    Boolean oddQuotes(String path, String quote) {
      Entry e = entry(path);
      return quote.equals(e.quote()) ? e.oddQuotes() : null;
    }

    void oddQuotes(String path, String quote, boolean odd) {
      update(path, entry(path).withOddQuotes(quote, odd));
    }

    /** A Parquet file's footer columns; null when not known. */
    List<ParquetColumn> parquet(String path) {
      return entry(path).parquet();
    }

    void parquet(String path, List<ParquetColumn> columns) {
      update(path, entry(path).withParquet(columns));
    }
  }

  /**
   * The memo of a source's files for this run's binding, each file identified first; {@code
   * dependsOn} names what the answers depend on besides the files (the reader's options, the DuckDB
   * version), and a memo written for another is replaced. Null when a file cannot be identified:
   * the source is then bound as without the memo, and the reader names the problem.
   */
  SourceFiles forFiles(DataSource source, List<String> files, String dependsOn) {
    String label = "source '" + source.name() + "'";
    try {
      for (String f : files) identity(f, label);
    } catch (io.slotoolkit.model.SloException e) {
      return null;
    }
    SourceFiles known =
        of(source, FileTotals.sha256(dependsOn.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    known.bound(files);
    return known;
  }

  /**
   * The memo of a source's files, read from its memo file on first use; {@code fingerprint} names
   * what the answers depend on besides the files (the sniff options, the DuckDB version): a memo
   * written for another is replaced.
   */
  SourceFiles of(DataSource source, String fingerprint) {
    SourceFiles f = sources.get(source);
    if (f != null && f.fingerprint.equals(fingerprint)) return f;
    Path file = dir.resolve(CacheFile.nameFor(source, "slobind"));
    f = new SourceFiles(source, fingerprint, file, read(file, fingerprint));
    sources.put(source, f);
    return f;
  }

  /**
   * Writes the memo of every source whose answers changed, keeping the entries of the files bound
   * in this run; a memo that cannot be written gives a note (the results stand).
   */
  public void save() {
    save(notes);
  }

  /** {@link #save}, with its notes going to {@code to}. */
  public void save(Consumer<String> to) {
    for (SourceFiles f : sources.values()) {
      if (!f.changed && f.entries.keySet().equals(new java.util.HashSet<>(f.current))) continue;
      try {
        write(f, f.current);
      } catch (IOException | RuntimeException e) {
        to.accept("slo: cache " + f.file + " not written: " + CacheFile.reason(e));
      }
    }
  }

  private void write(SourceFiles f, List<String> files) throws IOException {
    CacheFile.Writer out = new CacheFile.Writer();
    List<Entry> kept = new ArrayList<>();
    for (String path : files) {
      Entry e = f.entries.get(path);
      if (e != null) kept.add(e);
    }
    out.number(kept.size());
    for (Entry e : kept) {
      Engine.FileIdentity id = e.file();
      out.string(id.path()).number(id.size()).number(id.modified()).string(id.hash());
      if (e.sniff() == null) out.number(-1);
      else {
        out.number(e.sniff().columns().size());
        for (var c : e.sniff().columns()) out.string(c.getKey()).string(c.getValue());
      }
      out.string(e.headerDialect());
      if (e.headerDialect() != null) {
        if (e.header() == null) out.number(-1);
        else {
          out.number(e.header().size());
          for (String n : e.header()) out.string(n);
        }
      }
      out.string(e.quote()).bool(e.oddQuotes());
      Dialect d = e.dialect();
      out.string(d == null ? null : d.options());
      if (d != null) out.string(d.quote()).string(d.delim()).bool(d.header()).number(d.skip());
      if (e.parquet() == null) out.number(-1);
      else {
        out.number(e.parquet().size());
        for (ParquetColumn c : e.parquet())
          out.string(c.name()).string(c.type()).string(c.converted()).string(c.logical());
      }
    }
    CacheFile.write(f.file, MAGIC, FORMAT, version, f.fingerprint, 0, out);
  }

  private Map<String, Entry> read(Path file, String fingerprint) {
    Map<String, Entry> out = new HashMap<>();
    CacheFile.Content content = CacheFile.read(file, MAGIC, FORMAT, version);
    if (content.absent()) return out;
    if (content.ignored() != null) {
      notes.accept("slo: cache " + file + " ignored: " + content.ignored());
      return out;
    }
    // written for other sniff options or another DuckDB version: replaced without a note
    if (!content.fingerprint().equals(fingerprint)) return out;
    try {
      CacheFile.Reader in = content.payload();
      int n = in.count();
      for (int i = 0; i < n; i++) {
        Engine.FileIdentity id =
            new Engine.FileIdentity(in.string(), in.number(), in.number(), in.string());
        if (id.path() == null || id.hash() == null) throw new IOException("entry without a file");
        Sniff sniff = null;
        long columns = in.number();
        if (columns >= 0) {
          List<Map.Entry<String, String>> list = new ArrayList<>();
          for (long c = 0; c < columns; c++) list.add(Map.entry(name(in), name(in)));
          sniff = new Sniff(list);
        } else if (columns != -1) throw new IOException("bad sniff");
        String headerDialect = in.string();
        List<String> header = null;
        if (headerDialect != null) {
          long names = in.number();
          if (names >= 0) {
            header = new ArrayList<>();
            for (long c = 0; c < names; c++) header.add(name(in));
          } else if (names != -1) throw new IOException("bad header");
        }
        String quote = in.string();
        boolean odd = in.bool();
        Dialect dialect = null;
        String options = in.string();
        if (options != null) {
          String q = in.string();
          String delim = in.string();
          if (q == null || delim == null) throw new IOException("bad dialect");
          dialect = new Dialect(options, q, delim, in.bool(), in.number());
        }
        List<ParquetColumn> parquet = null;
        long leaves = in.number();
        if (leaves >= 0) {
          parquet = new ArrayList<>();
          for (long c = 0; c < leaves; c++) {
            String name = name(in);
            String type = in.string();
            if (type == null) throw new IOException("a Parquet column without a type");
            parquet.add(new ParquetColumn(name, type, in.string(), in.string()));
          }
        } else if (leaves != -1) throw new IOException("bad Parquet columns");
        out.put(
            id.path(), new Entry(id, sniff, headerDialect, header, quote, odd, dialect, parquet));
      }
      if (!in.done()) throw new IOException("bytes after the last entry");
      return out;
    } catch (IOException | RuntimeException e) {
      notes.accept("slo: cache " + file + " ignored: unreadable (" + CacheFile.reason(e) + ")");
      return new HashMap<>();
    }
  }

  private static String name(CacheFile.Reader in) throws IOException {
    String s = in.string();
    if (s == null) throw new IOException("a column without a name");
    return s;
  }
}
