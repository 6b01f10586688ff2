package io.github.d1java;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A sequence of queries with sequential consistency, as D1's {@code withSession()} returns.
 * Bookmarks returned by {@link #getBookmark()} can start a later session that sees at least
 * everything this one saw.
 *
 * <p>Thread-safe: the bookmark only ever moves forward (the greater bookmark wins, as in D1).
 */
public interface D1DatabaseSession {

  /** Constraint: the first query goes to the primary. */
  String FIRST_PRIMARY = "first-primary";

  /** Constraint: the first query may go to any replica. The default. */
  String FIRST_UNCONSTRAINED = "first-unconstrained";

  /**
   * Prepares a statement that runs through this session.
   *
   * @param sql the SQL; not null
   * @return a new, unbound statement
   */
  D1PreparedStatement prepare(String sql);

  /**
   * Runs statements as one transaction through this session; see {@link D1Database#batch(List)}.
   *
   * @param statements the statements; not null
   * @return one result per statement
   * @throws D1Exception the failing statement's error
   */
  List<D1Result<Map<String, Object>>> batch(List<? extends D1PreparedStatement> statements);

  /**
   * Varargs form of {@link #batch(List)}.
   *
   * @param statements the statements; not null
   * @return one result per statement
   */
  default List<D1Result<Map<String, Object>>> batch(D1PreparedStatement... statements) {
    return batch(Arrays.asList(statements));
  }

  /**
   * The latest bookmark this session has seen. Null until the first query returns, except for a
   * session started from a bookmark, which returns that bookmark at once.
   *
   * @return the bookmark, like {@code 00000000-0000006a-00000000-00000000000000000000000000000000},
   *     or null
   */
  String getBookmark();
}
