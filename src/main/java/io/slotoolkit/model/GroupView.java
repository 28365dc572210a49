package io.slotoolkit.model;

import java.util.List;

/**
 * How a {@code per} SLO's traffic and breaches spread over its groups (customers, firmwares...).
 *
 * @param columns the {@code per} columns
 * @param noun what a group is called in prose: {@code customers} for {@code customer_id}, else
 *     {@code groups}
 * @param groups how many groups have valid events in the window
 * @param top the largest groups shown, at most {@code --top}
 * @param tail the other groups together; null when {@code top} holds every group
 * @param breached the BREACHED groups with the most traffic, at most {@code --top}
 * @param breachedGroups how many groups are BREACHED in all
 * @param breachedShare traffic share of every BREACHED group together, a ratio
 * @param total valid events of the window, all groups
 * @param top1 traffic share of the largest group, a ratio
 * @param top5 traffic share of the five largest, a ratio
 * @param top10 traffic share of the ten largest, a ratio
 * @param aggregate the SLO over all groups together
 */
public record GroupView(
    List<String> columns,
    String noun,
    int groups,
    List<Share> top,
    Share tail,
    List<Share> breached,
    int breachedGroups,
    double breachedShare,
    long total,
    double top1,
    double top5,
    double top10,
    SloResult aggregate) {
  public GroupView {
    columns = List.copyOf(columns);
    top = List.copyOf(top);
    breached = List.copyOf(breached);
  }

  /**
   * The case a dashboard of the aggregate would miss: the aggregate meets the objective while some
   * groups are breached.
   */
  public boolean aggregateHidesBreaches() {
    return aggregate.status() == Status.OK && breachedGroups > 0;
  }

  /**
   * One group, or the tail of small groups together.
   *
   * @param label the group's values as text ({@code c047}, {@code K3 3.2.0}); pseudonyms where
   *     masked; for the tail, {@code N other customers}
   * @param groups how many groups the row stands for
   * @param good good events in the window
   * @param total valid events in the window
   * @param share the row's share of all valid events, a ratio
   * @param status the group's status (the tail: BREACHED when any of its groups is)
   */
  public record Share(
      String label, int groups, long good, long total, double share, Status status) {
    /** {@code good / total}, a ratio; null without events. */
    public Double sli() {
      return total == 0 ? null : (double) good / total;
    }
  }
}
