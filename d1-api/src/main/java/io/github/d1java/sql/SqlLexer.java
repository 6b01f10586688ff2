package io.github.d1java.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SQL text read the way SQLite 3.47 reads it: a port of its tokenizer ({@code tokenize.c}) and of
 * the statement-end rule of {@code sqlite3_complete} ({@code complete.c}). Every splitter and
 * classifier of the project is built on it.
 *
 * <pre>{@code
 * List<SqlToken> tokens = SqlLexer.tokenize("SELECT \"a\"\"b\", ?2 FROM [t];");
 * // KEYWORD[SELECT] QUOTED_IDENTIFIER["a""b"] COMMA VARIABLE[?2] KEYWORD[FROM]
 * // QUOTED_IDENTIFIER[[t]] SEMICOLON
 *
 * for (SqlStatement s : SqlLexer.statements(script)) {
 *   System.out.println(s.line() + ": " + s.firstKeyword() + " " + s.isReadOnly());
 * }
 * }</pre>
 *
 * <p><b>Tokens.</b> As SQLite: strings {@code 'it''s'}; identifiers bare, {@code "x"}, {@code [x]}
 * and {@code `x`}; blobs {@code x'0a'}; numbers {@code 12}, {@code 0x1F}, {@code 1.5}, {@code .5},
 * {@code 1e5}, {@code 1_000} (digit separators, SQLite 3.46+); variables {@code ?}, {@code ?NNN},
 * {@code :a}, {@code @a}, {@code $a}, {@code #a}, Tcl's {@code $a(any)} and {@code $a::b}; comments
 * {@code --} to the end of the line and {@code /* *}{@code /} (an unterminated one runs to the end
 * of the text); everything SQLite refuses with {@code unrecognized token} is {@link
 * SqlTokenType#ILLEGAL}. Offsets are in UTF-16 {@code char}s; every non-ASCII character is an
 * identifier character, as every non-ASCII byte is in SQLite.
 *
 * <p><b>Statements.</b> A {@code ;} ends a statement except inside the body of a {@code CREATE
 * [TEMP|TEMPORARY] TRIGGER} (also after {@code EXPLAIN [QUERY PLAN]}), which ends only at a {@code
 * ;} right after {@code ; END}, so {@code CASE ... END} and a column named {@code end} inside the
 * body do not end it. This is {@code sqlite3_complete}'s state machine, fed the tokenizer's tokens
 * rather than complete.c's own rougher scan, so it agrees with what {@code sqlite3_prepare}
 * consumes (complete.c would stop at the {@code ;} inside {@code $a(;)}, which the tokenizer reads
 * as one variable).
 *
 * <p><b>NUL.</b> SQLite stops reading SQL at a NUL character. This lexer reads on, returning the
 * NUL as an {@link SqlTokenType#ILLEGAL} token, so that a caller sees the text SQLite would ignore
 * and can refuse it.
 *
 * <p>All methods are static and thread-safe.
 */
public final class SqlLexer {

  private SqlLexer() {}

  /**
   * The tokens of {@code sql} without whitespace and comments.
   *
   * @param sql the SQL text; not null
   * @return the tokens in order, offsets relative to {@code sql}
   * @throws NullPointerException if {@code sql} is null
   */
  public static List<SqlToken> tokenize(String sql) {
    return scan(sql, false);
  }

  /**
   * Every token of {@code sql}, whitespace ({@link SqlTokenType#SPACE}) and comments ({@link
   * SqlTokenType#COMMENT}) included: their texts put together are {@code sql}.
   *
   * @param sql the SQL text; not null
   * @return the tokens in order
   * @throws NullPointerException if {@code sql} is null
   */
  public static List<SqlToken> tokenizeAll(String sql) {
    return scan(sql, true);
  }

  private static List<SqlToken> scan(String sql, boolean all) {
    Objects.requireNonNull(sql, "sql");
    List<SqlToken> out = new ArrayList<>();
    int n = sql.length();
    for (int p = 0; p < n; ) {
      long packed = Tokenizer.next(sql, p, n);
      SqlTokenType type = Tokenizer.type(packed);
      int end = Tokenizer.end(packed);
      if (all || (type != SqlTokenType.SPACE && type != SqlTokenType.COMMENT)) {
        out.add(new SqlToken(type, sql, p, end));
      }
      p = end;
    }
    return out;
  }

  /**
   * Whether {@code sql} ends with a complete statement, as {@code sqlite3_complete} decides: the
   * last token other than whitespace and comments is a {@code ;} that ends a statement (not one
   * inside a trigger body), and no string, quoted identifier, blob or block comment is left open.
   * Like SQLite, it reads only up to the first NUL character.
   *
   * @param sql the SQL text; not null
   * @return true when the text is one or more complete statements
   * @throws NullPointerException if {@code sql} is null
   */
  public static boolean isComplete(String sql) {
    Objects.requireNonNull(sql, "sql");
    int nul = sql.indexOf('\0');
    int n = nul < 0 ? sql.length() : nul;
    int state = Tokenizer.INVALID;
    for (int p = 0; p < n; ) {
      long packed = Tokenizer.next(sql, p, n);
      SqlTokenType type = Tokenizer.type(packed);
      int end = Tokenizer.end(packed);
      if (Tokenizer.unterminated(sql, type, p, end)) {
        return false;
      }
      state = Tokenizer.TRANSITIONS[state][Tokenizer.completeClass(sql, type, p, end)];
      p = end;
    }
    return state == Tokenizer.START;
  }

  /**
   * Whether running {@code sql} certainly cannot change the database: it holds exactly one
   * statement and that statement {@link SqlStatement#isReadOnly() only reads}.
   *
   * @param sql the SQL text; not null
   * @return true only when certainly read-only; false for text without a statement
   * @throws NullPointerException if {@code sql} is null
   */
  public static boolean isReadOnly(String sql) {
    List<SqlStatement> statements = statements(sql);
    return statements.size() == 1 && statements.get(0).isReadOnly();
  }

  /**
   * Splits {@code sql} into statements, each with its tokens, its offset and its line. Empty
   * statements ({@code ;;}) and statements of only comments are left out. Never throws on malformed
   * SQL: an unterminated string runs to the end as an {@link SqlTokenType#ILLEGAL} token, for
   * SQLite to refuse.
   *
   * @param sql the SQL text; not null
   * @return the statements in order
   * @throws NullPointerException if {@code sql} is null
   */
  public static List<SqlStatement> statements(String sql) {
    Objects.requireNonNull(sql, "sql");
    List<SqlStatement> out = new ArrayList<>(2);
    StatementReader.of(sql).forEachRemaining(out::add);
    return out;
  }
}
