package io.github.d1java.spi;

import io.github.d1java.D1TypeException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * D1's bind-value conversion, shared by every backend so they accept and reject the same values.
 * Stateless and thread-safe.
 */
public final class D1Values {

  private D1Values() {}

  /**
   * Converts bind values: null stays null; Boolean becomes 1L or 0L; Byte, Short, Integer and Long
   * become Long; Float and Double become Double (NaN and infinities become null, as D1's JSON
   * transport makes them); String stays; {@code byte[]} and {@link ByteBuffer} become a copy of the
   * bytes.
   *
   * @param values the values given to {@code bind}; null is taken as one null value, as Java's
   *     varargs pass {@code bind((Object[]) null)}
   * @return an unmodifiable list of converted values
   * @throws D1TypeException for any other type, with D1's text
   */
  public static List<Object> toBindValues(Object... values) {
    if (values == null) {
      return Collections.singletonList(null);
    }
    List<Object> out = new ArrayList<>(values.length);
    for (Object v : values) {
      out.add(toBindValue(v));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Converts one bind value; see {@link #toBindValues(Object...)}.
   *
   * @param value the value
   * @return the converted value
   * @throws D1TypeException for an unsupported type
   */
  public static Object toBindValue(Object value) {
    if (value == null || value instanceof String || value instanceof Long) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? (Object) d : null;
    }
    if (value instanceof Boolean) {
      return ((Boolean) value) ? 1L : 0L;
    }
    if (value instanceof byte[]) {
      return ((byte[]) value).clone();
    }
    if (value instanceof ByteBuffer) {
      ByteBuffer b = ((ByteBuffer) value).duplicate();
      byte[] bytes = new byte[b.remaining()];
      b.get(bytes);
      return bytes;
    }
    if (value instanceof BigInteger) {
      throw new D1TypeException("bigint", value.toString());
    }
    throw new D1TypeException("object", jsString(value));
  }

  /** The text JavaScript's {@code String(v)} gives for the nearest JS value, as D1 prints it. */
  private static String jsString(Object value) {
    if (value instanceof Map) {
      return "[object Object]";
    }
    if (value instanceof Collection) {
      StringJoiner j = new StringJoiner(",");
      for (Object o : (Collection<?>) value) {
        j.add(o == null ? "" : jsString(o));
      }
      return j.toString();
    }
    if (value.getClass().isArray()) {
      StringJoiner j = new StringJoiner(",");
      int n = java.lang.reflect.Array.getLength(value);
      for (int i = 0; i < n; i++) {
        Object o = java.lang.reflect.Array.get(value, i);
        j.add(o == null ? "" : jsString(o));
      }
      return j.toString();
    }
    return String.valueOf(value);
  }
}
