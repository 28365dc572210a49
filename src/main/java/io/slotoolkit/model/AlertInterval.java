package io.slotoolkit.model;

import java.time.Instant;

/**
 * One alert as people receive it: a stretch in which at least one rule of a severity fired (the
 * rules of one severity are one alert, as in the Workbook's OR of its page conditions).
 *
 * @param severity page, ticket, or the policy's own names
 * @param start when the first of its rules started firing
 * @param end when the last of its rules stopped firing; null when one still fired at the end of the
 *     history
 */
public record AlertInterval(String severity, Instant start, Instant end) {}
