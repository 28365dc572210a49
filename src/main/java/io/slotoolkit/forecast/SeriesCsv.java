package io.slotoolkit.forecast;

import io.slotoolkit.model.SloException;
import java.nio.file.Path;
import java.util.ArrayList;
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
   * Splits {@code text} into records of fields at {@code delim}; a double-quoted field may hold
   * delimiters, line breaks and doubled quotes. Blank lines are skipped; {@code starts} gets the
   * line each record starts on.
   *
   * @throws SloException a data error when a quoted field is never closed
   */
  static void split(Path path, String text, char delim, List<String[]> out, List<Integer> starts) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int line = 1;
    int recordLine = 1;
    int quoteLine = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else quoted = false;
        } else {
          if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) line++;
          field.append(c);
        }
        continue;
      }
      if (c == '"' && field.toString().isBlank()) {
        quoted = true;
        quoteLine = line;
        field.setLength(0);
        any = true;
      } else if (c == delim) {
        fields.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
        if (any || field.length() > 0) {
          fields.add(field.toString());
          out.add(fields.toArray(String[]::new));
          starts.add(recordLine);
        }
        fields.clear();
        field.setLength(0);
        any = false;
        line++;
        recordLine = line;
      } else {
        field.append(c);
        any = true;
      }
    }
    if (quoted) {
      throw SloException.data(
          path + ":" + quoteLine + ": a quoted field is never closed",
          "close the quote or remove it");
    }
    if (any || field.length() > 0) {
      fields.add(field.toString());
      out.add(fields.toArray(String[]::new));
      starts.add(recordLine);
    }
  }
}
