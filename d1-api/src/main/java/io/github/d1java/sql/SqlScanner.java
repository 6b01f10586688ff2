package io.github.d1java.sql;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Reads statements one at a time from a {@link Reader}, holding only the current statement in
 * memory. Tokenizes as SQLite does (strings, quoted identifiers, comments) and decides where a
 * statement ends with the state machine of SQLite's {@code sqlite3_complete()} (complete.c), so a
 * {@code CREATE TRIGGER} body ends only at {@code ; END ;}. Not thread-safe.
 */
final class SqlScanner extends Lookahead<SqlStatement> {

  private static final int SEMI = 0;
  private static final int WS = 1;
  private static final int OTHER = 2;
  private static final int EXPLAIN = 3;
  private static final int CREATE = 4;
  private static final int TEMP = 5;
  private static final int TRIGGER = 6;
  private static final int END = 7;

  /** States 5 and 6 are inside a trigger body, where {@code ;} does not end the statement. */
  private static final int[][] TRANSITIONS = {
    /* 0 INVALID */ {1, 0, 2, 3, 4, 2, 2, 2},
    /* 1 START   */ {1, 1, 2, 3, 4, 2, 2, 2},
    /* 2 NORMAL  */ {1, 2, 2, 2, 2, 2, 2, 2},
    /* 3 EXPLAIN */ {1, 3, 3, 2, 4, 2, 2, 2},
    /* 4 CREATE  */ {1, 4, 2, 2, 2, 4, 5, 2},
    /* 5 TRIGGER */ {6, 5, 5, 5, 5, 5, 5, 5},
    /* 6 SEMI    */ {6, 6, 5, 5, 5, 5, 5, 7},
    /* 7 END     */ {1, 7, 5, 5, 5, 5, 5, 5},
  };

  private final Reader reader;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private boolean eof;

  private long line = 1;
  private int state;
  private final StringBuilder statement = new StringBuilder();
  private int significantLength;
  private long statementLine;

  SqlScanner(Reader reader) {
    this.reader = reader;
  }

  @Override
  SqlStatement compute() {
    while (true) {
      int c = read();
      if (c < 0) {
        return finish();
      }
      long tokenLine = line;
      if (c == '\n') {
        line++;
        whitespace(c);
      } else if (Character.isWhitespace(c)) {
        whitespace(c);
      } else if (c == '-' && peek() == '-') {
        lineComment(c);
      } else if (c == '/' && peek() == '*') {
        blockComment(c);
      } else if (c == ';') {
        boolean inTrigger = state == 5 || state == 6;
        state = TRANSITIONS[state][SEMI];
        if (inTrigger) {
          append(c);
          significantLength = statement.length();
        } else {
          SqlStatement taken = take();
          if (taken != null) {
            return taken;
          }
        }
      } else {
        begin(tokenLine);
        int token = token(c, tokenLine);
        state = TRANSITIONS[state][token];
        significantLength = statement.length();
      }
    }
  }

  private void whitespace(int c) {
    if (significantLength > 0) {
      append(c);
    }
  }

  private void lineComment(int first) {
    boolean keep = significantLength > 0;
    if (keep) {
      append(first);
    }
    int c;
    while ((c = read()) >= 0) {
      if (c == '\n') {
        line++;
        if (keep) {
          append(c);
        }
        return;
      }
      if (keep) {
        append(c);
      }
    }
  }

  private void blockComment(int first) {
    boolean keep = significantLength > 0;
    if (keep) {
      append(first);
      append(read());
    } else {
      read();
    }
    int previous = 0;
    int c;
    while ((c = read()) >= 0) {
      if (c == '\n') {
        line++;
      }
      if (keep) {
        append(c);
      }
      if (previous == '*' && c == '/') {
        return;
      }
      previous = c;
    }
    // SQLite accepts a block comment left open at the end of the input.
  }

  private void begin(long tokenLine) {
    if (significantLength == 0) {
      statement.setLength(0);
      statementLine = tokenLine;
    }
  }

  private int token(int c, long tokenLine) {
    append(c);
    switch (c) {
      case '\'':
        quoted('\'', "string literal", tokenLine);
        return OTHER;
      case '"':
        quoted('"', "quoted identifier", tokenLine);
        return OTHER;
      case '`':
        quoted('`', "quoted identifier", tokenLine);
        return OTHER;
      case '[':
        quoted(']', "bracketed identifier", tokenLine);
        return OTHER;
      default:
        break;
    }
    if (!isIdChar(c)) {
      return OTHER;
    }
    int start = statement.length() - 1;
    while (position < limit || fill()) {
      int from = position;
      int i = from;
      while (i < limit && isIdChar(buffer[i])) {
        i++;
      }
      statement.append(buffer, from, i - from);
      position = i;
      if (i < limit) {
        break;
      }
    }
    return keyword(statement, start, statement.length());
  }

  /** Consumes up to the closing quote; a doubled quote is two adjacent literals, as in SQLite. */
  private void quoted(char close, String what, long tokenLine) {
    int start = statement.length() - 1;
    // scan the buffer directly and copy runs: strings are most of a dump's text
    while (position < limit || fill()) {
      int from = position;
      int i = from;
      while (i < limit) {
        char c = buffer[i++];
        if (c == '\n') {
          line++;
        } else if (c == close) {
          statement.append(buffer, from, i - from);
          position = i;
          return;
        }
      }
      statement.append(buffer, from, i - from);
      position = i;
    }
    throw new SqlSplitException(
        "unterminated " + what + " starting at line " + tokenLine + ": " + excerpt(start),
        tokenLine);
  }

  private String excerpt(int start) {
    String text = statement.substring(start, Math.min(statement.length(), start + 40));
    int newline = text.indexOf('\n');
    if (newline >= 0) {
      return text.substring(0, newline) + "...";
    }
    return statement.length() > start + 40 ? text + "..." : text;
  }

  private static int keyword(CharSequence text, int start, int end) {
    int length = end - start;
    switch (Character.toLowerCase(text.charAt(start))) {
      case 'c':
        return matches(text, start, length, "create") ? CREATE : OTHER;
      case 't':
        if (matches(text, start, length, "trigger")) {
          return TRIGGER;
        }
        return matches(text, start, length, "temp") || matches(text, start, length, "temporary")
            ? TEMP
            : OTHER;
      case 'e':
        if (matches(text, start, length, "end")) {
          return END;
        }
        return matches(text, start, length, "explain") ? EXPLAIN : OTHER;
      default:
        return OTHER;
    }
  }

  private static boolean matches(CharSequence text, int start, int length, String word) {
    if (length != word.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (Character.toLowerCase(text.charAt(start + i)) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** SQLite's IdChar: letters, digits, {@code _}, {@code $} and every non-ASCII character. */
  private static boolean isIdChar(int c) {
    if (c < 0x80) {
      return c >= 0 && ID_CHARS[c];
    }
    return true;
  }

  private static final boolean[] ID_CHARS = new boolean[0x80];

  static {
    for (int c = 0; c < 0x80; c++) {
      ID_CHARS[c] = Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
  }

  private SqlStatement take() {
    if (significantLength == 0) {
      statement.setLength(0);
      return null;
    }
    statement.setLength(significantLength);
    SqlStatement result = new SqlStatement(statement.toString(), statementLine);
    statement.setLength(0);
    significantLength = 0;
    return result;
  }

  private SqlStatement finish() {
    state = 1;
    return take();
  }

  private void append(int c) {
    statement.append((char) c);
  }

  private int peek() {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position];
  }

  private int read() {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++];
  }

  private boolean fill() {
    if (eof) {
      return false;
    }
    try {
      int n;
      do {
        n = reader.read(buffer, 0, buffer.length);
      } while (n == 0);
      if (n < 0) {
        eof = true;
        return false;
      }
      position = 0;
      limit = n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
