package io.github.d1java.sqlite.internal;

import io.github.d1java.sql.SqlLexer;
import io.github.d1java.sql.SqlStatement;
import io.github.d1java.sql.SqlToken;
import io.github.d1java.sql.SqlTokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One statement of a call, as {@link SqlLexer} bounded it, with the text handed to SQLite and where
 * SQLite's error offsets count from. Immutable and thread-safe.
 *
 * <p>The text runs from the first token up to the {@code ;} that ends the statement (or the end of
 * the call's SQL), so trailing comments are kept: SQLite names a result column after the
 * expression's source text up to the next token, comments included ({@code SELECT 1 -- c} has a
 * column {@code 1 -- c} in D1). Offsets count as workerd's do: for the first statement from the
 * start of the SQL, for later ones from the first character after the previous statement's {@code
 * ;} that is not whitespace.
 *
 * @param parsed the lexer's statement
 * @param text what SQLite prepares: from the first token to the terminating {@code ;}, exclusive
 * @param leadBytes UTF-8 bytes between where offsets count from and the first token
 * @param next the index in the call's SQL after the terminating {@code ;}, or -1 without one
 * @param rewrite how SQLite runs a statement D1 accepts that it cannot run as written ({@link
 *     Rewrite}), or null for every other statement
 * @param origin for a rewritten statement, where its characters come from in the user's statement;
 *     null for a statement as the user wrote it
 */
record Statement(
    SqlStatement parsed, String text, int leadBytes, int next, Rewrite rewrite, Origin origin) {

  /**
   * Where the characters of a rewritten statement come from.
   *
   * @param source the statement as the user wrote it
   * @param chars for each character of the rewritten text, the index in {@code source.text()} that
   *     error offsets name
   * @param chosen for an UPDATE/DELETE ... LIMIT, the SELECT that chooses its rows (D1 counts the
   *     rows it reads, then a fixed number per row changed); null otherwise
   * @param readsPerRow the rows D1 reads for each row changed after choosing it
   */
  record Origin(Statement source, int[] chars, Statement chosen, int readsPerRow) {

    Origin(Statement source, int[] chars) {
      this(source, chars, null, 0);
    }
  }

  /** A statement as the user wrote it. */
  Statement(SqlStatement parsed, String text, int leadBytes, int next) {
    this(parsed, text, leadBytes, next, Rewrite.of(parsed), null);
  }

  /**
   * The statements of {@code sql}, each with its text and lead.
   *
   * @param sql the text of one call, up to any NUL; not null
   * @return the statements in order
   */
  static List<Statement> split(String sql) {
    List<SqlStatement> statements = SqlLexer.statements(sql);
    List<Statement> out = new ArrayList<>(statements.size());
    int previous = -1;
    for (int k = 0; k < statements.size(); k++) {
      SqlStatement s = statements.get(k);
      int start = (int) s.offset();
      int from = previous < 0 ? 0 : skipSpace(sql, previous, start);
      int lastEnd = start + s.sql().length();
      int gapEnd = k + 1 < statements.size() ? (int) statements.get(k + 1).offset() : sql.length();
      int semicolon = firstSemicolon(sql, lastEnd, gapEnd);
      int textEnd = semicolon < 0 ? sql.length() : semicolon;
      previous = semicolon < 0 ? -1 : semicolon + 1;
      out.add(
          new Statement(s, sql.substring(start, textEnd), utf8Length(sql, from, start), previous));
    }
    return out;
  }

  private static int skipSpace(String sql, int from, int to) {
    while (from < to && Character.isWhitespace(sql.charAt(from))) {
      from++;
    }
    return from;
  }

  /** The index of the first {@code ;} token in {@code [from, to)}, or -1. */
  private static int firstSemicolon(String sql, int from, int to) {
    for (SqlToken t : SqlLexer.tokenizeAll(sql.substring(from, to))) {
      if (t.type() == SqlTokenType.SEMICOLON) {
        return from + t.start();
      }
    }
    return -1;
  }

  /** The statement's tokens (no whitespace or comments), offsets relative to {@link #text()}. */
  List<SqlToken> tokens() {
    return parsed.tokens();
  }

  /** The first token's keyword, upper case, or null. */
  String firstKeyword() {
    return parsed.firstKeyword();
  }

  /** The byte offset SQLite reports for a char offset of {@link #text()}. */
  int byteOffset(int charOffset) {
    if (origin != null) {
      int[] chars = origin.chars();
      int at = chars.length == 0 ? 0 : chars[Math.min(Math.max(charOffset, 0), chars.length - 1)];
      return origin.source().byteOffset(at);
    }
    return leadBytes + utf8Length(text, 0, charOffset);
  }

  /** A bare word's text in upper case (keyword or not), or null for other tokens. */
  static String word(SqlToken t) {
    if (t.type() == SqlTokenType.KEYWORD) {
      return t.keyword();
    }
    return t.type() == SqlTokenType.IDENTIFIER ? t.text().toUpperCase(Locale.ROOT) : null;
  }

  /** Whether the token is a bare word (keyword or not). */
  static boolean isWord(SqlToken t) {
    return t.type() == SqlTokenType.KEYWORD || t.type() == SqlTokenType.IDENTIFIER;
  }

  /** The identifier a bare word or quoted identifier names, unquoted; null for other tokens. */
  static String identifier(SqlToken t) {
    return isWord(t) || t.type() == SqlTokenType.QUOTED_IDENTIFIER ? t.name() : null;
  }

  static int utf8Length(CharSequence s, int from, int to) {
    int bytes = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < to
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
