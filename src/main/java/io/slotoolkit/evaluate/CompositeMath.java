package io.slotoolkit.evaluate;

import io.slotoolkit.model.Composite;
import io.slotoolkit.model.CompositeResult;
import io.slotoolkit.model.SliceSummary;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.Status;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A composite SLO's SLI, budget, burn rate and status from its components' results over its window.
 * Components without data (NO_DATA) take no part: they get no share of a weighted mean and cannot
 * be the least healthy one; with none left the composite is NO_DATA.
 */
public final class CompositeMath {
  private static final MathContext PRECISE = MathContext.DECIMAL128;

  private CompositeMath() {}

  /**
   * Evaluates a composite.
   *
   * @param results the components' results over the composite's window, in component order
   */
  public static CompositeResult evaluate(
      Composite composite, Instant start, Instant end, List<SloResult> results) {
    List<Composite.Component> components = composite.components();
    if (results.size() != components.size())
      throw new IllegalArgumentException("one result per component");
    BigDecimal weights = BigDecimal.ZERO;
    BigDecimal weighted = BigDecimal.ZERO;
    BigDecimal lowest = null;
    int decisive = -1;
    for (int i = 0; i < results.size(); i++) {
      BigDecimal sli = exactSli(results.get(i));
      if (sli == null) continue;
      BigDecimal w = components.get(i).weight();
      weights = weights.add(w);
      weighted = weighted.add(w.multiply(sli));
      if (lowest == null || sli.compareTo(lowest) < 0) {
        lowest = sli;
        decisive = i;
      }
    }
    boolean mean = composite.method() == Composite.Method.WEIGHTED_MEAN;
    BigDecimal sli = lowest == null ? null : mean ? weighted.divide(weights, PRECISE) : lowest;
    List<CompositeResult.ComponentResult> out = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      boolean data = exactSli(results.get(i)) != null;
      Double share =
          !mean
              ? null
              : data ? components.get(i).weight().divide(weights, PRECISE).doubleValue() : 0.0;
      out.add(
          new CompositeResult.ComponentResult(
              components.get(i), results.get(i), share, !mean && i == decisive));
    }
    if (sli == null)
      return new CompositeResult(composite, start, end, null, null, null, Status.NO_DATA, out);
    BigDecimal allowed = composite.objective().errorBudget();
    BigDecimal burn = BigDecimal.ONE.subtract(sli).divide(allowed, PRECISE);
    Status status = sli.compareTo(composite.objective().target()) < 0 ? Status.BREACHED : Status.OK;
    return new CompositeResult(
        composite,
        start,
        end,
        sli.doubleValue(),
        BigDecimal.ONE.subtract(burn).doubleValue(),
        burn.doubleValue(),
        status,
        out);
  }

  /**
   * A component's SLI as an exact decimal (good/total of events, or 1 - spent/counted of slices);
   * null when it is NO_DATA.
   */
  static BigDecimal exactSli(SloResult r) {
    if (r.status() == Status.NO_DATA || r.sli() == null) return null;
    SliceSummary s = r.slices();
    if (s != null)
      return BigDecimal.ONE.subtract(s.spent().divide(BigDecimal.valueOf(s.counted()), PRECISE));
    return BigDecimal.valueOf(r.good()).divide(BigDecimal.valueOf(r.total()), PRECISE);
  }
}
