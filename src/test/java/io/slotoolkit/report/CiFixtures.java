package io.slotoolkit.report;

import io.slotoolkit.evaluate.TestSlos;
import io.slotoolkit.model.Group;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.SourceLocation;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A small run: two services, one breach, one NO_DATA group, one alert. */
final class CiFixtures {
  private CiFixtures() {}

  static final Slo AVAILABILITY =
      TestSlos.slo("homehub", "api-availability", "0.995", List.of(), 0, 10);
  static final Slo UNLOCK =
      TestSlos.slo("homehub", "unlock-success", "0.99", List.of("customer_id"), 30, 20);
  static final Slo CHECKOUT =
      TestSlos.slo(
          "payments",
          "checkout",
          "0.999",
          List.of(),
          0,
          new SourceLocation(Path.of("specs/payments.yaml"), 7, 5));

  static Group customer(String id) {
    return new Group(List.of("customer_id"), List.of(id));
  }

  // 9990 of 10,000 at 99.5%: allowed 50, bad 10, remaining 0.8, burn 0.2: OK
  static final SloResult OK = TestSlos.result(AVAILABILITY, null, 9_990, 10_000);
  // 139 of 149 at 99%: SLI 0.932885906, allowed 1.49, bad 10, remaining -5.711409396,
  // burn 6.711409396: BREACHED
  static final SloResult BREACHED = TestSlos.result(UNLOCK, customer("c047"), 139, 149);
  // 5 events, fewer than min_events 30: NO_DATA
  static final SloResult NO_DATA = TestSlos.result(UNLOCK, customer("c048"), 5, 5);
  // 99,990 of 100,000 at 99.9%: OK, but a page alert fired
  static final SloResult PAGING = TestSlos.result(CHECKOUT, null, 99_990, 100_000);

  static final CiAlert PAGE = new CiAlert("page", "page 14.4x over 1h/5m", "1h", 20.1, "5m", 25.3);

  static CiReport report() {
    return new CiReport(
        Instant.parse("2026-02-28T00:00:00Z"),
        ZoneId.of("Asia/Tokyo"),
        false,
        List.of(
            CiCase.of(OK),
            CiCase.of(BREACHED),
            CiCase.of(NO_DATA),
            new CiCase(
                PAGING, CiCase.Verdict.PASSED, null, List.of(PAGE), "SEV2: a page alert fired")),
        null,
        List.of());
  }
}
