package io.github.d1java.sqlite.internal;

import io.github.d1java.D1SqlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sqlite.JDBC;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteLimits;

/**
 * The connections of one database: the writer and, for a file database, a pool of read-only
 * connections; also the database's open/closed state. Thread-safe; the writer itself is guarded
 * by {@link WriteTransactions}' lock, a reader belongs to the thread that took it.
 */
final class Connections {

  static final int MAX_SQL_LENGTH = 100_000;

  private final Conn writer;
  private final BlockingQueue<Conn> readers;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Connections(Conn writer, BlockingQueue<Conn> readers) {
    this.writer = writer;
    this.readers = readers;
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
      BlockingQueue<Conn> readers = null;
      if (file != null && config.readers() > 0) {
        readers = new ArrayBlockingQueue<>(config.readers());
        for (int i = 0; i < config.readers(); i++) {
          Conn r = connect(config, true);
          opened.add(r);
          readers.add(r);
        }
      }
      return new Connections(writer, readers);
    } catch (SQLException e) {
      D1SqlException failure = SqliteErrors.of(e);
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

  private static Conn connect(EngineConfig config, boolean readOnly) throws SQLException {
    SQLiteConfig c = new SQLiteConfig();
    c.enforceForeignKeys(true);
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
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_LENGTH, config.maxValueLength());
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
      }
      return new Conn(connection, config.statementCacheSize());
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
   * Takes a read-only connection, waiting for one to be free.
   *
   * @throws D1SqlException if the database is closed meanwhile or the thread is interrupted
   */
  Conn takeReader() {
    // an interrupted thread fails even when a connection is free, as a blocking wait would
    Conn free = Thread.currentThread().isInterrupted() ? null : readers.poll();
    if (free != null) {
      return free;
    }
    try {
      while (true) {
        Conn c = readers.poll(50, TimeUnit.MILLISECONDS);
        if (c != null) {
          return c;
        }
        ensureOpen();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw D1SqlException.of("Interrupted while waiting for a connection.", e);
    }
  }

  /** Gives a reader back; closes it (and any other free reader) if the database closed. */
  void returnReader(Conn c) {
    readers.offer(c);
    if (closed.get()) {
      closeReaders(null);
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
   * Closes the free readers (a reader in use is closed when it is returned).
   *
   * @return {@code failure}, or a new failure, with further failures suppressed
   */
  D1SqlException closeReaders(D1SqlException failure) {
    if (readers == null) {
      return failure;
    }
    Conn c;
    while ((c = readers.poll()) != null) {
      try {
        c.close();
      } catch (SQLException e) {
        if (failure == null) {
          failure = SqliteErrors.of(e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    return failure;
  }
}
