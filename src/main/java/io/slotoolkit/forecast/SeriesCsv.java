package io.slotoolkit.forecast;

import io.slotoolkit.model.CsvRecord;
import io.slotoolkit.model.SloException;
import java.nio.file.Path;
import java.util.List;

/** The CSV reading of a series file: the delimiter it uses and its records, quotes resolved. */
final class SeriesCsv {
  private SeriesCsv() {}

  /** The delimiter of the first record: tab, semicolon or comma, whichever is most common. */
  static char sniff(String text) {
    int comma = 0;
    int semi = 0;
    int tab = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r')) break;
      else if (!quoted && c == ',') comma++;
      else if (!quoted && c == ';') semi++;
      else if (!quoted && c == '\t') tab++;
    }
    if (tab > comma && tab >= semi) return '\t';
    if (semi > comma) return ';';
    return ',';
  }

  /**
   * Splits {@code text} into records of fields at {@code delim} ({@link CsvRecord}: a double-quoted
   * field may hold delimiters, line breaks and doubled quotes). Blank lines are skipped; {@code
   * starts} gets the line each record starts on.
   *
   * @throws SloException a data error when a quoted field is never closed
   */
  static void split(Path path, String text, char delim, List<String[]> out, List<Integer> starts) {
    for (CsvRecord r : CsvRecord.all(text, String.valueOf(delim), "\"")) {
      for (CsvRecord.Flaw f : r.flaws()) {
        if (f.kind() == CsvRecord.Kind.UNCLOSED_QUOTE) {
          throw SloException.data(
              path + ":" + f.line() + ": a quoted field is never closed",
              "close the quote or remove it");
        }
      }
      out.add(r.texts().toArray(String[]::new));
      starts.add(r.line());
    }
  }
}
