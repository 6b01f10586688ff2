package io.github.d1java.sqlite.internal;

import io.github.d1java.D1SqlException;
import io.github.d1java.sql.SqlToken;
import io.github.d1java.sql.SqlTokenType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An SQL text split into statements and checked by the {@link Authorizer}; immutable.
 *
 * @param blank whether the text holds nothing but whitespace and comments (Miniflare drops it)
 * @param statements the non-empty statements
 * @param error why D1 refuses the text, or null
 * @param readOnly whether the text is one statement that cannot write (it may run on a reader)
 * @param nothingAfter whether D1 fails the call with {@code SQL code did not contain a statement.}
 *     once the statements have run: something other than whitespace follows the last statement's
 *     {@code ;}, or the text holds a NUL (the statements are those before it: SQLite stops reading
 *     there)
 */
record ParsedSql(
    boolean blank,
    List<Statement> statements,
    D1SqlException error,
    boolean readOnly,
    boolean nothingAfter) {

  private static final Pattern INDENTED_COMMENT = Pattern.compile("^\\s+--.*", Pattern.MULTILINE);
  private static final Set<String> CONNECTION_STATE =
      Set.of("LAST_INSERT_ROWID", "CHANGES", "TOTAL_CHANGES");

  /** Parses and authorizes a text (no cache; see {@link ParseCache}). */
  static ParsedSql parse(String sql) {
    // workerd skips empty statements (";", comments) before a statement, but anything other
    // than whitespace after the last statement is "SQL code did not contain a statement."
    // Miniflare drops queries that hold nothing but whitespace and indented comments
    boolean blank =
        sql.indexOf("--") < 0
            ? sql.trim().isEmpty()
            : INDENTED_COMMENT.matcher(sql).replaceAll("").trim().isEmpty();
    int nul = sql.indexOf('\0');
    String text = nul < 0 ? sql : sql.substring(0, nul);
    List<Statement> statements = Statement.split(text);
    D1SqlException error = null;
    if (sql.length() > Connections.MAX_SQL_LENGTH / 3
        && sql.getBytes(StandardCharsets.UTF_8).length > Connections.MAX_SQL_LENGTH) {
      // workerd prepares the whole remaining text at once, so the limit covers all statements
      error = D1SqlException.of("statement too long: SQLITE_TOOBIG", null);
    } else if (statements.isEmpty()) {
      error = D1SqlException.of(SqliteEngine.NOT_A_STATEMENT, null);
    }
    for (int i = 0; i < statements.size() && error == null; i++) {
      error = Authorizer.check(statements.get(i));
      if (error == null
          && i < statements.size() - 1
          && statements.get(i).parsed().hasParameters()) {
        // workerd refuses a parameter in a statement that is not the last one once it has
        // prepared that statement, before it prepares (and authorizes) the next one
        error = D1SqlException.of(SqliteEngine.MULTI_PARAMS, null);
      }
    }
    // workerd prepares and runs statement after statement, so errors in them come first
    boolean nothingAfter = nul >= 0 || (error == null && !onlySpaceAfterLast(text, statements));
    boolean readOnly =
        error == null && !nothingAfter && statements.size() == 1 && isReadOnly(statements.get(0));
    return new ParsedSql(blank, statements, error, readOnly, nothingAfter);
  }

  /** Whether only whitespace follows the {@code ;} that ends the last statement. */
  private static boolean onlySpaceAfterLast(String sql, List<Statement> statements) {
    int next = statements.get(statements.size() - 1).next();
    return next < 0 || sql.substring(next).isBlank();
  }

  private static boolean isReadOnly(Statement st) {
    if (!st.parsed().isReadOnly()) {
      return false;
    }
    for (SqlToken t : st.tokens()) {
      // connection state: must be read on the writer, where the writes happened
      if (t.type() == SqlTokenType.IDENTIFIER
          && CONNECTION_STATE.contains(t.text().toUpperCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  /** The table an INSERT or REPLACE statement writes to, or null for other statements. */
  static String insertTarget(Statement st) {
    List<SqlToken> tokens = st.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      String kw = Statement.word(tokens.get(i));
      if (("INSERT".equals(kw) || "REPLACE".equals(kw))
          && !(i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("("))) {
        for (int j = i + 1; j + 1 < tokens.size(); j++) {
          if ("INTO".equals(Statement.word(tokens.get(j)))) {
            int t = j + 1;
            if (t + 2 < tokens.size() && tokens.get(t + 1).isSymbol(".")) {
              t += 2;
            }
            return Statement.identifier(tokens.get(t));
          }
        }
        return null;
      }
    }
    return null;
  }
}
