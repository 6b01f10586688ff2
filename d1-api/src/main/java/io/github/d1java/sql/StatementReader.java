package io.github.d1java.sql;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads statements one at a time from a String or a {@link Reader}: tokens from {@link
 * Tokenizer#next}, boundaries from the {@code sqlite3_complete} state machine fed those tokens.
 * From a Reader it holds only the current statement (plus one buffer) in memory. Not thread-safe.
 */
final class StatementReader implements Iterator<SqlStatement> {

  private static final int CHUNK = 8192;
  private static final int DISCARD_AT = 1 << 16;
  private static final SqlTokenType[] TYPES = SqlTokenType.values();

  private final Reader reader;
  private final StringBuilder buffer;
  private final CharSequence text;
  private final boolean strict;
  private final char[] chunk;
  private boolean eof;

  /** Index in {@code text} of the next unread char. */
  private int position;

  /** Source offset of {@code text}'s index 0. */
  private long base;

  private long line = 1;
  private SqlStatement next;

  private StatementReader(Reader reader, CharSequence text, boolean strict) {
    this.reader = reader;
    this.buffer = reader == null ? null : new StringBuilder();
    this.text = reader == null ? text : buffer;
    this.eof = reader == null;
    this.chunk = reader == null ? null : new char[CHUNK];
    this.strict = strict;
  }

  /** Statements of a whole text; unterminated literals become ILLEGAL tokens. */
  static StatementReader of(String sql) {
    return new StatementReader(null, sql, false);
  }

  /**
   * Statements of a text read lazily; with {@code strict}, an unterminated string, identifier or
   * blob is a {@link SqlSplitException} naming its line.
   */
  static StatementReader of(Reader reader, boolean strict) {
    return new StatementReader(reader, null, strict);
  }

  static StatementReader strict(String sql) {
    return new StatementReader(null, sql, true);
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = read();
    }
    return next != null;
  }

  @Override
  public SqlStatement next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    SqlStatement result = next;
    next = null;
    return result;
  }

  /** Reads the next statement, or null at the end. */
  private SqlStatement read() {
    int state = Tokenizer.START;
    int first = -1;
    int lastEnd = -1;
    long firstLine = 0;
    // type, start and end of each token, relative to the text
    int[] tokens = new int[48];
    int count = 0;
    while (true) {
      if (position >= text.length() && !fill()) {
        return first < 0 ? null : build(first, lastEnd, firstLine, tokens, count);
      }
      long packed = Tokenizer.next(text, position, text.length());
      int end = Tokenizer.end(packed);
      // a token touching the buffer's end may go on in the next chunk
      while (!eof && end + 3 > text.length()) {
        if (!fill()) {
          break;
        }
        packed = Tokenizer.next(text, position, text.length());
        end = Tokenizer.end(packed);
      }
      SqlTokenType type = Tokenizer.type(packed);
      int start = position;
      long tokenLine = line;
      countLines(start, end);
      position = end;
      int cls = Tokenizer.completeClass(text, type, start, end);
      boolean inTrigger = state == 5 || state == 6;
      state = Tokenizer.TRANSITIONS[state][cls];
      if (cls == Tokenizer.TK_WS) {
        continue;
      }
      if (cls == Tokenizer.TK_SEMI && !inTrigger) {
        if (first >= 0) {
          SqlStatement s = build(first, lastEnd, firstLine, tokens, count);
          discard();
          return s;
        }
        discard();
        continue;
      }
      if (strict && Tokenizer.unterminated(text, type, start, end)) {
        throw unterminated(start, end, tokenLine);
      }
      if (first < 0) {
        first = start;
        firstLine = tokenLine;
      }
      lastEnd = end;
      if (count + 3 > tokens.length) {
        tokens = Arrays.copyOf(tokens, tokens.length * 2);
      }
      tokens[count++] = type.ordinal();
      tokens[count++] = start;
      tokens[count++] = end;
    }
  }

  private SqlStatement build(int first, int lastEnd, long firstLine, int[] raw, int count) {
    String sql = text.subSequence(first, lastEnd).toString();
    SqlToken[] tokens = new SqlToken[count / 3];
    for (int k = 0; k < count; k += 3) {
      tokens[k / 3] = new SqlToken(TYPES[raw[k]], sql, raw[k + 1] - first, raw[k + 2] - first);
    }
    // an immutable list, which the record keeps without copying it again
    return new SqlStatement(sql, firstLine, base + first, List.of(tokens));
  }

  private SqlSplitException unterminated(int start, int end, long tokenLine) {
    char c = text.charAt(start);
    String what;
    switch (c) {
      case '\'':
        what = "string literal";
        break;
      case '[':
        what = "bracketed identifier";
        break;
      case 'x':
      case 'X':
        what = "blob literal";
        break;
      default:
        what = "quoted identifier";
        break;
    }
    String excerpt = text.subSequence(start, Math.min(end, start + 40)).toString();
    int newline = excerpt.indexOf('\n');
    if (newline >= 0) {
      excerpt = excerpt.substring(0, newline) + "...";
    } else if (end > start + 40) {
      excerpt += "...";
    }
    return new SqlSplitException(
        "unterminated " + what + " starting at line " + tokenLine + ": " + excerpt, tokenLine);
  }

  private void countLines(int start, int end) {
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
  }

  /**
   * Drops the consumed text of a Reader's buffer once it exceeds {@link #DISCARD_AT}: deleting
   * after every statement would move the rest of the buffer each time.
   */
  private void discard() {
    if (buffer != null && position >= DISCARD_AT) {
      buffer.delete(0, position);
      base += position;
      position = 0;
    }
  }

  /** Appends the next chunk of the Reader; false at its end (or for a String). */
  private boolean fill() {
    if (eof) {
      return false;
    }
    try {
      int n;
      do {
        n = reader.read(chunk, 0, chunk.length);
      } while (n == 0);
      if (n < 0) {
        eof = true;
        return false;
      }
      buffer.append(chunk, 0, n);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
