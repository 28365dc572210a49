package io.slotoolkit.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A period whose events count in neither good nor total: planned maintenance or a known-bad period.
 */
public sealed interface Exclusion {

  /** Which SLOs it applies to. */
  ExclusionScope scope();

  /** Why, as the user wrote it. */
  String reason();

  /** Where it is written (spec or exclusions file line); may be null for one built in code. */
  SourceLocation location();

  /** {@code 'db upgrade' (exclusions.csv:4)}: how messages name it. */
  default String label() {
    return "'" + reason() + "'" + (location() == null ? "" : " (" + location() + ")");
  }

  /**
   * One period, {@code [start, end)}.
   *
   * @param start first excluded instant
   * @param end first instant no longer excluded; after {@code start}
   * @param scope which SLOs it applies to
   * @param reason why, non-blank
   * @param location where it is written
   */
  record Once(
      Instant start, Instant end, ExclusionScope scope, String reason, SourceLocation location)
      implements Exclusion {
    public Once {
      List<String> p = problems(start, end, reason);
      if (!p.isEmpty()) throw new IllegalArgumentException(p.get(0));
      if (scope == null) throw new IllegalArgumentException("exclusion scope missing");
    }

    /** What is wrong with a one-off period, one sentence each; empty when it is valid. */
    public static List<String> problems(Instant start, Instant end, String reason) {
      List<String> out = new ArrayList<>();
      if (start == null) out.add("the exclusion has no start");
      if (end == null) out.add("the exclusion has no end");
      if (start != null && end != null && !end.isAfter(start)) {
        out.add(
            "the exclusion ends at "
                + end
                + (end.equals(start)
                    ? ", the instant it starts"
                    : ", before it starts at " + start));
      }
      if (reason == null || reason.isBlank()) out.add("the exclusion has no reason");
      return out;
    }
  }

  /**
   * A period every week on some days, from a local time to a local time in a zone; a range whose
   * end is not after its start runs into the next day (22:00 to 02:00), and equal times mean 24
   * hours.
   *
   * @param days the days on which the period starts
   * @param start local start time
   * @param end local end time
   * @param zone the zone the times are read in (the source's timezone)
   * @param scope which SLOs it applies to
   * @param reason why, non-blank
   * @param location where it is written
   */
  record Weekly(
      Set<DayOfWeek> days,
      LocalTime start,
      LocalTime end,
      ZoneId zone,
      ExclusionScope scope,
      String reason,
      SourceLocation location)
      implements Exclusion {
    public Weekly {
      List<String> p = problems(days, start, end, zone, reason);
      if (!p.isEmpty()) throw new IllegalArgumentException(p.get(0));
      if (scope == null) throw new IllegalArgumentException("exclusion scope missing");
      days = Set.copyOf(EnumSet.copyOf(days));
    }

    /** What is wrong with a weekly period, one sentence each; empty when it is valid. */
    public static List<String> problems(
        Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone, String reason) {
      List<String> out = new ArrayList<>();
      if (days == null || days.isEmpty()) out.add("the weekly exclusion names no day");
      if (start == null) out.add("the weekly exclusion has no start time");
      if (end == null) out.add("the weekly exclusion has no end time");
      if (zone == null) out.add("the weekly exclusion has no timezone");
      if (reason == null || reason.isBlank()) out.add("the exclusion has no reason");
      return out;
    }

    /** {@code MON,FRI 22:00-02:00 Europe/Berlin}. */
    public String describe() {
      return EnumSet.copyOf(days).stream()
              .map(d -> d.name().substring(0, 3))
              .collect(Collectors.joining(","))
          + " "
          + start
          + "-"
          + end
          + " "
          + zone.getId();
    }
  }

  /**
   * A period repeating by an RFC 5545 recurrence rule: each occurrence starts at a local date-time
   * in the zone and lasts {@code duration} of real time. A local start that falls in a DST gap is
   * moved forward by the gap (02:30 becomes 03:30), one in a repeated hour takes its first
   * occurrence, as RFC 5545 says.
   *
   * @param rule the recurrence
   * @param start the first occurrence's local start (the rule's DTSTART); its time of day is every
   *     occurrence's
   * @param duration how long each occurrence lasts, positive
   * @param zone the zone local times are read in (the source's timezone)
   * @param scope which SLOs it applies to
   * @param reason why, non-blank
   * @param location where it is written
   */
  record Recurring(
      Recurrence rule,
      LocalDateTime start,
      Duration duration,
      ZoneId zone,
      ExclusionScope scope,
      String reason,
      SourceLocation location)
      implements Exclusion {
    public Recurring {
      if (rule == null || start == null || zone == null || scope == null) {
        throw new IllegalArgumentException("recurring exclusion incomplete");
      }
      if (duration == null || duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("the exclusion's duration must be positive");
      }
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("the exclusion has no reason");
      }
    }

    /** {@code FREQ=MONTHLY;BYDAY=1TU from 2026-01-06T02:00 for 2h Asia/Tokyo}. */
    public String describe() {
      return rule.text()
          + " from "
          + start
          + " for "
          + WindowLengths.label(duration)
          + " "
          + zone.getId();
    }
  }
}
