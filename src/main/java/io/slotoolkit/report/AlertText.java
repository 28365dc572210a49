package io.slotoolkit.report;

import io.slotoolkit.model.AlertStatus;
import io.slotoolkit.model.Assessment;
import io.slotoolkit.model.ExclusionCount;
import io.slotoolkit.model.ResultDetails;
import io.slotoolkit.model.SeverityMatch;
import io.slotoolkit.model.SeverityResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Alerts, exclusions and severity in short lines, shared by the text and Markdown renderers. */
final class AlertText {
  private AlertText() {}

  /**
   * One line per result with fired pairs: {@code name [group]: page 14.4x 1h/5m (burn 16.67/100),
   * ...; budget gone in 1d 9h}, the time being the shortest of its fired pairs. Results whose
   * earliest fired pair comes first in the policy (pages before tickets in the default) come first.
   */
  static List<String> fired(Assessment a) {
    record Line(int rank, int order, ResultDetails details) {}
    List<Line> lines = new ArrayList<>();
    int order = 0;
    for (ResultDetails d : a.details()) {
      order++;
      for (int i = 0; i < d.alerts().size(); i++) {
        if (d.alerts().get(i).fired()) {
          lines.add(new Line(i, order, d));
          break;
        }
      }
    }
    lines.sort(java.util.Comparator.comparingInt(Line::rank).thenComparingInt(Line::order));
    // the renderers print the first 10 or 20 and count the rest (975 of 985 on the cache
    // benchmark): a line is written when it is read
    return new java.util.AbstractList<>() {
      @Override
      public String get(int i) {
        return firedLine(lines.get(i).details());
      }

      @Override
      public int size() {
        return lines.size();
      }
    };
  }

  /** The line of {@link #fired} for a result with at least one fired pair. */
  private static String firedLine(ResultDetails d) {
    List<String> parts = new ArrayList<>();
    Duration soonest = null;
    for (int i = 0; i < d.alerts().size(); i++) {
      AlertStatus s = d.alerts().get(i);
      if (!s.fired()) continue;
      parts.add(
          s.rule().severity()
              + " "
              + (s.rule().isExhaustion()
                  ? "budget gone within "
                      + io.slotoolkit.model.WindowLengths.label(s.rule().exhaustion())
                      + " over"
                  : s.rule()
                          .factor()
                          .round(new java.math.MathContext(4))
                          .stripTrailingZeros()
                          .toPlainString()
                      + "x")
              + " "
              + io.slotoolkit.model.WindowLengths.label(s.rule().longWindow())
              + "/"
              + io.slotoolkit.model.WindowLengths.label(s.rule().shortWindow())
              + " (burn "
              + Numbers.burn(s.longBurnRate())
              + "/"
              + Numbers.burn(s.shortBurnRate())
              + ")"
              + (s.hold() != null && s.hold().coolingDown(d.result().windowEnd())
                  ? " cooling down, last held "
                      + Times.human(s.hold().lastHeld(), d.result().slo().source().zone())
                  : ""));
      Duration t = s.timeToExhaustion();
      if (t != null && (soonest == null || t.compareTo(soonest) < 0)) soonest = t;
    }
    String ttl =
        soonest == null
            ? ""
            : soonest.isZero()
                ? "; budget already spent"
                : "; budget gone in " + duration(soonest) + " at this rate";
    return Figures.name(d.result()) + ": " + String.join(", ", parts) + ttl;
  }

  /**
   * Pairs that burn fast enough in both windows but did not fire because a guard held them back:
   * the long window held fewer valid events than the alerts' {@code min_events}, or the result is
   * NO_DATA for its SLO, so that silence is not mistaken for health.
   */
  static List<String> heldBack(Assessment a) {
    List<String> out = new ArrayList<>();
    for (ResultDetails d : a.details()) {
      for (AlertStatus s : d.alerts()) {
        if (!s.burning() || s.fired()) continue;
        String why;
        if (s.heldByNoData()) {
          why =
              d.result().total()
                  + (d.result().total() == 1 ? " event" : " events")
                  + " in the SLO window, fewer than the SLO's min_events "
                  + Math.max(1, d.result().slo().minEvents())
                  + " (NO_DATA)";
        } else if (s.belowMinEvents()) {
          why =
              s.longWindow().total()
                  + " events in "
                  + io.slotoolkit.model.WindowLengths.label(s.rule().longWindow())
                  + ", fewer than min_events";
        } else {
          continue;
        }
        out.add(
            Figures.name(d.result())
                + ": "
                + s.rule().label()
                + " (burn "
                + Numbers.burn(s.longBurnRate())
                + "/"
                + Numbers.burn(s.shortBurnRate())
                + ") held back: "
                + why);
      }
    }
    return out;
  }

  /**
   * One line per stale source: {@code api (specs/api.yaml): latest event 2026-02-28 23:59:58
   * +09:00, 9h 1m before --at (max_staleness 2h)}.
   */
  static List<String> stale(Assessment a) {
    List<String> out = new ArrayList<>();
    for (io.slotoolkit.model.Freshness f : a.freshness()) {
      if (!f.stale()) continue;
      out.add(
          f.source().name()
              + " ("
              + f.source().specFile()
              + "): latest event "
              + Times.human(f.latestEvent(), f.source().zone())
              + ", "
              + duration(f.age())
              + " before --at (max_staleness "
              + io.slotoolkit.model.WindowLengths.label(f.maxStaleness())
              + ")");
    }
    return out;
  }

  /**
   * The freshness of a source with an allowance, for its source line: {@code latest event
   * 2026-02-28 23:59:58 +09:00, fresh (max_staleness 2h)}; empty when it has none.
   */
  static String freshness(Assessment a, io.slotoolkit.model.DataSource source) {
    if (a == null) return "";
    for (io.slotoolkit.model.Freshness f : a.freshness()) {
      if (!f.source().equals(source)) continue;
      return ", latest event "
          + Times.human(f.latestEvent(), source.zone())
          + (f.stale() ? ", STALE" : ", fresh")
          + " (max_staleness "
          + io.slotoolkit.model.WindowLengths.label(f.maxStaleness())
          + ")";
    }
    return "";
  }

  /**
   * Rules whose condition holds but not yet for their {@code for:}: {@code name: page 14.4x over
   * 1h/5m for 5m holding since 2026-03-04 00:58:00 +00:00}.
   */
  static List<String> pending(Assessment a) {
    List<String> out = new ArrayList<>();
    for (ResultDetails d : a.details()) {
      for (AlertStatus s : d.alerts()) {
        if (s.hold() == null || !s.hold().pending()) continue;
        out.add(
            Figures.name(d.result())
                + ": "
                + s.rule().label()
                + " holding since "
                + Times.human(s.hold().holdingSince(), d.result().slo().source().zone()));
      }
    }
    return out;
  }

  /** Each exclusion that removed events, per result. */
  static List<String> exclusions(Assessment a) {
    List<String> out = new ArrayList<>();
    for (ResultDetails d : a.details()) {
      for (ExclusionCount x : d.exclusions()) {
        out.add(
            Figures.name(d.result())
                + ": '"
                + x.exclusion().reason()
                + "' removed "
                + Numbers.count(x.eventsRemoved())
                + (x.eventsRemoved() == 1 ? " event" : " events"));
      }
    }
    return out;
  }

  /** {@code SEV2 (homehub/api): a page alert fired; call ..., act within 15m}. */
  static String severity(SeverityMatch m) {
    SeverityResponse r = m.level().response();
    return m.describe() + (r == null ? "" : "; " + r.describe());
  }

  /** {@code 2d 3h}, {@code 4h 10m}, {@code 12m}, {@code 40s}: the two largest units. */
  static String duration(Duration d) {
    long s = d.getSeconds();
    long days = s / 86_400;
    long hours = s % 86_400 / 3_600;
    long minutes = s % 3_600 / 60;
    if (days > 0) return days + "d" + (hours > 0 ? " " + hours + "h" : "");
    if (hours > 0) return hours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
    if (minutes > 0) return minutes + "m";
    return s + "s";
  }
}
