package io.slotoolkit.engine;

import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.SloException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV source's files read as raw text lines, beside DuckDB's CSV reader, for what that reader
 * cannot tell by itself: a clean sample to sniff when a broken quote defeats the sniffer, the lines
 * an unterminated quote swallows, and the first line over the reader's size limit. {@link
 * CsvSource} binds with it.
 */
final class CsvLines {
  private final Database db;
  private int quoteChecks;

  CsvLines(Database db) {
    this.db = db;
  }

  /**
   * A clean sample to sniff when one line with an unterminated quote defeats the sniffer: it then
   * either fails, or gives up quoting (every quoted value would keep its quotes, and quoted
   * delimiters would split values). When most of the first 20,000 lines that hold a {@code "} hold
   * an even number of them, the file does quote with it: those lines without the odd ones are
   * copied to the connection's temporary folder, and the dialect and types are sniffed there. Null
   * when the sniffer's own choice stands. {@code sniffedQuote} gives the sniffer's quote for the
   * file (empty for none; it throws {@link Database.QueryFailed} when the sniffer fails).
   */
  String cleanSample(String file, int n, java.util.function.Supplier<String> sniffedQuote) {
    try {
      String quote = sniffedQuote.get();
      if (!quote.isEmpty()) return null;
    } catch (Database.QueryFailed e) {
      // the sniffer failed: perhaps one broken quote; the sample tells
    }
    String first = "(SELECT line FROM " + lines(List.of(file), false) + " LIMIT 20000)";
    try {
      long[] c =
          db.one(
              "SELECT count(*) FILTER (WHERE contains(line, '\"')), count(*) FILTER (WHERE "
                  + oddQuotes("'\"'")
                  + ") FROM "
                  + first,
              r -> new long[] {r.getLong(1), r.getLong(2)});
      if (c[0] < 2 || c[1] * 2 >= c[0]) return null;
      String sample = db.tempDirectory().resolve("sniff-sample-" + n + ".csv").toString();
      db.execute(
          "COPY (SELECT line FROM "
              + first
              + " WHERE line IS NULL OR NOT "
              + oddQuotes("'\"'")
              + ") TO "
              + Sql.literal(sample)
              + " (FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER chr(0))");
      return sample;
    } catch (Database.QueryFailed e) {
      return null; // the sniffer's own choice (or error) stands
    }
  }

  /**
   * A SQL condition: {@code line} holds an odd number of the quote character {@code q} (a one-byte
   * character: bytes are counted, which is cheaper than characters).
   */
  private static String oddQuotes(String q) {
    return "(strlen(line) - strlen(replace(line, " + q + ", ''))) % 2 = 1";
  }

  /** Every line of the files as one text column {@code line} (and {@code filename}), unparsed. */
  static String lines(List<String> files, boolean filename) {
    return lines(files, filename, "");
  }

  static String lines(List<String> files, boolean filename, String more) {
    return "read_csv("
        + Sql.literalList(files)
        + ", columns = {'line': 'VARCHAR'}, delim = chr(0), quote = '', escape = '',"
        + " header = false, auto_detect = false"
        + (filename ? ", filename = true" : "")
        + more
        + ")";
  }

  /** The most lines one unterminated quote may swallow before the file is refused. */
  static final int MAX_SWALLOWED = 100;

  /**
   * Finds the lines that an unterminated quote makes DuckDB's reader swallow into the broken row (a
   * quoted value runs on to the next quote character, lines later), and copies each into a file of
   * its own in the connection's temporary folder, so that the view reads it as the row it is: the
   * broken line is one malformed row, the next lines count as usual. Only files with a line holding
   * an odd number of quote characters are read twice. Returns each copy mapped to the {@code
   * file:line} it came from.
   */
  Map<String, String> swallowedLines(
      DataSource source,
      List<String> files,
      CsvSource.Dialect dialect,
      java.util.Collection<String> names,
      int n,
      int copied,
      BindMemo.SourceFiles known) {
    List<String> suspect;
    try {
      suspect = oddQuoteFiles(files, dialect.quote(), known);
    } catch (Database.QueryFailed e) {
      return Map.of(); // the reader itself reports what it cannot read
    }
    if (suspect.isEmpty()) return Map.of();
    int check = ++quoteChecks;
    String table = "slo_quote_check_" + n + "_" + check;
    String scans = "slo_quote_check_scans_" + n + "_" + check;
    record Broken(String file, long line, String text) {}
    List<Broken> broken;
    try {
      db.one(
          "SELECT count(*) FROM read_csv("
              + Sql.literalList(suspect)
              + dialect.options()
              + ", columns = "
              + CsvSource.struct(names, c -> "VARCHAR")
              + ", store_rejects = true, rejects_table = "
              + Sql.literal(table)
              + ", rejects_scan = "
              + Sql.literal(scans)
              + ")",
          r -> r.getLong(1));
      broken =
          db.query(
              "SELECT s.file_path, e.line, e.csv_line FROM "
                  + Sql.ident(table)
                  + " e JOIN "
                  + Sql.ident(scans)
                  + " s USING (scan_id, file_id) WHERE e.error_type = 'UNQUOTED VALUE'"
                  + " ORDER BY s.file_path, e.line",
              r -> new Broken(r.getString(1), r.getLong(2), r.getString(3)));
    } catch (Database.QueryFailed e) {
      return Map.of();
    }
    Map<String, String> origins = new LinkedHashMap<>();
    int k = copied;
    for (Broken b : broken) {
      if (b.text() == null) continue;
      String[] parts = b.text().split("\r?\n", -1);
      if (parts.length - 1 > MAX_SWALLOWED) {
        throw SloException.data(
            "source '"
                + source.name()
                + "': "
                + DuckDbEngine.display(b.file())
                + ":"
                + b.line()
                + ": a quote opened on this line is not closed before "
                + (parts.length - 1)
                + " more lines",
            "close the quote on that line, or set csv: {quote: ''} if the file does not quote values");
      }
      for (int i = 1; i < parts.length; i++) {
        if (parts[i].isEmpty()) continue;
        Path copy = db.tempDirectory().resolve("swallowed-" + n + "-" + (++k) + ".csv");
        try {
          Files.writeString(copy, parts[i] + "\n");
        } catch (java.io.IOException e) {
          throw SloException.data(
              "source '" + source.name() + "': cannot write " + copy + ": " + e.getMessage(),
              null,
              e);
        }
        origins.put(
            copy.toAbsolutePath().toString(),
            DuckDbEngine.display(b.file()) + ":" + (b.line() + i));
      }
    }
    return origins;
  }

  /**
   * The files with a line that holds an odd number of {@code quote} characters, in file order: from
   * the memo for the files it knows, from one pass over the others' lines.
   */
  private List<String> oddQuoteFiles(List<String> files, String quote, BindMemo.SourceFiles known) {
    List<String> unknown = new ArrayList<>();
    java.util.Set<String> odd = new java.util.HashSet<>();
    for (String f : files) {
      Boolean b = known == null ? null : known.oddQuotes(f, quote);
      if (b == null) unknown.add(f);
      else if (b) odd.add(f);
    }
    if (!unknown.isEmpty()) {
      String q = Sql.literal(quote);
      List<String> found =
          db.query(
              "SELECT DISTINCT filename FROM "
                  + lines(unknown, true)
                  + " WHERE contains(line, "
                  + q
                  + ") AND "
                  + oddQuotes(q),
              r -> r.getString(1));
      odd.addAll(found);
      if (known != null) for (String f : unknown) known.oddQuotes(f, quote, found.contains(f));
    }
    return files.stream().filter(odd::contains).toList();
  }

  /** The longest line DuckDB's CSV reader takes, in bytes (its max_line_size default). */
  static final long MAX_LINE_BYTES = 2_000_000;

  /**
   * DuckDB's sniffer reports a line over its size limit as "line 1": finds the first such line (one
   * pass over the files, only after reading failed) and names it. Null when there is none.
   */
  static SloException overlongLine(Database db, DataSource source, List<String> files) {
    try {
      for (String f : files) {
        long[] found =
            db
                .query(
                    "SELECT ordinality, strlen(line) FROM "
                        + lines(List.of(f), false, ", max_line_size = 16000000")
                        + " WITH ORDINALITY WHERE strlen(line) > "
                        + MAX_LINE_BYTES
                        + " LIMIT 1",
                    r -> new long[] {r.getLong(1), r.getLong(2)})
                .stream()
                .findFirst()
                .orElse(null);
        if (found != null) {
          return SloException.data(
              "source '"
                  + source.name()
                  + "': "
                  + DuckDbEngine.display(f)
                  + ":"
                  + found[0]
                  + ": the line is "
                  + String.format(Locale.ROOT, "%,d", found[1])
                  + " bytes long; a CSV line may have at most "
                  + String.format(Locale.ROOT, "%,d", MAX_LINE_BYTES),
              "is it really a CSV file of one event per line? remove or shorten that line");
        }
      }
    } catch (Database.QueryFailed e) {
      return null; // the reader's own message stands (a line over 16 MB among them)
    }
    return null;
  }
}
