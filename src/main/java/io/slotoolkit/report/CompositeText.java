package io.slotoolkit.report;

import io.slotoolkit.model.Composite;
import io.slotoolkit.model.CompositeResult;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.Status;
import java.util.ArrayList;
import java.util.List;

/** How the CI outputs (JUnit XML, GitHub annotations) describe a composite SLO. */
final class CompositeText {
  private CompositeText() {}

  /**
   * {@code composite SLI 78.75% below objective 80% (weighted_mean of 2 SLOs over 5h)}, or its
   * status for one that is not breached.
   */
  static String headline(CompositeResult c) {
    Composite k = c.composite();
    String sli = Numbers.sliPercent(c.sli(), k.objective());
    String what =
        " ("
            + k.method().label()
            + " of "
            + k.components().size()
            + " SLOs over "
            + k.window().label()
            + ")";
    return switch (c.status()) {
      case BREACHED ->
          "composite SLI " + sli + " below objective " + k.objective().percent() + what;
      case NO_DATA -> "composite without data: no component has events" + what;
      default -> "composite SLI " + sli + " meets objective " + k.objective().percent() + what;
    };
  }

  /** The composite's figures, then one line per component. */
  static List<String> lines(CompositeResult c) {
    Composite k = c.composite();
    List<String> out = new ArrayList<>();
    out.add(
        "composite "
            + k.qualifiedName()
            + ": SLI "
            + Numbers.sliPercent(c.sli(), k.objective())
            + ", objective "
            + k.objective().percent()
            + ", budget left "
            + Numbers.budgetPercent(c.remaining())
            + ", burn "
            + Numbers.burn(c.burnRate())
            + ", "
            + c.status().name());
    for (CompositeResult.ComponentResult part : c.components()) {
      SloResult r = part.result();
      out.add(
          "  "
              + r.slo().name()
              + (k.method() == Composite.Method.WEIGHTED_MEAN
                  ? " (weight " + Json.plain(part.component().weight()).toPlainString() + ")"
                  : part.decisive() ? " (least healthy)" : "")
              + ": SLI "
              + Numbers.sliPercent(r.sli(), r.slo().objective())
              + ", "
              + r.status().name());
    }
    return out;
  }

  /** Whether a composite fails the gate: it is BREACHED (NO_DATA is skipped, as for SLOs). */
  static boolean failed(CompositeResult c) {
    return c.status() == Status.BREACHED;
  }
}
