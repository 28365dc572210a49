package io.slotoolkit.model;

import java.time.Instant;

/**
 * How many events one exclusion removed from one result's window.
 *
 * @param exclusion the exclusion
 * @param start start of its first excluded interval in the scanned range
 * @param end end of its last excluded interval in the scanned range
 * @param eventsRemoved valid events of the SLO window it removed from good and total
 */
public record ExclusionCount(Exclusion exclusion, Instant start, Instant end, long eventsRemoved) {}
