package io.slotoolkit.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.Group;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SloResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupChoiceTest {
  static final Instant START = Instant.parse("2026-02-01T00:00:00Z");
  static final Instant AT = Instant.parse("2026-02-08T00:00:00Z");

  static SloResult result(Slo slo, List<String> values, long good, long total) {
    return SloMath.result(slo, new Group(slo.per(), values), START, AT, good, total, 0);
  }

  static Slo slo(List<String> per, long minEvents) {
    return TestSlos.slo("homehub", "unlock", "0.99", per, minEvents, 20);
  }

  @Test
  void by_default_the_worst_group_with_data_is_explained_not_a_no_data_one() {
    Slo s = slo(List.of("customer"), 30);
    // c001: 1 event, failed -> SLI 0 but NO_DATA (1 < 30); c002: 30 of 40 -> 0.75 BREACHED;
    // c003: 40 of 40 -> 1.0 OK. The worst judged group is c002.
    List<SloResult> rs =
        List.of(
            result(s, List.of("c001"), 0, 1),
            result(s, List.of("c002"), 30, 40),
            result(s, List.of("c003"), 40, 40));

    assertThat(GroupChoice.choose(s, rs, Map.of()).orElseThrow().group().values())
        .containsExactly("c002");
  }

  @Test
  void when_every_group_is_no_data_the_lowest_sli_is_explained() {
    Slo s = slo(List.of("customer"), 30);
    List<SloResult> rs =
        List.of(result(s, List.of("c001"), 1, 2), result(s, List.of("c002"), 0, 1));
    assertThat(GroupChoice.choose(s, rs, Map.of()).orElseThrow().group().values())
        .containsExactly("c002");
  }

  @Test
  void group_names_every_per_column_in_any_order() {
    Slo s = slo(List.of("customer", "endpoint"), 0);
    List<SloResult> rs =
        List.of(
            result(s, List.of("c037", "/a"), 1, 1),
            result(s, List.of("c037", "/b"), 5, 10),
            result(s, java.util.Arrays.asList("c038", null), 2, 2));
    Map<String, String> wanted = new LinkedHashMap<>();
    wanted.put("endpoint", "/a");
    wanted.put("customer", "c037");
    assertThat(GroupChoice.choose(s, rs, wanted).orElseThrow().total()).isEqualTo(1);
    // a NULL value is written (null), as the outputs print it
    assertThat(
            GroupChoice.choose(s, rs, Map.of("customer", "c038", "endpoint", "(null)"))
                .orElseThrow()
                .good())
        .isEqualTo(2);
  }

  @Test
  void unknown_columns_missing_columns_and_unknown_groups_are_usage_errors() {
    Slo s = slo(List.of("customer", "endpoint"), 0);
    List<SloResult> rs = List.of(result(s, List.of("c037", "/a"), 1, 1));

    assertThatThrownBy(() -> GroupChoice.choose(s, rs, Map.of("customer_id", "c037")))
        .isInstanceOfSatisfying(
            SloException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
              assertThat(e.getMessage()).contains("'customer_id' is not a per: column");
              assertThat(e.hint()).isEqualTo("per: columns: customer, endpoint");
            });
    assertThatThrownBy(() -> GroupChoice.choose(s, rs, Map.of("customer", "c037")))
        .isInstanceOfSatisfying(
            SloException.class,
            e -> assertThat(e.getMessage()).isEqualTo("--group names customer but not endpoint"));
    assertThatThrownBy(
            () -> GroupChoice.choose(s, rs, Map.of("customer", "c999", "endpoint", "/a")))
        .isInstanceOfSatisfying(
            SloException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
              assertThat(e.hint()).isEqualTo("groups with events: customer=c037 endpoint=/a");
            });
    Slo plain = slo(List.of(), 0);
    assertThatThrownBy(
            () ->
                GroupChoice.choose(
                    plain,
                    List.of(SloMath.result(plain, null, START, AT, 1, 1, 0)),
                    Map.of("customer", "c037")))
        .isInstanceOf(SloException.class)
        .hasMessageContaining("has no per: columns");
  }
}
