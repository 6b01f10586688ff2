package io.github.d1java.wrangler;

/**
 * How {@link SqlImport} runs a SQL file.
 *
 * <p>Immutable and thread-safe.
 *
 * @param chunkStatements statements per transaction (one {@code batch}); at least 1. A file with
 *     more statements than this is committed chunk by chunk, so a failure keeps the chunks before
 *     it. {@link Integer#MAX_VALUE} runs the file as one transaction, as {@code wrangler d1 execute
 *     --local} does, holding every statement in memory.
 * @param chunkChars SQL characters per transaction before a chunk is cut early; at least 1. Keeps
 *     memory bounded when statements are large.
 */
public record ImportOptions(int chunkStatements, long chunkChars) {

  /** Default statements per transaction. */
  public static final int DEFAULT_CHUNK_STATEMENTS = 5_000;

  /** Default SQL characters per transaction (8 Mi). */
  public static final long DEFAULT_CHUNK_CHARS = 8L << 20;

  /** The defaults. */
  public static final ImportOptions DEFAULTS =
      new ImportOptions(DEFAULT_CHUNK_STATEMENTS, DEFAULT_CHUNK_CHARS);

  /** One transaction for the whole file, as wrangler runs local files. */
  public static final ImportOptions SINGLE_TRANSACTION =
      new ImportOptions(Integer.MAX_VALUE, Long.MAX_VALUE);

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
