package io.slotoolkit.engine;

import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.EventTime;
import java.util.List;
import java.util.Map;

/**
 * Binds a JSON lines source: one JSON object per line, nested objects as STRUCT columns ({@code
 * request.method}).
 *
 * <p>DuckDB's {@code read_json} is not used: it reports a bad line one line too late, turns it into
 * an all-NULL row when errors are ignored, and types columns from a sample, so that a field first
 * seen after 20,480 lines vanishes. Instead each line is read as text, lines that are not a JSON
 * object are counted as malformed (with their file and line), and the structure of every valid line
 * is merged ({@code json_group_structure}) into one type that {@code json_transform} applies: a
 * field that changes type becomes a JSON column rather than losing values.
 */
final class JsonLinesSource {
  private JsonLinesSource() {}

  /**
   * True for a line holding one JSON object; false (never an error) otherwise. Valid JSON that
   * starts with a brace is an object: no second parse for its type.
   */
  static final String OBJECT = "(json_valid(line) AND starts_with(ltrim(line), '{')) IS TRUE";

  static SourceBinder.Bound bind(
      Database db, DataSource source, String view, List<String> files, Map<String, String> parts) {
    String lines = TextLines.reader(files, parts);
    String structure;
    long objects;
    long malformed;
    // One line per distinct structure stands for all lines of that structure: merging the
    // structures of those few lines gives what merging every line would, without holding the
    // merge state of millions of lines (measured: json_group_structure over 10M lines ran out of
    // a 1 GB memory limit).
    String reps = Sql.ident(view + "_structures");
    try {
      db.execute(
          "CREATE TEMP TABLE "
              + reps
              + " AS SELECT CASE WHEN "
              + OBJECT
              + " THEN json_structure(line) END AS s, any_value(line) FILTER ("
              + OBJECT
              + ") AS line, count(*) FILTER ("
              + OBJECT
              + ") AS objects, count(*) FILTER ("
              + TextLines.bad(OBJECT)
              + ") AS bad FROM "
              + lines
              + " GROUP BY ALL");
      Object[] r =
          db.one(
              "SELECT (SELECT replace(json_group_structure(line::JSON)::VARCHAR, '\"NULL\"',"
                  + " '\"VARCHAR\"') FROM "
                  + reps
                  + " WHERE s IS NOT NULL), coalesce(sum(objects), 0)::BIGINT,"
                  + " coalesce(sum(bad), 0)::BIGINT FROM "
                  + reps,
              x -> new Object[] {x.getString(1), x.getLong(2), x.getLong(3)});
      structure = (String) r[0];
      objects = (Long) r[1];
      malformed = (Long) r[2];
    } catch (Database.QueryFailed e) {
      throw TextLines.unreadable(source, files, e);
    } finally {
      db.execute("DROP TABLE IF EXISTS " + reps);
    }
    if (objects == 0) throw TextLines.noRows(source, files, malformed);
    MalformedLines bad = TextLines.malformed(db, files, OBJECT, "not a JSON object", malformed);
    structure = timeAsInstant(db, source, structure);
    // the CASE keeps json_transform away from a bad line wherever DuckDB evaluates the projection
    StringBuilder select = new StringBuilder("SELECT unnest(__j)");
    for (String p : parts.keySet()) select.append(", ").append(Sql.ident(p));
    select
        .append(" FROM (SELECT json_transform(CASE WHEN ")
        .append(OBJECT)
        .append(" THEN line END, ")
        .append(Sql.literal(structure))
        .append(") AS __j, * FROM ")
        .append(lines)
        .append(" WHERE ")
        .append(OBJECT)
        .append(")");
    return TextLines.bindView(
        db, source, view, files, DataFormat.JSON, select.toString(), parts, bad);
  }

  /**
   * The structure with a text event time field read as TIMESTAMPTZ when the time is ISO-8601 text
   * and naive times are UTC (as for CSV); an unreadable value becomes NULL and is counted as a row
   * without event time.
   */
  private static String timeAsInstant(Database db, DataSource source, String structure) {
    EventTime t = source.time();
    if (t.encoding() != EventTime.Encoding.AUTO
        || !t.naiveZone().normalized().equals(java.time.ZoneOffset.UTC)) return structure;
    String key = "\"" + t.column().replace("\"", "\\\"") + "\":\"VARCHAR\"";
    // only a top-level field: nested keys with the same name are one level deeper
    int at = topLevelIndex(structure, key);
    if (at < 0) return structure;
    return structure.substring(0, at)
        + "\""
        + t.column().replace("\"", "\\\"")
        + "\":\"TIMESTAMP WITH TIME ZONE\""
        + structure.substring(at + key.length());
  }

  /** Index of {@code key} in {@code json} at object depth 1, outside strings; -1 when absent. */
  static int topLevelIndex(String json, String key) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') i++;
        else if (c == '"') inString = false;
        continue;
      }
      if (depth == 1 && c == '"' && json.startsWith(key, i)) return i;
      if (c == '"') inString = true;
      else if (c == '{' || c == '[') depth++;
      else if (c == '}' || c == ']') depth--;
    }
    return -1;
  }
}
