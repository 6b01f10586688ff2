package io.github.d1java;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A D1 database, shaped like the {@code D1Database} binding that Cloudflare Workers receive as
 * {@code env.DB}.
 *
 * <pre>{@code
 * try (D1Database db = D1Sqlite.open(Path.of("app.db"))) {
 *   List<Map<String, Object>> rows =
 *       db.prepare("SELECT * FROM Customers WHERE CompanyName = ?").bind("Bs Beverages").all().results();
 * }
 * }</pre>
 *
 * <p>Every call ({@code all}, {@code run}, {@code first}, {@code raw}, one {@link #batch}, one
 * {@link #exec}) runs as one implicit transaction, as in D1: SQL {@code BEGIN}, {@code COMMIT} and
 * {@code SAVEPOINT} are rejected.
 *
 * <p><b>Thread safety:</b> implementations are thread-safe; one instance is meant to be shared by
 * the whole application.
 *
 * <p><b>Errors:</b> every failure is a {@link D1Exception} (unchecked) whose message is D1's own
 * text, for example {@code D1_ERROR: no such table: nope: SQLITE_ERROR}.
 */
public interface D1Database extends AutoCloseable {

  /**
   * Prepares a statement. Like D1, this does no I/O and no validation: errors in the SQL surface
   * when the statement runs.
   *
   * @param sql one SQL statement, or several separated by {@code ;} (only the last may have
   *     parameters, and only the last one's rows are returned); not null
   * @return a new, unbound statement
   * @throws NullPointerException if {@code sql} is null
   */
  D1PreparedStatement prepare(String sql);

  /**
   * Runs the statements in order as one transaction: all of them take effect or none does. Only
   * each statement's {@link D1PreparedStatement#statement() SQL} and {@link
   * D1PreparedStatement#params() params} are read, so statements prepared on another database or
   * session run here.
   *
   * @param statements the statements to run; not null, no null elements
   * @return one result per statement, in input order; never partial
   * @throws D1Exception the failing statement's error ({@code D1_ERROR: No SQL statements
   *     detected.} for an empty list); nothing is committed
   */
  List<D1Result<Map<String, Object>>> batch(List<? extends D1PreparedStatement> statements);

  /**
   * Varargs form of {@link #batch(List)}.
   *
   * @param statements the statements to run; not null
   * @return one result per statement, in input order
   */
  default List<D1Result<Map<String, Object>>> batch(D1PreparedStatement... statements) {
    return batch(Arrays.asList(statements));
  }

  /**
   * Runs SQL without parameters, as D1's {@code exec}: the text is trimmed and split on {@code \n}
   * only, every non-blank line is one statement, and all lines run in one transaction.
   *
   * @param sql the lines to run; not null
   * @return the number of lines run and their total duration
   * @throws D1ExecException on any failure, worded as D1 does: {@code D1_EXEC_ERROR: Error in line
   *     1: <first line>: <message>}, whichever line failed
   */
  D1ExecResult exec(String sql);

  /**
   * Returns the whole database as the bytes of an SQLite database file. D1 deprecated this method;
   * the local engine keeps it because a consistent copy of the file is useful in tests.
   *
   * @return a consistent snapshot of the database file
   * @throws D1DumpException where the backend cannot dump (the remote backend: use its export)
   */
  byte[] dump();

  /**
   * Starts a session with the default constraint, {@value D1DatabaseSession#FIRST_UNCONSTRAINED}.
   *
   * @return a new session
   */
  D1DatabaseSession withSession();

  /**
   * Starts a session from a constraint ({@value D1DatabaseSession#FIRST_PRIMARY} or {@value
   * D1DatabaseSession#FIRST_UNCONSTRAINED}) or from a bookmark returned by an earlier session's
   * {@link D1DatabaseSession#getBookmark()}. Null, empty or blank means {@value
   * D1DatabaseSession#FIRST_UNCONSTRAINED}; any other string is taken as a bookmark without
   * validation, as D1 does.
   *
   * @param constraintOrBookmark a constraint, a bookmark, or null
   * @return a new session
   */
  D1DatabaseSession withSession(String constraintOrBookmark);

  /**
   * Releases the database's connections and resources. Idempotent. Statements and sessions of a
   * closed database fail when run.
   */
  @Override
  void close();
}
