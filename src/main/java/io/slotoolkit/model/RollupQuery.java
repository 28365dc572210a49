package io.slotoolkit.model;

import java.util.List;

/**
 * One printed statement of {@code slo sql}: the per-minute roll-up of every selected SLO that reads
 * one source, in one SQL dialect, ready to run in a warehouse.
 *
 * @param source the source's name in the spec
 * @param table the table the statement reads, as printed
 * @param slos the SLOs the statement rolls up, in spec order (one UNION ALL branch each)
 * @param groupColumns the union of the SLOs' {@code per:} columns, in the order of the output
 * @param sql the statement, with its header comment, without a trailing semicolon
 */
public record RollupQuery(
    String source, String table, List<Slo> slos, List<String> groupColumns, String sql) {
  public RollupQuery {
    slos = List.copyOf(slos);
    groupColumns = List.copyOf(groupColumns);
  }
}
