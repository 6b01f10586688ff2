package io.github.d1java.remote.internal;

import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

/** Renders bound values for debug logs (blobs as short hex). Stateless. */
final class Printing {

  private Printing() {}

  static String params(List<Object> params) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    for (Object p : params) {
      if (p instanceof byte[]) {
        byte[] b = (byte[]) p;
        String hex = HexFormat.of().formatHex(b, 0, Math.min(b.length, 16));
        j.add("x'" + hex + (b.length > 16 ? "...' (" + b.length + " bytes)" : "'"));
      } else if (p instanceof String) {
        j.add("'" + p + "'");
      } else {
        j.add(String.valueOf(p));
      }
    }
    return j.toString();
  }
}
