package io.slotoolkit.engine;

import io.slotoolkit.model.Counts;
import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataProfile;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.SloException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link FileProfiler} over the DuckDB connection of a {@link DuckDbEngine}. */
final class DuckDbProfiler implements FileProfiler {
  private final Database db;
  private final SourceBinder binder;
  private final Map<DataSource, BoundSource> bound = new HashMap<>();

  DuckDbProfiler(Database db, SourceBinder binder) {
    this.db = db;
    this.binder = binder;
  }

  /** The file read as is: CSV lines that do not parse are skipped rather than failing the read. */
  private static String raw(Path file, DataFormat format) {
    return format == DataFormat.PARQUET
        ? "read_parquet(" + Sql.literal(file.toString()) + ")"
        : "read_csv("
            + Sql.literal(file.toString())
            + ", ignore_errors = true, null_padding = true)";
  }

  private static String sample(Path file, DataFormat format) {
    return "(SELECT * FROM " + raw(file, format) + " LIMIT " + SAMPLE_ROWS + ")";
  }

  @Override
  public boolean numeric(String type) {
    return TimeColumn.isNumeric(type);
  }

  @Override
  public Map<String, String> rawColumns(Path file, DataFormat format) {
    Map<String, String> types = new LinkedHashMap<>();
    try {
      db.query(
          "DESCRIBE SELECT * FROM " + raw(file, format),
          r -> types.put(r.getString(1), r.getString(2)));
    } catch (Database.QueryFailed e) {
      throw SloException.data(
          "cannot read " + file + ": " + e.getMessage(), "slo init reads CSV and Parquet files");
    }
    return types;
  }

  @Override
  public DataProfile.TextTimes textTimes(
      Path file, DataFormat format, String column, List<String> patterns) {
    String col = Sql.ident(column);
    StringBuilder q =
        new StringBuilder("SELECT count(")
            .append(col)
            .append("), count(TRY_CAST(")
            .append(col)
            .append(" AS TIMESTAMPTZ))");
    for (String p : patterns)
      q.append(", count(try_strptime(")
          .append(col)
          .append(", ")
          .append(Sql.literal(p))
          .append("))");
    q.append(" FROM ").append(sample(file, format));
    return db.one(
        q.toString(),
        r -> {
          List<Long> read = new ArrayList<>();
          for (int i = 0; i < patterns.size(); i++) read.add(r.getLong(i + 3));
          return new DataProfile.TextTimes(r.getLong(1), r.getLong(2), read);
        });
  }

  @Override
  public DataProfile.NumberRange numberRange(Path file, DataFormat format, String column) {
    String col = Sql.ident(column);
    return db.one(
        "SELECT min(" + col + ")::DOUBLE, max(" + col + ")::DOUBLE FROM " + sample(file, format),
        r -> new DataProfile.NumberRange(r.getDouble(1), r.getDouble(2)));
  }

  @Override
  public Map<String, String> bind(DataSource source) {
    BoundSource b = binder.bind(source);
    db.lockDown(b.files());
    bound.put(source, b);
    return b.columns();
  }

  private BoundSource bound(DataSource source) {
    BoundSource b = bound.get(source);
    if (b == null) throw new IllegalStateException("source not bound: " + source.name());
    return b;
  }

  private String view(DataSource source) {
    return Sql.ident(bound(source).view());
  }

  /** {@code [from, to)} on the source's event time. */
  private String within(DataSource source, Instant from, Instant to) {
    String t = bound(source).time().epochMicros();
    return "("
        + t
        + ") >= "
        + TimeColumn.micros(from)
        + " AND ("
        + t
        + ") < "
        + TimeColumn.micros(to);
  }

  @Override
  public DataProfile.EventSpan eventSpan(DataSource source) {
    String t = bound(source).time().epochMicros();
    return db.one(
        "SELECT count(*), min(" + t + "), max(" + t + ") FROM " + view(source),
        r ->
            r.getObject(2) == null
                ? new DataProfile.EventSpan(r.getLong(1), null, null)
                : new DataProfile.EventSpan(
                    r.getLong(1),
                    TimeColumn.instant(r.getLong(2)),
                    TimeColumn.instant(r.getLong(3))));
  }

  @Override
  public List<String> sampleValues(DataSource source, String column, int n) {
    String col = Sql.ident(column);
    return db.query(
        "SELECT DISTINCT CAST("
            + col
            + " AS VARCHAR) FROM (SELECT "
            + col
            + " FROM "
            + view(source)
            + " WHERE "
            + col
            + " IS NOT NULL LIMIT 1000) LIMIT "
            + n,
        r -> r.getString(1));
  }

  @Override
  public DataProfile.WholeNumbers wholeNumbers(DataSource source, String column) {
    String col = Sql.ident(column);
    return db.one(
        "SELECT count("
            + col
            + "), coalesce(min("
            + col
            + "), 0)::BIGINT, coalesce(max("
            + col
            + "), 0)::BIGINT, count(DISTINCT "
            + col
            + ") FROM "
            + view(source),
        r -> new DataProfile.WholeNumbers(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)));
  }

  @Override
  public List<DataProfile.ValueCount> commonValues(DataSource source, String column, int limit) {
    String col = Sql.ident(column);
    return db.query(
        "SELECT lower(trim("
            + col
            + ")), count(*) FROM "
            + view(source)
            + " WHERE "
            + col
            + " IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT "
            + limit,
        r -> new DataProfile.ValueCount(r.getString(1), r.getLong(2)));
  }

  @Override
  public Counts counts(DataSource source, String good, String valid, Instant from, Instant to) {
    String total = valid == null ? "TRUE" : "(" + valid + ")";
    return db.one(
        "SELECT count(*) FILTER (WHERE "
            + total
            + " IS TRUE AND ("
            + good
            + ") IS TRUE), count(*) FILTER (WHERE "
            + total
            + " IS TRUE AND ("
            + good
            + ") IS NOT NULL) FROM "
            + view(source)
            + " WHERE "
            + within(source, from, to),
        r -> new Counts(r.getLong(1), r.getLong(2)));
  }

  /** The valid events of {@code [from, to)} where the column is not NULL. */
  private String valued(DataSource source, String column, String valid, Instant from, Instant to) {
    return within(source, from, to)
        + " AND "
        + Sql.ident(column)
        + " IS NOT NULL"
        + (valid == null ? "" : " AND (" + valid + ") IS TRUE");
  }

  @Override
  public DataProfile.Spread spread(
      DataSource source, String column, String valid, Instant from, Instant to) {
    String col = Sql.ident(column);
    return db.one(
        "SELECT count(*), coalesce(min("
            + col
            + "), 0)::DOUBLE, quantile_cont("
            + col
            + ", 0.5), quantile_cont("
            + col
            + ", 0.95), quantile_cont("
            + col
            + ", 0.99) FROM "
            + view(source)
            + " WHERE "
            + valued(source, column, valid, from, to),
        r ->
            new DataProfile.Spread(
                r.getLong(1), r.getDouble(2), r.getDouble(3), r.getDouble(4), r.getDouble(5)));
  }

  @Override
  public long atMost(
      DataSource source, String column, String valid, Instant from, Instant to, BigDecimal limit) {
    return db.one(
        "SELECT count(*) FROM "
            + view(source)
            + " WHERE "
            + valued(source, column, valid, from, to)
            + " AND "
            + Sql.ident(column)
            + " <= "
            + limit.toPlainString(),
        r -> r.getLong(1));
  }

  @Override
  public long malformedLines(DataSource source) {
    BoundSource b = bound(source);
    if (b.rejectsTable() == null) return 0;
    try {
      // every scan of the view logs the same bad lines again: count each line once
      return db.one(
          "SELECT count(*) FROM (SELECT DISTINCT file_id, line FROM "
              + Sql.ident(b.rejectsTable())
              + ")",
          r -> r.getLong(1));
    } catch (Database.QueryFailed e) {
      return 0; // no rejects table: no line was rejected
    }
  }
}
