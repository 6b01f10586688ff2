package io.github.d1java;

import java.time.Duration;

/**
 * {@code D1_RATE_LIMITED}: the remote API answered HTTP 429. Retryable; {@link #retryAfter()}
 * carries the server's {@code Retry-After} when it sent one.
 */
public class D1RateLimitException extends D1Exception {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * @param detail what the API said; not null
   * @param retryAfter the server's {@code Retry-After}, or null
   */
  public D1RateLimitException(String detail, Duration retryAfter) {
    super(D1_RATE_LIMITED, detail, detail, null, true);
    this.retryAfter = retryAfter;
  }

  /**
   * @return the delay the server asked for, or null if it named none
   */
  public Duration retryAfter() {
    return retryAfter;
  }
}
