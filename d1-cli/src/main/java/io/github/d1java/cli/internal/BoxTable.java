package io.github.d1java.cli.internal;

import java.util.ArrayList;
import java.util.List;

/** Draws rows as wrangler does (cli-table3's default box, a rule between every row). */
public final class BoxTable {

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
   * The text of a cell: null as {@code null}, BLOBs as {@code [1, 2]}, numbers as JavaScript
   * prints them.
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
          : io.github.d1java.wrangler.internal.SqlLiterals.jsNumber(d);
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

  private static int width(String s) {
    return s.codePointCount(0, s.length());
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
      sb.append(' ').append(c).append(" ".repeat(widths[i] - c.codePointCount(0, c.length())))
          .append(" │");
    }
    sb.append('\n');
  }
}
