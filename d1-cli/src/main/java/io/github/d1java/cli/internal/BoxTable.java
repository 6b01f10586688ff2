package io.github.d1java.cli.internal;

import java.util.ArrayList;
import java.util.List;

/** Draws rows as wrangler does (cli-table3's default box, a rule between every row). */
final class BoxTable {

  private BoxTable() {}

  /**
   * @param columns the header cells
   * @param rows the body cells, as already formatted text, one list per row
   * @return the table, one line per row and rule, each ending in a newline
   */
  public static String render(List<String> columns, List<List<String>> rows) {
    int[] widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = width(columns.get(i));
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], width(row.get(i)));
      }
    }
    StringBuilder sb = new StringBuilder();
    rule(sb, widths, '┌', '┬', '┐');
    line(sb, widths, columns);
    for (List<String> row : rows) {
      rule(sb, widths, '├', '┼', '┤');
      line(sb, widths, row);
    }
    rule(sb, widths, '└', '┴', '┘');
    return sb.toString();
  }

  /**
   * The text of a cell: null as {@code null}, BLOBs as {@code [1, 2]}, numbers as JavaScript prints
   * them.
   *
   * @param value a value read from D1
   * @return the cell text
   */
  public static String cell(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return ((String) value).replace("\r", "").replace('\n', ' ');
    }
    if (value instanceof byte[]) {
      return Json.blobText((byte[]) value);
    }
    if (value instanceof Double) {
      double d = (Double) value;
      return Double.isNaN(d) || Double.isInfinite(d)
          ? "null"
          : io.github.d1java.wrangler.JsNumber.toString(d);
    }
    return String.valueOf(value);
  }

  /**
   * @param rows values read from D1
   * @return their cell texts
   */
  public static List<List<String>> cells(List<List<Object>> rows) {
    List<List<String>> out = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      List<String> cells = new ArrayList<>(row.size());
      for (Object v : row) {
        cells.add(cell(v));
      }
      out.add(cells);
    }
    return out;
  }

  /**
   * Terminal columns a text takes, as the {@code string-width} package wrangler's tables use: East
   * Asian wide characters and emoji count 2, combining marks 0.
   *
   * @param s the text
   * @return its display width
   */
  public static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK
          || type == Character.ENCLOSING_MARK
          || type == Character.FORMAT
          || cp == 0xFE0F) {
        continue;
      }
      w += wide(cp) ? 2 : 1;
    }
    return w;
  }

  private static final int[] WIDE = {
    0x1100, 0x115F, 0x231A, 0x231B, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3,
    0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693,
    0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE,
    0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA,
    0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728, 0x274C, 0x274C,
    0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797, 0x27B0, 0x27B0,
    0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55, 0x2E80, 0x303E,
    0x3041, 0xA4CF, 0xAC00, 0xD7A3, 0xF900, 0xFAFF, 0xFE30, 0xFE4F, 0xFF00, 0xFF60,
    0xFFE0, 0xFFE6, 0x1F300, 0x1F64F, 0x1F680, 0x1F6FF, 0x1F900, 0x1F9FF, 0x1FA70, 0x1FAFF,
    0x20000, 0x3FFFD
  };

  private static boolean wide(int cp) {
    for (int i = 0; i < WIDE.length; i += 2) {
      if (cp < WIDE[i]) {
        return false;
      }
      if (cp <= WIDE[i + 1]) {
        return true;
      }
    }
    return false;
  }

  private static void rule(StringBuilder sb, int[] widths, char left, char mid, char right) {
    sb.append(left);
    for (int i = 0; i < widths.length; i++) {
      sb.append(i == 0 ? "" : String.valueOf(mid)).append("─".repeat(widths[i] + 2));
    }
    sb.append(right).append('\n');
  }

  private static void line(StringBuilder sb, int[] widths, List<String> cells) {
    sb.append('│');
    for (int i = 0; i < widths.length; i++) {
      String c = cells.get(i);
      sb.append(' ').append(c).append(" ".repeat(widths[i] - width(c))).append(" │");
    }
    sb.append('\n');
  }
}
