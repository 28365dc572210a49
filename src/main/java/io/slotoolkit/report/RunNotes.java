package io.slotoolkit.report;

import io.slotoolkit.model.Assessment;
import io.slotoolkit.model.Evaluation;
import io.slotoolkit.model.FailOn;
import java.util.List;
import java.util.Optional;

/** Notes a run prints on stderr beside its results, so that an empty run is never silent. */
public final class RunNotes {
  private RunNotes() {}

  /**
   * When every result is NO_DATA (nothing was judged, for example {@code --at now} on an old
   * export), a note that says so, naming the instant and how to gate on it; empty otherwise.
   */
  public static Optional<String> noData(Assessment a) {
    if (!a.allNoData()) return Optional.empty();
    Evaluation e = a.evaluation();
    List<String> slos = a.slosWithoutData();
    boolean gated = gatesNoData(a.failOn());
    String gate =
        gated
            ? "--fail-on " + a.failOn().label() + " fails this run"
            : "--fail-on no-data makes such a run exit 1";
    long skipped = e.results().stream().mapToLong(io.slotoolkit.model.SloResult::skippedNull).sum();
    if (skipped > 0) {
      // the events are there, but no SLO could tell good from bad on them
      return Optional.of(
          head(e.at(), e.zone(), slos.size())
              + "hint: "
              + Numbers.count(skipped)
              + (skipped == 1 ? " event was" : " events were")
              + " skipped because an SLO's expression was NULL on them (skipped_null in --format"
              + " json): check the expressions against the columns' values; "
              + gate);
    }
    return Optional.of(note(e.at(), e.zone(), slos.size()) + gate);
  }

  /** The same note for {@code slo report}, when every SLO of the report is NO_DATA. */
  public static Optional<String> noData(io.slotoolkit.model.Report r) {
    if (r.slos().isEmpty()
        || r.slos().stream().anyMatch(s -> s.status() != io.slotoolkit.model.Status.NO_DATA)) {
      return Optional.empty();
    }
    return Optional.of(
        note(r.at(), r.zone(), r.slos().size())
            + "slo check --fail-on no-data fails a CI run on it");
  }

  private static String note(java.time.Instant at, java.time.ZoneId zone, int slos) {
    return head(at, zone, slos) + "hint: is --at after the end of the data? ";
  }

  private static String head(java.time.Instant at, java.time.ZoneId zone, int slos) {
    return "slo: note: every result is NO_DATA at "
        + Times.iso(at, zone)
        + " ("
        + slos
        + (slos == 1 ? " SLO" : " SLOs")
        + "): no window holds enough valid events, so nothing was judged\n";
  }

  /** Whether the gate fails a run whose only fault is an SLO without data. */
  private static boolean gatesNoData(FailOn f) {
    return f.failed(new FailOn.Outcome(false, false, true, FailOn.Outcome.NO_LEVEL, false));
  }
}
