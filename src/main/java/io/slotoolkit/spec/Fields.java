package io.slotoolkit.spec;

import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SourceLocation;
import java.util.List;

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
    for (YamlNode.Entry e : map.entries()) {
      if (!level.keys().contains(e.key())) {
        unknown = true;
        problems.add(
            new Problem(
                e.keyLocation(),
                "unknown key '" + e.key() + "' " + level.where(),
                NearestMatch.didYouMean(e.key(), level.keys())
                    .orElse("allowed: " + String.join(", ", level.keys()))));
      }
    }
    this.hasUnknownKeys = unknown;
  }

  private Fields(Fields other, String owner) {
    this.map = other.map;
    this.level = other.level;
    this.owner = owner;
    this.ownerLocation = other.ownerLocation;
    this.hasUnknownKeys = other.hasUnknownKeys;
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

  private YamlNode.Entry entry(String key) {
    if (!level.keys().contains(key)) {
      // A bug, not a user error: the converter reads a key the level does not declare.
      throw new IllegalStateException("'" + key + "' is not a key of " + level);
    }
    return map.entry(key);
  }
}
