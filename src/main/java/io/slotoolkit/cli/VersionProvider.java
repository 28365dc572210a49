package io.slotoolkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code slo --version}: our version and the embedded DuckDB's, read from a build resource (no
 * DuckDB load).
 */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/io/slotoolkit/version.properties")) {
      if (in != null) p.load(in);
    }
    return new String[] {
      "slo " + p.getProperty("version", "unknown"),
      "DuckDB (duckdb_jdbc) " + p.getProperty("duckdb", "unknown"),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
