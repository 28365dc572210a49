package io.slotoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Pins every SQL statement the tool sends to DuckDB for the bundled specs ({@code slo-specs/}) at a
 * fixed {@code --at}: source binding and checks, the check scan, the report scan, the replay minute
 * series and the forecast daily series. Each command runs in-process like a golden CLI case, over a
 * real DuckDB connection whose statements are recorded on the way through (nothing is mocked). The
 * expected text lives in {@code src/test/resources/sql/<spec>/<command>.sql}; absolute paths of
 * this checkout print as {@code $ROOT} and the connection's private temporary folder as {@code
 * $TMP}. Run with {@code -Dgolden.update=true} to rewrite them after a deliberate change to the
 * SQL, then review the diff: a refactoring must leave them byte-identical.
 */
class GeneratedSqlTest {
  static final Path EXPECTED = Path.of("src/test/resources/sql");
  static final boolean UPDATE = Boolean.getBoolean("golden.update");

  /** Every statement of the connections opened while the recorder is installed, in order. */
  static final List<String> STATEMENTS = Collections.synchronizedList(new ArrayList<>());

  private static Driver duckdb;
  private static Driver recorder;

  /** One command over one bundled spec: {@code name} names its expected file. */
  record Case(String spec, String name, List<String> args) {}

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    String at = "2026-03-01T00:00:00Z";
    String from = "2026-02-22T00:00:00Z";
    // each spec file on its own (explain: its SLO with a per), then the folder with its severity
    // table, which adds the alert flags to the scans
    List<List<String>> files =
        List.of(
            List.of("slo-specs/homehub-api.yaml", "api-availability-per-customer"),
            List.of("slo-specs/homehub-face.yaml", "face-match-latency-by-firmware"),
            List.of("slo-specs/homehub-unlock.yaml", "unlock-success-per-customer"),
            List.of("slo-specs", ""));
    for (List<String> f : files) {
      String spec = f.get(0);
      cases.add(new Case(spec, "check", List.of("check", spec, "--at", at)));
      cases.add(new Case(spec, "report", List.of("report", spec, "--at", at)));
      cases.add(
          new Case(
              spec,
              "alerts-replay",
              List.of("alerts", "--replay", spec, "--from", from, "--to", at)));
      if (!f.get(1).isEmpty())
        cases.add(new Case(spec, "explain", List.of("explain", f.get(1), spec, "--at", at)));
    }
    cases.add(new Case("slo-specs", "check-default-at", List.of("check", "slo-specs")));
    String sync = "slo-specs/sync-job.yaml";
    cases.add(new Case(sync, "forecast", List.of("forecast", sync, "--at", "2026-01-01")));
    cases.add(new Case(sync, "forecast-default-at", List.of("forecast", sync)));
    return cases;
  }

  @BeforeAll
  static void record() throws SQLException {
    // the first getDrivers() loads the drivers of the class path, DuckDB's among them
    for (Driver d : Collections.list(DriverManager.getDrivers())) {
      if (d.getClass().getName().startsWith("org.duckdb")) {
        duckdb = d;
        DriverManager.deregisterDriver(d);
      }
    }
    assertThat(duckdb).as("the DuckDB JDBC driver").isNotNull();
    recorder = new RecordingDriver(duckdb);
    DriverManager.registerDriver(recorder);
    // a connection another test warmed up ahead is not recorded: take it and drop it
    try (var engine =
        io.slotoolkit.engine.DuckDbEngine.open(new io.slotoolkit.engine.EngineOptions("1GB", 0))) {
      STATEMENTS.clear();
    }
  }

  @AfterAll
  static void stopRecording() throws SQLException {
    DriverManager.deregisterDriver(recorder);
    DriverManager.registerDriver(duckdb);
  }

  @TestFactory
  Stream<DynamicTest> generated_sql_is_unchanged() {
    return cases().stream()
        .map(c -> DynamicTest.dynamicTest(c.spec() + " " + c.name(), () -> check(c)));
  }

  private static void check(Case c) throws IOException {
    STATEMENTS.clear();
    GoldenCliTest.Result r = GoldenCliTest.run(c.args().toArray(new String[0]));
    String tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().toString();
    String root = Path.of("").toAbsolutePath().toString();
    StringBuilder text = new StringBuilder();
    text.append("-- slo ").append(String.join(" ", c.args()));
    text.append("\n-- exit ").append(r.exit()).append("\n\n");
    List<String> statements;
    synchronized (STATEMENTS) {
      statements = List.copyOf(STATEMENTS);
    }
    for (String s : statements) {
      String shown =
          s.replace(root, "$ROOT")
              .replaceAll(java.util.regex.Pattern.quote(tmp) + "/?slo-duckdb-[0-9a-f-]+", "\\$TMP");
      text.append(shown).append(";\n\n");
    }
    Path file =
        EXPECTED
            .resolve(Path.of(c.spec()).getFileName().toString().replaceFirst("\\.yaml$", ""))
            .resolve(c.name() + ".sql");
    assertThat(r.exit()).as(c + " never an internal error").isNotEqualTo(70);
    if (UPDATE) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return;
    }
    assertThat(text.toString())
        .as(file + " (run with -Dgolden.update=true after a deliberate change)")
        .isEqualTo(Files.exists(file) ? Files.readString(file) : "");
  }

  /** Hands out DuckDB connections whose statements add their SQL to {@link #STATEMENTS}. */
  private record RecordingDriver(Driver target) implements Driver {
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
      Connection c = target.connect(url, info);
      return c == null ? null : proxy(Connection.class, c);
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
      return target.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
      return target.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
      return target.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
      return target.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
      return target.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return target.getParentLogger();
    }
  }

  @SuppressWarnings("unchecked")
  static <T> T proxy(Class<T> type, T target) {
    InvocationHandler h =
        (p, method, args) -> {
          String name = method.getName();
          if (type == Statement.class
              && (name.equals("execute")
                  || name.equals("executeQuery")
                  || name.equals("executeUpdate"))
              && args != null
              && args.length > 0
              && args[0] instanceof String sql) STATEMENTS.add(sql);
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (type == Connection.class && name.equals("createStatement"))
            return proxy(Statement.class, (Statement) result);
          return result;
        };
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
  }
}
