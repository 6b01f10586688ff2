package io.github.d1java;

/**
 * {@code D1_NETWORK_ERROR}: the HTTP exchange with the remote API failed (connection refused or
 * dropped, a server error, a response that is not the D1 envelope). Whether it is retryable is set
 * by the backend: a dropped connection during a write is not, unless the write is idempotent.
 */
public class D1TransportException extends D1Exception {

  private static final long serialVersionUID = 1L;

  private final int status;

  /**
   * @param status the HTTP status, or -1 when no response arrived
   * @param detail what went wrong; not null
   * @param underlying the underlying exception, or null
   * @param retryable whether a retry may succeed
   */
  public D1TransportException(int status, String detail, Throwable underlying, boolean retryable) {
    super(D1_NETWORK_ERROR, detail, detail, underlying, retryable);
    this.status = status;
  }

  /**
   * @return the HTTP status, or -1 when no response arrived
   */
  public int status() {
    return status;
  }
}
