package io.slotoolkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.model.AlertRule;
import io.slotoolkit.model.Exclusion;
import io.slotoolkit.model.ExclusionScope;
import io.slotoolkit.model.SeverityCondition;
import io.slotoolkit.model.SeverityLevel;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SpecFile;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Alerts, tags, exclusions and severity tables as the loader reads them (specs/valid/ops.yaml). */
class OperationalKeysTest {
  static final Path OPS = Path.of("src/test/resources/specs/valid/ops.yaml");

  static SpecFile ops() {
    return new SpecLoader().load(List.of(OPS)).files().get(0);
  }

  @Test
  void alert_pairs_tags_and_the_traffic_guard_are_read() {
    List<Slo> slos = ops().slos();
    Slo api = slos.get(0);
    assertThat(api.tags()).containsExactly("critical", "customer-facing");
    assertThat(api.alerting().isDefault()).isFalse();
    AlertRule first = api.alerting().rules().get(0);
    assertThat(first.longWindow()).isEqualTo(Duration.ofHours(1));
    assertThat(first.shortWindow()).isEqualTo(Duration.ofMinutes(5));
    assertThat(first.factor()).isEqualByComparingTo("14.4");
    assertThat(first.severity()).isEqualTo("page");
    assertThat(first.location().line()).isEqualTo(54);
    assertThat(first.refined()).isFalse();
    Slo perCustomer = slos.get(1);
    assertThat(perCustomer.alerting().minEvents()).isEqualTo(50);
    assertThat(perCustomer.alerting().rules()).hasSize(1);
    assertThat(perCustomer.minEvents()).isEqualTo(10);
  }

  @Test
  void for_cool_down_exhaustion_and_max_staleness_are_read() {
    List<Slo> slos = ops().slos();
    assertThat(slos.get(0).source().maxStaleness()).isEqualTo(Duration.ofHours(2));
    AlertRule exhaustion = slos.get(0).alerting().rules().get(2);
    assertThat(exhaustion.isExhaustion()).isTrue();
    assertThat(exhaustion.factor()).isNull();
    assertThat(exhaustion.exhaustion()).isEqualTo(Duration.ofDays(3));
    assertThat(exhaustion.holdFor()).isEqualTo(Duration.ofMinutes(5));
    assertThat(exhaustion.coolDown()).isEqualTo(Duration.ofHours(1));
    assertThat(exhaustion.label())
        .isEqualTo("ticket budget gone within 3d over 6h/30m for 5m, cool-down 1h");
    // the map's for: and cool_down: apply to its pairs that do not set their own
    Slo perCustomer = slos.get(1);
    AlertRule pair = perCustomer.alerting().rules().get(0);
    assertThat(pair.holdFor()).isEqualTo(Duration.ofMinutes(2));
    assertThat(pair.coolDown()).isEqualTo(Duration.ofMinutes(30));
    assertThat(perCustomer.alerting().holdFor()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void exclusions_carry_their_scope_and_zone() {
    List<Exclusion> ex = ops().exclusions();
    // source first (read with the sources), then the SLO's, then the exclusions file's
    assertThat(ex).hasSize(3);
    Exclusion.Weekly weekly = (Exclusion.Weekly) ex.get(0);
    assertThat(weekly.days()).isEqualTo(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    assertThat(weekly.start()).isEqualTo(LocalTime.of(2, 0));
    assertThat(weekly.end()).isEqualTo(LocalTime.of(4, 0));
    assertThat(weekly.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(weekly.scope()).isEqualTo(new ExclusionScope.SourceNamed("api", OPS));
    Exclusion.Once once = (Exclusion.Once) ex.get(1);
    // 10:00 to 12:00 +09:00 is 01:00 to 03:00 UTC
    assertThat(once.start()).isEqualTo(Instant.parse("2026-02-17T01:00:00Z"));
    assertThat(once.end()).isEqualTo(Instant.parse("2026-02-17T03:00:00Z"));
    assertThat(once.scope()).isEqualTo(new ExclusionScope.SloNamed("ops/api-availability"));
    Exclusion.Once fromFile = (Exclusion.Once) ex.get(2);
    assertThat(fromFile.scope()).isEqualTo(new ExclusionScope.AllSlos());
    assertThat(fromFile.reason()).isEqualTo("load balancer swap");
  }

  @Test
  void labels_annotations_and_links_merge_the_files_under_the_slos_own() {
    var slo = ops().slos().get(0);
    assertThat(slo.metadata().labels())
        .isEqualTo(java.util.Map.of("team", "payments", "tier", "1"));
    assertThat(slo.metadata().annotations())
        .isEqualTo(java.util.Map.of("owner-slack", "#payments", "slo-owner", "alice"));
    assertThat(slo.metadata().links())
        .containsEntry("runbook", "https://wiki.example.com/runbooks/ops")
        .containsEntry("dashboard", "https://grafana.example.com/d/api");
    // an SLO without its own gets the file's
    assertThat(ops().slos().get(1).metadata().labels())
        .isEqualTo(java.util.Map.of("team", "payments"));
  }

  @Test
  void severity_levels_keep_their_order_conditions_and_response() {
    List<SeverityLevel> levels = ops().severity();
    assertThat(levels)
        .extracting(SeverityLevel::name)
        .containsExactly("SEV1", "SEV2", "SEV3", "SEV4");
    assertThat(levels.get(0).conditions())
        .containsExactly(
            new SeverityCondition.AlertFired("page", "critical"),
            new SeverityCondition.GroupsBreachedOver(10),
            new SeverityCondition.TrafficBreachedOver(new BigDecimal("0.20")),
            new SeverityCondition.AlertFired("page", "tier=1"));
    assertThat(levels.get(0).response().who()).isEqualTo("payments on-call");
    assertThat(levels.get(0).response().outOfHours()).isTrue();
    assertThat(levels.get(0).response().timeToAct()).isEqualTo(Duration.ofMinutes(15));
    assertThat(levels.get(2).conditions())
        .containsExactly(
            new SeverityCondition.AlertFired("ticket", null), new SeverityCondition.Breached());
    assertThat(levels.get(3).conditions())
        .containsExactly(new SeverityCondition.BudgetBelow(new BigDecimal("0.25")));
    assertThat(levels.get(3).response().who()).isEqualTo("team channel");
  }
}
