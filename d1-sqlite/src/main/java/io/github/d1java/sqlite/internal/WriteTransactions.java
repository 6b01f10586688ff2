package io.github.d1java.sqlite.internal;

import io.github.d1java.D1SqlException;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
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

  /** Signalled when an interactive transaction ends; see {@link InteractiveTransaction}. */
  private final Condition writerFree = writeLock.newCondition();

  /** The interactive transaction holding the writer between calls, or null; under the lock. */
  private InteractiveTransaction interactive;

  private final long busyTimeoutMillis;
  private final AtomicLong commitSequence = new AtomicLong();
  private final Connections connections;
  private final MetaState state;
  private final WalCheckpoints wal;

  WriteTransactions(
      Connections connections, MetaState state, WalCheckpoints wal, long busyTimeoutMillis) {
    this.connections = connections;
    this.state = state;
    this.wal = wal;
    this.busyTimeoutMillis = busyTimeoutMillis;
  }

  /** Takes the write lock (for work on the writer outside a transaction). */
  void lock() {
    writeLock.lock();
  }

  /**
   * Takes the write lock once no interactive transaction holds the writer (for reads and dumps on
   * the writer, which must not see a transaction's uncommitted state).
   */
  void lockCommitted() {
    writeLock.lock();
    try {
      awaitWriter();
    } catch (RuntimeException e) {
      writeLock.unlock();
      throw e;
    }
  }

  void unlock() {
    writeLock.unlock();
  }

  /** The writer connection. */
  Conn writer() {
    return connections.writer();
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
      awaitWriter();
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

  // --- interactive transactions (InteractiveTransaction): the writer held across calls ---

  /**
   * Waits, under the write lock, until no interactive transaction holds the writer. Bounded by the
   * busy timeout, as SQLite bounds a wait for another connection's lock.
   */
  private void awaitWriter() {
    if (interactive == null) {
      return;
    }
    long nanos = TimeUnit.MILLISECONDS.toNanos(busyTimeoutMillis);
    try {
      while (interactive != null) {
        if (nanos <= 0) {
          throw D1SqlException.of(InteractiveTransaction.BUSY, null);
        }
        nanos = writerFree.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw D1SqlException.of("Interrupted while waiting for a transaction to end.", e);
    }
  }

  /** Takes the writer for {@code tx} and runs {@code BEGIN IMMEDIATE}. */
  void beginInteractive(InteractiveTransaction tx) {
    writeLock.lock();
    try {
      awaitWriter();
      connections.ensureOpen();
      connections.writer().control("BEGIN IMMEDIATE");
      interactive = tx;
    } catch (SQLException e) {
      throw SqliteErrors.of(e);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Runs work on the writer inside {@code tx}, under the lock, between a savepoint and its release,
   * so a failing call leaves no partial change (as a D1 call) while the transaction stays open.
   * With {@code savepoint} false the work runs bare (the transaction's own savepoints).
   */
  <T> T inInteractive(InteractiveTransaction tx, boolean savepoint, TransactionWork<T> work) {
    Conn writer = connections.writer();
    writeLock.lock();
    try {
      connections.ensureOpen();
      if (interactive != tx) {
        throw D1SqlException.of(InteractiveTransaction.ENDED, null);
      }
      tx.ensureNotAborted();
      if (!savepoint) {
        T value = work.run();
        state.restore(writer);
        return value;
      }
      writer.control("SAVEPOINT d1_call");
      try {
        T value = work.run();
        writer.control("RELEASE d1_call");
        return value;
      } catch (SQLException | RuntimeException e) {
        try {
          writer.control("ROLLBACK TO d1_call");
          writer.control("RELEASE d1_call");
        } catch (SQLException gone) {
          // SQLite rolled the whole transaction back (e.g. RAISE(ROLLBACK)): no savepoint left
          tx.abort(e.getMessage());
          e.addSuppressed(gone);
        }
        state.restore(writer);
        throw e;
      }
    } catch (SQLException e) {
      throw SqliteErrors.of(e);
    } finally {
      writeLock.unlock();
    }
  }

  /** Commits or rolls back {@code tx} and frees the writer; a failed commit rolls back. */
  void endInteractive(InteractiveTransaction tx, boolean commit) {
    Conn writer = connections.writer();
    writeLock.lock();
    try {
      if (interactive != tx) {
        return;
      }
      try {
        if (!commit && connections.isClosed()) {
          return; // closing the database rolled the transaction back
        }
        connections.ensureOpen();
        if (commit) {
          commit(writer);
          commitSequence.incrementAndGet();
        } else {
          // quietly: SQLite may have rolled back already (InteractiveTransaction#abort)
          writer.controlQuietly("ROLLBACK");
          state.restore(writer);
        }
      } catch (SQLException e) {
        writer.controlQuietly("ROLLBACK");
        state.restore(writer);
        throw SqliteErrors.of(e);
      } catch (RuntimeException e) {
        // a deferred foreign key violation at COMMIT leaves SQLite's transaction open
        writer.controlQuietly("ROLLBACK");
        state.restore(writer);
        throw e;
      } finally {
        interactive = null;
        writerFree.signalAll();
      }
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
