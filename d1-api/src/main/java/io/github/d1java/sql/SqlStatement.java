package io.github.d1java.sql;

import java.util.Objects;

/**
 * One statement found by {@link SqlSplitter}: its text and where it starts in the source.
 *
 * @param sql the statement, from its first token to its last, without the terminating {@code ;};
 *     comments inside it are kept; never null or blank
 * @param line the 1-based line of the source on which the statement's first token starts
 */
public record SqlStatement(String sql, long line) {

  /**
   * Validates.
   *
   * @throws NullPointerException if {@code sql} is null
   * @throws IllegalArgumentException if {@code sql} is blank or {@code line} is below 1
   */
  public SqlStatement {
    Objects.requireNonNull(sql, "sql");
    if (sql.isBlank()) {
      throw new IllegalArgumentException("sql must not be blank");
    }
    if (line < 1) {
      throw new IllegalArgumentException("line must be at least 1: " + line);
    }
  }
}
