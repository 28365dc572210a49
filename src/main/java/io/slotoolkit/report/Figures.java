package io.slotoolkit.report;

import io.slotoolkit.model.ErrorBudget;
import io.slotoolkit.model.Group;
import io.slotoolkit.model.Percent;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.Status;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The numbers of a result, worded the same way in every CI renderer. */
final class Figures {
  private Figures() {}

  /** Up to 10 significant digits, plain notation; {@code n/a} for null. */
  static String number(Double d) {
    if (d == null) return "n/a";
    return BigDecimal.valueOf(d).round(new MathContext(10)).stripTrailingZeros().toPlainString();
  }

  /** A ratio as a percent with up to 4 decimals: {@code 93.2886%}; {@code n/a} for null. */
  static String percent(Double ratio) {
    if (ratio == null) return "n/a";
    return Percent.trimmed(BigDecimal.valueOf(ratio), 4, RoundingMode.HALF_EVEN);
  }

  /** {@code homehub/unlock-success [customer_id=c047]}. */
  static String name(SloResult r) {
    return r.slo().qualifiedName() + groupSuffix(r.group());
  }

  /** {@code homehub/unlock-success [customer_id=c047]} for a replay. */
  static String name(io.slotoolkit.model.SloReplay r) {
    return r.slo().qualifiedName() + groupSuffix(r.group());
  }

  static String groupSuffix(Group g) {
    return g == null ? "" : " [" + g.label() + "]";
  }

  /** One line saying why a case failed or was skipped, from its status. */
  static String headline(SloResult r) {
    if (r.status() == Status.BREACHED) {
      return "BREACHED: SLI "
          + percent(r.sli())
          + " is below the objective "
          + r.slo().objective().percent();
    }
    if (r.status() == Status.NO_DATA) {
      return r.total() == 0
          ? "NO_DATA: no valid events in the window"
          : "NO_DATA: " + r.total() + " valid events, fewer than min_events " + r.slo().minEvents();
    }
    if (r.status() == Status.STALE) {
      return "STALE: SLI "
          + percent(r.sli())
          + " meets the objective "
          + r.slo().objective().percent()
          + ", but the source's latest event is older than its max_staleness allows";
    }
    return "OK: SLI " + percent(r.sli()) + " meets the objective " + r.slo().objective().percent();
  }

  /** Why a failed case failed: the caller's reason, else the breach, else the first alert. */
  static String failure(CiCase c) {
    if (c.failure() != null) return c.failure();
    if (c.result().status() != Status.BREACHED && !c.alerts().isEmpty()) {
      return "ALERT: " + c.alerts().get(0).describe();
    }
    return headline(c.result());
  }

  /** The kind of a failure: BREACHED, ALERT when only alerts explain it, else the status. */
  static String failureType(CiCase c) {
    if (c.failure() != null && c.failure().startsWith("STALE:")) return "STALE";
    if (c.result().status() != Status.BREACHED && !c.alerts().isEmpty()) return "ALERT";
    return c.result().status().name();
  }

  /** Every number of a result, one {@code label: value} line each. */
  static List<String> lines(SloResult r, ZoneId zone, List<CiAlert> alerts, String severity) {
    DateTimeFormatter f = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    List<String> out = new ArrayList<>();
    out.add("slo: " + r.slo().qualifiedName());
    if (r.group() != null) out.add("group: " + r.group().label());
    out.add("status: " + r.status());
    out.add(
        "window: "
            + f.format(r.windowStart().atZone(zone))
            + " to "
            + f.format(r.windowEnd().atZone(zone))
            + " ("
            + r.slo().window().label()
            + ")");
    out.add(
        "sli: "
            + number(r.sli())
            + " ("
            + percent(r.sli())
            + "), "
            + r.good()
            + " good of "
            + r.total()
            + " valid events");
    if (r.slices() != null) out.add("time slices: " + SliceText.describe(r));
    out.add(
        "objective: "
            + r.slo().objective().target().toPlainString()
            + " ("
            + r.slo().objective().percent()
            + ")");
    ErrorBudget b = r.budget();
    if (b != null) {
      out.add(
          "error budget: "
              + b.allowed().stripTrailingZeros().toPlainString()
              + (r.slices() == null ? " bad events allowed, " : " bad slices allowed, ")
              + b.bad()
              + " bad, remaining "
              + number(b.remaining())
              + " ("
              + percent(b.remaining())
              + ")");
    }
    out.add("burn rate: " + number(r.burnRate()));
    for (CiAlert a : alerts) out.add("alert: " + a.describe());
    if (severity != null) out.add("severity: " + severity);
    if (r.slo().location() != null) out.add("spec: " + r.slo().location());
    return out;
  }
}
