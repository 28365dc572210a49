package io.slotoolkit.spec;

import java.util.List;

/**
 * The keys each level of a spec file allows: the one place to add a key. A key listed here is read
 * by {@link SpecConverter}; a key found in a file but not listed is reported as unknown, with the
 * nearest listed key suggested.
 */
enum SpecLevel {
  FILE(
      "at the top level",
      "version",
      "service",
      "sources",
      "slos",
      "severity",
      "exclusions_file",
      "forecasts",
      "labels",
      "annotations",
      "links",
      "composites"),
  COMPOSITE(
      "in a composite",
      "name",
      "description",
      "service",
      "method",
      "objective",
      "window",
      "components"),
  COMPONENT("in a component", "slo", "weight"),
  SOURCE(
      "in a source",
      "path",
      "format",
      "log_format",
      "timestamp",
      "timestamp_format",
      "timestamp_zone",
      "timezone",
      "csv",
      "columns",
      "where",
      "max_bad_rows",
      "max_staleness",
      "mask",
      "missing_columns",
      "exclude"),
  LOG_FORMAT("in 'log_format'", "pattern"),
  CSV("in 'csv'", "delimiter", "quote", "escape", "header", "null"),
  SLO(
      "in an SLO",
      "name",
      "description",
      "service",
      "source",
      "sli",
      "objective",
      "window",
      "calendar",
      "per",
      "min_events",
      "dimensions",
      "alerts",
      "tags",
      "labels",
      "annotations",
      "links",
      "exclude",
      "budgeting",
      "timeslice",
      "empty_slices"),
  TIMESLICE("in 'timeslice'", "length", "target"),
  SLI("in 'sli'", "ratio", "latency", "counts"),
  COUNTS("in 'counts'", "good", "total"),
  RATIO("in 'ratio'", "good", "total"),
  LATENCY("in 'latency'", "column", "unit", "threshold", "total"),
  ALERTS("in 'alerts'", "pairs", "min_events", "for", "cool_down"),
  ALERT_PAIR(
      "in an alert pair", "long", "short", "factor", "exhaustion", "severity", "for", "cool_down"),
  CALENDAR("in 'calendar'", "start"),
  EXCLUSION("in an exclusion", "start", "end", "weekly", "rrule", "duration", "tags", "reason"),
  WEEKLY("in 'weekly'", "days", "from", "to"),
  SEVERITY_LEVEL("in a severity level", "name", "when", "response"),
  CONDITION(
      "in a severity condition",
      "alert",
      "tag",
      "label",
      "groups_breached_over",
      "traffic_breached_over",
      "budget_below",
      "status"),
  RESPONSE("in 'response'", "who", "out_of_hours", "within"),
  FORECAST(
      "in a forecast",
      "name",
      "description",
      "source",
      "volume",
      "where",
      "latency",
      "season",
      "capacity",
      "latency_slo"),
  VOLUME("in 'volume'", "sum"),
  FORECAST_LATENCY("in a forecast's 'latency'", "column", "unit", "statistic"),
  CAPACITY("in 'capacity'", "window", "workers", "headroom"),
  LATENCY_SLO("in 'latency_slo'", "statistic", "threshold");

  private final String where;
  private final List<String> keys;

  SpecLevel(String where, String... keys) {
    this.where = where;
    this.keys = List.of(keys);
  }

  /** Where in the file this level is, for messages: {@code in an SLO}. */
  String where() {
    return where;
  }

  /** The allowed keys, in the order the docs list them. */
  List<String> keys() {
    return keys;
  }
}
