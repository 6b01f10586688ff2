package io.github.d1java.sqlite.internal;

import io.github.d1java.D1SqlException;
import io.github.d1java.sqlite.internal.SqlScript.Kind;
import io.github.d1java.sqlite.internal.SqlScript.Statement;
import io.github.d1java.sqlite.internal.SqlScript.Token;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Words SQLite failures as workerd does (spec §8.2): {@code <errmsg>[ at offset N]:
 * SQLITE_<PRIMARY>[ (extended: SQLITE_<EXTENDED>)]}. Stateless and thread-safe.
 */
final class SqliteErrors {

  private static final Pattern NEAR = Pattern.compile("^near \"(.*)\": syntax error$", Pattern.DOTALL);
  private static final Pattern NO_COLUMN = Pattern.compile("^no such column: (.+)$");

  private SqliteErrors() {}

  /**
   * Converts a JDBC failure into D1's error.
   *
   * @param e the failure; not null
   * @param st the statement that failed, used to locate the error offset; may be null
   * @return the D1 exception, with {@code e} attached as the underlying cause
   */
  static D1SqlException of(SQLException e, Statement st) {
    if (!(e instanceof SQLiteException)) {
      return D1SqlException.of(String.valueOf(e.getMessage()), e);
    }
    SQLiteErrorCode code = ((SQLiteException) e).getResultCode();
    String errmsg = errmsg(e.getMessage(), code);
    int primaryCode = code.code & 0xff;
    SQLiteErrorCode primary = SQLiteErrorCode.getErrorCode(primaryCode);
    String primaryName =
        primary == SQLiteErrorCode.UNKNOWN_ERROR ? "SQLITE_ERROR" : primary.name();
    StringBuilder detail = new StringBuilder(errmsg);
    int offset = st == null ? -1 : offset(errmsg, st);
    if (offset >= 0) {
      detail.append(" at offset ").append(offset);
    }
    detail.append(": ").append(primaryName);
    if (code.code > 0xff && code.name().startsWith("SQLITE_CONSTRAINT_")) {
      detail.append(" (extended: ").append(code.name()).append(')');
    }
    return D1SqlException.of(detail.toString(), e);
  }

  /** Strips sqlite-jdbc's {@code [CODE] description (errmsg)} wrapping off SQLite's errmsg. */
  static String errmsg(String message, SQLiteErrorCode code) {
    if (message == null) {
      return code.message;
    }
    String prefix = code + " (";
    if (message.startsWith(prefix) && message.endsWith(")")) {
      return message.substring(prefix.length(), message.length() - 1);
    }
    return message;
  }

  /**
   * Recovers SQLite's error offset for the messages where the offending token can be found without
   * ambiguity; -1 otherwise. sqlite-jdbc does not expose {@code sqlite3_error_offset}.
   */
  static int offset(String errmsg, Statement st) {
    Matcher m = NEAR.matcher(errmsg);
    if (m.matches()) {
      return uniqueToken(st, m.group(1), false);
    }
    m = NO_COLUMN.matcher(errmsg);
    if (m.matches()) {
      String col = m.group(1);
      int dot = col.indexOf('.');
      return uniqueToken(st, dot < 0 ? col : col.substring(0, dot), true);
    }
    if (errmsg.startsWith("variable number must be between ?1 and ?")) {
      int limit = Integer.parseInt(errmsg.substring(errmsg.lastIndexOf('?') + 1));
      for (Token t : st.tokens()) {
        if (t.kind() == Kind.PARAM && t.text().length() > 1 && t.text().charAt(0) == '?') {
          String digits = t.text().substring(1);
          if (digits.length() > 9 || Long.parseLong(digits) > limit || Long.parseLong(digits) < 1) {
            return st.byteOffset(t.start());
          }
        }
      }
    }
    return -1;
  }

  private static int uniqueToken(Statement st, String text, boolean identifier) {
    Token found = null;
    for (Token t : st.tokens()) {
      String s = identifier ? t.identifier() : t.text();
      if (text.equals(s) || (identifier && s != null && text.equalsIgnoreCase(s))) {
        if (found != null) {
          return -1;
        }
        found = t;
      }
    }
    return found == null ? -1 : st.byteOffset(found.start());
  }
}
