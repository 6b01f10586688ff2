package io.github.d1java.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of an SQL text as SQLite tokenizes them, enough to classify a statement and to find the
 * names it uses: identifiers (quoted ones unquoted) and keywords, lower case, and {@code .}; string
 * and blob literals, numbers, comments and other punctuation are skipped. Immutable.
 */
final class SqlWords {

  private static final Set<String> READ_FIRST = Set.of("select", "values", "with", "explain");
  private static final Set<String> WRITE_WORDS =
      Set.of("insert", "update", "delete", "replace", "create", "drop", "alter");

  private final List<String> words;
  private final List<String> literals;

  private SqlWords(List<String> words, List<String> literals) {
    this.words = words;
    this.literals = literals;
  }

  static SqlWords of(String sql) {
    List<String> out = new ArrayList<>();
    List<String> literals = new ArrayList<>();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '\'') {
        int end = skipQuoted(sql, i, '\'');
        String body = sql.substring(i + 1, Math.max(i + 1, end - 1));
        literals.add(body.replace("''", "'").toLowerCase(Locale.ROOT));
        i = end;
      } else if (c == '"' || c == '`') {
        int end = skipQuoted(sql, i, c);
        String body = sql.substring(i + 1, Math.max(i + 1, end - 1));
        out.add(body.replace(String.valueOf(c) + c, String.valueOf(c)).toLowerCase(Locale.ROOT));
        i = end;
      } else if (c == '[') {
        int end = sql.indexOf(']', i);
        end = end < 0 ? n : end;
        out.add(sql.substring(i + 1, end).toLowerCase(Locale.ROOT));
        i = end + 1;
      } else if ((c == 'x' || c == 'X') && i + 1 < n && sql.charAt(i + 1) == '\'') {
        i = skipQuoted(sql, i + 1, '\'');
      } else if (Character.isLetter(c) || c == '_' || c > 127) {
        int start = i;
        while (i < n
            && (Character.isLetterOrDigit(sql.charAt(i))
                || sql.charAt(i) == '_'
                || sql.charAt(i) == '$'
                || sql.charAt(i) > 127)) {
          i++;
        }
        out.add(sql.substring(start, i).toLowerCase(Locale.ROOT));
      } else if (Character.isDigit(c)) {
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
      } else if (c == '.') {
        out.add(".");
        i++;
      } else if (c == '=' || c == '<' || c == '>' || c == '!') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == ';') {
        out.add(";");
        i++;
      } else if ((c == '?' || c == ':' || c == '@' || c == '$')) {
        i++;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
          i++;
        }
      } else {
        i++;
      }
    }
    return new SqlWords(out, literals);
  }

  private static int skipQuoted(String sql, int i, char quote) {
    int n = sql.length();
    int j = i + 1;
    while (j < n) {
      if (sql.charAt(j) == quote) {
        if (j + 1 < n && sql.charAt(j + 1) == quote) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return n;
  }

  List<String> words() {
    return words;
  }

  /** The string literals, unquoted, lower case. */
  List<String> literals() {
    return literals;
  }

  boolean contains(String word) {
    return words.contains(word);
  }

  String first() {
    for (String w : words) {
      if (!w.equals(";")) {
        return w;
      }
    }
    return "";
  }

  /** Whether the statement only reads: SELECT, VALUES, WITH or EXPLAIN without a write verb. */
  boolean isRead() {
    String first = first();
    if (first.equals("pragma")) {
      // PRAGMA x, PRAGMA x(y) read; PRAGMA x = y writes
      return !words.contains("=");
    }
    if (!READ_FIRST.contains(first)) {
      return false;
    }
    for (String w : words) {
      if (WRITE_WORDS.contains(w)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the statement changes the schema. */
  boolean isDdl() {
    String first = first();
    return first.equals("create") || first.equals("drop") || first.equals("alter");
  }

  /**
   * The objects a write statement writes or defines: INSERT/REPLACE INTO t, UPDATE t, DELETE FROM
   * t, CREATE/DROP TABLE|VIEW|INDEX|TRIGGER n (and the table of an index or trigger), ALTER TABLE
   * t. Null when they cannot be told.
   */
  List<String> targets() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      switch (w) {
        case "into":
          addName(out, i + 1);
          break;
        case "update":
          int j = i + 1;
          if (j < words.size() && words.get(j).equals("or")) {
            j += 2;
          }
          addName(out, j);
          break;
        case "from":
          if (i > 0 && words.get(i - 1).equals("delete")) {
            addName(out, i + 1);
          }
          break;
        case "table":
        case "view":
        case "index":
        case "trigger":
          if (i > 0
              && (words.get(i - 1).equals("create")
                  || words.get(i - 1).equals("drop")
                  || words.get(i - 1).equals("alter")
                  || words.get(i - 1).equals("temp")
                  || words.get(i - 1).equals("temporary")
                  || words.get(i - 1).equals("unique")
                  || words.get(i - 1).equals("virtual"))) {
            int k = i + 1;
            while (k < words.size()
                && (words.get(k).equals("if")
                    || words.get(k).equals("not")
                    || words.get(k).equals("exists"))) {
              k++;
            }
            addName(out, k);
          }
          break;
        case "on":
          if (words.contains("index") || words.contains("trigger")) {
            addName(out, i + 1);
          }
          break;
        default:
          break;
      }
    }
    return out.isEmpty() ? null : out;
  }

  private void addName(List<String> out, int i) {
    if (i >= words.size()) {
      return;
    }
    String name = words.get(i);
    if (i + 2 < words.size() && words.get(i + 1).equals(".")) {
      name = words.get(i + 2);
    }
    out.add(name);
  }
}
