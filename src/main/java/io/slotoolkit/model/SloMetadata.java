package io.slotoolkit.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What people and tools attach to an SLO beyond its evaluation: labels to select and group by,
 * free-form annotations, and links to act on (runbook, dashboard).
 *
 * @param labels key to value, such as {@code team: payments}; selectable with {@code --label
 *     team=payments} and in severity conditions
 * @param annotations key to text, for people and other tools
 * @param links name to URL, such as {@code runbook: https://...}
 */
public record SloMetadata(
    Map<String, String> labels, Map<String, String> annotations, Map<String, String> links) {
  /** No labels, annotations or links. */
  public static final SloMetadata EMPTY = new SloMetadata(Map.of(), Map.of(), Map.of());

  public SloMetadata {
    labels = copy(labels);
    annotations = copy(annotations);
    links = copy(links);
  }

  private static Map<String, String> copy(Map<String, String> m) {
    return m == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  /** The file's entries with the SLO's own on top: an SLO's value wins for the same key. */
  public static SloMetadata merge(SloMetadata file, SloMetadata slo) {
    return new SloMetadata(
        both(file.labels, slo.labels),
        both(file.annotations, slo.annotations),
        both(file.links, slo.links));
  }

  private static Map<String, String> both(Map<String, String> a, Map<String, String> b) {
    Map<String, String> m = new LinkedHashMap<>(a);
    m.putAll(b);
    return m;
  }

  public boolean isEmpty() {
    return labels.isEmpty() && annotations.isEmpty() && links.isEmpty();
  }

  /** The labels as {@code key=value} selectors, sorted. */
  public Set<String> labelSelectors() {
    Set<String> s = new TreeSet<>();
    labels.forEach((k, v) -> s.add(k + "=" + v));
    return s;
  }
}
