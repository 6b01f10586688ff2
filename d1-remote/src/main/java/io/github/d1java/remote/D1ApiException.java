package io.github.d1java.remote;

import io.github.d1java.D1Exception;

/**
 * {@code D1_API_ERROR}: the REST API refused a request for a reason that is not an SQL error:
 * a database or route that does not exist (HTTP 404, codes 7404 and 7003), a database name already
 * taken (7502), an account limit (7406), a malformed request (7400 outside SQL), a failed export
 * or import. SQL errors are {@link io.github.d1java.D1SqlException}s, as in the binding.
 *
 * <p>Immutable and thread-safe. The message never contains the API token.
 */
public class D1ApiException extends D1Exception {

  private static final long serialVersionUID = 1L;

  /** Code of REST API errors that are not SQL errors; not a D1 binding code. */
  public static final String D1_API_ERROR = "D1_API_ERROR";

  private final int status;
  private final int apiCode;

  /**
   * @param status the HTTP status, or -1 when not from an HTTP response
   * @param apiCode the envelope's {@code errors[0].code}, or 0 when there was none
   * @param detail what the API said, without the token; not null
   * @param retryable whether a retry may succeed
   */
  public D1ApiException(int status, int apiCode, String detail, boolean retryable) {
    super(D1_API_ERROR, detail, detail, null, retryable);
    this.status = status;
    this.apiCode = apiCode;
  }

  /**
   * @return the HTTP status, or -1 when not from an HTTP response
   */
  public int status() {
    return status;
  }

  /**
   * @return Cloudflare's error code (e.g. 7404), or 0 when the response had none
   */
  public int apiCode() {
    return apiCode;
  }
}
