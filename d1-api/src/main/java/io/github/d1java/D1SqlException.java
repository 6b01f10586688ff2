package io.github.d1java;

/**
 * {@code D1_ERROR}: the SQL failed, D1 rejected it, or the engine failed. The detail ends with
 * SQLite's code where SQLite produced the error: {@code near "SELEC": syntax error at offset 0:
 * SQLITE_ERROR}.
 */
public class D1SqlException extends D1Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Creates a {@code D1_ERROR}. Prefer {@link #of(String, Throwable)}, which picks {@link
   * D1ConstraintException} for constraint failures.
   *
   * @param detail the message without {@code D1_ERROR: }; not null
   * @param underlying the underlying exception, or null
   * @param retryable whether a retry may succeed
   */
  public D1SqlException(String detail, Throwable underlying, boolean retryable) {
    super(D1_ERROR, detail, detail, underlying, retryable);
  }

  /**
   * Creates the right {@code D1_ERROR} subclass for this detail.
   *
   * @param detail the message without {@code D1_ERROR: }; not null
   * @param underlying the underlying exception, or null
   * @return a {@link D1ConstraintException} when the detail carries {@code SQLITE_CONSTRAINT}, else
   *     a {@link D1SqlException}
   */
  public static D1SqlException of(String detail, Throwable underlying) {
    D1SqlException e = new D1SqlException(detail, underlying, false);
    if ("SQLITE_CONSTRAINT".equals(e.sqliteCode())) {
      return new D1ConstraintException(detail, underlying);
    }
    return e;
  }
}
