package io.github.d1java.sqlite.internal;

import io.github.d1java.D1SqlException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The write lock and the transactions of the writer connection: every call that may write runs in
 * {@code BEGIN IMMEDIATE ... COMMIT} under the lock, and each commit gets the next sequence number
 * (the local bookmark). Thread-safe.
 */
final class WriteTransactions {

  /** Work done inside a write transaction. */
  @FunctionalInterface
  interface TransactionWork<T> {
    T run() throws SQLException;
  }

  private final ReentrantLock writeLock = new ReentrantLock();
  private final AtomicLong commitSequence = new AtomicLong();
  private final Connections connections;
  private final MetaState state;
  private final WalCheckpoints wal;

  WriteTransactions(Connections connections, MetaState state, WalCheckpoints wal) {
    this.connections = connections;
    this.state = state;
    this.wal = wal;
  }

  /** Takes the write lock (for work on the writer outside a transaction). */
  void lock() {
    writeLock.lock();
  }

  void unlock() {
    writeLock.unlock();
  }

  /** The sequence number of the last commit. */
  long committed() {
    return commitSequence.get();
  }

  /**
   * Runs work in {@code BEGIN IMMEDIATE ... COMMIT} on the writer, under the write lock, as one
   * committed call (the session, if any, observes it); rolls back and restores the cached state
   * when anything fails.
   *
   * @throws io.github.d1java.D1Exception when the work fails or the database is closed
   */
  <T> T inTransaction(TransactionWork<T> work, LocalSession session) {
    Conn writer = connections.writer();
    writeLock.lock();
    try {
      connections.ensureOpen();
      writer.control("BEGIN IMMEDIATE");
      T value;
      try {
        value = work.run();
        commit(writer);
      } catch (RuntimeException e) {
        writer.controlQuietly("ROLLBACK");
        state.restore(writer);
        throw e;
      } catch (SQLException e) {
        writer.controlQuietly("ROLLBACK");
        state.restore(writer);
        throw SqliteErrors.of(e);
      }
      state.committed();
      wal.afterCommit(writer);
      long seq = commitSequence.incrementAndGet();
      if (session != null) {
        session.observe(seq);
      }
      return value;
    } catch (SQLException e) {
      throw SqliteErrors.of(e);
    } finally {
      writeLock.unlock();
    }
  }

  private static void commit(Conn writer) throws SQLException {
    try {
      writer.control("COMMIT");
    } catch (SQLiteException e) {
      if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY
          || SqliteErrors.errmsg(e.getMessage(), e.getResultCode())
              .startsWith("FOREIGN KEY constraint failed")) {
        // a deferred violation at commit; Miniflare resets the Durable Object, D1 reports this
        throw D1SqlException.of("FOREIGN KEY constraint failed: SQLITE_CONSTRAINT", e);
      }
      throw e;
    }
  }
}
