package io.slotoolkit.model;

/** File formats a source may be read from. */
public enum DataFormat {
  /** Decided per file by its extension. */
  AUTO,
  CSV,
  PARQUET,
  /** JSON lines: one JSON object per line ({@code .json}, {@code .jsonl}, {@code .ndjson}). */
  JSON,
  /** Raw web server access log text, one request per line, read through a {@link LogFormat}. */
  ACCESS_LOG
}
