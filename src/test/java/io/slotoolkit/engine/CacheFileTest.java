package io.slotoolkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache files' format: numbers as zigzag variable-length integers, strings once in a table, and
 * a file whose bytes changed, that was cut short, or is of another format or version is ignored
 * with its reason, never read.
 */
class CacheFileTest {
  @TempDir Path dir;

  @Test
  void numbers_take_as_many_bytes_as_they_need() {
    // zigzag: 0 -> 0, -1 -> 1, 1 -> 2, 300 -> 600 = 0b100_1011000 -> 0xD8 0x04; the payload starts
    // with the string table's size (0)
    CacheFile.Writer w = new CacheFile.Writer().number(0).number(-1).number(1).number(300);
    assertThat(w.toBytes()).containsExactly(0x00, 0x00, 0x01, 0x02, 0xD8, 0x04);
  }

  @Test
  void a_string_is_stored_once_and_referred_to_by_index() throws Exception {
    CacheFile.Writer w = new CacheFile.Writer().string("c0856").string(null).string("c0856");
    // table: 1 string (zigzag 0x02) of 5 bytes (0x0A); then index 0 (0x00), null (-1: 0x01),
    // index 0 again
    byte[] expected = {0x02, 0x0A, 'c', '0', '8', '5', '6', 0x00, 0x01, 0x00};
    assertThat(w.toBytes()).isEqualTo(expected);
    CacheFile.Reader r = new CacheFile.Reader(expected);
    assertThat(r.string()).isEqualTo("c0856");
    assertThat(r.string()).isNull();
    assertThat(r.string()).isEqualTo("c0856");
    assertThat(r.done()).isTrue();
  }

  @Test
  void a_file_is_its_header_the_payload_and_the_payloads_crc32c() throws Exception {
    Path f = dir.resolve("x.slocache");
    CacheFile.Writer w = new CacheFile.Writer().string("c0856").number(300).string("c0856");
    CacheFile.write(f, "SLOCACHE", 3, "1.2.3", "fp", 6, w);
    byte[] payload = w.toBytes();
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(payload);
    java.nio.ByteBuffer expected = java.nio.ByteBuffer.allocate(8 + 4 + 2 + 5 + 2 + 2 + 8 + 11 + 4);
    expected.put("SLOCACHE".getBytes(StandardCharsets.US_ASCII)).putInt(3);
    expected.putShort((short) 5).put("1.2.3".getBytes(StandardCharsets.UTF_8));
    expected.putShort((short) 2).put("fp".getBytes(StandardCharsets.UTF_8));
    expected.putInt(6).putInt(payload.length).put(payload).putInt((int) crc.getValue());
    assertThat(payload).hasSize(11); // table 7 (count, length, 5 bytes), body 4
    assertThat(Files.readAllBytes(f)).isEqualTo(expected.array());
    // the payload read in place ends before the checksum: nothing past it reads as a number
    CacheFile.Reader r = CacheFile.read(f, "SLOCACHE", 3, "1.2.3").payload();
    assertThat(r.string()).isEqualTo("c0856");
    assertThat(r.number()).isEqualTo(300);
    assertThat(r.string()).isEqualTo("c0856");
    assertThat(r.done()).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(r::number)
        .isInstanceOf(java.io.IOException.class)
        .hasMessage("truncated");
  }

  @Test
  void a_written_file_reads_back_and_a_changed_one_is_ignored() throws Exception {
    Path f = dir.resolve("x.slocache");
    CacheFile.Writer w = new CacheFile.Writer();
    w.number(Long.MAX_VALUE).number(Long.MIN_VALUE).nullable(null).nullable(42L).string("é/ü");
    CacheFile.write(f, "SLOCACHE", 3, "1.2.3", "fp", 6, w);

    CacheFile.Content c = CacheFile.read(f, "SLOCACHE", 3, "1.2.3");
    assertThat(c.ignored()).isNull();
    assertThat(c.fingerprint()).isEqualTo("fp");
    assertThat(c.count()).isEqualTo(6);
    CacheFile.Reader r = c.payload();
    assertThat(r.number()).isEqualTo(Long.MAX_VALUE);
    assertThat(r.number()).isEqualTo(Long.MIN_VALUE);
    assertThat(r.nullable()).isNull();
    assertThat(r.nullable()).isEqualTo(42L);
    assertThat(r.string()).isEqualTo("é/ü");
    assertThat(r.done()).isTrue();

    assertThat(CacheFile.read(f, "SLOCACHE", 3, "1.2.4").ignored())
        .isEqualTo("written by slo 1.2.3 (cache format 3), this is slo 1.2.4");
    assertThat(CacheFile.read(f, "SLOCACHE", 4, "1.2.3").ignored())
        .isEqualTo("written by slo 1.2.3 (cache format 3), this is slo 1.2.3");
    assertThat(CacheFile.read(f, "SLOBINDM", 3, "1.2.3").ignored())
        .isEqualTo("not a slo cache file");
    assertThat(CacheFile.read(dir.resolve("none"), "SLOCACHE", 3, "1.2.3").absent()).isTrue();

    byte[] bytes = Files.readAllBytes(f);
    for (int i : new int[] {bytes.length - 6, bytes.length - 1}) {
      byte[] changed = bytes.clone();
      changed[i] ^= 0x01;
      Files.write(f, changed);
      assertThat(CacheFile.read(f, "SLOCACHE", 3, "1.2.3").ignored())
          .as("byte " + i)
          .isEqualTo("its checksum does not match (damaged)");
    }
    Files.write(f, Arrays.copyOf(bytes, bytes.length - 3));
    assertThat(CacheFile.read(f, "SLOCACHE", 3, "1.2.3").ignored()).startsWith("unreadable (");
    // cut inside its header: said so, in words a user reads
    Files.write(f, Arrays.copyOf(bytes, 14));
    assertThat(CacheFile.read(f, "SLOCACHE", 3, "1.2.3").ignored())
        .startsWith("unreadable (cut short or damaged: ");
    Files.write(f, "SLOCACHE".getBytes(StandardCharsets.US_ASCII));
    assertThat(CacheFile.read(f, "SLOCACHE", 3, "1.2.3").ignored()).startsWith("unreadable (");
  }
}
