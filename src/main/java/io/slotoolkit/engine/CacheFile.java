package io.slotoolkit.engine;

import io.slotoolkit.model.DataSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The files of {@code slo check --cache} (the scan cache's per-file totals and the bind memo): a
 * header (magic, format, the slo version that wrote it, a fingerprint of what the content depends
 * on, a count), then the payload and its CRC32C. The payload starts with a table of its distinct
 * strings, which the rest refers to by index, and holds numbers as variable-length integers: the
 * same customer and endpoint names recur in every file's entry, and most counts are small.
 *
 * <p>CRC32C, not a cryptographic hash: the checksum detects a damaged file, which is what it is
 * for; whoever can write the cache folder can change the counts anyway. SHA-256 of the payload cost
 * about 0.1 s per read and per write on the launcher's C1 compiler.
 *
 * <p>Not compressed: on the benchmark (91 files' totals for 6 SLOs, about 2,000 groups each) the
 * payload is 1.5 MB; deflating it at the fastest level made it 0.95 MB and cost 23 ms more per
 * write (the whole write took 50 ms instead of 27 ms), more than reading the extra 0.55 MB costs.
 */
public final class CacheFile {
  private CacheFile() {}

  /**
   * What a cache file held: the payload (inflated) when it is whole and of this format and version;
   * otherwise why it is ignored ({@code absent}: no such file, which needs no note).
   *
   * @param fingerprint what the writer said the content depends on
   * @param count the writer's count (the scan cache: SLOs per entry)
   * @param payload the inflated payload; null when ignored
   * @param ignored why it cannot be used (a note's text); null when read
   * @param absent no file
   */
  public record Content(
      String fingerprint, int count, Reader payload, String ignored, boolean absent) {
    static Content ignored(String why) {
      return new Content(null, 0, null, why, false);
    }
  }

  /**
   * Reads a cache file of this {@code format} written by this slo {@code version}; a file that
   * cannot be read, is not of this kind ({@code magic}), of another format or version, or whose
   * checksum does not match is {@linkplain Content#ignored ignored}, never trusted.
   */
  public static Content read(Path file, String magic, int format, String version) {
    byte[] all;
    try {
      all = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Content(null, 0, null, null, true);
    } catch (IOException e) {
      return Content.ignored("cannot be read (" + reason(e) + ")");
    }
    byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
    if (all.length < m.length || !Arrays.equals(Arrays.copyOf(all, m.length), m))
      return Content.ignored("not a slo cache file");
    try {
      ByteBuffer in = ByteBuffer.wrap(all);
      in.position(m.length);
      int got = in.getInt();
      String writer = utf(in);
      if (got != format || !writer.equals(version))
        return Content.ignored(
            "written by slo " + writer + " (cache format " + got + "), this is slo " + version);
      String fingerprint = utf(in);
      int count = in.getInt();
      int length = in.getInt();
      if (length != in.remaining() - 4)
        throw new IOException("the length it records does not match its size");
      CRC32C crc = new CRC32C();
      crc.update(all, in.position(), length);
      if ((int) crc.getValue() != in.getInt(in.position() + length))
        return Content.ignored("its checksum does not match (damaged)");
      return new Content(
          fingerprint, count, new Reader(all, in.position(), in.position() + length), null, false);
    } catch (java.nio.BufferUnderflowException e) {
      return Content.ignored("unreadable (cut short or damaged: it ends inside its header)");
    } catch (IOException | RuntimeException e) {
      return Content.ignored("unreadable (cut short or damaged: " + reason(e) + ")");
    }
  }

  /**
   * Writes a cache file (through a temporary file in the same folder, moved into place, so that a
   * reader never sees half of it).
   */
  public static void write(
      Path file, String magic, int format, String version, String fingerprint, int count, Writer w)
      throws IOException {
    // the payload is the string table, then the body: written as they are, without copying the
    // 1.5 MB of the benchmark's payload into one array and that into the file's
    Writer table = w.table();
    int length = table.size + w.size;
    byte[] v = version.getBytes(StandardCharsets.UTF_8);
    byte[] f = fingerprint.getBytes(StandardCharsets.UTF_8);
    byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
    if (v.length > 0xFFFF || f.length > 0xFFFF) throw new IOException("header too long");
    ByteBuffer head = ByteBuffer.allocate(m.length + 4 + 2 + v.length + 2 + f.length + 8);
    head.put(m).putInt(format).putShort((short) v.length).put(v);
    head.putShort((short) f.length).put(f);
    head.putInt(count).putInt(length);
    CRC32C crc = new CRC32C();
    crc.update(table.body, 0, table.size);
    crc.update(w.body, 0, w.size);
    byte[] sum = ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = NewPaths.file(dir, ".slo-cache-", ".tmp");
    try {
      try (java.io.OutputStream out = Files.newOutputStream(tmp)) {
        out.write(head.array());
        out.write(table.body, 0, table.size);
        out.write(w.body, 0, w.size);
        out.write(sum);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Names a cache file once, for nothing but speed: the first name hashes with SHA-256, which
   * starts the JVM's security providers (6-8 ms).
   */
  public static void warmUp() {
    FileTotals.sha256(new byte[] {0});
  }

  /** {@code source-<name>-<hash of the spec file and name>.<extension>}, a source's file in DIR. */
  public static String nameFor(DataSource source, String extension) {
    String safe = source.name().replaceAll("[^A-Za-z0-9_-]", "_");
    String where = String.valueOf(source.specFile()) + "\n" + source.name();
    return "source-"
        + safe
        + "-"
        + FileTotals.sha256(where.getBytes(StandardCharsets.UTF_8)).substring(0, 16)
        + "."
        + extension;
  }

  /**
   * A header string: its UTF-8 length in two bytes (as every format so far wrote it), its bytes.
   */
  private static String utf(ByteBuffer in) throws IOException {
    int n = Short.toUnsignedInt(in.getShort());
    if (n > in.remaining())
      throw new IOException("a text of " + n + " bytes runs past the end of the file");
    String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
    in.position(in.position() + n);
    return s;
  }

  /** A short reason for a failure, without repeating the path. */
  public static String reason(Exception e) {
    if (e instanceof java.nio.file.FileSystemException f) {
      if (f.getReason() != null) return f.getReason();
      // the message would only repeat the path: say what kind of failure it was
      if (f instanceof java.nio.file.AccessDeniedException) return "permission denied";
      if (f instanceof NoSuchFileException) return "no such file or folder";
      if (f instanceof java.nio.file.FileAlreadyExistsException) return "a file is in the way";
      return f.getClass().getSimpleName();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * A payload being written: numbers as variable-length integers, strings (null allowed) as indexes
   * into a table of distinct strings that goes first.
   */
  public static final class Writer {
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> strings = new ArrayList<>();
    private byte[] body = new byte[1 << 16];
    private int size;

    /** A long, zigzag-encoded (small negative numbers are short too). */
    public Writer number(long v) {
      long z = (v << 1) ^ (v >> 63);
      if (size + 10 > body.length) body = Arrays.copyOf(body, body.length * 2);
      while ((z & ~0x7FL) != 0) {
        body[size++] = (byte) ((z & 0x7F) | 0x80);
        z >>>= 7;
      }
      body[size++] = (byte) z;
      return this;
    }

    /** A long that may be null. */
    public Writer nullable(Long v) {
      number(v == null ? 0 : 1);
      return v == null ? this : number(v);
    }

    public Writer bool(boolean b) {
      return number(b ? 1 : 0);
    }

    /** A string (or null), by its index in the string table. */
    public Writer string(String s) {
      if (s == null) return number(-1);
      Integer i = index.get(s);
      if (i == null) {
        i = strings.size();
        index.put(s, i);
        strings.add(s);
      }
      return number(i);
    }

    /** The payload as one array: the string table, then the body. */
    byte[] toBytes() {
      Writer table = table();
      byte[] all = Arrays.copyOf(table.body, table.size + size);
      System.arraycopy(body, 0, all, table.size, size);
      return all;
    }

    /**
     * The string table, the payload's first part: the count, then each string's length and UTF-8.
     */
    private Writer table() {
      Writer table = new Writer();
      table.number(strings.size());
      for (String s : strings) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        table.number(b.length);
        if (table.size + b.length > table.body.length)
          table.body =
              Arrays.copyOf(table.body, Math.max(table.body.length * 2, table.size + b.length));
        System.arraycopy(b, 0, table.body, table.size, b.length);
        table.size += b.length;
      }
      return table;
    }
  }

  /** A payload being read, in the order its {@link Writer} wrote it; damage throws IOException. */
  public static final class Reader {
    private final byte[] b;
    private int at;
    // the payload's end in b
    private final int end;
    private final String[] strings;

    Reader(byte[] payload) throws IOException {
      this(payload, 0, payload.length);
    }

    /** The payload that is {@code b[from, to)}. */
    Reader(byte[] b, int from, int to) throws IOException {
      this.b = b;
      this.at = from;
      this.end = to;
      int n = count();
      strings = new String[n];
      for (int i = 0; i < n; i++) {
        int len = count();
        if (len > end - at)
          throw new IOException("a text of " + len + " bytes runs past the end of the file");
        strings[i] = new String(b, at, len, StandardCharsets.UTF_8);
        at += len;
      }
    }

    public long number() throws IOException {
      long z = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (at >= end) throw new IOException("truncated");
        byte x = b[at++];
        z |= (long) (x & 0x7F) << shift;
        if (x >= 0) return (z >>> 1) ^ -(z & 1);
      }
      throw new IOException("bad number");
    }

    /** A count or size: a number from 0 to 2^31-1. */
    public int count() throws IOException {
      long n = number();
      if (n < 0 || n > Integer.MAX_VALUE) throw new IOException("bad count " + n);
      return (int) n;
    }

    public Long nullable() throws IOException {
      return number() == 0 ? null : number();
    }

    public boolean bool() throws IOException {
      return number() != 0;
    }

    public String string() throws IOException {
      long i = number();
      if (i == -1) return null;
      if (i < 0 || i >= strings.length) throw new IOException("bad string index " + i);
      return strings[(int) i];
    }

    /** Whether everything was read. */
    public boolean done() {
      return at == end;
    }
  }
}
