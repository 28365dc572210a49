package io.slotoolkit.report;

import io.slotoolkit.evaluate.AlertStatus;
import io.slotoolkit.evaluate.Assessment;
import io.slotoolkit.evaluate.ExclusionCount;
import io.slotoolkit.evaluate.ResultDetails;
import io.slotoolkit.evaluate.SeverityMatch;
import io.slotoolkit.model.SeverityResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Alerts, exclusions and severity in short lines, shared by the text and Markdown renderers. */
final class AlertText {
  private AlertText() {}

  /** {@code page 14.4x over 1h/5m: burn 20.10 over 1h, 25.30 over 5m; budget gone in 1d 4h}. */
  static String alert(AlertStatus a) {
    String ttl =
        a.timeToExhaustion() == null
            ? ""
            : a.timeToExhaustion().isZero()
                ? "; budget already spent"
                : "; budget gone in " + duration(a.timeToExhaustion()) + " at this rate";
    return a.rule().label()
        + ": burn "
        + Numbers.burn(a.longBurnRate())
        + " over "
        + io.slotoolkit.model.WindowLengths.label(a.rule().longWindow())
        + ", "
        + Numbers.burn(a.shortBurnRate())
        + " over "
        + io.slotoolkit.model.WindowLengths.label(a.rule().shortWindow())
        + ttl;
  }

  /** Each fired pair as {@code name [group]: rule...}, in result order. */
  static List<String> fired(Assessment a) {
    List<String> out = new ArrayList<>();
    for (ResultDetails d : a.details()) {
      for (AlertStatus s : d.alerts()) {
        if (s.fired()) out.add(Figures.name(d.result()) + ": " + alert(s));
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
