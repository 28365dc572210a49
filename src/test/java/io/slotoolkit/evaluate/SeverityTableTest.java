package io.slotoolkit.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.FailOn;
import io.slotoolkit.model.Group;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SeverityAssessment;
import io.slotoolkit.model.SeverityCondition;
import io.slotoolkit.model.SeverityCondition.AlertFired;
import io.slotoolkit.model.SeverityCondition.Breached;
import io.slotoolkit.model.SeverityCondition.BudgetBelow;
import io.slotoolkit.model.SeverityCondition.GroupsBreachedOver;
import io.slotoolkit.model.SeverityCondition.TrafficBreachedOver;
import io.slotoolkit.model.SeverityLevel;
import io.slotoolkit.model.SeverityMatch;
import io.slotoolkit.model.SeverityResponse;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SloSignals;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.Status;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeverityTableTest {
  static final Path FILE = Path.of("specs/severity.yaml");
  static final List<String> ALERTS = List.of("page", "ticket");

  static SeverityLevel level(String name, int line, SeverityCondition... conditions) {
    return new SeverityLevel(
        name,
        List.of(conditions),
        new SeverityResponse("payments on-call", line < 10, Duration.ofMinutes(15)),
        new SourceLocation(FILE, line, 5));
  }

  /** SEV1..SEV4 as a team might write them. */
  static final SeverityTable TABLE =
      new SeverityTable(
          List.of(
              level(
                  "SEV1",
                  3,
                  new AlertFired("page", "critical"),
                  new GroupsBreachedOver(10),
                  new TrafficBreachedOver(new BigDecimal("0.05"))),
              level("SEV2", 9, new AlertFired("page", null)),
              level("SEV3", 12, new AlertFired("ticket", null)),
              level("SEV4", 15, new BudgetBelow(new BigDecimal("0.25")))));

  static SloSignals plain(String slo, Set<String> tags, Set<String> fired, double remaining) {
    return new SloSignals(slo, tags, fired, false, 1, 0, 1000, 0, remaining, Status.OK);
  }

  @Test
  void the_team_table_is_valid() {
    assertThat(TABLE.check(ALERTS)).isEmpty();
  }

  @Test
  void each_slo_gets_its_highest_level_and_the_run_the_highest_of_all() {
    List<SloSignals> slos =
        List.of(
            plain("api/login", Set.of(), Set.of("ticket"), 0.6),
            plain("api/search", Set.of("internal"), Set.of("page", "ticket"), 0.1),
            plain("api/checkout", Set.of("critical"), Set.of("page"), 0.5),
            plain("api/profile", Set.of(), Set.of(), 0.2),
            plain("api/healthy", Set.of("critical"), Set.of(), 0.9));
    SeverityAssessment a = TABLE.evaluate(slos);

    assertThat(a.perSlo())
        .extracting(SeverityMatch::slo, m -> m.level().name(), SeverityMatch::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("api/login", "SEV3", "a ticket alert fired"),
            org.assertj.core.groups.Tuple.tuple("api/search", "SEV2", "a page alert fired"),
            org.assertj.core.groups.Tuple.tuple(
                "api/checkout", "SEV1", "a page alert fired on an SLO tagged critical"),
            org.assertj.core.groups.Tuple.tuple(
                "api/profile", "SEV4", "error budget remaining 20% is below 25%"));
    assertThat(a.highest().slo()).isEqualTo("api/checkout");
    assertThat(a.highest().rank()).isZero();
    assertThat(a.highest().describe())
        .isEqualTo("SEV1 (api/checkout): a page alert fired on an SLO tagged critical");
    assertThat(a.forSlo("api/healthy")).isEmpty();
    assertThat(a.highest().level().response().describe())
        .isEqualTo("call payments on-call, out of hours too, act within 15m");
  }

  @Test
  void a_per_customer_slo_reaches_sev1_by_breached_groups_or_breached_traffic() {
    // 11 of 40 customers breached: more than 10
    SloSignals many =
        new SloSignals(
            "homehub/unlock", Set.of(), Set.of(), true, 40, 11, 10_000, 300, -2.0, Status.BREACHED);
    assertThat(TABLE.evaluate(List.of(many)).highest().reason())
        .isEqualTo("11 of 40 groups breached (more than 10)");
    // 3 customers, but they carry 600 of 10,000 events = 6% > 5%
    SloSignals heavy =
        new SloSignals(
            "homehub/unlock", Set.of(), Set.of(), true, 40, 3, 10_000, 600, -2.0, Status.BREACHED);
    assertThat(TABLE.evaluate(List.of(heavy)).highest().reason())
        .isEqualTo("600 of 10000 events are in breached groups (more than 5% of traffic)");
    // exactly 5% (500 of 10,000) is not more than 5%: falls through to SEV4 by budget
    SloSignals edge =
        new SloSignals(
            "homehub/unlock", Set.of(), Set.of(), true, 40, 3, 10_000, 500, -2.0, Status.BREACHED);
    SeverityMatch m = TABLE.evaluate(List.of(edge)).highest();
    assertThat(m.level().name()).isEqualTo("SEV4");
    assertThat(m.condition()).isEqualTo("error budget remaining below 25%");
    assertThat(m.reason()).isEqualTo("error budget remaining -200% is below 25%");
  }

  @Test
  void signals_gather_every_group_of_an_slo() {
    Slo unlock = TestSlos.slo("homehub", "unlock", "0.99", List.of("customer_id"), 30, 20);
    // c1: 99 of 100 = 0.99, OK; remaining 1 - 1 / (0.01 x 100) = 0
    // c2: 190 of 200 = 0.95, BREACHED; remaining 1 - 10 / 2 = -4
    // c3: 0 of 5, fewer than min_events 30: NO_DATA, its budget is not looked at
    SloSignals s =
        SloSignals.of(
            List.of(
                TestSlos.result(unlock, group("c1"), 99, 100),
                TestSlos.result(unlock, group("c2"), 190, 200),
                TestSlos.result(unlock, group("c3"), 0, 5)),
            Set.of("critical"),
            Set.of("ticket"));
    assertThat(s.slo()).isEqualTo("homehub/unlock");
    assertThat(s.grouped()).isTrue();
    assertThat(s.groups()).isEqualTo(3);
    assertThat(s.breachedGroups()).isEqualTo(1);
    assertThat(s.totalEvents()).isEqualTo(305);
    assertThat(s.breachedEvents()).isEqualTo(200);
    assertThat(s.lowestBudgetRemaining()).isCloseTo(-4.0, within(1e-9));
    assertThat(s.status()).isEqualTo(Status.BREACHED);
    // 200 of 305 events = 65.6% of traffic breached -> SEV1
    assertThat(TABLE.evaluate(List.of(s)).highest().level().name()).isEqualTo("SEV1");
  }

  static Group group(String customer) {
    return new Group(List.of("customer_id"), List.of(customer));
  }

  @Test
  void a_level_below_a_broader_level_is_unreachable() {
    SeverityTable t =
        new SeverityTable(
            List.of(
                level("SEV2", 3, new BudgetBelow(new BigDecimal("0.5"))),
                level("SEV4", 7, new BudgetBelow(new BigDecimal("0.25")))));
    assertThat(t.check(ALERTS))
        .extracting(Problem::render)
        .containsExactly(
            "specs/severity.yaml:7:5: severity level SEV4 can never be the highest match:"
                + " whenever its condition holds, a higher level matches too: error budget"
                + " remaining below 25% (SEV2 has error budget remaining below 50%) (move it above"
                + " that level or change its conditions)");
  }

  @Test
  void a_tagged_page_below_an_untagged_page_is_unreachable_but_not_the_other_way() {
    SeverityTable wrong =
        new SeverityTable(
            List.of(
                level("SEV1", 3, new AlertFired("page", null)),
                level("SEV2", 7, new AlertFired("page", "critical"))));
    assertThat(wrong.check(ALERTS)).hasSize(1);
    assertThat(wrong.check(ALERTS).get(0).message()).startsWith("severity level SEV2 can never");
    SeverityTable right =
        new SeverityTable(
            List.of(
                level("SEV1", 3, new AlertFired("page", "critical")),
                level("SEV2", 7, new AlertFired("page", null))));
    assertThat(right.check(ALERTS)).isEmpty();
  }

  @Test
  void breach_conditions_below_a_budget_level_are_shadowed() {
    // BREACHED means budget remaining < 0, so it is below 50% too: SEV3's breach condition can
    // never decide SEV3, while its ticket condition still can
    SeverityTable t =
        new SeverityTable(
            List.of(
                level("SEV2", 3, new BudgetBelow(new BigDecimal("0.5"))),
                level("SEV3", 7, new Breached(), new AlertFired("ticket", null)),
                level(
                    "SEV4",
                    11,
                    new GroupsBreachedOver(3),
                    new TrafficBreachedOver(BigDecimal.ZERO))));
    assertThat(t.check(ALERTS))
        .extracting(Problem::render)
        .containsExactly(
            "specs/severity.yaml:7:5: a condition of severity level SEV3 never decides it,"
                + " because a higher level always matches too: status BREACHED (SEV2 has error"
                + " budget remaining below 50%) (remove the condition or move the level up)",
            "specs/severity.yaml:11:5: severity level SEV4 can never be the highest match:"
                + " whenever any of its conditions holds, a higher level matches too: more than 3"
                + " groups breached (SEV2 has error budget remaining below 50%); more than 0% of"
                + " traffic in breached groups (SEV2 has error budget remaining below 50%) (move"
                + " it above that level or change its conditions)");
  }

  @Test
  void a_stricter_group_count_below_a_looser_one_is_unreachable() {
    SeverityTable t =
        new SeverityTable(
            List.of(
                level("SEV1", 3, new GroupsBreachedOver(5)),
                level("SEV2", 7, new GroupsBreachedOver(10)),
                level("SEV3", 11, new GroupsBreachedOver(2))));
    assertThat(t.check(ALERTS)).extracting(p -> p.location().line()).containsExactly(7);
  }

  @Test
  void names_conditions_and_alert_severities_are_checked() {
    SeverityTable t =
        new SeverityTable(
            List.of(
                level("SEV1", 3, new AlertFired("pager", null)),
                level("sev1", 7, new AlertFired("ticket", null)),
                level("Alert", 11, new Breached()),
                level("SEV5", 15)));
    assertThat(t.check(ALERTS))
        .extracting(Problem::render)
        .containsExactly(
            "specs/severity.yaml:3:5: severity level SEV1 refers to alert severity 'pager',"
                + " which no alert rule uses (known: page, ticket)",
            "specs/severity.yaml:7:5: severity level sev1 is defined twice (first at"
                + " specs/severity.yaml:3:5) (level names are compared ignoring case)",
            "specs/severity.yaml:11:5: severity level Alert has the same name as the --fail-on"
                + " value alert, so --fail-on alert would be ambiguous (rename it; none, breached"
                + " and alert are reserved)",
            "specs/severity.yaml:15:5: severity level SEV5 has no conditions, so it never"
                + " matches (give it at least one condition)");
  }

  @Test
  void fail_on_resolves_a_level_ignoring_case() {
    assertThat(FailOnParser.parse("sev2", TABLE)).isEqualTo(new FailOn.AtLevel("SEV2", 1));
    assertThat(FailOnParser.parse(" Breached ", TABLE)).isEqualTo(new FailOn.OnBreach());
    assertThat(FailOnParser.parse("none", SeverityTable.NONE)).isEqualTo(new FailOn.Never());
    assertThat(FailOnParser.parse("ALERT", SeverityTable.NONE)).isEqualTo(new FailOn.OnAlert());
  }

  @Test
  void fail_on_an_unknown_level_lists_the_allowed_values() {
    assertThatThrownBy(() -> FailOnParser.parse("sev9", TABLE))
        .isInstanceOfSatisfying(
            SloException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
              assertThat(e.getMessage()).isEqualTo("unknown --fail-on value 'sev9'");
              assertThat(e.hint())
                  .isEqualTo(
                      "allowed: none, breached, alert, no-data, stale, SEV1, SEV2, SEV3, SEV4");
            });
    assertThatThrownBy(() -> FailOnParser.parse("sev2", SeverityTable.NONE))
        .isInstanceOfSatisfying(
            SloException.class,
            e ->
                assertThat(e.hint())
                    .isEqualTo(
                        "allowed: none, breached, alert, no-data, stale (severity levels come from a severity:"
                            + " table in the specs)"));
  }

  @Test
  void fail_on_a_level_fails_at_that_level_or_higher() {
    SeverityAssessment sev3 =
        TABLE.evaluate(List.of(plain("api/login", Set.of(), Set.of("ticket"), 0.6)));
    SeverityAssessment sev1 =
        TABLE.evaluate(List.of(plain("api/checkout", Set.of("critical"), Set.of("page"), 0.6)));
    SeverityAssessment none = TABLE.evaluate(List.of(plain("api/ok", Set.of(), Set.of(), 0.9)));
    FailOn sev2 = FailOnParser.parse("sev2", TABLE);
    assertThat(sev2.failed(FailOnTest.outcome(true, true, false, sev3))).isFalse();
    assertThat(sev2.failed(FailOnTest.outcome(false, false, false, sev1))).isTrue();
    assertThat(sev2.failed(FailOnTest.outcome(true, true, false, none))).isFalse();
    assertThat(
            FailOnParser.parse("sev3", TABLE).failed(FailOnTest.outcome(false, false, false, sev3)))
        .isTrue();
    assertThat(new FailOn.OnAlert().failed(FailOnTest.outcome(false, true, false, none))).isTrue();
    assertThat(new FailOn.OnAlert().failed(FailOnTest.outcome(true, false, false, none))).isTrue();
    assertThat(new FailOn.OnBreach().failed(FailOnTest.outcome(false, true, false, none)))
        .isFalse();
    assertThat(new FailOn.Never().failed(FailOnTest.outcome(true, true, false, sev1))).isFalse();
  }

  @Test
  void condition_ranges_are_checked_when_built() {
    assertThatThrownBy(() -> new TrafficBreachedOver(BigDecimal.ONE))
        .hasMessage("traffic share must be in [0%, 100%): 100%");
    assertThatThrownBy(() -> new BudgetBelow(new BigDecimal("1.5")))
        .hasMessage("budget remaining threshold must be at most 100%: 150%");
    assertThatThrownBy(() -> new GroupsBreachedOver(-1))
        .hasMessage("group count must be 0 or more");
  }
}
