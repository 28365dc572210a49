package io.slotoolkit.spec;

import io.slotoolkit.model.CsvRecord;
import io.slotoolkit.model.Exclusion;
import io.slotoolkit.model.ExclusionScope;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SourceLocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an exclusions file: CSV with a header naming the columns {@code start}, {@code end}, {@code
 * slo} and {@code reason} (any order). {@code slo} is an SLO's name, {@code service/name}, or
 * {@code *} for every SLO. Times are ISO-8601; without an offset they are read in the given zone.
 * Blank lines and lines starting with {@code #} are skipped; fields may be double-quoted (a quote
 * inside a quoted field is written twice).
 */
public final class ExclusionsCsv {
  static final List<String> COLUMNS = List.of("start", "end", "slo", "reason");

  private ExclusionsCsv() {}

  /**
   * Reads a file.
   *
   * @param naiveZone the zone of times written without an offset (UTC unless the specs say
   *     otherwise)
   * @throws SloException a spec error (exit 2) listing every problem as {@code file:line:column}
   */
  public static List<Exclusion.Once> read(Path file, ZoneId naiveZone) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file, naiveZone);
    } catch (IOException e) {
      throw new SloException(
          ExitCode.USAGE,
          "cannot read exclusions file " + file + ": " + describe(e),
          "check the path given for the exclusions file",
          List.of(),
          e);
    }
  }

  private static String describe(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
    if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
    if (e instanceof java.nio.charset.CharacterCodingException) return "not UTF-8 text";
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * Reads exclusions from text.
   *
   * @param file the file name messages show
   */
  public static List<Exclusion.Once> parse(Reader text, Path file, ZoneId naiveZone)
      throws IOException {
    BufferedReader in = new BufferedReader(text);
    List<Problem> problems = new ArrayList<>();
    List<Exclusion.Once> out = new ArrayList<>();
    Map<String, Integer> index = null;
    String line;
    int lineNo = 0;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
      if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
      List<Field> fields = new ArrayList<>();
      String error = split(line, fields);
      if (error != null) {
        problems.add(Problem.of(new SourceLocation(file, lineNo, fields.size() + 1), error));
        continue;
      }
      if (index == null) {
        index = header(fields, file, lineNo, problems);
        if (index == null) break;
        continue;
      }
      if (fields.size() != COLUMNS.size()) {
        problems.add(
            new Problem(
                new SourceLocation(file, lineNo, 1),
                "expected " + COLUMNS.size() + " fields, found " + fields.size(),
                "columns: " + String.join(", ", header(index))));
        continue;
      }
      Exclusion.Once row = row(fields, index, file, lineNo, naiveZone, problems);
      if (row != null) out.add(row);
    }
    if (index == null && problems.isEmpty()) {
      problems.add(
          new Problem(
              SourceLocation.of(file),
              "the exclusions file is empty",
              "the first line names the columns: start,end,slo,reason"));
    }
    if (!problems.isEmpty()) throw SloException.spec(problems);
    return out;
  }

  private record Field(String text, int column) {}

  /**
   * Splits one CSV line into trimmed fields; returns an error message, or null. The error's column
   * is the number of the field it is in.
   */
  private static String split(String line, List<Field> out) {
    CsvRecord r = CsvRecord.split(line, ",", "\"");
    CsvRecord.Flaw flaw = r.firstFlaw();
    if (flaw != null) {
      for (int i = 0; i < flaw.field(); i++) out.add(field(r.fields().get(i)));
      return flaw.kind() == CsvRecord.Kind.UNCLOSED_QUOTE
          ? "unterminated quoted field"
          : "unexpected text after a closing quote";
    }
    for (CsvRecord.Field f : r.fields()) out.add(field(f));
    return null;
  }

  private static Field field(CsvRecord.Field f) {
    return new Field(f.text().trim(), f.column());
  }

  private static Map<String, Integer> header(
      List<Field> fields, Path file, int lineNo, List<Problem> problems) {
    Map<String, Integer> index = new HashMap<>();
    boolean ok = true;
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.get(i).text().toLowerCase(Locale.ROOT);
      SourceLocation at = new SourceLocation(file, lineNo, fields.get(i).column());
      if (!COLUMNS.contains(name)) {
        problems.add(
            new Problem(
                at,
                "unknown column '" + fields.get(i).text() + "'",
                "columns: start, end, slo, reason"));
        ok = false;
      } else if (index.putIfAbsent(name, i) != null) {
        problems.add(Problem.of(at, "column '" + name + "' appears twice"));
        ok = false;
      }
    }
    for (String c : COLUMNS) {
      if (!index.containsKey(c)) {
        problems.add(
            new Problem(
                new SourceLocation(file, lineNo, 1),
                "the header has no '" + c + "' column",
                "the first line names the columns: start,end,slo,reason"));
        ok = false;
      }
    }
    return ok ? index : null;
  }

  private static List<String> header(Map<String, Integer> index) {
    String[] names = new String[COLUMNS.size()];
    index.forEach((k, v) -> names[v] = k);
    return List.of(names);
  }

  private static Exclusion.Once row(
      List<Field> fields,
      Map<String, Integer> index,
      Path file,
      int lineNo,
      ZoneId naiveZone,
      List<Problem> problems) {
    int before = problems.size();
    Field startField = fields.get(index.get("start"));
    Field endField = fields.get(index.get("end"));
    Field sloField = fields.get(index.get("slo"));
    Field reasonField = fields.get(index.get("reason"));
    Instant start = instant(startField, "start", file, lineNo, naiveZone, problems);
    Instant end = instant(endField, "end", file, lineNo, naiveZone, problems);
    ExclusionScope scope = scope(sloField, file, lineNo, problems);
    if (reasonField.text().isEmpty()) {
      problems.add(
          new Problem(
              new SourceLocation(file, lineNo, reasonField.column()),
              "the reason is empty",
              "say why these events are excluded, such as 'planned database upgrade'"));
    }
    if (start != null && end != null && !end.isAfter(start)) {
      problems.add(
          new Problem(
              new SourceLocation(file, lineNo, endField.column()),
              "the exclusion ends at "
                  + endField.text()
                  + (end.equals(start)
                      ? ", the instant it starts"
                      : ", before it starts at " + startField.text()),
              "the end is exclusive and must come after the start"));
    }
    if (problems.size() > before) return null;
    return new Exclusion.Once(
        start, end, scope, reasonField.text(), new SourceLocation(file, lineNo, 1));
  }

  private static ExclusionScope scope(Field f, Path file, int lineNo, List<Problem> problems) {
    String s = f.text();
    if (s.equals("*")) return new ExclusionScope.AllSlos();
    if (s.matches("([^/\\s]+/)?[a-z0-9][a-z0-9-]*")) return new ExclusionScope.SloNamed(s);
    problems.add(
        new Problem(
            new SourceLocation(file, lineNo, f.column()),
            s.isEmpty() ? "the slo field is empty" : "'" + s + "' is not an SLO name",
            "write an SLO's name, service/name, or * for every SLO"));
    return null;
  }

  private static Instant instant(
      Field f, String column, Path file, int lineNo, ZoneId naiveZone, List<Problem> problems) {
    String text = f.text();
    SourceLocation at = new SourceLocation(file, lineNo, f.column());
    if (text.isEmpty()) {
      problems.add(
          new Problem(at, "the " + column + " is empty", "write a time such as 2026-03-01T02:00Z"));
      return null;
    }
    try {
      return parseTime(text, naiveZone);
    } catch (DateTimeParseException e) {
      problems.add(
          new Problem(
              at,
              "'" + text + "' is not a date and time",
              "write ISO-8601 such as 2026-03-01T02:00Z, 2026-03-01T02:00+01:00 or 2026-03-01 02:00"));
      return null;
    }
  }

  /**
   * An ISO-8601 date and time ({@code T} or a space between them); with {@code Z} or an offset it
   * is an exact instant, without one it is read in {@code naiveZone}.
   *
   * @throws DateTimeParseException when it is not one (a date alone included)
   */
  static Instant parseTime(String text, ZoneId naiveZone) {
    String iso =
        text.length() > 10 && text.charAt(10) == ' '
            ? text.substring(0, 10) + "T" + text.substring(11)
            : text;
    TemporalAccessor t =
        DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, ZonedDateTime::from, LocalDateTime::from);
    if (t instanceof ZonedDateTime z) return z.toInstant();
    return ((LocalDateTime) t).atZone(naiveZone).toInstant();
  }
}
