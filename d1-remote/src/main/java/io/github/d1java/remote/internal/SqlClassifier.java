package io.github.d1java.remote.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Decides, conservatively, whether SQL only reads: a single statement starting with {@code
 * SELECT}, {@code EXPLAIN} or {@code WITH} that names no writing keyword outside strings, quoted
 * identifiers and comments. Anything unsure counts as a write. Stateless.
 */
public final class SqlClassifier {

  private static final Set<String> READ_START = Set.of("SELECT", "EXPLAIN", "WITH", "VALUES");
  private static final Set<String> WRITES =
      Set.of("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "PRAGMA",
          "ATTACH", "DETACH", "VACUUM", "REINDEX", "ANALYZE", "BEGIN", "COMMIT", "SAVEPOINT",
          "RELEASE", "ROLLBACK", "RETURNING", "INTO");

  private SqlClassifier() {}

  /**
   * Whether running {@code sql} cannot change the database.
   *
   * @param sql the SQL; not null
   * @return true only when certainly read-only
   */
  public static boolean isReadOnly(String sql) {
    int n = sql.length();
    boolean first = true;
    boolean ended = false;
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int nl = sql.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (ended) {
        return false; // a second statement
      } else if (first && !(Character.isLetter(c) || c == '_')) {
        return false; // does not start with a keyword
      } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
        char close = c == '[' ? ']' : c;
        int end = sql.indexOf(close, i + 1);
        if (end < 0) {
          return false;
        }
        i = end + 1;
      } else if (c == ';') {
        ended = true;
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int s = i;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
          i++;
        }
        String word = sql.substring(s, i).toUpperCase(Locale.ROOT);
        if (first) {
          if (!READ_START.contains(word)) {
            return false;
          }
          first = false;
        } else if (WRITES.contains(word) && !(word.equals("REPLACE") && nextIsParen(sql, i))) {
          return false;
        }
      } else {
        i++;
      }
    }
    return !first;
  }

  private static boolean nextIsParen(String sql, int i) {
    while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
      i++;
    }
    return i < sql.length() && sql.charAt(i) == '(';
  }
}
