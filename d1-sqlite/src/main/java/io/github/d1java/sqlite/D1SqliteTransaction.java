package io.github.d1java.sqlite;

import io.github.d1java.D1Meta;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.sqlite.internal.InteractiveTransaction;
import java.util.List;
import java.util.Map;

/**
 * An interactive SQLite transaction on a local database: the one thing D1's binding does not offer,
 * for drivers that must honour {@code commit()} and {@code rollback()} (the JDBC driver in {@code
 * d1-jdbc}). The transaction holds the database's writer connection and its lock from {@link
 * #begin} until {@link #commit()}, {@link #rollback()} or {@link #close()}: its statements see its
 * own writes, other writers wait (up to the database's busy timeout, then {@code database is
 * locked: SQLITE_BUSY}), and reads of other callers see the last committed state (file databases)
 * or wait (in-memory databases, which have one connection).
 *
 * <p>D1's rules still apply to every statement: the same parser, authorizer, PRAGMA allow-list,
 * limits and error texts as {@link D1SqliteDatabase#prepare}; SQL {@code BEGIN}, {@code COMMIT},
 * {@code SAVEPOINT} stay refused (use the methods of this interface). Each call ({@code run},
 * {@code all}, one {@link #batch}) is atomic inside the transaction, as a D1 call is: when it
 * fails, its partial effects are undone and the transaction stays open.
 *
 * <pre>{@code
 * try (D1SqliteTransaction tx = D1SqliteTransaction.begin(db)) {
 *   tx.prepare("INSERT INTO t (name) VALUES (?)").bind("a").run();
 *   Long n = tx.prepare("SELECT count(*) AS n FROM t").first("n"); // sees the insert
 *   tx.commit();
 * } // closing without commit rolls back
 * }</pre>
 *
 * <p>Thread safety: the methods may be called from any thread, but calls must not overlap; a
 * transaction belongs to one logical unit of work. Every failure is a {@link
 * io.github.d1java.D1Exception}; using an ended transaction throws {@link
 * io.github.d1java.D1SqlException}.
 */
public interface D1SqliteTransaction extends AutoCloseable {

  /**
   * Begins a transaction ({@code BEGIN IMMEDIATE}) on a database opened by {@link D1Sqlite},
   * waiting up to the busy timeout while another transaction holds the writer.
   *
   * @param database a database from {@link D1Sqlite}; not null
   * @return the open transaction; commit or close it
   * @throws IllegalArgumentException if the database was not opened by {@link D1Sqlite}
   * @throws io.github.d1java.D1SqlException if the database is closed, or busy for longer than its
   *     busy timeout ({@code database is locked: SQLITE_BUSY})
   */
  static D1SqliteTransaction begin(D1SqliteDatabase database) {
    return InteractiveTransaction.begin(database);
  }

  /**
   * Prepares a statement that runs inside this transaction. The statement is immutable; running it
   * after the transaction ended fails.
   *
   * @param sql the SQL, as for {@link D1SqliteDatabase#prepare}; not null
   * @return a new, unbound statement
   */
  D1PreparedStatement prepare(String sql);

  /**
   * Runs statements in order inside this transaction, all or none (a savepoint around them).
   *
   * @param statements the statements; only their SQL and params are read; not null
   * @return one result per statement
   * @throws io.github.d1java.D1Exception the failing statement's error; none of them took effect
   */
  List<D1Result<Map<String, Object>>> batch(List<? extends D1PreparedStatement> statements);

  /**
   * Runs SQL texts inside this transaction as one SQLite script, for bulk loading: what {@link
   * D1SqliteDatabase#executeScript} does as a transaction of its own, with the same rules (the
   * authorizer, the PRAGMA allow-list, the limits) and the same errors. All or nothing inside the
   * transaction (a savepoint around them): when a text fails, none of them took effect and the
   * transaction stays open. Feeding a large file chunk by chunk this way keeps one chunk in memory
   * while the whole file commits or rolls back as one transaction.
   *
   * @param sql the SQL texts, each one or more statements without parameters; blank texts are
   *     skipped; not null
   * @return the meta of these texts: {@code changes} is the sum over their statements and {@code
   *     rows_written} equals it; {@code rows_read} is 0
   * @throws io.github.d1java.D1SqlException with D1's message when a text is refused or fails, when
   *     a text has parameters, when every text is blank, or when the transaction has ended
   */
  D1Meta executeScript(List<String> sql);

  /**
   * Sets a savepoint ({@code SAVEPOINT name}).
   *
   * @param name a savepoint name, letters, digits and underscores, not starting with a digit
   * @throws IllegalArgumentException if the name is not such an identifier
   */
  void savepoint(String name);

  /**
   * Undoes everything since the savepoint, which stays set ({@code ROLLBACK TO name}).
   *
   * @param name the savepoint's name
   * @throws io.github.d1java.D1SqlException if there is no such savepoint
   */
  void rollbackToSavepoint(String name);

  /**
   * Releases a savepoint and the ones set after it, keeping their changes ({@code RELEASE name}).
   *
   * @param name the savepoint's name
   * @throws io.github.d1java.D1SqlException if there is no such savepoint
   */
  void releaseSavepoint(String name);

  /**
   * Commits and ends the transaction. If the commit fails (a deferred foreign key violation), the
   * transaction is rolled back and ended.
   *
   * @throws io.github.d1java.D1SqlException if the commit failed or the transaction had ended
   */
  void commit();

  /** Rolls back and ends the transaction; does nothing if it has already ended. */
  void rollback();

  /**
   * Whether the transaction is still open (not committed, rolled back or closed).
   *
   * @return true while open
   */
  boolean isOpen();

  /** Rolls back if still open. Idempotent. */
  @Override
  void close();
}
