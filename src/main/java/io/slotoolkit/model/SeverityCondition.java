package io.slotoolkit.model;

import java.math.BigDecimal;
import java.util.Optional;

/** One condition of a severity level; a level matches when any of its conditions holds. */
public sealed interface SeverityCondition {

  /** Why the condition holds for an SLO, in words; empty when it does not hold. */
  Optional<String> test(SloSignals slo);

  /** The condition in words, as a table shows it. */
  String describe();

  /**
   * Whether every SLO that meets this condition certainly meets {@code other} too (sound, not
   * complete: false when unsure). A condition implies itself.
   */
  boolean implies(SeverityCondition other);

  /**
   * An alert rule of a severity fired, optionally only on SLOs with a tag.
   *
   * @param alertSeverity the rules' severity name, such as {@code page}
   * @param tag only SLOs with this tag, or with this label when written {@code key=value}; null for
   *     any SLO
   */
  record AlertFired(String alertSeverity, String tag) implements SeverityCondition {
    public AlertFired {
      if (alertSeverity == null || alertSeverity.isBlank()) {
        throw new IllegalArgumentException("alert severity missing");
      }
    }

    @Override
    public Optional<String> test(SloSignals slo) {
      boolean holds =
          slo.firedAlerts().contains(alertSeverity) && (tag == null || slo.tags().contains(tag));
      return holds ? Optional.of(describe()) : Optional.empty();
    }

    @Override
    public String describe() {
      return "a "
          + alertSeverity
          + " alert fired"
          + (tag == null
              ? ""
              : tag.contains("=") ? " on an SLO labelled " + tag : " on an SLO tagged " + tag);
    }

    @Override
    public boolean implies(SeverityCondition other) {
      return other instanceof AlertFired o
          && o.alertSeverity.equals(alertSeverity)
          && (o.tag == null || o.tag.equals(tag));
    }
  }

  /**
   * More than a number of groups of a {@code per} SLO are BREACHED.
   *
   * @param groups the number to exceed, 0 or more
   */
  record GroupsBreachedOver(long groups) implements SeverityCondition {
    public GroupsBreachedOver {
      if (groups < 0) throw new IllegalArgumentException("group count must be 0 or more");
    }

    @Override
    public Optional<String> test(SloSignals slo) {
      if (!slo.grouped() || slo.breachedGroups() <= groups) return Optional.empty();
      return Optional.of(
          slo.breachedGroups()
              + " of "
              + slo.groups()
              + " groups breached (more than "
              + groups
              + ")");
    }

    @Override
    public String describe() {
      return "more than " + groups + (groups == 1 ? " group" : " groups") + " breached";
    }

    @Override
    public boolean implies(SeverityCondition other) {
      // one breached group or more makes the SLO BREACHED, and a breached group's budget is < 0
      if (other instanceof GroupsBreachedOver o) return groups >= o.groups;
      if (other instanceof BudgetBelow o) return o.remaining.signum() >= 0;
      return other instanceof Breached;
    }
  }

  /**
   * More than a share of a {@code per} SLO's valid events are in BREACHED groups.
   *
   * @param share the share to exceed, a ratio in [0, 1) (not a percent)
   */
  record TrafficBreachedOver(BigDecimal share) implements SeverityCondition {
    public TrafficBreachedOver {
      if (share == null || share.signum() < 0 || share.compareTo(BigDecimal.ONE) >= 0) {
        throw new IllegalArgumentException(
            "traffic share must be in [0%, 100%): " + (share == null ? null : percent(share)));
      }
    }

    @Override
    public Optional<String> test(SloSignals slo) {
      if (!slo.grouped() || slo.totalEvents() == 0) return Optional.empty();
      boolean holds =
          BigDecimal.valueOf(slo.breachedEvents())
                  .compareTo(share.multiply(BigDecimal.valueOf(slo.totalEvents())))
              > 0;
      if (!holds) return Optional.empty();
      return Optional.of(
          slo.breachedEvents()
              + " of "
              + slo.totalEvents()
              + " events are in breached groups (more than "
              + percent(share)
              + " of traffic)");
    }

    @Override
    public String describe() {
      return "more than " + percent(share) + " of traffic in breached groups";
    }

    @Override
    public boolean implies(SeverityCondition other) {
      if (other instanceof TrafficBreachedOver o) return share.compareTo(o.share) >= 0;
      if (other instanceof GroupsBreachedOver o) return o.groups == 0;
      if (other instanceof BudgetBelow o) return o.remaining.signum() >= 0;
      return other instanceof Breached;
    }
  }

  /**
   * The error budget remaining is below a fraction (in the SLO's group that has the least left).
   *
   * @param remaining the fraction, a ratio of at most 1 (0.25 for 25%; negative for overspent)
   */
  record BudgetBelow(BigDecimal remaining) implements SeverityCondition {
    public BudgetBelow {
      if (remaining == null || remaining.compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException(
            "budget remaining threshold must be at most 100%: "
                + (remaining == null ? null : percent(remaining)));
      }
    }

    @Override
    public Optional<String> test(SloSignals slo) {
      Double left = slo.lowestBudgetRemaining();
      if (left == null || BigDecimal.valueOf(left).compareTo(remaining) >= 0) {
        return Optional.empty();
      }
      return Optional.of(
          "error budget remaining "
              + percent(BigDecimal.valueOf(left))
              + " is below "
              + percent(remaining));
    }

    @Override
    public String describe() {
      return "error budget remaining below " + percent(remaining);
    }

    @Override
    public boolean implies(SeverityCondition other) {
      // remaining below 0 in a group with data means SLI < objective: that group is BREACHED
      if (other instanceof BudgetBelow o) return remaining.compareTo(o.remaining) <= 0;
      return other instanceof Breached && remaining.signum() <= 0;
    }
  }

  /** The SLO (one of its groups) is BREACHED. */
  record Breached() implements SeverityCondition {
    @Override
    public Optional<String> test(SloSignals slo) {
      return slo.status() == Status.BREACHED
          ? Optional.of(
              slo.grouped() ? slo.breachedGroups() + " groups BREACHED" : "status BREACHED")
          : Optional.empty();
    }

    @Override
    public String describe() {
      return "status BREACHED";
    }

    @Override
    public boolean implies(SeverityCondition other) {
      if (other instanceof BudgetBelow o) return o.remaining.signum() >= 0;
      return other instanceof Breached;
    }
  }

  /** {@code 25%}, {@code 12.5%}, {@code -40%}. */
  private static String percent(BigDecimal ratio) {
    return Percent.trimmed(ratio, 2, java.math.RoundingMode.HALF_EVEN);
  }
}
