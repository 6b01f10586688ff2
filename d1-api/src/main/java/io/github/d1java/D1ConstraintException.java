package io.github.d1java;

/**
 * A {@code D1_ERROR} from a violated constraint (UNIQUE, NOT NULL, FOREIGN KEY, CHECK, PRIMARY KEY,
 * STRICT datatype): {@link #sqliteCode()} is {@code SQLITE_CONSTRAINT} and {@link
 * #sqliteExtendedCode()}, when D1 reports it, names which.
 */
public class D1ConstraintException extends D1SqlException {

  private static final long serialVersionUID = 1L;

  /**
   * @param detail the message without {@code D1_ERROR: }; not null
   * @param underlying the underlying exception, or null
   */
  public D1ConstraintException(String detail, Throwable underlying) {
    super(detail, underlying, false);
  }
}
