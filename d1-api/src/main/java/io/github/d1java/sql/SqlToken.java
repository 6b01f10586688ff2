package io.github.d1java.sql;

import java.util.Locale;
import java.util.Objects;

/**
 * One token of SQL text, as SQLite's tokenizer reads it: its {@link SqlTokenType type} and where it
 * lies in the text it was read from ({@link #start()} inclusive, {@link #end()} exclusive, in
 * {@code char}s). Tokens of a {@link SqlStatement} are relative to {@link SqlStatement#sql()}.
 *
 * <p>Immutable and thread-safe. Never holds null.
 */
public final class SqlToken {

  private final SqlTokenType type;
  private final String source;
  private final int start;
  private final int end;

  // computed on first use; a racy cache of immutable strings, as String caches its hash
  private String text;
  private String keyword;

  /**
   * Creates a token over {@code source[start, end)}.
   *
   * @param type the kind; not null
   * @param source the text the token was read from; not null
   * @param start the index of the token's first {@code char}
   * @param end the index after its last {@code char}
   * @throws NullPointerException if {@code type} or {@code source} is null
   * @throws IndexOutOfBoundsException if the range is empty or outside {@code source}
   */
  public SqlToken(SqlTokenType type, String source, int start, int end) {
    this.type = Objects.requireNonNull(type, "type");
    this.source = Objects.requireNonNull(source, "source");
    Objects.checkFromToIndex(start, end, source.length());
    if (start == end) {
      throw new IndexOutOfBoundsException("empty token at " + start);
    }
    this.start = start;
    this.end = end;
  }

  /**
   * The kind of token.
   *
   * @return the type; never null
   */
  public SqlTokenType type() {
    return type;
  }

  /**
   * The index of the token's first {@code char} in the text it was read from.
   *
   * @return the start offset
   */
  public int start() {
    return start;
  }

  /**
   * The index after the token's last {@code char} in the text it was read from.
   *
   * @return the end offset
   */
  public int end() {
    return end;
  }

  /**
   * The token's source text, quotes and all.
   *
   * @return the text; never null or empty
   */
  public String text() {
    String t = text;
    if (t == null) {
      t = source.substring(start, end);
      text = t;
    }
    return t;
  }

  /**
   * The name this token gives where SQLite expects a name: a bare word as written, a quoted
   * identifier or a string literal without its quotes ({@code "a""b"} is {@code a"b}, {@code [a b]}
   * is {@code a b}, {@code 'it''s'} is {@code it's}), as SQLite's {@code sqlite3Dequote} does. An
   * unterminated quote ({@link SqlTokenType#ILLEGAL}) has no name.
   *
   * @return the name, or null for every other kind of token
   */
  public String name() {
    switch (type) {
      case KEYWORD:
      case IDENTIFIER:
        return text();
      case QUOTED_IDENTIFIER:
      case STRING:
        return dequote(source, start, end);
      default:
        return null;
    }
  }

  /**
   * Whether this token is the keyword {@code keyword}, in any letter case.
   *
   * @param keyword the keyword, for example {@code "SELECT"}; not null
   * @return true when this is a {@link SqlTokenType#KEYWORD} spelled {@code keyword}
   */
  public boolean isKeyword(String keyword) {
    return type == SqlTokenType.KEYWORD
        && keyword.length() == end - start
        && source.regionMatches(true, start, keyword, 0, keyword.length());
  }

  /**
   * The keyword in upper case.
   *
   * @return the keyword, or null when this token is not a {@link SqlTokenType#KEYWORD}
   */
  public String keyword() {
    if (type != SqlTokenType.KEYWORD) {
      return null;
    }
    String k = keyword;
    if (k == null) {
      k = text().toUpperCase(Locale.ROOT);
      keyword = k;
    }
    return k;
  }

  /**
   * Whether this token is punctuation or an operator spelled exactly {@code symbol} ({@code "("},
   * {@code ";"}, {@code "||"}...).
   *
   * @param symbol the symbol; not null
   * @return true when the token is a symbol with that text
   */
  public boolean isSymbol(String symbol) {
    switch (type) {
      case LEFT_PAREN:
      case RIGHT_PAREN:
      case COMMA:
      case DOT:
      case SEMICOLON:
      case OPERATOR:
        return symbol.length() == end - start && source.startsWith(symbol, start);
      default:
        return false;
    }
  }

  /** Same type, same text and same offsets. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SqlToken t
        && t.type == type
        && t.start == start
        && t.end == end
        && source.regionMatches(start, t.source, t.start, end - start);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, start, end, text());
  }

  /** For debugging: {@code TYPE[text]@start..end}. */
  @Override
  public String toString() {
    return type + "[" + text() + "]@" + start + ".." + end;
  }

  static String dequote(String s, int start, int end) {
    char quote = s.charAt(start);
    char close = quote == '[' ? ']' : quote;
    StringBuilder out = new StringBuilder(end - start);
    for (int i = start + 1; i < end; i++) {
      char c = s.charAt(i);
      if (c == close) {
        if (quote != '[' && i + 1 < end && s.charAt(i + 1) == close) {
          out.append(c);
          i++;
        } else {
          break;
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
