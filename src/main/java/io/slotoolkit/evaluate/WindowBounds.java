package io.slotoolkit.evaluate;

import io.slotoolkit.model.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Where windows start: rolling windows by subtraction, calendar windows in the source's zone. */
public final class WindowBounds {
  private WindowBounds() {}

  /**
   * The inclusive start of {@code window} when it ends (exclusively) at {@code at}.
   *
   * <p>A calendar window starts at the beginning of the period that contains {@code at}, at the
   * first valid local time of that day (a DST gap at midnight moves it forward, never backward).
   */
  public static Instant start(Window window, Instant at, ZoneId zone) {
    if (window instanceof Window.Rolling r) return at.minus(r.length());
    Window.Calendar c = (Window.Calendar) window;
    LocalDate day = at.atZone(zone).toLocalDate();
    return CalendarPeriods.firstDay(c, day).atStartOfDay(zone).toInstant();
  }
}
