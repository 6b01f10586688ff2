package io.github.d1java.sqlite.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a file database's {@code -wal} file bounded under continuous reads and writes.
 *
 * <p>SQLite's automatic checkpoint ({@code wal_autocheckpoint}, PASSIVE) copies pages back but
 * never waits for readers, and the WAL restarts from its beginning only once a checkpoint has
 * caught up while no reader holds an older snapshot; with readers always active that moment never
 * comes and the file grows without end. So, every {@value #CHECK_EVERY} commits, the writer looks
 * at the file's size and, above {@link #RESTART_BYTES}, runs a {@code RESTART} checkpoint that
 * waits up to {@value #RESTART_WAIT_MILLIS} ms for readers to finish their snapshots; the next
 * commit then writes from the start of the WAL, and {@code journal_size_limit} truncates the file
 * to {@link #JOURNAL_SIZE_LIMIT} bytes. On close the writer runs a {@code TRUNCATE} checkpoint
 * after the readers are closed, so SQLite deletes the file. Used under the write lock only.
 */
final class WalCheckpoints {

  /** {@code PRAGMA journal_size_limit}: the WAL is truncated to this after a reset. */
  static final long JOURNAL_SIZE_LIMIT = 4L << 20;

  /** WAL size above which the writer forces a RESTART checkpoint. */
  static final long RESTART_BYTES = 8L << 20;

  /**
   * The documented bound: the WAL stays below this, plus the size of the largest single
   * transaction, while writes commit.
   */
  static final long BOUND_BYTES = 16L << 20;

  static final int CHECK_EVERY = 16;
  static final int RESTART_WAIT_MILLIS = 200;

  private static final Logger LOG = LoggerFactory.getLogger(WalCheckpoints.class);

  private final Path wal;
  private final long busyTimeoutMillis;
  private int commits;

  /**
   * @param file the database file, or null (in memory: nothing to do)
   * @param busyTimeoutMillis the writer's busy timeout, restored after a checkpoint
   */
  WalCheckpoints(Path file, long busyTimeoutMillis) {
    this.wal = file == null ? null : Path.of(file.toAbsolutePath() + "-wal");
    this.busyTimeoutMillis = busyTimeoutMillis;
  }

  /** Called after each commit on the writer. */
  void afterCommit(Conn writer) {
    if (wal == null || ++commits < CHECK_EVERY) {
      return;
    }
    commits = 0;
    long size;
    try {
      size = Files.size(wal);
    } catch (IOException e) {
      return;
    }
    if (size > RESTART_BYTES) {
      checkpoint(writer, "RESTART", RESTART_WAIT_MILLIS);
    }
  }

  /** Called before the writer closes, after the readers were closed. */
  void beforeClose(Conn writer) {
    if (wal != null) {
      checkpoint(writer, "TRUNCATE", RESTART_WAIT_MILLIS);
    }
  }

  /** Runs a checkpoint; a busy or failed one is retried at the next check. */
  private void checkpoint(Conn writer, String mode, int waitMillis) {
    try {
      writer.control("PRAGMA busy_timeout = " + waitMillis);
      try (PreparedStatement ps =
              writer.connection().prepareStatement("PRAGMA wal_checkpoint(" + mode + ")");
          ResultSet rs = ps.executeQuery()) {
        if (rs.next() && LOG.isDebugEnabled()) {
          LOG.debug(
              "wal_checkpoint({}): busy={} log={} checkpointed={}",
              mode,
              rs.getInt(1),
              rs.getInt(2),
              rs.getInt(3));
        }
      } finally {
        writer.control("PRAGMA busy_timeout = " + busyTimeoutMillis);
      }
    } catch (SQLException e) {
      LOG.debug("wal_checkpoint({}) failed: {}", mode, e.getMessage());
    }
  }
}
