package io.github.d1java.wrangler;

/**
 * How {@link SqlImport} runs a SQL file.
 *
 * <p>Immutable and thread-safe.
 *
 * @param chunkStatements statements per transaction; at least 1. A file with more statements than
 *     this is committed chunk by chunk, so a failure keeps the chunks before it. {@link
 *     Integer#MAX_VALUE} (with {@code chunkChars} {@link Long#MAX_VALUE}, {@link
 *     #SINGLE_TRANSACTION}) runs the file as one transaction, as {@code wrangler d1 execute
 *     --local} does: through D1's rules that transaction is one script holding the whole file in
 *     memory; {@link #direct()} without a listener runs it chunk by chunk inside one SQLite
 *     transaction, one chunk in memory.
 * @param chunkChars SQL characters per transaction before a chunk is cut early; at least 1. Keeps
 *     memory bounded when statements are large.
 * @param direct plain SQLite: when the database is a {@link
 *     io.github.d1java.sqlite.D1SqliteDatabase} on a file, statements run through a SQLite
 *     connection of their own, without D1's authorizer and limits (any SQL SQLite accepts runs),
 *     without result rows, and with error texts that lack D1's {@code at offset N}. Only 1.1x to
 *     1.3x faster than the default for a file of small INSERTs (benchmarks/README-sqlfile.md),
 *     since the default already runs each chunk as one script. Ignored for other databases.
 * @param resume continue an interrupted import of the same file from where its last committed chunk
 *     ended, as recorded in {@link SqlImport#progressFile(java.nio.file.Path)} beside the database;
 *     when nothing is recorded the file runs from its start. Only file imports into a local
 *     database file record progress.
 * @param replaceInvalidUtf8 store bytes that are not UTF-8 as U+FFFD instead of refusing the file
 *     (the default refuses, naming the line)
 */
public record ImportOptions(
    int chunkStatements,
    long chunkChars,
    boolean direct,
    boolean resume,
    boolean replaceInvalidUtf8) {

  /** Default statements per transaction. */
  public static final int DEFAULT_CHUNK_STATEMENTS = 5_000;

  /** Default SQL characters per transaction (8 Mi). */
  public static final long DEFAULT_CHUNK_CHARS = 8L << 20;

  /** The defaults. */
  public static final ImportOptions DEFAULTS =
      new ImportOptions(DEFAULT_CHUNK_STATEMENTS, DEFAULT_CHUNK_CHARS, false);

  /** One transaction for the whole file, as wrangler runs local files. */
  public static final ImportOptions SINGLE_TRANSACTION =
      new ImportOptions(Integer.MAX_VALUE, Long.MAX_VALUE, false);

  /**
   * Chunking only, D1-faithful execution.
   *
   * @param chunkStatements statements per transaction; at least 1
   * @param chunkChars SQL characters per transaction; at least 1
   */
  public ImportOptions(int chunkStatements, long chunkChars) {
    this(chunkStatements, chunkChars, false);
  }

  /**
   * Chunking and the direct switch; no resume, invalid UTF-8 refused.
   *
   * @param chunkStatements statements per transaction; at least 1
   * @param chunkChars SQL characters per transaction; at least 1
   * @param direct whether to use the local fast path
   */
  public ImportOptions(int chunkStatements, long chunkChars, boolean direct) {
    this(chunkStatements, chunkChars, direct, false, false);
  }

  /**
   * @param value whether to use the local fast path
   * @return a copy with {@link #direct()} set
   */
  public ImportOptions withDirect(boolean value) {
    return new ImportOptions(chunkStatements, chunkChars, value, resume, replaceInvalidUtf8);
  }

  /**
   * @param value whether to continue an interrupted import of the same file
   * @return a copy with {@link #resume()} set
   */
  public ImportOptions withResume(boolean value) {
    return new ImportOptions(chunkStatements, chunkChars, direct, value, replaceInvalidUtf8);
  }

  /**
   * @param value whether to store invalid UTF-8 as U+FFFD instead of refusing the file
   * @return a copy with {@link #replaceInvalidUtf8()} set
   */
  public ImportOptions withReplaceInvalidUtf8(boolean value) {
    return new ImportOptions(chunkStatements, chunkChars, direct, resume, value);
  }

  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming the property when a value is below 1
   */
  public ImportOptions {
    if (chunkStatements < 1) {
      throw new IllegalArgumentException("chunkStatements must be at least 1: " + chunkStatements);
    }
    if (chunkChars < 1) {
      throw new IllegalArgumentException("chunkChars must be at least 1: " + chunkChars);
    }
  }
}
