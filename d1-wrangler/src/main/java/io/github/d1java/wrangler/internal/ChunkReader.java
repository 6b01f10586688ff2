package io.github.d1java.wrangler.internal;

import io.github.d1java.sql.SqlStatement;
import io.github.d1java.sqlite.internal.ScriptReader;
import io.github.d1java.wrangler.WranglerException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads and splits the SQL of an import on a thread of its own, one chunk ahead of the thread that
 * runs the chunks, so that reading, decoding and splitting overlap SQLite's work. At most three
 * chunks exist at once (one being run, one ready, one being read). A failure of the reading thread
 * is rethrown by {@link #next()} in file order, after the chunks read before it. Used by one
 * consuming thread; {@link #close()} stops the reading thread.
 */
public final class ChunkReader implements AutoCloseable {

  /**
   * Statements to run in one transaction.
   *
   * @param statements the statements, in file order; never empty
   * @param last whether no statement follows
   * @param checked the same statements read and checked by the local engine, or null when they were
   *     read by the plain splitter
   */
  public record Chunk(List<SqlStatement> statements, boolean last, ScriptReader.Chunk checked) {}

  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1);
  private final Thread thread;
  private volatile boolean closed;
  private boolean ended;

  /**
   * Starts reading.
   *
   * @param statements the statements of the file; used only by the reading thread from now on
   * @param skip statements to pass over first (committed by an earlier run)
   * @param maxStatements statements per chunk
   * @param maxChars SQL characters per chunk, before a chunk is cut early
   * @param keepTokens whether statements keep their tokens (dropped otherwise, to save memory)
   */
  public ChunkReader(
      Iterator<SqlStatement> statements,
      long skip,
      int maxStatements,
      long maxChars,
      boolean keepTokens) {
    thread = start(() -> split(statements, skip, maxStatements, maxChars, keepTokens));
  }

  /**
   * Starts reading with the local engine's reader, which splits and checks each chunk against D1's
   * rules on the reading thread (one pass of the lexer).
   *
   * @param script the engine's reader; used only by the reading thread from now on
   * @param skip statements to pass over first (committed by an earlier run)
   * @param maxStatements statements per chunk
   * @param maxChars SQL characters per chunk, before a chunk is cut early
   */
  public ChunkReader(ScriptReader script, long skip, int maxStatements, long maxChars) {
    thread = start(() -> splitChecked(script, skip, maxStatements, maxChars));
  }

  /** Puts chunks on the queue; false when the consumer closed the reader. */
  private interface Producer {
    boolean produce();
  }

  /** Starts the reading thread: the chunks, then the end or the failure, in file order. */
  private Thread start(Producer producer) {
    Thread t =
        new Thread(
            () -> {
              Object item;
              try {
                if (!producer.produce()) {
                  return;
                }
                item = END;
              } catch (RuntimeException | Error e) {
                if (closed) {
                  return;
                }
                item = e;
              }
              put(item);
            },
            "d1-sql-import-reader");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private boolean splitChecked(ScriptReader script, long skip, int maxStatements, long maxChars) {
    if (script.skip(skip) < skip) {
      throw beyondTheEnd(skip);
    }
    for (ScriptReader.Chunk c = script.next(maxStatements, maxChars);
        c != null;
        c = script.next(maxStatements, maxChars)) {
      if (!put(new Chunk(c.statements(), c.last(), c))) {
        return false;
      }
    }
    return true;
  }

  private static WranglerException beyondTheEnd(long skip) {
    return new WranglerException(
        "The recorded progress (" + skip + " statements) is beyond the end of the file.");
  }

  private boolean split(
      Iterator<SqlStatement> it, long skip, int maxStatements, long maxChars, boolean keepTokens) {
    for (long i = 0; i < skip; i++) {
      if (!it.hasNext()) {
        throw beyondTheEnd(skip);
      }
      it.next();
    }
    while (it.hasNext()) {
      List<SqlStatement> chunk = new ArrayList<>();
      long chars = 0;
      while (chunk.size() < maxStatements && chars < maxChars && it.hasNext()) {
        SqlStatement s = it.next();
        chunk.add(keepTokens ? s : new SqlStatement(s.sql(), s.line(), s.offset(), List.of()));
        chars += s.sql().length();
      }
      if (!put(new Chunk(chunk, !it.hasNext(), null))) {
        return false;
      }
    }
    return true;
  }

  private boolean put(Object item) {
    try {
      queue.put(item);
      return !closed;
    } catch (InterruptedException e) {
      return false;
    }
  }

  /**
   * The next chunk.
   *
   * @return the chunk, or null when every statement has been returned
   * @throws RuntimeException what reading or splitting threw, once the chunks before it are taken
   */
  public Chunk next() {
    if (ended) {
      return null;
    }
    Object item;
    try {
      item = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WranglerException("Interrupted while reading the SQL file.", e);
    }
    if (item instanceof Chunk) {
      return (Chunk) item;
    }
    ended = true;
    if (item instanceof RuntimeException) {
      throw (RuntimeException) item;
    }
    if (item instanceof Error) {
      throw (Error) item;
    }
    return null;
  }

  /** Stops the reading thread and waits for it. Idempotent. */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    boolean interrupted = false;
    while (thread.isAlive()) {
      queue.clear();
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
