package io.slotoolkit.spec;

import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SourceLocation;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One map of a spec file read against the keys of its {@link SpecLevel}: keys the level does not
 * allow are reported when the view is made, so every unknown key is found even where reading stops
 * early.
 */
final class Fields {
  private final YamlNode.Mapping map;
  private final SpecLevel level;
  private final String owner;
  private final SourceLocation ownerLocation;
  private final boolean hasUnknownKeys;
  private final Set<String> suggested;

  /**
   * @param owner what the map is, for messages about missing keys: {@code source 'api'}
   * @param ownerLocation where to report a missing key: where the map is introduced
   */
  Fields(
      YamlNode.Mapping map,
      SpecLevel level,
      String owner,
      SourceLocation ownerLocation,
      List<Problem> problems) {
    this.map = map;
    this.level = level;
    this.owner = owner;
    this.ownerLocation = ownerLocation;
    boolean unknown = false;
    Set<String> near = new HashSet<>();
    for (YamlNode.Entry e : map.entries()) {
      if (!level.keys().contains(e.key())) {
        unknown = true;
        Optional<String> nearest = NearestMatch.first(e.key(), level.keys());
        nearest.ifPresent(near::add);
        problems.add(
            new Problem(
                e.keyLocation(),
                "unknown key '" + e.key() + "' " + level.where(),
                nearest
                    .map(k -> "did you mean '" + k + "'?")
                    .orElse("allowed: " + String.join(", ", level.keys()))));
      }
    }
    this.hasUnknownKeys = unknown;
    this.suggested = Set.copyOf(near);
  }

  private Fields(Fields other, String owner) {
    this.map = other.map;
    this.level = other.level;
    this.owner = owner;
    this.ownerLocation = other.ownerLocation;
    this.hasUnknownKeys = other.hasUnknownKeys;
    this.suggested = other.suggested;
  }

  /** The same map under a better name, once it is known (an SLO's name is one of its keys). */
  Fields named(String newOwner) {
    return new Fields(this, newOwner);
  }

  String owner() {
    return owner;
  }

  SourceLocation ownerLocation() {
    return ownerLocation;
  }

  /** The value of a key, or null when the key is absent. */
  YamlNode value(String key) {
    YamlNode.Entry e = entry(key);
    return e == null ? null : e.value();
  }

  /** The location of a key, or null when the key is absent. */
  SourceLocation keyLocation(String key) {
    YamlNode.Entry e = entry(key);
    return e == null ? null : e.keyLocation();
  }

  boolean hasUnknownKeys() {
    return hasUnknownKeys;
  }

  /**
   * Whether an unknown key was reported with this key as its nearest match; then "missing" would
   * only repeat that problem ({@code objectve} is both unknown and the missing {@code objective}).
   */
  boolean suggests(String key) {
    return suggested.contains(key);
  }

  private YamlNode.Entry entry(String key) {
    if (!level.keys().contains(key)) {
      // A bug, not a user error: the converter reads a key the level does not declare.
      throw new IllegalStateException("'" + key + "' is not a key of " + level);
    }
    return map.entry(key);
  }
}
