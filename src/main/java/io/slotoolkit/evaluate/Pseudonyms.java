package io.slotoolkit.evaluate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stable pseudonyms for identifiers in shared reports: {@code cust-3f9a1c} for a {@code
 * customer_id}. A pseudonym is the first 6 hex digits of HMAC-SHA256(key, column + NUL + value),
 * prefixed by the column's first four letters, so the same value gets the same pseudonym in every
 * report made with the same key, and nobody without the key can tell which value it stands for (or
 * test a guess). When two values of one column share the 6 digits in a run, the later one gets 12.
 */
public final class Pseudonyms {
  /** Keys shorter than this are refused: a short key could be guessed, and the values with it. */
  public static final int MIN_KEY_BYTES = 16;

  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
  private static final Pseudonyms NONE = new Pseudonyms(null, Set.of());

  private final byte[] key;
  private final Set<String> columns;
  private final Map<String, Map<String, String>> issued = new HashMap<>();
  private final Map<String, Map<String, String>> taken = new HashMap<>();

  private Pseudonyms(byte[] key, Set<String> columns) {
    this.key = key;
    this.columns = columns;
  }

  /** No masking: every value is shown as it is. */
  public static Pseudonyms none() {
    return NONE;
  }

  /**
   * Masks these columns with this key.
   *
   * @throws IllegalArgumentException when the key is shorter than {@link #MIN_KEY_BYTES}
   */
  public static Pseudonyms of(byte[] key, List<String> columns) {
    if (columns.isEmpty()) return NONE;
    if (key == null || key.length < MIN_KEY_BYTES)
      throw new IllegalArgumentException("mask key shorter than " + MIN_KEY_BYTES + " bytes");
    return new Pseudonyms(key.clone(), new TreeSet<>(columns));
  }

  public boolean masks(String column) {
    return columns.contains(column);
  }

  public boolean active() {
    return !columns.isEmpty();
  }

  /** The masked columns, sorted. */
  public List<String> columns() {
    return List.copyOf(columns);
  }

  /** The value as shown: its pseudonym when {@code column} is masked; null stays null. */
  public synchronized String show(String column, String value) {
    if (value == null || !masks(column)) return value;
    Map<String, String> mine = issued.computeIfAbsent(column, c -> new HashMap<>());
    String known = mine.get(value);
    if (known != null) return known;
    String hex = hmac(column + '\0' + value);
    Map<String, String> used = taken.computeIfAbsent(column, c -> new HashMap<>());
    String p = prefix(column) + "-" + hex.substring(0, 6);
    if (used.containsKey(p)) p = prefix(column) + "-" + hex.substring(0, 12);
    used.put(p, value);
    mine.put(value, p);
    return p;
  }

  /**
   * Free text that may quote a raw value (a malformed-row message from the CSV reader): quoted
   * parts are blanked out when anything is masked.
   */
  public String scrub(String text) {
    if (!active() || text == null) return text;
    return QUOTED.matcher(text).replaceAll("'…'");
  }

  /** {@code customer_id} gives {@code cust}, {@code user_id} {@code user}. */
  static String prefix(String column) {
    String letters = column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (letters.isEmpty()) return "id";
    return letters.substring(0, Math.min(4, letters.length()));
  }

  private String hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
    }
  }
}
