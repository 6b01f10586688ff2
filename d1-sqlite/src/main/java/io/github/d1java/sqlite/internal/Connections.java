package io.github.d1java.sqlite.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.d1java.D1SqlException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.sqlite.JDBC;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteLimits;

/**
 * The connections of one database: the writer and, for a file database, a HikariCP pool of
 * read-only connections; also the database's open/closed state. Thread-safe; the writer itself is
 * guarded by {@link WriteTransactions}' lock, a reader belongs to the thread that took it.
 */
final class Connections {

  static final int MAX_SQL_LENGTH = 100_000;
  private static final String INTERRUPTED = "Interrupted while waiting for a connection.";
  private static final long WAIT_MILLIS = 1000;

  private final Conn writer;
  private final HikariDataSource readers;
  private final int statementCacheSize;

  /** Our statement cache per physical reader connection, which HikariCP lends through proxies. */
  private final ConcurrentHashMap<SQLiteConnection, Conn> readerConns = new ConcurrentHashMap<>();

  private final AtomicBoolean closed = new AtomicBoolean();

  private Connections(Conn writer, HikariDataSource readers, int statementCacheSize) {
    this.writer = writer;
    this.readers = readers;
    this.statementCacheSize = statementCacheSize;
  }

  /**
   * Opens the writer (loading the image, if any) and the readers.
   *
   * @throws D1SqlException if a connection cannot be opened; the ones opened are closed
   */
  static Connections open(EngineConfig config) {
    List<Conn> opened = new ArrayList<>();
    try {
      Path file = config.file();
      if (file != null) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
          throw D1SqlException.of(
              "unable to open database file: " + file + ": SQLITE_CANTOPEN", null);
        }
      }
      Conn writer = connect(config, false);
      opened.add(writer);
      if (config.image() != null) {
        writer.deserialize(withoutWalMarker(config.image()));
        queryLong(writer, "SELECT count(*) FROM sqlite_master");
      }
      HikariDataSource readers = null;
      if (file != null && config.readers() > 0) {
        readers = readerPool(config);
      }
      return new Connections(writer, readers, config.statementCacheSize());
    } catch (SQLException | RuntimeException e) {
      D1SqlException failure =
          e instanceof D1SqlException
              ? (D1SqlException) e
              : e instanceof SQLException
                  ? SqliteErrors.of((SQLException) e)
                  : e.getCause() instanceof SQLException
                      ? SqliteErrors.of((SQLException) e.getCause())
                      : D1SqlException.of(String.valueOf(e.getMessage()), e);
      for (Conn c : opened) {
        try {
          c.close();
        } catch (SQLException suppressed) {
          failure.addSuppressed(suppressed);
        }
      }
      throw failure;
    }
  }

  /**
   * Marks a WAL database image as rollback-journal (file format bytes 18 and 19), because an
   * in-memory database cannot open a WAL image. Changes the array in place.
   */
  static byte[] withoutWalMarker(byte[] image) {
    if (image.length > 19 && image[18] == 2 && image[19] == 2) {
      image[18] = 1;
      image[19] = 1;
    }
    return image;
  }

  /**
   * The read-only connections: a HikariCP pool of {@code readers} connections, each opened with the
   * D1 limits and pragmas, never retired (SQLite connections do not go stale), waiting as long as
   * it takes for a free one.
   */
  private static HikariDataSource readerPool(EngineConfig config) {
    HikariConfig h = new HikariConfig();
    h.setPoolName("d1-sqlite-readers-" + POOLS.incrementAndGet());
    h.setDataSource(new ReaderSource(config));
    h.setMaximumPoolSize(config.readers());
    h.setMinimumIdle(config.readers());
    h.setReadOnly(true);
    h.setAutoCommit(true);
    // a waiting thread wakes up every second to see whether the database was closed
    h.setConnectionTimeout(WAIT_MILLIS);
    h.setIdleTimeout(0);
    h.setMaxLifetime(0);
    h.setKeepaliveTime(0);
    h.setRegisterMbeans(false);
    return new HikariDataSource(h);
  }

  private static final java.util.concurrent.atomic.AtomicInteger POOLS =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Opens read-only connections for the pool. */
  private static final class ReaderSource implements DataSource {
    private final EngineConfig config;

    ReaderSource(EngineConfig config) {
      this.config = config;
    }

    @Override
    public java.sql.Connection getConnection() throws SQLException {
      return open(config, true);
    }

    @Override
    public java.sql.Connection getConnection(String user, String password) throws SQLException {
      return open(config, true);
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
      // not used
    }

    @Override
    public void setLoginTimeout(int seconds) {
      // not used
    }

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }

  private static Conn connect(EngineConfig config, boolean readOnly) throws SQLException {
    return new Conn(open(config, readOnly), config.statementCacheSize());
  }

  /** Opens one connection with D1's limits and pragmas. */
  private static SQLiteConnection open(EngineConfig config, boolean readOnly) throws SQLException {
    SQLiteConfig c = new SQLiteConfig();
    c.enforceForeignKeys(true);
    c.enableLoadExtension(false);
    c.setBusyTimeout((int) config.busyTimeoutMillis());
    c.setGetGeneratedKeys(false);
    String url;
    if (config.file() == null) {
      url = JDBC.PREFIX + ":memory:";
    } else {
      url = JDBC.PREFIX + config.file().toAbsolutePath();
      if (readOnly) {
        c.setReadOnly(true);
      } else {
        c.setJournalMode(SQLiteConfig.JournalMode.WAL);
        c.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        c.setJournalSizeLimit((int) WalCheckpoints.JOURNAL_SIZE_LIMIT);
      }
    }
    SQLiteConnection connection = JDBC.createConnection(url, c.toProperties());
    try {
      // SQLite counts a terminating NUL against the limit when a function builds a string
      // (hex(), printf(), ...); D1 accepts a value of exactly its documented maximum
      connection.setLimit(
          SQLiteLimits.SQLITE_LIMIT_LENGTH,
          (int) Math.min(Integer.MAX_VALUE, config.maxValueLength() + 1L));
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_SQL_LENGTH, MAX_SQL_LENGTH);
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_COLUMN, 100);
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_EXPR_DEPTH, 100);
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_COMPOUND_SELECT, 5);
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_FUNCTION_ARG, 127);
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_ATTACHED, 0);
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 50);
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_VARIABLE_NUMBER, 100);
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_TRIGGER_DEPTH, 10);
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_WORKER_THREADS, 0);
      try (java.sql.Statement st = connection.createStatement()) {
        // sqlite-jdbc is built with SQLITE_DEFAULT_RECURSIVE_TRIGGERS; workerd is not
        st.execute("PRAGMA recursive_triggers = off");
        // trusted_schema stays on, as in workerd: off refuses what D1 accepts (highlight() in a
        // trigger, pragma_table_list in a view); the authorizer's function rules cover views
      }
      return connection;
    } catch (SQLException e) {
      try {
        connection.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The first column of the first row of a query, or 0 without rows. */
  static long queryLong(Conn conn, String sql) throws SQLException {
    PreparedStatement ps = conn.prepare(sql);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** The writer; use it under the write lock only. */
  Conn writer() {
    return writer;
  }

  /** Whether single reads run on read-only connections (file databases with readers). */
  boolean hasReaders() {
    return readers != null;
  }

  /**
   * Takes a read-only connection from the pool, waiting for one to be free.
   *
   * @throws D1SqlException if the database is closed meanwhile or the thread is interrupted
   */
  Conn takeReader() {
    // an interrupted thread fails even when a connection is free, as a blocking wait would
    if (Thread.currentThread().isInterrupted()) {
      throw D1SqlException.of(INTERRUPTED, null);
    }
    java.sql.Connection lease = null;
    while (lease == null) {
      try {
        lease = readers.getConnection();
      } catch (SQLTransientConnectionException e) {
        // none free within WAIT_MILLIS: wait on unless closed or interrupted
        ensureOpen();
        if (Thread.currentThread().isInterrupted()) {
          throw D1SqlException.of(INTERRUPTED, e);
        }
      } catch (SQLException e) {
        ensureOpen();
        if (Thread.currentThread().isInterrupted()) {
          throw D1SqlException.of(INTERRUPTED, e);
        }
        throw SqliteErrors.of(e);
      }
    }
    try {
      SQLiteConnection physical = lease.unwrap(SQLiteConnection.class);
      Conn c = readerConns.get(physical);
      if (c == null) {
        c = new Conn(physical, statementCacheSize);
        readerConns.put(physical, c);
      }
      c.lease(lease);
      return c;
    } catch (SQLException | RuntimeException e) {
      try {
        lease.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e instanceof SQLException ? SqliteErrors.of((SQLException) e) : (RuntimeException) e;
    }
  }

  /** Gives a reader back to the pool. */
  void returnReader(Conn c) {
    java.sql.Connection lease = c.lease();
    c.lease(null);
    try {
      lease.close();
    } catch (SQLException e) {
      // the pool discards a connection it cannot reset; the next take opens a new one
    }
  }

  /**
   * Throws if the database is closed.
   *
   * @throws D1SqlException {@code Database is closed.}
   */
  void ensureOpen() {
    if (closed.get()) {
      throw D1SqlException.of(SqliteEngine.CLOSED, null);
    }
  }

  /** Whether the database is closed. */
  boolean isClosed() {
    return closed.get();
  }

  /** Marks the database closed; true only for the first call. */
  boolean markClosed() {
    return !closed.getAndSet(true);
  }

  /** Closes the writer; call under the write lock. Returns the failure, or null. */
  D1SqlException closeWriter() {
    try {
      writer.close();
      return null;
    } catch (SQLException e) {
      return SqliteErrors.of(e);
    }
  }

  /**
   * Closes the reader pool: free connections now, connections in use when HikariCP's shutdown
   * aborts them.
   *
   * @return {@code failure}, or a new failure, with further failures suppressed
   */
  D1SqlException closeReaders(D1SqlException failure) {
    if (readers == null) {
      return failure;
    }
    try {
      readers.close();
    } catch (RuntimeException e) {
      D1SqlException f = D1SqlException.of("Closing the reader pool failed: " + e.getMessage(), e);
      if (failure == null) {
        failure = f;
      } else {
        failure.addSuppressed(f);
      }
    }
    readerConns.clear();
    return failure;
  }
}
