package io.slotoolkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.SeverityCondition;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** labels, annotations and links: the file's merged under each SLO's own. */
class LabelsTest {
  private static final Path SPEC = Path.of("src/test/resources/cli/specs/labels/labels.yaml");

  private static Slo slo(Catalog c, String name) {
    return c.slos().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void an_slo_gets_the_files_labels_and_links_under_its_own() {
    Catalog c = new SpecLoader().load(List.of(SPEC));
    SloMetadata checkout = slo(c, "checkout").metadata();
    assertThat(checkout.labels())
        .containsExactly(Map.entry("team", "payments"), Map.entry("tier", "1"));
    assertThat(checkout.annotations())
        .containsExactly(Map.entry("owner-slack", "#payments-oncall"));
    assertThat(checkout.links())
        .containsExactly(
            Map.entry("runbook", "https://wiki.example.com/runbooks/shop"),
            Map.entry("dashboard", "https://grafana.example.com/d/checkout"));
    // the SLO's own team wins over the file's
    SloMetadata search = slo(c, "search").metadata();
    assertThat(search.labels()).containsExactly(Map.entry("team", "search"));
    assertThat(slo(c, "search").selectors()).containsExactly("team=search");
    assertThat(slo(c, "checkout").selectors()).containsExactly("team=payments", "tier=1");
  }

  @Test
  void a_label_condition_selects_slos_by_key_and_value() {
    Catalog c = new SpecLoader().load(List.of(SPEC));
    SeverityCondition first = c.files().get(0).severity().get(0).conditions().get(0);
    assertThat(first).isEqualTo(new SeverityCondition.AlertFired("page", "tier=1"));
    assertThat(first.describe()).isEqualTo("a page alert fired on an SLO labelled tier=1");
  }

  @Test
  void merge_keeps_the_files_order_and_the_slos_values() {
    SloMetadata file =
        new SloMetadata(Map.of("team", "a"), Map.of(), Map.of("runbook", "https://r"));
    SloMetadata own = new SloMetadata(Map.of("team", "b"), Map.of("k", "v"), Map.of());
    SloMetadata m = SloMetadata.merge(file, own);
    assertThat(m.labels()).isEqualTo(Map.of("team", "b"));
    assertThat(m.annotations()).isEqualTo(Map.of("k", "v"));
    assertThat(m.links()).isEqualTo(Map.of("runbook", "https://r"));
    assertThat(SloMetadata.EMPTY.isEmpty()).isTrue();
  }
}
