package io.slotoolkit.model;

import java.time.Duration;

/**
 * What people do when a severity level is reached.
 *
 * @param who who is called or notified, as the team writes it ({@code payments on-call})
 * @param outOfHours whether they are called outside working hours too
 * @param timeToAct how soon someone should be acting on it; null when the table says nothing
 */
public record SeverityResponse(String who, boolean outOfHours, Duration timeToAct) {
  public SeverityResponse {
    if (who == null || who.isBlank()) throw new IllegalArgumentException("who is called: missing");
    if (timeToAct != null && (timeToAct.isNegative() || timeToAct.isZero())) {
      throw new IllegalArgumentException("time to act must be positive: " + timeToAct);
    }
  }

  /** {@code call payments on-call, out of hours too, act within 15m}. */
  public String describe() {
    return "call "
        + who
        + (outOfHours ? ", out of hours too" : ", in working hours")
        + (timeToAct == null ? "" : ", act within " + WindowLengths.label(timeToAct));
  }
}
