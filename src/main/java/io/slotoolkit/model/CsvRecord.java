package io.slotoolkit.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One record of delimited text (CSV, TSV, ...), split at the delimiter outside quotes: the one CSV
 * splitter of every reader that splits text itself (exclusions files, source header lines, forecast
 * series files).
 *
 * <p>A quote opens a quoted field where the field holds only blanks so far (they are dropped);
 * inside it a doubled quote is one quote, and delimiters and line breaks are text. A quote
 * elsewhere is text. Fields are not trimmed. What is wrong with a record is reported as a {@link
 * Flaw}, never thrown: each reader says it in its own words, or reads on.
 *
 * @param fields the fields, quotes resolved
 * @param line the line the record starts on, from 1
 * @param flaws what is wrong with the record, left to right; empty when nothing is
 */
public record CsvRecord(List<Field> fields, int line, List<Flaw> flaws) {
  public CsvRecord {
    fields = List.copyOf(fields);
    flaws = List.copyOf(flaws);
  }

  /**
   * One field.
   *
   * @param text the text, quotes resolved
   * @param line the line it starts on, from 1
   * @param column the column (in characters, from 1) it starts at
   */
  public record Field(String text, int line, int column) {}

  /** Kinds of flaw. */
  public enum Kind {
    /** A quoted field runs to the end of the text. */
    UNCLOSED_QUOTE,
    /** Text follows the closing quote of a field before the next delimiter; it is kept. */
    TEXT_AFTER_QUOTE
  }

  /**
   * Something wrong in a record.
   *
   * @param kind what
   * @param field the index (from 0) of the field it is in
   * @param line the line that field starts on (for an unclosed quote: where the quote opens)
   */
  public record Flaw(Kind kind, int field, int line) {}

  /** The texts of the fields. */
  public List<String> texts() {
    return fields.stream().map(Field::text).toList();
  }

  /** The first flaw, or null. */
  public Flaw firstFlaw() {
    return flaws.isEmpty() ? null : flaws.get(0);
  }

  /**
   * Splits one line (no line break in it); an empty line is one empty field.
   *
   * @param quote the quote; empty for none
   */
  public static CsvRecord split(String line, String delim, String quote) {
    List<CsvRecord> records = all(line, delim, quote);
    return records.isEmpty()
        ? new CsvRecord(List.of(new Field("", 1, 1)), 1, List.of())
        : records.get(0);
  }

  /**
   * Splits a whole text into records: a line break ends a record outside quotes (LF, CRLF or CR);
   * empty lines give no record.
   *
   * @param quote the quote; empty for none
   */
  public static List<CsvRecord> all(String text, String delim, String quote) {
    List<CsvRecord> out = new ArrayList<>();
    List<Field> fields = new ArrayList<>();
    List<Flaw> flaws = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean closed = false;
    boolean any = false;
    int line = 1;
    int lineStart = 0;
    int recordLine = 1;
    int fieldLine = 1;
    int fieldColumn = 1;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (quoted) {
        if (text.startsWith(quote, i)) {
          if (text.startsWith(quote, i + quote.length())) {
            field.append(quote);
            i += 2 * quote.length();
          } else {
            quoted = false;
            closed = true;
            i += quote.length();
          }
          continue;
        }
        if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
          line++;
          lineStart = i + 1;
        }
        field.append(c);
        i++;
        continue;
      }
      if (!quote.isEmpty() && text.startsWith(quote, i) && field.toString().isBlank()) {
        quoted = true;
        field.setLength(0);
        any = true;
        i += quote.length();
      } else if (!delim.isEmpty() && text.startsWith(delim, i)) {
        fields.add(new Field(field.toString(), fieldLine, fieldColumn));
        field.setLength(0);
        any = true;
        closed = false;
        i += delim.length();
        fieldLine = line;
        fieldColumn = i - lineStart + 1;
      } else if (c == '\n' || c == '\r') {
        i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
        if (any || field.length() > 0) {
          fields.add(new Field(field.toString(), fieldLine, fieldColumn));
          out.add(new CsvRecord(fields, recordLine, flaws));
        }
        fields.clear();
        flaws.clear();
        field.setLength(0);
        any = false;
        closed = false;
        line++;
        lineStart = i;
        recordLine = line;
        fieldLine = line;
        fieldColumn = 1;
      } else {
        if (closed) {
          flaws.add(new Flaw(Kind.TEXT_AFTER_QUOTE, fields.size(), fieldLine));
          closed = false;
        }
        field.append(c);
        any = true;
        i++;
      }
    }
    if (quoted) flaws.add(new Flaw(Kind.UNCLOSED_QUOTE, fields.size(), fieldLine));
    if (any || field.length() > 0) {
      fields.add(new Field(field.toString(), fieldLine, fieldColumn));
      out.add(new CsvRecord(fields, recordLine, flaws));
    }
    return out;
  }
}
