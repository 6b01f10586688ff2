package io.github.d1java.wrangler;

import io.github.d1java.D1Exception;

/**
 * A wrangler-side failure that is not an SQL error: an unreadable or invalid wrangler config, an
 * unknown binding, a missing SQL file, an SQL file wrangler would refuse. The message is {@code
 * D1_WRANGLER_ERROR: <detail>}; {@link #detail()} is the one-line text the {@code d1} command
 * prints, and it names the file and key involved.
 *
 * <p>Immutable and thread-safe.
 */
public class WranglerException extends D1Exception {

  private static final long serialVersionUID = 1L;

  /** The code of every {@code WranglerException}. */
  public static final String D1_WRANGLER_ERROR = "D1_WRANGLER_ERROR";

  /**
   * @param detail the one-line message; not null
   */
  public WranglerException(String detail) {
    this(detail, null);
  }

  /**
   * @param detail the one-line message; not null
   * @param underlying the failure behind it, or null
   */
  public WranglerException(String detail, Throwable underlying) {
    super(D1_WRANGLER_ERROR, detail, null, underlying, false);
  }
}
