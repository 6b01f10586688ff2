package io.github.d1java.testkit.server.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits an SQL file into statements the way D1's import does server-side: on {@code ;} outside
 * strings, quoted identifiers, comments and trigger bodies ({@code BEGIN ... END}, with nested
 * {@code CASE ... END}). Statements that are empty or only comments are dropped. Stateless.
 */
public final class SqlSplitter {

  private SqlSplitter() {}

  /**
   * @param sql the text
   * @return the statements, trimmed, without their final {@code ;}
   */
  public static List<String> split(String sql) {
    List<String> out = new ArrayList<>();
    int n = sql.length();
    int start = 0;
    int depth = 0;
    int words = 0;
    boolean trigger = false;
    boolean hasCode = false;
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int nl = sql.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
        char close = c == '[' ? ']' : c;
        int end = sql.indexOf(close, i + 1);
        i = end < 0 ? n : end + 1;
        hasCode = true;
      } else if (c == ';' && depth == 0) {
        add(out, sql.substring(start, i), hasCode);
        start = i + 1;
        words = 0;
        trigger = false;
        hasCode = false;
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int s = i;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
          i++;
        }
        String w = sql.substring(s, i).toUpperCase(Locale.ROOT);
        words++;
        hasCode = true;
        if (words <= 3 && w.equals("TRIGGER")) {
          trigger = true;
        } else if (trigger && (w.equals("BEGIN") || w.equals("CASE"))) {
          depth++;
        } else if (trigger && w.equals("END") && depth > 0) {
          depth--;
        }
      } else {
        if (!Character.isWhitespace(c)) {
          hasCode = true;
        }
        i++;
      }
    }
    add(out, sql.substring(start), hasCode);
    return out;
  }

  private static void add(List<String> out, String statement, boolean hasCode) {
    String s = statement.trim();
    if (hasCode && !s.isEmpty()) {
      out.add(s);
    }
  }
}
