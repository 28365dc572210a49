package io.slotoolkit.engine;

import io.slotoolkit.model.Alerting;
import io.slotoolkit.model.CsvDialect;
import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.EventTime;
import io.slotoolkit.model.LatencyUnit;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.Sli;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloMetadata;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.SpecFile;
import io.slotoolkit.model.SqlExpression;
import io.slotoolkit.model.Window;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Model objects for engine tests, built directly so engine tests do not depend on the spec loader.
 */
public final class Fixtures {
  public static final Path SPEC = Path.of("test.yaml");

  private Fixtures() {}

  /**
   * Seven events with NULL endpoints and statuses: with valid = {@code endpoint <> '/healthz'} and
   * good = {@code status < 500}, rows 1 and 2 are valid (1 good), 3 and 7 have a NULL total and 4 a
   * NULL good (3 skipped), 5 and 6 are not valid.
   */
  public static final String NULLS_CSV =
      """
      ts,endpoint,status
      2026-02-03T01:00:00Z,/unlock,200
      2026-02-03T02:00:00Z,/unlock,503
      2026-02-03T03:00:00Z,,200
      2026-02-03T04:00:00Z,/unlock,
      2026-02-03T05:00:00Z,/healthz,500
      2026-02-03T06:00:00Z,/healthz,
      2026-02-03T07:00:00Z,,
      """;

  public static Path events(String name) {
    return Path.of("src/test/resources/events", name).toAbsolutePath();
  }

  public static SqlExpression expr(String text) {
    return new SqlExpression(text, new SourceLocation(SPEC, 10, 15));
  }

  public static DataSource source(String file, String where, ZoneId zone) {
    return new DataSource(
        "api",
        SPEC,
        List.of(events(file).toString()),
        DataFormat.AUTO,
        new EventTime("ts", EventTime.Encoding.AUTO, null, ZoneId.of("UTC")),
        zone,
        CsvDialect.SNIFF,
        where == null ? null : expr(where),
        0,
        new SourceLocation(SPEC, 3, 3),
        List.of(),
        false,
        null,
        null,
        null);
  }

  /**
   * A spec file of only sources and SLOs: no exclusions, severity table, forecasts or composites.
   */
  public static SpecFile specFile(
      Path path, String service, List<DataSource> sources, List<Slo> slos) {
    return new SpecFile(path, service, sources, slos, List.of(), List.of(), List.of(), List.of());
  }

  public static Slo ratio(
      String name,
      DataSource src,
      String good,
      String total,
      String objective,
      Window w,
      List<String> per) {
    return new Slo(
        name,
        "homehub",
        null,
        src,
        new Sli.Ratio(expr(good), total == null ? null : expr(total)),
        Objective.of(objective),
        w,
        per,
        0,
        new SourceLocation(SPEC, 8, 5),
        List.of(),
        Alerting.DEFAULT,
        List.of(),
        SloMetadata.EMPTY,
        null);
  }

  public static Slo latency(
      String name, DataSource src, String thresholdMs, String objective, Window w) {
    return new Slo(
        name,
        "homehub",
        null,
        src,
        new Sli.Latency(
            "latency_ms",
            LatencyUnit.MS,
            new BigDecimal(thresholdMs),
            thresholdMs + "ms",
            null,
            new SourceLocation(SPEC, 12, 17)),
        Objective.of(objective),
        w,
        List.of(),
        0,
        new SourceLocation(SPEC, 11, 5),
        List.of(),
        Alerting.DEFAULT,
        List.of(),
        SloMetadata.EMPTY,
        null);
  }

  public static Window days(int d) {
    return new Window.Rolling(Duration.ofDays(d));
  }

  /**
   * The latest event and row count of {@code src}, bound for one SLO on {@code status < 500}, in an
   * engine of its own.
   */
  public static Engine.LatestEvent latestEvent(DataSource src) {
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      engine.bind(List.of(ratio("avail", src, "status < 500", null, "0.5", days(28), List.of())));
      return engine.latestEvent(src);
    }
  }
}
