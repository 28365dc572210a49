package io.slotoolkit.model;

/** File formats a source may be read from. */
public enum DataFormat {
  /** Decided per file by its extension. */
  AUTO,
  CSV,
  PARQUET
}
