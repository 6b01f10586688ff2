package io.github.d1java;

/**
 * {@code D1_TIMEOUT}: the request, with its retries, did not finish within the configured deadline.
 * The last attempt's failure, if any, is the cause's cause.
 */
public class D1TimeoutException extends D1Exception {

  private static final long serialVersionUID = 1L;

  /**
   * @param detail what timed out; not null
   * @param lastFailure the last attempt's failure, or null
   */
  public D1TimeoutException(String detail, Throwable lastFailure) {
    super(D1_TIMEOUT, detail, detail, lastFailure, false);
  }
}
