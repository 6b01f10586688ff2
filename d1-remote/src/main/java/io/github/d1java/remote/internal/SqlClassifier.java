package io.github.d1java.remote.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A small SQL scanner that skips strings, quoted identifiers and comments. It decides,
 * conservatively, whether SQL only reads (a single {@code SELECT}, {@code EXPLAIN}, {@code WITH}
 * or {@code VALUES} statement naming no writing keyword; anything unsure counts as a write), and
 * splits a text into its statements. Stateless.
 */
public final class SqlClassifier {

  private static final Set<String> READ_START = Set.of("SELECT", "EXPLAIN", "WITH", "VALUES");
  private static final Set<String> WRITES =
      Set.of("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "PRAGMA",
          "ATTACH", "DETACH", "VACUUM", "REINDEX", "ANALYZE", "BEGIN", "COMMIT", "SAVEPOINT",
          "RELEASE", "ROLLBACK", "RETURNING", "INTO");

  /**
   * One statement of a text.
   *
   * @param sql the statement's text, without its {@code ;}
   * @param hasParameters whether it has a {@code ?}, {@code :name}, {@code @name} or {@code $name}
   */
  public record Statement(String sql, boolean hasParameters) {}

  private SqlClassifier() {}

  /**
   * Whether running {@code sql} cannot change the database.
   *
   * @param sql the SQL; not null
   * @return true only when certainly read-only
   */
  public static boolean isReadOnly(String sql) {
    List<Statement> statements = statements(sql);
    if (statements.size() != 1) {
      return false;
    }
    List<String> words = words(statements.get(0).sql());
    if (words == null || words.isEmpty() || !READ_START.contains(words.get(0))) {
      return false;
    }
    String s = statements.get(0).sql();
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      if (WRITES.contains(w) && !(w.equals("REPLACE") && functionCall(s, w))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The statements of a text: split on {@code ;} outside strings, comments and trigger bodies
   * ({@code BEGIN ... END}); pieces that are blank or only comments are left out. An unterminated
   * string or comment ends the text.
   *
   * @param sql the text; not null
   * @return the statements in order
   */
  public static List<Statement> statements(String sql) {
    List<Statement> out = new ArrayList<>();
    int n = sql.length();
    int start = 0;
    int depth = 0;
    boolean code = false;
    boolean params = false;
    boolean trigger = false;
    int wordCount = 0;
    for (int i = 0; i < n; ) {
      int skipped = skip(sql, i);
      char c = sql.charAt(i);
      if (skipped > i) {
        code |= c != '-' && c != '/';
        i = skipped;
      } else if (c == ';' && depth == 0) {
        add(out, sql.substring(start, i), code, params);
        start = ++i;
        code = params = trigger = false;
        wordCount = depth = 0;
      } else if (Character.isLetter(c) || c == '_') {
        int e = wordEnd(sql, i);
        String w = sql.substring(i, e).toUpperCase(Locale.ROOT);
        code = true;
        wordCount++;
        trigger |= wordCount <= 3 && w.equals("TRIGGER");
        if (trigger && (w.equals("BEGIN") || w.equals("CASE"))) {
          depth++;
        } else if (trigger && w.equals("END") && depth > 0) {
          depth--;
        }
        i = e;
      } else {
        code |= !Character.isWhitespace(c);
        params |= c == '?' || ((c == ':' || c == '@' || c == '$') && i + 1 < n && wordStart(sql.charAt(i + 1)));
        i++;
      }
    }
    add(out, sql.substring(start), code, params);
    return out;
  }

  private static void add(List<Statement> out, String text, boolean code, boolean params) {
    if (code) {
      out.add(new Statement(text.trim(), params));
    }
  }

  /** The index after a comment, string or quoted identifier starting at {@code i}, else i. */
  private static int skip(String sql, int i) {
    char c = sql.charAt(i);
    int n = sql.length();
    if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
      int nl = sql.indexOf('\n', i);
      return nl < 0 ? n : nl + 1;
    }
    if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
      int end = sql.indexOf("*/", i + 2);
      return end < 0 ? n : end + 2;
    }
    if (c == '\'' || c == '"' || c == '`' || c == '[') {
      int end = sql.indexOf(c == '[' ? ']' : c, i + 1);
      return end < 0 ? n : end + 1;
    }
    return i;
  }

  /** The words outside strings and comments, upper case; null when a string is unterminated. */
  private static List<String> words(String sql) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < sql.length(); ) {
      int skipped = skip(sql, i);
      if (skipped > i) {
        char c = sql.charAt(i);
        if (words.isEmpty() && c != '-' && c != '/') {
          return List.of(); // starts with a quoted name, not a keyword
        }
        if (c != '-' && c != '/' && sql.charAt(skipped - 1) != (c == '[' ? ']' : c)) {
          return null; // an unterminated string: unsure
        }
        i = skipped;
      } else if (wordStart(sql.charAt(i))) {
        int e = wordEnd(sql, i);
        words.add(sql.substring(i, e).toUpperCase(Locale.ROOT));
        i = e;
      } else if (words.isEmpty() && !Character.isWhitespace(sql.charAt(i))) {
        return List.of();
      } else {
        i++;
      }
    }
    return words;
  }

  private static boolean wordStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static int wordEnd(String sql, int i) {
    while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
      i++;
    }
    return i;
  }

  /** Whether every use of {@code word} in {@code sql} is followed by {@code (}: a function call. */
  private static boolean functionCall(String sql, String word) {
    String upper = sql.toUpperCase(Locale.ROOT);
    for (int i = upper.indexOf(word); i >= 0; i = upper.indexOf(word, i + 1)) {
      int j = i + word.length();
      while (j < sql.length() && Character.isWhitespace(sql.charAt(j))) {
        j++;
      }
      if (j >= sql.length() || sql.charAt(j) != '(') {
        return false;
      }
    }
    return true;
  }
}
