package io.github.d1java.wrangler;

import io.github.d1java.wrangler.internal.SqlLiterals;

/**
 * Numbers as JavaScript prints them, for output that must read as wrangler's (its JSON, its tables
 * and its SQL dumps all go through {@code Number.prototype.toString}).
 *
 * <p>Stateless and thread-safe.
 */
public final class JsNumber {

  private JsNumber() {}

  /**
   * JavaScript's {@code Number.prototype.toString} for a finite double (ECMA-262 Number::toString,
   * radix 10): {@code 3}, {@code 0.1}, {@code 1e+21}, {@code 1e-7}.
   *
   * @param value a finite value
   * @return the text; never null
   * @throws IllegalArgumentException if {@code value} is NaN or infinite
   */
  public static String toString(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("value must be finite, was " + value);
    }
    return SqlLiterals.jsNumber(value);
  }
}
