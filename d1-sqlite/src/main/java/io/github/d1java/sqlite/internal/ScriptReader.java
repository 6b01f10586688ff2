package io.github.d1java.sqlite.internal;

import io.github.d1java.sql.SqlSplitter;
import io.github.d1java.sql.SqlStatement;
import io.github.d1java.sqlite.D1SqliteDatabase;
import io.github.d1java.sqlite.D1SqliteTransaction;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Splits SQL text for a bulk load and checks it against D1's rules chunk by chunk, with one pass of
 * the lexer: the statements the splitter reads are checked on their own tokens (see {@link
 * ScriptCheck}), so the engine does not tokenize them again when the chunk runs. Meant for a
 * reading thread one chunk ahead of the thread that runs the chunks ({@link #run}). Not
 * thread-safe; a {@link Chunk} is immutable and may be handed to another thread.
 *
 * <p>Not API: used by d1-wrangler's {@code SqlImport}.
 */
public final class ScriptReader implements AutoCloseable {

  /** Statements read and checked together. Immutable. */
  public static final class Chunk {
    private final List<SqlStatement> statements;
    private final boolean last;
    private final ScriptCheck check;
    private final SqliteEngine engine;

    private Chunk(
        List<SqlStatement> statements, boolean last, ScriptCheck check, SqliteEngine engine) {
      this.statements = List.copyOf(statements);
      this.last = last;
      this.check = check;
      this.engine = engine;
    }

    /**
     * @return the statements, in order, without their tokens; never empty
     */
    public List<SqlStatement> statements() {
      return statements;
    }

    /**
     * @return whether no statement follows
     */
    public boolean last() {
      return last;
    }

    ScriptCheck check() {
      return check;
    }
  }

  private final SqliteEngine engine;
  private final Iterator<SqlStatement> statements;

  /**
   * Starts reading {@code sql} as {@link SqlSplitter#iterator} splits it, with one {@code BEGIN
   * TRANSACTION}/{@code COMMIT} pair removed ({@link SqlSplitter#stripTransaction(Iterator)}).
   *
   * @param db the database the chunks will run on; a database of the local engine
   * @param sql the text; read lazily, not closed
   * @throws IllegalArgumentException if {@code db} was not opened by {@code D1Sqlite}
   */
  public ScriptReader(D1SqliteDatabase db, Reader sql) {
    Objects.requireNonNull(db, "db");
    if (!(db instanceof SqliteEngine)) {
      throw new IllegalArgumentException(
          "not a database opened by D1Sqlite: " + db.getClass().getName());
    }
    this.engine = (SqliteEngine) db;
    this.statements =
        SqlSplitter.stripTransaction(SqlSplitter.iterator(Objects.requireNonNull(sql)));
  }

  /**
   * Passes over statements.
   *
   * @param count how many
   * @return how many were passed over: fewer than {@code count} only at the end of the text
   */
  public long skip(long count) {
    long skipped = 0;
    while (skipped < count && statements.hasNext()) {
      statements.next();
      skipped++;
    }
    return skipped;
  }

  /**
   * Reads and checks the next chunk. A statement D1 refuses does not throw here: running the chunk
   * does, in order.
   *
   * @param maxStatements statements per chunk, at least 1
   * @param maxChars SQL characters per chunk, before a chunk is cut early
   * @return the chunk, or null at the end of the text
   * @throws io.github.d1java.sql.SqlSplitException if the text cannot be split
   */
  public Chunk next(int maxStatements, long maxChars) {
    if (!statements.hasNext()) {
      return null;
    }
    List<SqlStatement> read = new ArrayList<>();
    long chars = 0;
    while (read.size() < maxStatements && chars < maxChars && statements.hasNext()) {
      SqlStatement s = statements.next();
      read.add(s);
      chars += s.sql().length();
    }
    ScriptCheck check = ScriptCheck.ofStatements(read, engine.parseCache());
    List<SqlStatement> bare = new ArrayList<>(read.size());
    for (SqlStatement s : read) {
      bare.add(new SqlStatement(s.sql(), s.line(), s.offset(), List.of()));
    }
    return new Chunk(bare, !statements.hasNext(), check, engine);
  }

  /**
   * Runs a chunk and then {@code extra} texts as one script in a transaction of its own, as {@link
   * D1SqliteDatabase#executeScript} does.
   *
   * @param db the database of the reader that read the chunk
   * @param chunk a chunk read for {@code db}
   * @param extra SQL texts to run after the chunk, checked as {@code executeScript} checks them
   * @return the meta of the whole transaction
   * @throws io.github.d1java.D1SqlException as {@code executeScript}
   * @throws IllegalArgumentException if the chunk was read for another database
   */
  public static io.github.d1java.D1Meta run(D1SqliteDatabase db, Chunk chunk, List<String> extra) {
    if (db != chunk.engine) {
      throw new IllegalArgumentException("the chunk was read for another database");
    }
    SqliteEngine engine = chunk.engine;
    List<ScriptCheck> checks = checks(engine, chunk, extra);
    return engine.transactions().inTransaction(() -> engine.runScript(checks), null);
  }

  /**
   * Runs a chunk and then {@code extra} texts inside a transaction, as {@link
   * D1SqliteTransaction#executeScript} does.
   *
   * @param tx a transaction on the database of the reader that read the chunk
   * @param chunk a chunk read for that database
   * @param extra SQL texts to run after the chunk
   * @return the meta of these statements
   * @throws io.github.d1java.D1SqlException as {@code executeScript}
   * @throws IllegalArgumentException if {@code tx} is not a transaction of the local engine on the
   *     chunk's database
   */
  public static io.github.d1java.D1Meta run(
      D1SqliteTransaction tx, Chunk chunk, List<String> extra) {
    if (!(tx instanceof InteractiveTransaction)
        || ((InteractiveTransaction) tx).engine() != chunk.engine) {
      throw new IllegalArgumentException("not a transaction on the chunk's database: " + tx);
    }
    SqliteEngine engine = chunk.engine;
    List<ScriptCheck> checks = checks(engine, chunk, extra);
    return engine
        .transactions()
        .inInteractive((InteractiveTransaction) tx, true, () -> engine.runScript(checks));
  }

  private static List<ScriptCheck> checks(SqliteEngine engine, Chunk chunk, List<String> extra) {
    chunk.check().throwIfRefused();
    if (extra.isEmpty()) {
      return List.of(chunk.check());
    }
    return List.of(chunk.check(), ScriptCheck.of(extra, engine.parseCache()));
  }

  /** Holds nothing to release: the text's reader is the caller's to close. */
  @Override
  public void close() {
    // statements are read from the caller's Reader, which the caller closes
  }
}
