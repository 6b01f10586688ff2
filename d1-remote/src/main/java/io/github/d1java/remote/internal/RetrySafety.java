package io.github.d1java.remote.internal;

import io.github.d1java.D1PreparedStatement;
import io.github.d1java.sql.SqlLexer;
import java.util.List;

/**
 * The retry policy's one question, shared by the REST and Worker clients: may this call be sent
 * again after a failure whose outcome is unknown? Only when repeating it cannot change the
 * database: every statement only reads, or is marked {@link D1PreparedStatement#idempotent()}.
 * Stateless.
 */
public final class RetrySafety {

  private RetrySafety() {}

  /**
   * Whether one statement may be repeated.
   *
   * @param sql the statement's SQL; not null
   * @param idempotent whether the caller marked it idempotent
   * @return true when it only reads or is marked idempotent
   */
  public static boolean isSafe(String sql, boolean idempotent) {
    return idempotent || SqlLexer.isReadOnly(sql);
  }

  /**
   * Whether a batch may be repeated: every statement must be safe.
   *
   * @param statements the statements; not null, no null elements
   * @return true when each statement only reads or is marked idempotent
   * @throws NullPointerException naming the list when an element is null
   */
  public static boolean isSafe(List<? extends D1PreparedStatement> statements) {
    boolean safe = true;
    for (D1PreparedStatement s : statements) {
      if (s == null) {
        throw new NullPointerException("statements must not contain null");
      }
      safe &= isSafe(s.statement(), s.isIdempotent());
    }
    return safe;
  }
}
