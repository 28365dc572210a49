package io.slotoolkit.report;

import io.slotoolkit.model.Percent;
import io.slotoolkit.model.SliceSummary;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.TimeSlices;
import io.slotoolkit.model.WindowLengths;
import java.math.RoundingMode;

/** How the text, Markdown and HTML outputs describe a time-slice result. */
final class SliceText {
  private SliceText() {}

  /** {@code 3/4 × 1h}: good slices of the counted ones, and the slice length. */
  static String goodOfCounted(SloResult r) {
    SliceSummary s = r.slices();
    return Numbers.count(s.good())
        + "/"
        + Numbers.count(s.counted())
        + " × "
        + WindowLengths.label(r.slo().timeslices().length());
  }

  /**
   * {@code acme-hours: timeslices, 1h slices good at 99%: 3 of 4 counted slices good, 1 empty
   * (skipped); events 36/40}.
   */
  static String describe(SloResult r) {
    TimeSlices ts = r.slo().timeslices();
    SliceSummary s = r.slices();
    StringBuilder b =
        new StringBuilder(r.slo().name())
            .append(": ")
            .append(ts.budgeting().label())
            .append(", ")
            .append(WindowLengths.label(ts.length()))
            .append(" slices");
    if (ts.target() != null)
      b.append(" good at ").append(Percent.trimmed(ts.target(), 4, RoundingMode.HALF_EVEN));
    b.append(": ");
    if (ts.budgeting() == TimeSlices.Budgeting.TIMESLICES)
      b.append(Numbers.count(s.good())).append(" of ").append(Numbers.count(s.counted()));
    else
      b.append("mean ratio ")
          .append(r.sli() == null ? "-" : Percent.fixed(r.sli() * 100, 2, false))
          .append(" over ")
          .append(Numbers.count(s.counted()));
    b.append(" counted slice").append(s.counted() == 1 ? "" : "s");
    if (ts.budgeting() == TimeSlices.Budgeting.TIMESLICES) b.append(" good");
    b.append(", ")
        .append(Numbers.count(s.empty()))
        .append(" empty (")
        .append(
            switch (ts.empty()) {
              case SKIP -> "skipped";
              case GOOD -> "counted good";
              case BAD -> "counted bad";
            })
        .append("); events ")
        .append(Numbers.count(r.good()))
        .append('/')
        .append(Numbers.count(r.total()));
    return b.toString();
  }
}
