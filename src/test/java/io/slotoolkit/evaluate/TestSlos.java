package io.slotoolkit.evaluate;

import io.slotoolkit.model.Alerting;
import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.ErrorBudget;
import io.slotoolkit.model.EventTime;
import io.slotoolkit.model.Group;
import io.slotoolkit.model.Objective;
import io.slotoolkit.model.Sli;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloMetadata;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.SqlExpression;
import io.slotoolkit.model.Status;
import io.slotoolkit.model.Window;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Model objects for tests: SLOs and results computed the way the contract defines them. */
public final class TestSlos {
  private TestSlos() {}

  public static final Path SPEC = Path.of("specs/homehub.yaml");

  public static DataSource source(String name) {
    return new DataSource(
        name,
        SPEC,
        List.of("data/" + name + ".csv"),
        DataFormat.CSV,
        new EventTime("ts", EventTime.Encoding.AUTO, null, ZoneOffset.UTC),
        ZoneOffset.UTC,
        null,
        null,
        0,
        new SourceLocation(SPEC, 4, 3),
        List.of(),
        false,
        null,
        null,
        null);
  }

  public static Slo slo(
      String service, String name, String objective, List<String> per, long minEvents, int line) {
    return slo(service, name, objective, per, minEvents, new SourceLocation(SPEC, line, 5));
  }

  public static Slo slo(
      String service,
      String name,
      String objective,
      List<String> per,
      long minEvents,
      SourceLocation at) {
    return new Slo(
        name,
        service,
        null,
        source("api"),
        new Sli.Ratio(new SqlExpression("status < 500", at), null),
        Objective.of(objective),
        new Window.Rolling(Duration.ofDays(28)),
        per,
        minEvents,
        at,
        List.of(),
        Alerting.DEFAULT,
        List.of(),
        SloMetadata.EMPTY,
        null);
  }

  /** A result as the engine computes it: SLI, budget, burn rate and status from the counts. */
  public static SloResult result(Slo slo, Group group, long good, long total) {
    Instant end = Instant.parse("2026-02-28T00:00:00Z");
    BigDecimal b = slo.objective().errorBudget();
    BigDecimal allowed = b.multiply(BigDecimal.valueOf(total));
    long bad = total - good;
    Double sli = total == 0 ? null : (double) good / total;
    Double remaining =
        total == 0
            ? null
            : BigDecimal.ONE
                .subtract(BigDecimal.valueOf(bad).divide(allowed, MathContext.DECIMAL64))
                .doubleValue();
    Double burn =
        total == 0
            ? null
            : BigDecimal.valueOf(bad).divide(allowed, MathContext.DECIMAL64).doubleValue();
    Status status =
        total < Math.max(1, slo.minEvents())
            ? Status.NO_DATA
            : BigDecimal.valueOf(good)
                        .compareTo(slo.objective().target().multiply(BigDecimal.valueOf(total)))
                    < 0
                ? Status.BREACHED
                : Status.OK;
    return new SloResult(
        slo,
        group,
        end.minus(Duration.ofDays(28)),
        end,
        good,
        total,
        0,
        sli,
        new ErrorBudget(allowed, bad, remaining, BigDecimal.valueOf(bad)),
        burn,
        status,
        null);
  }
}
