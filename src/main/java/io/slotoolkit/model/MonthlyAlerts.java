package io.slotoolkit.model;

import java.time.YearMonth;

/**
 * How many alerts of one severity started in one calendar month of a replay.
 *
 * @param month the calendar month, in the replay's zone
 * @param severity page, ticket, or the policy's own names
 * @param count alerts ({@link AlertInterval}s) that started in the month
 */
public record MonthlyAlerts(YearMonth month, String severity, int count) {}
