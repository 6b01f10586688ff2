package io.github.d1java.wrangler;

import io.github.d1java.D1Result;
import io.github.d1java.sql.SqlStatement;
import java.util.Map;

/**
 * Receives each statement's result once its transaction has committed, in file order. Called on the
 * importing thread. In {@link ImportOptions#direct() direct} mode results carry no rows, only
 * {@code changes} and {@code rows_written}.
 */
@FunctionalInterface
public interface StatementListener {

  /** A listener that ignores every result. */
  StatementListener NONE = (statement, result) -> {};

  /**
   * @param statement the statement and the line it starts on; never null
   * @param result its result; never null
   */
  void committed(SqlStatement statement, D1Result<Map<String, Object>> result);
}
