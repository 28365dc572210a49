package io.slotoolkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.slotoolkit.model.BudgetPoint;
import io.slotoolkit.model.DailyCounts;
import io.slotoolkit.model.Objective;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartsTest {
  static final LocalDate D = LocalDate.parse("2026-03-01");

  @Test
  void ticks_are_round_steps_covering_the_range() {
    // span 0.08 -> raw step 0.02 -> steps of 2% from 92% (the multiple at or below 0.925)
    double[] t = SvgCharts.ticks(0.925, 1.0);
    assertThat(t).hasSize(5);
    assertThat(t[0]).isCloseTo(0.92, within(1e-9));
    assertThat(t[4]).isCloseTo(1.0, within(1e-9));
    // a burn-down from -46% to 100%: steps of 50%
    assertThat(SvgCharts.ticks(-0.46, 1.0)).containsExactly(-0.5, 0.0, 0.5, 1.0);
  }

  @Test
  void trend_marks_days_below_the_objective_and_leaves_gaps_for_empty_days() {
    // 3 Mar: 90/100 = 90% < 99% (two decimals: one more than the objective, at least two);
    // 2 Mar has no events: the line breaks there
    String svg =
        SvgCharts.trend(
            List.of(
                new DailyCounts(D, 100, 100),
                new DailyCounts(D.plusDays(1), 0, 0),
                new DailyCounts(D.plusDays(2), 90, 100),
                new DailyCounts(D.plusDays(3), 995, 1000)),
            Objective.of("0.99"),
            "Daily SLI of <x>");
    assertThat(svg).startsWith("<svg class=\"chart trend\"").endsWith("</svg>");
    assertThat(svg).contains("<title>Daily SLI of &lt;x&gt;</title>");
    assertThat(count(svg, "class=\"dot bad\"")).isEqualTo(1);
    assertThat(count(svg, "class=\"dot\"")).isEqualTo(2);
    assertThat(svg).contains("<title>3 Mar: 90.00% (90 / 100)</title>");
    assertThat(count(svg, "<path class=\"line\"")).isEqualTo(2); // 1 Mar alone, then 3-4 Mar
    assertThat(svg).contains("objective 99%");
  }

  @Test
  void burn_down_turns_red_when_overspent() {
    String svg =
        SvgCharts.burnDown(
            List.of(new BudgetPoint(D, 1, 0.5), new BudgetPoint(D.plusDays(1), 3, -0.5)), "b");
    assertThat(svg).contains("<path class=\"line bad\"").contains("-50.0% left");
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
    return n;
  }
}
