package io.github.d1java.sql;

/**
 * The kind of a {@link SqlToken}, as SQLite's tokenizer ({@code tokenize.c}) tells them apart.
 * Thread-safe (an enum).
 */
public enum SqlTokenType {
  /** A bare word in SQLite's keyword list ({@code SELECT}, {@code begin}, {@code Trigger}...). */
  KEYWORD,
  /** A bare word that is not a keyword ({@code users}, {@code x1}, {@code _cf_KV}, {@code été}). */
  IDENTIFIER,
  /** An identifier in {@code "double quotes"}, {@code [brackets]} or {@code `backticks`}. */
  QUOTED_IDENTIFIER,
  /**
   * A string literal in {@code 'single quotes'}. SQLite also accepts one where a name is expected
   * ({@code CREATE TABLE 'x'(a)}), so {@link SqlToken#name()} unquotes it too.
   */
  STRING,
  /** A blob literal: {@code x'0A1b'}, an even number of hex digits. */
  BLOB,
  /** An integer: decimal, hexadecimal ({@code 0x1F}), with or without {@code _} separators. */
  INTEGER,
  /** A real: {@code 1.5}, {@code .5}, {@code 1e5}, {@code 1.e-3}, with or without separators. */
  FLOAT,
  /**
   * A parameter: {@code ?}, {@code ?NNN}, {@code :name}, {@code @name}, {@code $name}, {@code
   * #name}, including Tcl's {@code $a(x)} and {@code $a::b} forms.
   */
  VARIABLE,
  /** {@code (}. */
  LEFT_PAREN,
  /** {@code )}. */
  RIGHT_PAREN,
  /** {@code ,}. */
  COMMA,
  /** {@code .}. */
  DOT,
  /** {@code ;}. */
  SEMICOLON,
  /**
   * An operator: {@code + - * / % & | ~ || << >> < <= > >= = == != <> -> ->>}; the token's text
   * tells which.
   */
  OPERATOR,
  /**
   * Text SQLite refuses with {@code unrecognized token}: an unterminated string, quoted identifier
   * or blob, a malformed blob or number ({@code x'1'}, {@code 12ab}, {@code 1__0}), a variable
   * without a name ({@code :}, {@code $a(x}), a character SQLite does not know ({@code !}, {@code
   * ^}, a backslash, a brace), or a NUL character (where SQLite itself would stop reading).
   */
  ILLEGAL,
  /** Whitespace (including U+FEFF). Only returned by {@link SqlLexer#tokenizeAll(String)}. */
  SPACE,
  /**
   * A {@code -- line} or {@code /* block *}{@code /} comment, possibly unterminated. Only returned
   * by {@link SqlLexer#tokenizeAll(String)}.
   */
  COMMENT
}
