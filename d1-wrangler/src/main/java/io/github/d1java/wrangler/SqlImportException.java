package io.github.d1java.wrangler;

import io.github.d1java.D1Exception;

/**
 * A statement of a SQL file failed, or the file holds something that is not SQL text. The detail is
 * {@code Error on line <n>: <message>}, where the line is the 1-based line on which the failing
 * statement (or the bad byte) is, and the message is D1's, sometimes followed by what to do about
 * it; the D1 exception, when there is one, is the cause. Chunks before the failing one stay
 * committed ({@link #committedStatements()}); the failing chunk is rolled back.
 *
 * <p>Immutable and thread-safe.
 */
public class SqlImportException extends WranglerException {

  private static final long serialVersionUID = 1L;

  private final long line;
  private final long committedStatements;
  private final String explanation;

  /**
   * @param line the 1-based line where the failing statement starts
   * @param committedStatements statements committed before the failure
   * @param failure what D1 raised; not null
   */
  public SqlImportException(long line, long committedStatements, D1Exception failure) {
    this(line, committedStatements, failure, null);
  }

  /**
   * @param line the 1-based line where the failing statement starts
   * @param committedStatements statements committed before the failure
   * @param failure what D1 raised; not null
   * @param hint what is wrong and how to fix it, appended to D1's message; null for none
   */
  public SqlImportException(long line, long committedStatements, D1Exception failure, String hint) {
    super(
        "Error on line " + line + ": " + failure.getMessage() + (hint == null ? "" : " " + hint),
        failure);
    this.line = line;
    this.committedStatements = committedStatements;
    this.explanation = failure.detail() + (hint == null ? "" : " " + hint);
  }

  /**
   * A file that is not SQL text at {@code line}, with no D1 error behind it.
   *
   * @param line the 1-based line of the bad bytes
   * @param committedStatements statements committed before the bad bytes were read
   * @param message what is wrong and how to fix it; not null
   */
  SqlImportException(long line, long committedStatements, String message) {
    super("Error on line " + line + ": " + message);
    this.line = line;
    this.committedStatements = committedStatements;
    this.explanation = message;
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
   * What went wrong on {@link #line()}, for people: D1's detail without its {@code D1_ERROR: }
   * prefix, followed by what to do about it where this library knows.
   *
   * @return the explanation; never null
   */
  public String explanation() {
    return explanation;
  }

  /**
   * @return the D1 exception the statement raised, or null when the file itself is not SQL text
   *     (invalid UTF-8)
   */
  public D1Exception failure() {
    return (D1Exception) getCause();
  }
}
