package io.github.d1java.sqlite.internal;

import io.github.d1java.D1SqlException;
import io.github.d1java.sql.SqlToken;
import io.github.d1java.sql.SqlTokenType;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Words SQLite failures as workerd does (spec §8.2): {@code <errmsg>[ at offset N]:
 * SQLITE_<PRIMARY>[ (extended: SQLITE_<EXTENDED>)]}. Stateless and thread-safe.
 *
 * <p>sqlite-jdbc does not expose {@code sqlite3_error_offset}, so the offset is recovered from the
 * statement's tokens for the messages whose offending token can be located: syntax errors (by
 * preparing prefixes of the statement until SQLite fails on the same token), unknown or ambiguous
 * columns (also RENAME COLUMN's quoted name; not a column an UPDATE's SET assigns, which SQLite
 * reports without one), unknown functions, wrong argument counts, misused aggregates, hex literals
 * too big, existing tables, unknown schema names, unrecognized tokens, too many variables and
 * out-of-range {@code ?NNN}. Other messages carry no offset. For a rewritten statement ({@link
 * Rewrite}) the offsets are those of the user's text ({@link Statement#byteOffset}).
 */
final class SqliteErrors {

  private static final Pattern NEAR =
      Pattern.compile("^near \"(.*)\": syntax error$", Pattern.DOTALL);
  private static final Pattern UNRECOGNIZED =
      Pattern.compile("^unrecognized token: \"(.*)\"$", Pattern.DOTALL);
  private static final Pattern NO_COLUMN =
      Pattern.compile("^(?:no such column|ambiguous column name): (.+)$");

  /** A number SQLite's tokenizer reads whole but whose {@code _} separators are misplaced. */
  private static final Pattern MISPLACED_SEPARATOR =
      Pattern.compile(
          "(?=.*_)(?:0[xX][0-9a-fA-F][0-9a-fA-F_]*"
              + "|[0-9_]*(?:\\.[0-9_]*)?(?:[eE][+-]?[0-9][0-9_]*)?)");

  private static final Pattern TABLE_EXISTS = Pattern.compile("^table (.+) already exists$");
  private static final Pattern NO_FUNCTION = Pattern.compile("^no such function: (.+)$");
  private static final Pattern TOO_MANY_ARGS =
      Pattern.compile("^too many arguments on function (.+)$");
  private static final Pattern WRONG_ARGS =
      Pattern.compile("^wrong number of arguments to function (.+)\\(\\)$");
  private static final Pattern MISUSE =
      Pattern.compile("^misuse of (?:aggregate|window) function (.+)\\(\\)$");
  private static final Pattern UNKNOWN_DATABASE = Pattern.compile("^unknown database (.+)$");
  private static final Pattern HEX_TOO_BIG = Pattern.compile("^hex literal too big: (.+)$");
  private static final Pattern PROHIBITED =
      Pattern.compile("^(non-deterministic functions|parameters) prohibited in .+$");

  /** SQLite's built-in functions without SQLITE_DETERMINISTIC (the date functions aside). */
  private static final Set<String> NON_DETERMINISTIC_CALLS =
      Set.of("RANDOM", "RANDOMBLOB", "CHANGES", "TOTAL_CHANGES", "LAST_INSERT_ROWID");

  private static final Set<String> TIME_KEYWORDS =
      Set.of("CURRENT_TIME", "CURRENT_DATE", "CURRENT_TIMESTAMP");

  private SqliteErrors() {}

  /**
   * Converts a JDBC failure into D1's error.
   *
   * @param e the failure; not null
   * @param st the statement that failed, used to locate the error offset; may be null
   * @param probe prepares a prefix of the statement and returns SQLite's errmsg, or null when it
   *     prepared; may be null
   * @return the D1 exception, with {@code e} attached as the underlying cause
   */
  static D1SqlException of(SQLException e, Statement st, UnaryOperator<String> probe) {
    if (!(e instanceof SQLiteException)) {
      return D1SqlException.of(String.valueOf(e.getMessage()), e);
    }
    SQLiteErrorCode code = ((SQLiteException) e).getResultCode();
    String errmsg = errmsg(e.getMessage(), code);
    SQLiteErrorCode primary = SQLiteErrorCode.getErrorCode(code.code & 0xff);
    String primaryName = primary == SQLiteErrorCode.UNKNOWN_ERROR ? "SQLITE_ERROR" : primary.name();
    StringBuilder detail = new StringBuilder(errmsg);
    int offset = st == null ? -1 : offset(errmsg, st, probe);
    if (offset >= 0) {
      detail.append(" at offset ").append(offset);
    }
    detail.append(": ").append(primaryName);
    // workerd names every extended code that differs from the primary one
    if (code.code > 0xff && code != SQLiteErrorCode.UNKNOWN_ERROR) {
      detail.append(" (extended: ").append(code.name()).append(')');
    }
    return D1SqlException.of(detail.toString(), e);
  }

  /** Same as {@link #of(SQLException, Statement, UnaryOperator)} without a statement. */
  static D1SqlException of(SQLException e) {
    return of(e, null, null);
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

  /** SQLite's byte offset of the error in the statement, or -1 when it cannot be located. */
  static int offset(String errmsg, Statement st, UnaryOperator<String> probe) {
    List<SqlToken> tokens = st.tokens();
    Matcher m = NEAR.matcher(errmsg);
    if (m.matches()) {
      return syntaxErrorOffset(errmsg, m.group(1), st, probe);
    }
    m = UNRECOGNIZED.matcher(errmsg);
    if (m.matches()) {
      String text = m.group(1);
      if (MISPLACED_SEPARATOR.matcher(text).matches()) {
        // the tokenizer took it for a number; the parser refused it later, with no offset
        return -1;
      }
      for (SqlToken t : tokens) {
        if (t.text().equals(text)) {
          return st.byteOffset(t.start());
        }
      }
      return -1;
    }
    m = HEX_TOO_BIG.matcher(errmsg);
    if (m.matches()) {
      for (SqlToken t : tokens) {
        if (t.text().equals(m.group(1))) {
          return st.byteOffset(t.start());
        }
      }
      return -1;
    }
    m = NO_COLUMN.matcher(errmsg);
    if (m.matches()) {
      String name = m.group(1);
      if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
        // ALTER TABLE ... RENAME COLUMN quotes the name it did not find
        name = name.substring(1, name.length() - 1);
      }
      String[] parts = name.split("\\.", -1);
      int at = qualifiedNameIndex(st, parts);
      // an UPDATE's (or upsert's) SET names a column without an expression: SQLite gives no offset
      return at < 0 || isSetTarget(st.tokens(), at)
          ? -1
          : st.byteOffset(st.tokens().get(at).start());
    }
    m = UNKNOWN_DATABASE.matcher(errmsg);
    if (m.matches()) {
      // sqlite3TwoPartName names the schema token of "schema.name"
      List<SqlToken> ts = st.tokens();
      for (int i = 0; i + 1 < ts.size(); i++) {
        String id = Statement.identifier(ts.get(i));
        if (id != null && id.equalsIgnoreCase(m.group(1)) && ts.get(i + 1).isSymbol(".")) {
          return st.byteOffset(ts.get(i).start());
        }
      }
      return -1;
    }
    m = MISUSE.matcher(errmsg);
    if (m.matches()) {
      return misuseOffset(st, m.group(1));
    }
    m = TABLE_EXISTS.matcher(errmsg);
    if (m.matches()) {
      return qualifiedNameOffset(st, new String[] {m.group(1)});
    }
    m = NO_FUNCTION.matcher(errmsg);
    if (!m.matches()) {
      m = TOO_MANY_ARGS.matcher(errmsg);
    }
    if (!m.matches()) {
      m = WRONG_ARGS.matcher(errmsg);
    }
    if (m.matches()) {
      int call = nextCall(tokens, m.group(1), 0);
      if (call < 0) {
        // an operator that calls a function: x REGEXP y, x MATCH y
        for (int i = 0; i < tokens.size(); i++) {
          if (Statement.isWord(tokens.get(i)) && tokens.get(i).text().equals(m.group(1))) {
            call = i;
            break;
          }
        }
      }
      return call < 0 ? -1 : st.byteOffset(tokens.get(call).start());
    }
    m = PROHIBITED.matcher(errmsg);
    if (m.matches()) {
      // SQLite records the offending expression: the first such call, or the first parameter
      boolean functions = m.group(1).startsWith("non-");
      for (int i = 0; i < tokens.size(); i++) {
        SqlToken t = tokens.get(i);
        boolean hit;
        if (functions) {
          String id = Statement.identifier(t);
          hit =
              (id != null
                      && i + 1 < tokens.size()
                      && tokens.get(i + 1).isSymbol("(")
                      && NON_DETERMINISTIC_CALLS.contains(id.toUpperCase(Locale.ROOT)))
                  || (t.type() == SqlTokenType.KEYWORD && TIME_KEYWORDS.contains(t.keyword()));
        } else {
          hit = t.type() == SqlTokenType.VARIABLE;
        }
        if (hit) {
          return st.byteOffset(t.start());
        }
      }
      return -1;
    }
    if (errmsg.startsWith("subqueries prohibited in ")) {
      return subqueryOffset(st);
    }
    if (errmsg.equals("too many SQL variables")) {
      return variableOffset(st, Integer.MAX_VALUE, 100);
    }
    if (errmsg.startsWith("variable number must be between ?1 and ?")) {
      int limit = Integer.parseInt(errmsg.substring(errmsg.lastIndexOf('?') + 1));
      return variableOffset(st, limit, Integer.MAX_VALUE);
    }
    return -1;
  }

  /**
   * SQLite raises a syntax error at the first token it cannot parse. Earlier occurrences of the
   * same text parsed fine, so the failing one is the first whose prefix fails the same way.
   */
  private static int syntaxErrorOffset(
      String errmsg, String text, Statement st, UnaryOperator<String> probe) {
    SqlToken only = null;
    int count = 0;
    for (SqlToken t : st.tokens()) {
      if (t.text().equals(text)) {
        count++;
        only = t;
      }
    }
    if (count == 1) {
      return st.byteOffset(only.start());
    }
    if (count == 0 || probe == null) {
      return -1;
    }
    for (SqlToken t : st.tokens()) {
      if (t.text().equals(text) && errmsg.equals(probe.apply(st.text().substring(0, t.end())))) {
        return st.byteOffset(t.start());
      }
    }
    return -1;
  }

  /**
   * SQLite reports the offset of the leftmost leaf of the expression holding the subquery: none for
   * {@code (SELECT ...)} or {@code EXISTS (...)}, the left operand's first leaf for {@code x [NOT]
   * IN (SELECT ...)} (the operand reaches back over operators that bind tighter than {@code IN}).
   */
  private static int subqueryOffset(Statement st) {
    List<SqlToken> tokens = st.tokens();
    for (int i = 1; i + 1 < tokens.size(); i++) {
      if (!tokens.get(i).isSymbol("(")) {
        continue;
      }
      String next = tokens.get(i + 1).keyword();
      if (!"SELECT".equals(next) && !"WITH".equals(next) && !"VALUES".equals(next)) {
        continue;
      }
      if (!"IN".equals(tokens.get(i - 1).keyword())) {
        return -1;
      }
      int end = i - 2;
      if (end >= 0 && "NOT".equals(tokens.get(end).keyword())) {
        end--;
      }
      int start = end + 1;
      int depth = 0;
      for (int j = end; j >= 0; j--) {
        SqlToken t = tokens.get(j);
        if (t.isSymbol(")")) {
          depth++;
        } else if (t.isSymbol("(")) {
          if (depth == 0) {
            break;
          }
          depth--;
        } else if (depth == 0 && endsInOperand(t)) {
          break;
        }
        start = j;
      }
      // a parenthesis or a unary operator has no offset of its own: its operand's leaf has
      while (start <= end
          && (tokens.get(start).isSymbol("(")
              || tokens.get(start).isSymbol("-")
              || tokens.get(start).isSymbol("+")
              || tokens.get(start).isSymbol("~"))) {
        start++;
      }
      return start <= end ? st.byteOffset(tokens.get(start).start()) : -1;
    }
    return -1;
  }

  /** Tokens that bind no tighter than IN, so the left operand of an IN starts after them. */
  private static boolean endsInOperand(SqlToken t) {
    if (t.type() == SqlTokenType.COMMA || t.type() == SqlTokenType.SEMICOLON) {
      return true;
    }
    if (t.type() == SqlTokenType.OPERATOR) {
      String op = t.text();
      return op.equals("=") || op.equals("==") || op.equals("!=") || op.equals("<>");
    }
    return t.type() == SqlTokenType.KEYWORD && IN_OPERAND_ENDS.contains(t.keyword());
  }

  private static final Set<String> IN_OPERAND_ENDS =
      Set.of(
          "OR",
          "AND",
          "NOT",
          "IS",
          "LIKE",
          "GLOB",
          "MATCH",
          "REGEXP",
          "BETWEEN",
          "IN",
          "ISNULL",
          "NOTNULL",
          "ESCAPE",
          "WHERE",
          "WHEN",
          "THEN",
          "ELSE",
          "CASE",
          "ON",
          "SELECT",
          "AS",
          "DISTINCT",
          "CHECK",
          "SET",
          "HAVING",
          "BY",
          "RETURNING",
          "VALUES",
          "END");

  /** The index of the first call of {@code fn} at or after {@code from}, in any quoting. */
  private static int nextCall(List<SqlToken> tokens, String fn, int from) {
    for (int i = from; i + 1 < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      String id = Statement.identifier(t);
      if (id != null && id.equalsIgnoreCase(fn) && tokens.get(i + 1).isSymbol("(")) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A misused aggregate is usually the only call of that name; when there are several, the one
   * nested in another call's arguments ({@code count(count(1))}) is the misuse.
   */
  private static int misuseOffset(Statement st, String fn) {
    List<SqlToken> tokens = st.tokens();
    int first = nextCall(tokens, fn, 0);
    for (int i = first; i >= 0; i = nextCall(tokens, fn, i + 1)) {
      int depth = 0;
      for (int j = 0; j < i; j++) {
        if (tokens.get(j).isSymbol("(")) {
          depth++;
        } else if (tokens.get(j).isSymbol(")")) {
          depth--;
        }
      }
      if (depth > 0) {
        return st.byteOffset(tokens.get(i).start());
      }
    }
    return first < 0 ? -1 : st.byteOffset(tokens.get(first).start());
  }

  private static int qualifiedNameOffset(Statement st, String[] parts) {
    int at = qualifiedNameIndex(st, parts);
    return at < 0 ? -1 : st.byteOffset(st.tokens().get(at).start());
  }

  /**
   * Whether the token at {@code i} is a column an UPDATE's SET assigns: {@code SET c = ...}, {@code
   * , c = ...} or a name in {@code (a, c) = ...}, in the SET list of the nearest SET before it.
   */
  static boolean isSetTarget(List<SqlToken> tokens, int i) {
    int k = i + 1;
    int j = i - 1;
    if (j >= 0 && (tokens.get(j).isSymbol("(") || tokens.get(j).isSymbol(","))) {
      // inside a parenthesised list of names: walk to its ends
      int close = k;
      while (close + 1 < tokens.size()
          && tokens.get(close).isSymbol(",")
          && Statement.identifier(tokens.get(close + 1)) != null) {
        close += 2;
      }
      int open = j;
      while (open >= 2
          && tokens.get(open).isSymbol(",")
          && Statement.identifier(tokens.get(open - 1)) != null) {
        open -= 2;
      }
      if (close + 1 < tokens.size()
          && tokens.get(close).isSymbol(")")
          && tokens.get(close + 1).isSymbol("=")
          && tokens.get(open).isSymbol("(")) {
        k = close;
        j = open - 1;
      }
    }
    if (k >= tokens.size() || !(tokens.get(k).isSymbol("=") || tokens.get(k).isSymbol(")"))) {
      return false;
    }
    if (j < 0) {
      return false;
    }
    if ("SET".equals(Statement.word(tokens.get(j)))) {
      return true;
    }
    if (!tokens.get(j).isSymbol(",")) {
      return false;
    }
    // a comma of the SET list: the nearest SET at this depth comes before any other clause
    int depth = 0;
    for (int m = j - 1; m >= 0; m--) {
      SqlToken t = tokens.get(m);
      if (t.isSymbol(")")) {
        depth++;
      } else if (t.isSymbol("(")) {
        if (depth == 0) {
          return false;
        }
        depth--;
      } else if (depth == 0) {
        String w = Statement.word(t);
        if ("SET".equals(w)) {
          return true;
        }
        if ("SELECT".equals(w) || "WHERE".equals(w) || "FROM".equals(w) || "VALUES".equals(w)) {
          return false;
        }
      }
    }
    return false;
  }

  private static int qualifiedNameIndex(Statement st, String[] parts) {
    List<SqlToken> tokens = st.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      int j = i;
      boolean match = true;
      for (int p = 0; p < parts.length && match; p++) {
        if (p > 0) {
          match = j < tokens.size() && tokens.get(j).isSymbol(".");
          j++;
        }
        String id = j < tokens.size() ? Statement.identifier(tokens.get(j)) : null;
        match = match && id != null && id.equalsIgnoreCase(parts[p]);
        j++;
      }
      if (match && !(i > 0 && tokens.get(i - 1).isSymbol("."))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The offset of the first parameter whose number is above {@code maxNumber}, or the first that
   * makes the count of distinct parameters exceed {@code maxCount}, numbering as SQLite does.
   */
  private static int variableOffset(Statement st, int maxNumber, int maxCount) {
    Map<String, Integer> named = new HashMap<>();
    int highest = 0;
    for (SqlToken t : st.tokens()) {
      if (t.type() != SqlTokenType.VARIABLE) {
        continue;
      }
      String text = t.text();
      long number;
      if (text.equals("?")) {
        number = highest + 1L;
      } else if (text.charAt(0) == '?') {
        String digits = text.substring(1);
        number = digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits);
      } else {
        Integer known = named.get(text);
        number = known != null ? known : highest + 1L;
        if (known == null && number <= Integer.MAX_VALUE) {
          named.put(text, (int) number);
        }
      }
      if (number > maxNumber || number < 1 || number > maxCount) {
        return st.byteOffset(t.start());
      }
      highest = (int) Math.max(highest, number);
    }
    return -1;
  }
}
