package io.slotoolkit.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZoneParserTest {

  @Test
  void iana_zones_are_read() throws InvalidValueException {
    assertThat(ZoneParser.parse("Asia/Tokyo")).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(ZoneParser.parse("America/New_York")).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(ZoneParser.parse("Etc/GMT-9")).isEqualTo(ZoneId.of("Etc/GMT-9"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Z", "Etc/UTC", "GMT", "+00:00", "UTC+0"})
  void every_spelling_of_utc_is_one_zone(String text) throws InvalidValueException {
    // ZoneId.of("UTC") and ZoneOffset.UTC are not equal; sources must agree on one of them.
    assertThat(ZoneParser.parse(text)).isEqualTo(ZoneId.of("UTC"));
  }

  @Test
  void misspelt_zone_suggests_the_nearest_id() {
    assertThatThrownBy(() -> ZoneParser.parse("Asia/Tokio"))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("unknown time zone 'Asia/Tokio'");
              assertThat(e.hint()).isEqualTo("did you mean 'Asia/Tokyo'?");
            });
  }

  @Test
  void abbreviation_suggests_the_region_it_stands_for() {
    assertThat(ZoneParser.suggestions("JST")).containsExactly("Asia/Tokyo");
    assertThat(ZoneParser.suggestions("PST")).containsExactly("America/Los_Angeles");
  }

  @Test
  void city_alone_or_wrong_case_suggests_the_full_id() {
    assertThat(ZoneParser.suggestions("Tokyo")).containsExactly("Asia/Tokyo");
    assertThat(ZoneParser.suggestions("europe/berlin")).containsExactly("Europe/Berlin");
    assertThat(ZoneParser.suggestions("America/NewYork")).containsExactly("America/New_York");
  }

  @Test
  void nothing_near_lists_examples() {
    assertThat(ZoneParser.suggestions("Mars/Olympus_Mons")).isEmpty();
    assertThatThrownBy(() -> ZoneParser.parse("Mars/Olympus_Mons"))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e ->
                assertThat(e.hint())
                    .isEqualTo(
                        "write an IANA zone id such as UTC, Europe/Berlin or America/New_York"));
  }

  @Test
  void fixed_offsets_are_refused_with_their_iana_spelling() {
    // IANA's Etc zones invert the sign: nine hours ahead of UTC is Etc/GMT-9.
    assertThatThrownBy(() -> ZoneParser.parse("+09:00"))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo("'+09:00' is a fixed offset, not an IANA time zone");
              assertThat(e.hint())
                  .isEqualTo(
                      "write a region such as Europe/Berlin, or Etc/GMT-9 for +09:00 all year");
            });
    assertThatThrownBy(() -> ZoneParser.parse("UTC-5"))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.hint()).contains("Etc/GMT+5 for -05:00"));
    // Half-hour offsets have no Etc zone.
    assertThatThrownBy(() -> ZoneParser.parse("+05:30"))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.hint()).isEqualTo("write a region such as Europe/Berlin"));
  }
}
