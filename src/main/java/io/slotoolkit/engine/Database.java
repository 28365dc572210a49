package io.slotoolkit.engine;

import io.slotoolkit.model.SloException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * An embedded in-memory DuckDB connection with resource limits, and the lockdown that keeps user
 * expressions away from every file but the declared sources.
 */
public final class Database implements AutoCloseable {
  private final Connection connection;
  private final Path tempDirectory;
  private boolean locked;

  private Database(Connection connection, Path tempDirectory) {
    this.connection = connection;
    this.tempDirectory = tempDirectory;
  }

  /**
   * Opens a connection. {@code memoryLimit} is DuckDB syntax ({@code 2GB}); spills go to a private
   * temporary folder that is removed on close.
   */
  public static Database open(EngineOptions options) {
    try {
      Path temp = Files.createTempDirectory("slo-duckdb-");
      Connection c = DriverManager.getConnection("jdbc:duckdb:");
      Database db = new Database(c, temp);
      db.execute("SET TimeZone = 'UTC'");
      db.execute("SET memory_limit = " + Sql.literal(options.memoryLimit()));
      db.execute("SET temp_directory = " + Sql.literal(temp.toAbsolutePath().toString()));
      if (options.threads() > 0) db.execute("SET threads = " + options.threads());
      db.execute("SET enable_progress_bar = true");
      db.execute("SET enable_progress_bar_print = false");
      db.execute("SET autoinstall_known_extensions = false");
      db.execute("SET autoload_known_extensions = false");
      return db;
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException(
          "could not start the embedded DuckDB engine: " + e.getMessage(), e);
    }
  }

  /**
   * Allows reading exactly {@code files} from now on and locks the configuration: no other file, no
   * COPY, ATTACH, INSTALL, LOAD or SET after this.
   */
  public void lockDown(Collection<String> files) {
    if (locked) return;
    List<String> allowed = new ArrayList<>(files);
    allowed.add(tempDirectory.toAbsolutePath().toString());
    execute("SET allowed_paths = " + Sql.literalList(allowed));
    execute("SET enable_external_access = false");
    execute("SET lock_configuration = true");
    locked = true;
  }

  public boolean locked() {
    return locked;
  }

  /** Runs a statement that returns nothing; SQL errors escape as SQLException wrapped unchecked. */
  public void execute(String sql) {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new QueryFailed(sql, e);
    }
  }

  /** Runs a query and maps every row. */
  public <T> List<T> query(String sql, RowMapper<T> mapper) {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      List<T> rows = new ArrayList<>();
      while (r.next()) rows.add(mapper.map(r));
      return rows;
    } catch (SQLException e) {
      throw new QueryFailed(sql, e);
    }
  }

  /** Runs a query expected to return exactly one row. */
  public <T> T one(String sql, RowMapper<T> mapper) {
    List<T> rows = query(sql, mapper);
    if (rows.size() != 1)
      throw new IllegalStateException("expected one row, got " + rows.size() + ": " + sql);
    return rows.get(0);
  }

  Connection connection() {
    return connection;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // closing an in-memory database cannot lose anything
    }
    try (var walk = Files.walk(tempDirectory)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException ignored) {
      // a leftover empty temp folder is harmless
    }
  }

  /** Maps one result row. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** A SQL statement DuckDB refused; callers translate it into a message about the user's input. */
  public static final class QueryFailed extends RuntimeException {
    private final String sql;

    QueryFailed(String sql, SQLException cause) {
      super(cleanMessage(cause), cause);
      this.sql = sql;
    }

    public String sql() {
      return sql;
    }

    /** DuckDB's message without its error-class prefix and JSON noise, first line only. */
    static String cleanMessage(SQLException e) {
      String m = e.getMessage() == null ? e.toString() : e.getMessage();
      m = m.replaceFirst("^[A-Za-z ]+ Error: ", "");
      int nl = m.indexOf('\n');
      if (nl > 0) m = m.substring(0, nl);
      return m.strip();
    }

    /** Rethrows as a data error about {@code what}. */
    public SloException asDataError(String what, Function<String, String> hint) {
      return SloException.data(
          what + ": " + getMessage(), hint == null ? null : hint.apply(getMessage()), this);
    }
  }
}
