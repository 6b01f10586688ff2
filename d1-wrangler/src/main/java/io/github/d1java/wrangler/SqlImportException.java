package io.github.d1java.wrangler;

import io.github.d1java.D1Exception;

/**
 * A statement of a SQL file failed. The detail is {@code Error on line <n>: <D1 message>}, where
 * the line is the 1-based line on which the failing statement starts; the D1 exception is the
 * cause. Chunks before the failing one stay committed ({@link #committedStatements()});
 * the failing chunk is rolled back.
 *
 * <p>Immutable and thread-safe.
 */
public class SqlImportException extends WranglerException {

  private static final long serialVersionUID = 1L;

  private final long line;
  private final long committedStatements;

  /**
   * @param line the 1-based line where the failing statement starts
   * @param committedStatements statements committed before the failure
   * @param failure what D1 raised; not null
   */
  public SqlImportException(long line, long committedStatements, D1Exception failure) {
    super("Error on line " + line + ": " + failure.getMessage(), failure);
    this.line = line;
    this.committedStatements = committedStatements;
  }

  /**
   * @return the 1-based line where the failing statement starts
   */
  public long line() {
    return line;
  }

  /**
   * @return how many statements were committed before the failure
   */
  public long committedStatements() {
    return committedStatements;
  }

  /**
   * @return the D1 exception the statement raised
   */
  public D1Exception failure() {
    return (D1Exception) getCause();
  }
}
