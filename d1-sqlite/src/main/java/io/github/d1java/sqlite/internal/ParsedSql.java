package io.github.d1java.sqlite.internal;

import io.github.d1java.D1SqlException;
import io.github.d1java.sqlite.internal.SqlScript.Kind;
import io.github.d1java.sqlite.internal.SqlScript.Statement;
import io.github.d1java.sqlite.internal.SqlScript.Token;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An SQL text split into statements and checked by the {@link Authorizer}; immutable.
 *
 * @param blank whether the text holds nothing but whitespace and comments (Miniflare drops it)
 * @param statements the non-empty statements
 * @param error why D1 refuses the text, or null
 * @param readOnly whether the text is one statement that cannot write (it may run on a reader)
 */
record ParsedSql(
    boolean blank, List<Statement> statements, D1SqlException error, boolean readOnly) {

  private static final Pattern INDENTED_COMMENT = Pattern.compile("^\\s+--.*", Pattern.MULTILINE);
  private static final Set<String> READ_KEYWORDS = Set.of("SELECT", "VALUES", "WITH");
  private static final Set<String> WRITE_KEYWORDS =
      Set.of(
          "INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "PRAGMA", "VACUUM",
          "ANALYZE", "REINDEX", "ATTACH", "DETACH", "BEGIN", "COMMIT", "END", "ROLLBACK",
          "SAVEPOINT", "RELEASE",
          // connection state: must be read on the writer, where the writes happened
          "LAST_INSERT_ROWID", "CHANGES", "TOTAL_CHANGES");

  /** Parses and authorizes a text (no cache; see {@link ParseCache}). */
  static ParsedSql parse(String sql) {
    // workerd skips empty statements (";", comments) before a statement, but anything other
    // than whitespace after the last statement is "SQL code did not contain a statement."
    // Miniflare drops queries that hold nothing but whitespace and indented comments
    boolean blank =
        sql.indexOf("--") < 0
            ? sql.trim().isEmpty()
            : INDENTED_COMMENT.matcher(sql).replaceAll("").trim().isEmpty();
    List<Statement> all = SqlScript.parse(sql).statements();
    List<Statement> statements = new ArrayList<>(all.size());
    for (Statement st : all) {
      if (!st.isEmpty()) {
        statements.add(st);
      }
    }
    D1SqlException error = null;
    if (sql.length() > Connections.MAX_SQL_LENGTH / 3
        && sql.getBytes(StandardCharsets.UTF_8).length > Connections.MAX_SQL_LENGTH) {
      // workerd prepares the whole remaining text at once, so the limit covers all statements
      error = D1SqlException.of("statement too long: SQLITE_TOOBIG", null);
    } else if (statements.isEmpty() || all.get(all.size() - 1).isEmpty()) {
      error = D1SqlException.of(SqliteEngine.NOT_A_STATEMENT, null);
    }
    for (int i = 0; i < statements.size() && error == null; i++) {
      error = Authorizer.check(statements.get(i));
    }
    boolean readOnly = error == null && statements.size() == 1 && isReadOnly(statements.get(0));
    return new ParsedSql(blank, statements, error, readOnly);
  }

  private static boolean isReadOnly(Statement st) {
    String first = st.firstKeyword();
    if (first == null || !READ_KEYWORDS.contains(first)) {
      return false;
    }
    for (Token t : st.tokens()) {
      if (t.kind() == Kind.WORD && WRITE_KEYWORDS.contains(t.keyword())) {
        return false;
      }
    }
    return true;
  }

  /** The table an INSERT or REPLACE statement writes to, or null for other statements. */
  static String insertTarget(Statement st) {
    List<Token> tokens = st.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      String kw = tokens.get(i).keyword();
      if (("INSERT".equals(kw) || "REPLACE".equals(kw))
          && !(i + 1 < tokens.size() && tokens.get(i + 1).is("("))) {
        for (int j = i + 1; j + 1 < tokens.size(); j++) {
          if ("INTO".equals(tokens.get(j).keyword())) {
            int t = j + 1;
            if (t + 2 < tokens.size() && tokens.get(t + 1).is(".")) {
              t += 2;
            }
            return tokens.get(t).identifier();
          }
        }
        return null;
      }
    }
    return null;
  }
}
