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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * An embedded in-memory DuckDB connection with resource limits, and the lockdown that keeps user
 * expressions away from every file but the declared sources.
 */
public final class Database implements AutoCloseable {
  private final Connection connection;
  private final Path tempDirectory;
  private boolean locked;
  // The statement running now, so that another thread (Ctrl-C in the shell) can cancel it.
  private volatile Statement running;
  private volatile boolean cancelled;
  private volatile ProgressListener progress = ProgressListener.NONE;
  private java.util.concurrent.ScheduledExecutorService poller;
  private volatile long progressDelayMs = PROGRESS_DELAY_MS;
  // stops the progress polls of the statement running now, and reports done() if they reported
  private Runnable pollTask;

  /**
   * With {@code -Dslo.timings=true}: one line on stderr per statement (wall milliseconds, the JVM's
   * uptime, process CPU and heap in use at its end, the start of its SQL), for a breakdown of where
   * a run's time goes; {@code -Dslo.timings=sql} prints each statement's whole SQL.
   */
  private static final String TIMINGS_MODE = System.getProperty("slo.timings", "false");

  private static final boolean TIMINGS = !TIMINGS_MODE.equals("false");

  /** How long a query runs before its progress is reported, in milliseconds. */
  static final long PROGRESS_DELAY_MS = 1_000;

  private Database(Connection connection, Path tempDirectory) {
    this.connection = connection;
    this.tempDirectory = tempDirectory;
  }

  /**
   * A connection being opened on another thread, for one later {@link #open(EngineOptions,
   * WarmStart)} to take. Starting the embedded engine takes about 0.1 s of one core; a command
   * starts one before it reads its specs, which takes as long on the other core. Whoever starts it
   * owns it and hands it to the open that should take it, so two engines opening at once never take
   * each other's connection.
   */
  public static final class WarmStart implements AutoCloseable {
    private final AtomicReference<CompletableFuture<Connection>> ahead;

    private WarmStart(CompletableFuture<Connection> next) {
      this.ahead = new AtomicReference<>(next);
    }

    /** Starts opening a connection on a daemon thread. */
    public static WarmStart begin() {
      return begin(() -> {});
    }

    /**
     * Starts opening a connection on a daemon thread, which then runs {@code thenWarm}: work the
     * command's own thread would otherwise do cold later (first uses of classes and code), done
     * while that thread is still parsing the command line. It must have no effect but speed; what
     * it throws is ignored.
     */
    public static WarmStart begin(Runnable thenWarm) {
      return begin(() -> {}, thenWarm);
    }

    /**
     * As {@link #begin(Runnable)}, the thread first running {@code first}: work the command's
     * thread needs before the connection, and the connection has time to spare for.
     */
    public static WarmStart begin(Runnable first, Runnable thenWarm) {
      CompletableFuture<Connection> next = new CompletableFuture<>();
      Thread t =
          new Thread(
              () -> {
                try {
                  first.run();
                } catch (Throwable ignored) {
                  // as for thenWarm
                }
                try {
                  next.complete(DriverManager.getConnection("jdbc:duckdb:"));
                } catch (Throwable e) {
                  next.completeExceptionally(e);
                }
                try {
                  thenWarm.run();
                } catch (Throwable ignored) {
                  // a warm-up that fails only leaves the first uses to the command's thread
                }
              },
              "slo-duckdb-open");
      t.setDaemon(true);
      t.start();
      return new WarmStart(next);
    }

    /** The connection opened ahead, once; null when it was taken already or failed to open. */
    private Connection take() {
      CompletableFuture<Connection> next = ahead.getAndSet(null);
      if (next == null) return null;
      try {
        return next.join();
      } catch (CompletionException e) {
        // opened again by the caller, on its own thread, where its error is reported
        return null;
      }
    }

    /** Whether the connection opened ahead is still waiting for an open to take it. */
    public boolean pending() {
      return ahead.get() != null;
    }

    /**
     * Closes the connection opened ahead when no open took it (a run that failed before, or one
     * that needed no engine after all), without waiting for it: a connection still opening is
     * closed by the thread opening it, so that a usage error or --help does not wait for the engine
     * to start.
     */
    @Override
    public void close() {
      CompletableFuture<Connection> next = ahead.getAndSet(null);
      if (next != null) next.thenAccept(WarmStart::closeUnused);
    }

    private static void closeUnused(Connection unused) {
      try {
        unused.close();
      } catch (SQLException ignored) {
        // an in-memory database that was never used holds nothing to lose
      }
    }
  }

  /** The connection {@code warm} opened, or a new one when there is none or it failed. */
  private static Connection connect(WarmStart warm) throws SQLException {
    Connection ahead = warm == null ? null : warm.take();
    return ahead != null ? ahead : DriverManager.getConnection("jdbc:duckdb:");
  }

  /**
   * Opens a connection. {@code memoryLimit} is DuckDB syntax ({@code 2GB}); spills go to a private
   * temporary folder that is removed on close.
   */
  public static Database open(EngineOptions options) {
    return open(options, null);
  }

  /**
   * Opens a connection as {@link #open(EngineOptions)} does, taking the one {@code warm} started
   * ahead when it has not been taken yet ({@code warm} may be null).
   */
  public static Database open(EngineOptions options, WarmStart warm) {
    long t0 = TIMINGS ? System.nanoTime() : 0;
    if (TIMINGS)
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> timing(System.nanoTime(), "(JVM exit)")));
    try {
      Path temp = NewPaths.folder(Path.of(System.getProperty("java.io.tmpdir")), "slo-duckdb-");
      Connection c = connect(warm);
      if (TIMINGS) timing(t0, "(connection taken or opened)");
      Database db = new Database(c, temp);
      db.execute("SET TimeZone = 'UTC'");
      db.execute("SET memory_limit = " + Sql.literal(options.memoryLimit()));
      db.execute("SET temp_directory = " + Sql.literal(temp.toAbsolutePath().toString()));
      if (options.threads() > 0) db.execute("SET threads = " + options.threads());
      db.execute("SET enable_progress_bar = true");
      db.execute("SET enable_progress_bar_print = false");
      db.execute("SET autoinstall_known_extensions = false");
      db.execute("SET autoload_known_extensions = false");
      db.execute("SET parquet_metadata_cache = true");
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

  /** The engine's version, asked once ({@link #version}). */
  private String version;

  /**
   * DuckDB's version ({@code SELECT version()}), asked once per connection: the cache's
   * fingerprints and the bind memo's depend on it.
   */
  public String version() {
    if (version == null) version = one("SELECT version()", r -> r.getString(1));
    return version;
  }

  /** The SELECT of each view made by {@link #createTempView}, by name. */
  private final java.util.Map<String, String> viewSelects =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Creates a temporary view of {@code select} and remembers its text as given ({@link
   * #viewSelect}): DuckDB prints a view's SQL back rewritten, and asking for it costs a query.
   */
  public void createTempView(String view, String select) {
    execute("CREATE TEMP VIEW " + Sql.ident(view) + " AS " + select);
    viewSelects.put(view, select);
  }

  /** The SELECT a view was created with by {@link #createTempView}; null for any other view. */
  public String viewSelect(String view) {
    return viewSelects.get(view);
  }

  /** Runs a statement that returns nothing; SQL errors escape as SQLException wrapped unchecked. */
  public void execute(String sql) {
    long t0 = TIMINGS ? System.nanoTime() : 0;
    try (Statement s = connection.createStatement()) {
      track(s);
      try {
        s.execute(sql);
      } finally {
        untrack();
        if (TIMINGS) timing(t0, sql);
      }
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  /** What {@link #append} writes: the rows, through DuckDB's appender. */
  interface AppendedRows {
    void write(org.duckdb.DuckDBAppender appender) throws SQLException;
  }

  /**
   * Appends rows to the temp table {@code table} through DuckDB's appender: for thousands of rows
   * far faster than an INSERT of VALUES, whose parse and bind took about 0.2 ms a row (measured).
   */
  void append(String table, AppendedRows rows) {
    long t0 = TIMINGS ? System.nanoTime() : 0;
    try (org.duckdb.DuckDBAppender a =
        connection
            .unwrap(org.duckdb.DuckDBConnection.class)
            .createAppender("temp", "main", table)) {
      rows.write(a);
    } catch (SQLException e) {
      throw failure("append to " + table, e);
    } finally {
      if (TIMINGS) timing(t0, "(appended to " + table + ")");
    }
  }

  /** Runs a query and maps every row. */
  public <T> List<T> query(String sql, RowMapper<T> mapper) {
    long t0 = TIMINGS ? System.nanoTime() : 0;
    try (Statement s = connection.createStatement()) {
      track(s);
      try (ResultSet r = s.executeQuery(sql)) {
        List<T> rows = new ArrayList<>();
        while (r.next()) rows.add(mapper.map(r));
        return rows;
      } finally {
        untrack();
        if (TIMINGS) timing(t0, sql);
      }
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  /**
   * With {@code -Dslo.timings}: a line marking the end of a step of the run that is not a statement
   * (such as writing the output), so that the time between statements can be told apart.
   */
  public static void mark(String step) {
    if (TIMINGS) timing(System.nanoTime(), "(" + step + ")");
  }

  /** One line of the {@code -Dslo.timings} log: a statement's wall time and its SQL's start. */
  static void timing(long startNanos, String sql) {
    String head = sql.strip().replaceAll("\\s+", " ");
    long cpu =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getProcessCpuTime() / 1_000_000
            : -1;
    System.err.printf(
        java.util.Locale.ROOT,
        "slo.timings %8.1f ms  (uptime %6d ms, process CPU %6d ms, heap %4d MiB)  %s%n",
        (System.nanoTime() - startNanos) / 1e6,
        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime(),
        cpu,
        // the heap in use tells where a garbage collection fell (it drops) and what a step
        // allocates
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
        head.length() > 150 && !TIMINGS_MODE.equals("sql")
            ? head.substring(0, 150) + " ..."
            : head);
  }

  /** Sends progress of queries that run longer than about a second to {@code listener}. */
  public void progressListener(ProgressListener listener) {
    progressListener(listener, PROGRESS_DELAY_MS);
  }

  /** Sends progress of queries that run longer than {@code delayMs} to {@code listener}. */
  void progressListener(ProgressListener listener, long delayMs) {
    this.progress = listener == null ? ProgressListener.NONE : listener;
    this.progressDelayMs = delayMs;
  }

  /**
   * Cancels the statement running now, from any thread; it fails with {@link QueryCancelled} and
   * the connection stays usable. Does nothing when nothing runs.
   */
  public void cancel() {
    Statement s = running;
    if (s == null) return;
    cancelled = true;
    try {
      s.cancel();
    } catch (SQLException ignored) {
      // the statement ended on its own meanwhile
    }
  }

  private void track(Statement s) {
    cancelled = false;
    running = s;
    if (progress == ProgressListener.NONE) return;
    if (poller == null) {
      poller =
          java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "slo-progress");
                t.setDaemon(true);
                return t;
              });
    }
    ProgressListener listener = progress;
    boolean[] reported = {false};
    var task =
        poller.scheduleAtFixedRate(
            () -> {
              if (running != s) return;
              try {
                var p = s.unwrap(org.duckdb.DuckDBPreparedStatement.class).getQueryProgress();
                listener.progress(
                    p.getPercentage(), p.getRowsProcessed(), p.getTotalRowsToProcess());
                reported[0] = true;
              } catch (SQLException | RuntimeException ignored) {
                // progress is a nicety: a failed poll must not disturb the query
              }
            },
            progressDelayMs,
            100,
            java.util.concurrent.TimeUnit.MILLISECONDS);
    pollTask =
        () -> {
          task.cancel(false);
          // the poller runs tasks one at a time: this runs after any poll in flight
          try {
            poller
                .submit(
                    () -> {
                      if (reported[0]) listener.done();
                    })
                .get();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (java.util.concurrent.ExecutionException ignored) {
            // done() failed: nothing to clean up
          }
        };
  }

  private void untrack() {
    running = null;
    Runnable stop = pollTask;
    pollTask = null;
    if (stop != null) stop.run();
  }

  private RuntimeException failure(String sql, SQLException e) {
    if (cancelled) {
      cancelled = false;
      return new QueryCancelled(sql, e);
    }
    return new QueryFailed(sql, e);
  }

  /** Runs a query expected to return exactly one row. */
  public <T> T one(String sql, RowMapper<T> mapper) {
    List<T> rows = query(sql, mapper);
    if (rows.size() != 1)
      throw new IllegalStateException("expected one row, got " + rows.size() + ": " + sql);
    return rows.get(0);
  }

  /** The private temporary folder of this connection (removed on close). */
  Path tempDirectory() {
    return tempDirectory;
  }

  Connection connection() {
    return connection;
  }

  @Override
  public void close() {
    if (poller != null) poller.shutdownNow();
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

  /** A statement stopped by {@link #cancel()}: the user asked for it, so it is not an error. */
  public static final class QueryCancelled extends SloException {
    QueryCancelled(String sql, SQLException cause) {
      super(io.slotoolkit.model.ExitCode.USAGE, "cancelled", null, List.of(), cause);
    }
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

    private static final java.util.regex.Pattern MISSING_COLUMN =
        java.util.regex.Pattern.compile("Referenced column \"?([^\"]+?)\"? not found");

    /** The column the query named but its table lacks, or null when that is not the failure. */
    public String missingColumn() {
      var m = MISSING_COLUMN.matcher(getMessage());
      return m.find() ? m.group(1) : null;
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
