package io.slotoolkit.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scan as an engine would run it, compiled but not run, described for a reader ({@code slo
 * explain}): the source as the engine bound it and the statements of the scan.
 *
 * @param files the files the source's patterns matched, absolute and sorted
 * @param format the files' format
 * @param columns column name to the engine's type name, in file order
 * @param timeReading how the engine reads the event time column, in words
 * @param timeExpression the engine's expression that turns the event time into epoch microseconds
 * @param statements the statements that run the scan, in order, without a trailing semicolon
 * @param fetch the query that then reads the scan's counts per group
 */
public record ScanPlan(
    List<String> files,
    DataFormat format,
    Map<String, String> columns,
    String timeReading,
    String timeExpression,
    List<String> statements,
    String fetch) {
  public ScanPlan {
    files = List.copyOf(files);
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    statements = List.copyOf(statements);
  }
}
