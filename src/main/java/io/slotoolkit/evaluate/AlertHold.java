package io.slotoolkit.evaluate;

import java.time.Duration;
import java.time.Instant;

/**
 * The one definition of {@code for:} and {@code cool_down:}, stepped through a rule's evaluation
 * instants in time order: the condition must have held at every instant of an unbroken run that
 * began at least {@code for} before, and the rule then keeps firing until {@code cool_down} has
 * passed since the last instant at which that was so. Replay and check both step it, so that a
 * check at a whole minute agrees with the replay at that minute.
 */
final class AlertHold {
  private final long holdFor;
  private final long coolDown;
  private long since = Long.MIN_VALUE;
  private long lastHeld = Long.MIN_VALUE;
  private boolean condition;
  private boolean firing;
  private long last = Long.MIN_VALUE;

  /**
   * @param holdFor the rule's {@code for:}; zero fires as soon as the condition holds
   * @param coolDown the rule's {@code cool_down:}; zero stops as soon as it no longer holds
   */
  AlertHold(Duration holdFor, Duration coolDown) {
    this.holdFor = holdFor.getSeconds();
    this.coolDown = coolDown.getSeconds();
  }

  /**
   * Moves to the evaluation instant {@code t} (epoch seconds, later than the previous one) at which
   * the condition, guards included, is {@code holds}; returns whether the rule fires there.
   */
  boolean step(long t, boolean holds) {
    if (t <= last) throw new IllegalArgumentException("instants must increase: " + t);
    last = t;
    condition = holds;
    if (!holds) since = Long.MIN_VALUE;
    else if (since == Long.MIN_VALUE) since = t;
    if (holds && t - since >= holdFor) lastHeld = t;
    firing = lastHeld != Long.MIN_VALUE && (lastHeld == t || t - lastHeld < coolDown);
    return firing;
  }

  /** The state at the last instant stepped to. */
  io.slotoolkit.model.AlertStatus.Hold state() {
    return new io.slotoolkit.model.AlertStatus.Hold(
        condition,
        since == Long.MIN_VALUE ? null : Instant.ofEpochSecond(since),
        lastHeld == Long.MIN_VALUE ? null : Instant.ofEpochSecond(lastHeld),
        firing);
  }
}
