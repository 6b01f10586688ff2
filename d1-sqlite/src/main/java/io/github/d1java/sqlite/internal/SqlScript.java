package io.github.d1java.sqlite.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A SQL text split into the statements SQLite would prepare one after another, with a token list
 * per statement. Knows strings, quoted identifiers ({@code ""}, {@code ``}, {@code []}), blob
 * literals, {@code --} and {@code /* *}{@code /} comments, and {@code CREATE TRIGGER ... BEGIN ...
 * END} bodies (including {@code CASE ... END} inside them), so a {@code ;} in any of those does not
 * end a statement. Immutable and thread-safe.
 */
final class SqlScript {

  /** Token kinds. Whitespace and comments are not tokens. */
  enum Kind {
    WORD,
    QUOTED_ID,
    STRING,
    BLOB,
    NUMBER,
    PARAM,
    SEMI,
    PUNCT
  }

  /**
   * One token: its kind, its source text and its char offsets into the statement text. A class
   * rather than a record so that a WORD's upper-cased keyword is computed once.
   */
  static final class Token {
    private final Kind kind;
    private final String text;
    private final int start;
    private final int end;
    private final String keyword;

    Token(Kind kind, String text, int start, int end) {
      this.kind = kind;
      this.text = text;
      this.start = start;
      this.end = end;
      this.keyword = kind == Kind.WORD ? text.toUpperCase(Locale.ROOT) : null;
    }

    Kind kind() {
      return kind;
    }

    String text() {
      return text;
    }

    int start() {
      return start;
    }

    int end() {
      return end;
    }

    /** The upper-cased text of a WORD, or null for other kinds. */
    String keyword() {
      return keyword;
    }

    @Override
    public String toString() {
      return kind + "[" + text + "]@" + start + ".." + end;
    }

    /** The identifier this token names (bare or quoted, quotes removed), or null. */
    String identifier() {
      switch (kind) {
        case WORD:
          return text;
        case QUOTED_ID:
          {
            char q = text.charAt(0);
            char close = q == '[' ? ']' : q;
            String inner =
                text.length() >= 2 && text.charAt(text.length() - 1) == close
                    ? text.substring(1, text.length() - 1)
                    : text.substring(1);
            if (q != '[') {
              inner = inner.replace(String.valueOf(close) + close, String.valueOf(close));
            }
            return inner;
          }
        default:
          return null;
      }
    }

    boolean is(String punct) {
      return (kind == Kind.PUNCT || kind == Kind.SEMI) && text.equals(punct);
    }
  }

  /**
   * One statement: its text (from just after the previous {@code ;} up to and including its own
   * {@code ;}) and its tokens, offsets relative to {@code text}.
   */
  record Statement(String text, List<Token> tokens) {

    /** True when the statement holds no SQL token (only whitespace, comments and {@code ;}). */
    boolean isEmpty() {
      for (Token t : tokens) {
        if (t.kind() != Kind.SEMI) {
          return false;
        }
      }
      return true;
    }

    /** The first token's keyword, or null. */
    String firstKeyword() {
      return tokens.isEmpty() ? null : tokens.get(0).keyword();
    }

    /** The UTF-8 byte offset of a char offset, as SQLite reports error offsets. */
    int byteOffset(int charOffset) {
      return text.substring(0, charOffset).getBytes(StandardCharsets.UTF_8).length;
    }
  }

  private final List<Statement> statements;

  private SqlScript(List<Statement> statements) {
    this.statements = statements;
  }

  /** The statements in source order; a trailing whitespace-only remainder is not a statement. */
  List<Statement> statements() {
    return statements;
  }

  /**
   * Splits SQL into statements.
   *
   * @param sql the SQL text; not null
   * @return the split script
   */
  static SqlScript parse(String sql) {
    List<Statement> out = new ArrayList<>(2);
    int n = sql.length();
    int stmtStart = 0;
    List<Token> tokens = new ArrayList<>();
    boolean trigger = false;
    boolean inBody = false;
    int caseDepth = 0;
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int nl = sql.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
        continue;
      }
      if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
        continue;
      }
      int start = i;
      Kind kind;
      if (c == '\'') {
        i = skipQuoted(sql, i, '\'');
        kind = Kind.STRING;
      } else if (c == '"' || c == '`') {
        i = skipQuoted(sql, i, c);
        kind = Kind.QUOTED_ID;
      } else if (c == '[') {
        int close = sql.indexOf(']', i + 1);
        i = close < 0 ? n : close + 1;
        kind = Kind.QUOTED_ID;
      } else if ((c == 'x' || c == 'X') && i + 1 < n && sql.charAt(i + 1) == '\'') {
        i = skipQuoted(sql, i + 1, '\'');
        kind = Kind.BLOB;
      } else if (isIdStart(c)) {
        i++;
        while (i < n && isIdPart(sql.charAt(i))) {
          i++;
        }
        kind = Kind.WORD;
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
        i++;
        while (i < n) {
          char d = sql.charAt(i);
          char prev = sql.charAt(i - 1);
          if (Character.isLetterOrDigit(d) || d == '.' || d == '_'
              || ((d == '+' || d == '-') && (prev == 'e' || prev == 'E') && !isHex(sql, start))) {
            i++;
          } else {
            break;
          }
        }
        kind = Kind.NUMBER;
      } else if (c == '?') {
        i++;
        while (i < n && Character.isDigit(sql.charAt(i))) {
          i++;
        }
        kind = Kind.PARAM;
      } else if ((c == ':' || c == '@' || c == '$') && i + 1 < n && isIdPart(sql.charAt(i + 1))) {
        i++;
        while (i < n && isIdPart(sql.charAt(i))) {
          i++;
        }
        kind = Kind.PARAM;
      } else if (c == ';') {
        i++;
        kind = Kind.SEMI;
      } else {
        i += twoCharOperator(sql, i) ? 2 : 1;
        kind = Kind.PUNCT;
      }
      Token t = new Token(kind, sql.substring(start, i), start - stmtStart, i - stmtStart);
      tokens.add(t);
      if (kind == Kind.WORD) {
        String kw = t.keyword();
        if (tokens.size() > 1 && tokens.get(0).keyword() != null
            && tokens.get(0).keyword().equals("CREATE") && kw.equals("TRIGGER") && tokens.size() <= 4) {
          trigger = true;
        } else if (trigger && !inBody && kw.equals("BEGIN")) {
          inBody = true;
        } else if (inBody && kw.equals("CASE")) {
          caseDepth++;
        } else if (inBody && kw.equals("END")) {
          if (caseDepth > 0) {
            caseDepth--;
          } else {
            inBody = false;
          }
        }
      } else if (kind == Kind.SEMI && !inBody) {
        out.add(new Statement(sql.substring(stmtStart, i), Collections.unmodifiableList(tokens)));
        tokens = new ArrayList<>();
        stmtStart = i;
        trigger = false;
        caseDepth = 0;
      }
    }
    if (stmtStart < n) {
      String rest = sql.substring(stmtStart);
      if (!rest.isBlank()) {
        out.add(new Statement(rest, Collections.unmodifiableList(tokens)));
      }
    }
    return new SqlScript(Collections.unmodifiableList(out));
  }

  private static boolean isHex(String sql, int start) {
    return start + 1 < sql.length()
        && sql.charAt(start) == '0'
        && (sql.charAt(start + 1) == 'x' || sql.charAt(start + 1) == 'X');
  }

  private static boolean twoCharOperator(String sql, int i) {
    if (i + 1 >= sql.length()) {
      return false;
    }
    String two = sql.substring(i, i + 2);
    switch (two) {
      case "||":
      case "<=":
      case ">=":
      case "==":
      case "!=":
      case "<>":
      case "<<":
      case ">>":
      case "->":
        return true;
      default:
        return false;
    }
  }

  private static int skipQuoted(String sql, int i, char q) {
    int n = sql.length();
    int j = i + 1;
    while (j < n) {
      if (sql.charAt(j) == q) {
        if (j + 1 < n && sql.charAt(j + 1) == q) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return n;
  }

  private static boolean isIdStart(char c) {
    return Character.isLetter(c) || c == '_' || c > 0x7f;
  }

  private static boolean isIdPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7f;
  }
}
