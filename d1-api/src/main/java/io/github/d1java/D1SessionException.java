package io.github.d1java;

/** {@code D1_SESSION_ERROR}: an invalid bookmark or constraint. */
public class D1SessionException extends D1Exception {

  private static final long serialVersionUID = 1L;

  /**
   * @param detail the message without {@code D1_SESSION_ERROR: }; not null
   */
  public D1SessionException(String detail) {
    super(D1_SESSION_ERROR, detail, detail, null, false);
  }
}
