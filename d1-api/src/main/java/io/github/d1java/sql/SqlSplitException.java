package io.github.d1java.sql;

import io.github.d1java.D1SqlException;

/**
 * {@code D1_ERROR}: SQL text that cannot be split into statements, for example because a string
 * literal is never closed, or because it holds several transactions (see {@link
 * SqlSplitter#stripTransaction(java.util.List)}). The message names the 1-based line where the
 * problem starts.
 */
public final class SqlSplitException extends D1SqlException {

  private static final long serialVersionUID = 1L;

  /** Wrangler's text for SQL files with more than one transaction, reproduced exactly. */
  public static final String SEVERAL_TRANSACTIONS =
      "Wrangler could not process the provided SQL file, as it contains several transactions.\n"
          + "D1 runs your SQL in a transaction for you.\n"
          + "Please export an SQL file from your SQLite database and try again.";

  private final long line;

  /**
   * Creates the exception.
   *
   * @param detail the message without {@code D1_ERROR: }; not null
   * @param line the 1-based line where the problem starts
   */
  public SqlSplitException(String detail, long line) {
    super(detail, null, false);
    this.line = line;
  }

  /**
   * The 1-based line where the problem starts.
   *
   * @return the line number
   */
  public long line() {
    return line;
  }
}
