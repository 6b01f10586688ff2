package io.github.d1java.wrangler.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/** Writes SQL literals the way D1's {@code dumpSql} does, with the divergences noted per method. */
public final class SqlLiterals {

  private SqlLiterals() {}

  /**
   * A double-quoted identifier with {@code "} doubled.
   *
   * @param name the identifier
   * @return the quoted identifier
   */
  public static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /**
   * The SQL literal of a value read from a D1 database.
   *
   * <p>Divergences from D1, so that export then import gives the same database: integers keep all
   * 64 bits (D1 rounds above 2^53); a REAL whose JavaScript text looks like an integer gets {@code
   * .0} so it stays REAL; ±Infinity is {@code 1e999}/{@code -1e999}; and a string holding a literal
   * backslash-n or backslash-r gets a marker that does not occur in it (D1 always uses {@code \n},
   * which corrupts such strings).
   *
   * @param value null, a {@link Number}, a {@link String}, a {@code byte[]} or a list of byte
   *     values (D1's BLOB form)
   * @return the literal
   * @throws IllegalArgumentException for any other type
   */
  public static String literal(Object value) {
    return appendLiteral(new StringBuilder(), value).toString();
  }

  /**
   * Appends {@link #literal(Object) the SQL literal} of a value, without intermediate strings for
   * the common cases (integers, plain text, blobs): the export's hot path.
   *
   * @param sb where to append
   * @param value as for {@link #literal(Object)}
   * @return {@code sb}
   * @throws IllegalArgumentException for an unsupported type
   */
  public static StringBuilder appendLiteral(StringBuilder sb, Object value) {
    if (value == null) {
      return sb.append("NULL");
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return sb.append(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      return sb.append(real(((Number) value).doubleValue()));
    }
    if (value instanceof String) {
      return appendString(sb, (String) value);
    }
    if (value instanceof byte[]) {
      return appendHex(sb, (byte[]) value);
    }
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      byte[] bytes = new byte[list.size()];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = ((Number) list.get(i)).byteValue();
      }
      return appendHex(sb, bytes);
    }
    throw new IllegalArgumentException(
        "Cannot export a value of type " + value.getClass().getName());
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private static StringBuilder appendHex(StringBuilder sb, byte[] bytes) {
    sb.append("X'");
    for (byte b : bytes) {
      sb.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
    }
    return sb.append('\'');
  }

  /** {@link #string(String)}, appended; text without CR, LF or NUL is copied in one pass. */
  private static StringBuilder appendString(StringBuilder sb, String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\r' || c == '\n' || c == '\0') {
        return sb.append(string(s));
      }
    }
    sb.append('\'');
    int from = 0;
    for (int i = s.indexOf('\''); i >= 0; i = s.indexOf('\'', i + 1)) {
      sb.append(s, from, i + 1).append('\'');
      from = i + 1;
    }
    return sb.append(s, from, n).append('\'');
  }

  /**
   * A REAL literal: JavaScript's {@code Number.prototype.toString}, plus {@code .0} when that looks
   * like an integer.
   *
   * @param d the value
   * @return the literal
   */
  public static String real(double d) {
    if (Double.isNaN(d)) {
      return "NULL";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "1e999" : "-1e999";
    }
    String js = jsNumber(d);
    return js.indexOf('.') >= 0 || js.indexOf('e') >= 0 ? js : js + ".0";
  }

  /**
   * JavaScript's {@code Number.prototype.toString} for a finite double (ECMA-262 Number::toString,
   * radix 10): {@code 3}, {@code 0.1}, {@code 1e+21}, {@code 1e-7}.
   *
   * @param d a finite value
   * @return the text
   */
  public static String jsNumber(double d) {
    if (d == 0) {
      return "0";
    }
    double abs = Math.abs(d);
    String decimal = fewDecimals(d < 0, abs);
    if (decimal != null) {
      return decimal;
    }
    String java = Double.toString(abs);
    int e = java.indexOf('E');
    String mantissa = e < 0 ? java : java.substring(0, e);
    int dot = mantissa.indexOf('.');
    String all = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
    int lead = 0;
    while (lead < all.length() - 1 && all.charAt(lead) == '0') {
      lead++;
    }
    int end = all.length();
    while (end > lead + 1 && all.charAt(end - 1) == '0') {
      end--;
    }
    if (end - lead > 15 || abs < Double.MIN_NORMAL) {
      // Up to 15 digits are the shortest round trip of a normal double (DBL_DIG is 15); 16 or 17
      // digits, or a subnormal's fewer bits of precision, may allow fewer.
      return jsNumberExact(d);
    }
    int n = dot + (e < 0 ? 0 : Integer.parseInt(java.substring(e + 1))) - lead;
    return format(d < 0, all.substring(lead, end), n);
  }

  private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
  private static final double MAX_DIGITS = 1e15;

  /**
   * The common case of a value with at most 6 decimals and 15 digits (prices, measures): the first
   * {@code k} for which {@code m = rint(abs * 10^k)} divided by {@code 10^k} gives back {@code abs}
   * makes {@code m * 10^-k} the shortest decimal that reads back as {@code abs} (both operands are
   * exact doubles and the division is correctly rounded, so it is exactly what parsing would give;
   * with at most 15 digits no other decimal of as few digits reads back the same).
   *
   * @return the text, or null when the value is not of that kind
   */
  private static String fewDecimals(boolean negative, double abs) {
    if (abs >= MAX_DIGITS || abs < 1e-6) {
      return null;
    }
    for (int k = 0; k < POW10.length; k++) {
      double m = Math.rint(abs * POW10[k]);
      if (m >= MAX_DIGITS) {
        return null;
      }
      if (m / POW10[k] == abs) {
        String digits = Long.toString((long) m);
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
          end--;
        }
        return format(negative, digits.substring(0, end), digits.length() - k);
      }
    }
    return null;
  }

  /**
   * {@link #jsNumber} by search: the fewest digits that read back as the same double.
   *
   * @param d a finite, non-zero value
   * @return the text
   */
  static String jsNumberExact(double d) {
    double abs = Math.abs(d);
    BigDecimal bd = new BigDecimal(Double.toString(abs)).stripTrailingZeros();
    // Java 17's Double.toString is not always the shortest round-trip form (JDK-4511638);
    // JavaScript's is, so drop digits while the value still reads back the same.
    for (int p = bd.precision() - 1; p > 0; p--) {
      BigDecimal shorter = bd.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (shorter.doubleValue() != abs) {
        break;
      }
      bd = shorter.stripTrailingZeros();
    }
    String digits = bd.unscaledValue().toString();
    return format(d < 0, digits, digits.length() - bd.scale());
  }

  /** ECMA-262 Number::toString from the digits and the decimal point's position {@code n}. */
  private static String format(boolean negative, String digits, int n) {
    int k = digits.length();
    StringBuilder sb = new StringBuilder(k + 8);
    if (negative) {
      sb.append('-');
    }
    if (k <= n && n <= 21) {
      sb.append(digits).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      sb.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      sb.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      int e = n - 1;
      sb.append(digits.charAt(0));
      if (k > 1) {
        sb.append('.').append(digits, 1, k);
      }
      sb.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return sb.toString();
  }

  /**
   * A TEXT literal, as SQLite shell's {@code output_quoted_escaped_string}: {@code '} doubled, CR
   * and LF written as markers and restored with {@code replace(..., char(13|10))}. Text holding
   * NUL, which SQLite cannot read in SQL text, is written as {@code CAST(X'..' AS TEXT)}.
   *
   * @param s the text
   * @return the literal
   */
  public static String string(String s) {
    if (s.indexOf('\0') >= 0) {
      // SQLite's tokenizer stops at NUL, so such text can only travel as hex.
      return "CAST(X'"
          + HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8))
          + "' AS TEXT)";
    }
    boolean cr = s.indexOf('\r') >= 0;
    boolean lf = s.indexOf('\n') >= 0;
    String body = s.replace("'", "''");
    String crMarker = cr ? marker(s, "\\r") : null;
    String lfMarker = lf ? marker(s, "\\n") : null;
    if (cr) {
      body = body.replace("\r", crMarker);
    }
    if (lf) {
      body = body.replace("\n", lfMarker);
    }
    String out = "'" + body + "'";
    if (cr) {
      out = "replace(" + out + ",'" + crMarker + "',char(13))";
    }
    if (lf) {
      out = "replace(" + out + ",'" + lfMarker + "',char(10))";
    }
    return out;
  }

  private static String marker(String s, String preferred) {
    String m = preferred;
    for (int i = 0; s.contains(m); i++) {
      m = preferred + "$" + i + "$";
    }
    return m;
  }
}
