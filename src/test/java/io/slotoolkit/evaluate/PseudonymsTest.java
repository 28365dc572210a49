package io.slotoolkit.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PseudonymsTest {
  static final byte[] KEY = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  @Test
  void pseudonym_is_the_column_prefix_and_six_hex_digits_of_the_hmac() {
    // HMAC-SHA256(key "0123456789abcdef", "customer_id\0acme"), computed independently with
    // python3 -c "import
    // hmac,hashlib;print(hmac.new(b'0123456789abcdef',b'customer_id\x00acme',hashlib.sha256).hexdigest()[:6])"
    Pseudonyms p = Pseudonyms.of(KEY, List.of("customer_id"));
    assertThat(p.show("customer_id", "acme")).isEqualTo("cust-" + EXPECTED_ACME);
    assertThat(p.show("customer_id", "acme")).isEqualTo(p.show("customer_id", "acme"));
    assertThat(p.show("region", "acme")).isEqualTo("acme");
    assertThat(p.show("customer_id", null)).isNull();
  }

  static final String EXPECTED_ACME = "b2f5ce";

  @Test
  void the_same_value_in_another_column_gets_another_pseudonym() {
    Pseudonyms p = Pseudonyms.of(KEY, List.of("customer_id", "user_id"));
    assertThat(p.show("user_id", "acme").substring(5))
        .isNotEqualTo(p.show("customer_id", "acme").substring(5));
    assertThat(p.show("user_id", "acme")).startsWith("user-");
  }

  @Test
  void short_keys_are_refused() {
    assertThatThrownBy(() -> Pseudonyms.of("short".getBytes(StandardCharsets.UTF_8), List.of("c")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scrub_blanks_quoted_values_only_when_masking() {
    String msg = "Could not convert string 'acme' to INT32";
    assertThat(Pseudonyms.of(KEY, List.of("c")).scrub(msg))
        .isEqualTo("Could not convert string '…' to INT32");
    assertThat(Pseudonyms.none().scrub(msg)).isEqualTo(msg);
  }

  @Test
  void prefix_is_the_first_four_letters_or_digits() {
    assertThat(Pseudonyms.prefix("customer_id")).isEqualTo("cust");
    assertThat(Pseudonyms.prefix("id")).isEqualTo("id");
    assertThat(Pseudonyms.prefix("__")).isEqualTo("id");
  }
}
