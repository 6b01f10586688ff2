package io.github.d1java;

/**
 * {@code D1_EXEC_ERROR}: {@code exec} failed. As in D1 the detail always names line 1 and quotes
 * the first line, whichever line failed: {@code D1_EXEC_ERROR: Error in line 1: INSERT INTO t
 * VALUES (1): near "SELEC": syntax error at offset 0: SQLITE_ERROR}. The underlying {@link
 * D1Exception}, when there is one, is the cause's cause.
 */
public class D1ExecException extends D1Exception {

  private static final long serialVersionUID = 1L;

  /**
   * @param detail the message without {@code D1_EXEC_ERROR: }; not null
   * @param underlying the failing statement's exception, or null
   */
  public D1ExecException(String detail, Throwable underlying) {
    super(
        D1_EXEC_ERROR,
        detail,
        detail,
        underlying,
        underlying instanceof D1Exception && ((D1Exception) underlying).isRetryable());
  }
}
