package io.github.d1java;

/**
 * {@code D1_AUTH_ERROR}: the remote API rejected the credentials (HTTP 401 or 403). The message
 * never contains the API token. Not retryable.
 */
public class D1AuthenticationException extends D1Exception {

  private static final long serialVersionUID = 1L;

  private final int status;

  /**
   * @param status the HTTP status
   * @param detail what the API said, without the token; not null
   */
  public D1AuthenticationException(int status, String detail) {
    super(D1_AUTH_ERROR, detail, detail, null, false);
    this.status = status;
  }

  /**
   * @return the HTTP status, 401 or 403
   */
  public int status() {
    return status;
  }
}
