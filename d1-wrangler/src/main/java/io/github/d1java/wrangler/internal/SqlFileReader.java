package io.github.d1java.wrangler.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a SQL file as UTF-8 for {@code SqlImport}, counting the bytes read and refusing what
 * SQLite would not read as the file says: a NUL byte (SQLite's tokenizer stops at it, so what
 * follows would silently not run) and, unless replacement is asked for, bytes that are not UTF-8.
 * Refusals are {@link BadInputException}s carrying the byte offset. Not thread-safe.
 */
public final class SqlFileReader extends Reader {

  /** Why the file was refused. */
  public enum Problem {
    /** A NUL byte. */
    NUL,
    /** Bytes that are not UTF-8. */
    INVALID_UTF8
  }

  /** The file holds something SQL text cannot; {@link #offset} is the byte where it starts. */
  public static final class BadInputException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    public final Problem problem;

    /** The 0-based byte offset in the file. */
    public final long offset;

    BadInputException(Problem problem, long offset) {
      super(problem + " at byte " + offset);
      this.problem = problem;
      this.offset = offset;
    }
  }

  private final InputStream in;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();

  /** File offset of {@code bytes}' index 0. */
  private long base;

  private volatile long count;
  private boolean eof;
  private boolean flushed;

  /**
   * @param in the file's bytes; closed with this reader
   * @param replaceInvalid store invalid UTF-8 as U+FFFD instead of refusing it
   */
  public SqlFileReader(InputStream in, boolean replaceInvalid) {
    this.in = in;
    CodingErrorAction action =
        replaceInvalid ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
    this.decoder =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
  }

  /**
   * @return bytes read from the file so far (read ahead of the characters returned)
   */
  public long count() {
    return count;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (out.position() == off) {
      if (!eof && bytes.remaining() < 16) {
        fill();
      }
      if (eof && !bytes.hasRemaining()) {
        if (!flushed) {
          CoderResult r = decoder.decode(bytes, out, true);
          if (r.isError()) {
            throw new BadInputException(Problem.INVALID_UTF8, base + bytes.position());
          }
          decoder.flush(out);
          flushed = out.position() == off;
        }
        return out.position() == off ? -1 : out.position() - off;
      }
      CoderResult r = decoder.decode(bytes, out, eof);
      if (r.isError()) {
        throw new BadInputException(Problem.INVALID_UTF8, base + bytes.position());
      }
      if (r.isUnderflow() && !eof && out.position() == off) {
        fill();
      }
    }
    return out.position() - off;
  }

  private void fill() throws IOException {
    base += bytes.position();
    bytes.compact();
    byte[] array = bytes.array();
    int start = bytes.position();
    int n = in.read(array, start, bytes.remaining());
    if (n < 0) {
      eof = true;
    } else {
      int end = start + n;
      for (int i = start; i < end; i++) {
        if (array[i] == 0) {
          throw new BadInputException(Problem.NUL, base + i);
        }
      }
      count += n;
      bytes.position(end);
    }
    bytes.flip();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
