package io.github.d1java.sqlite;

import io.github.d1java.D1Database;
import java.nio.file.Path;

/**
 * A {@link D1Database} run by the local SQLite engine. Obtain one from {@link D1Sqlite}.
 *
 * <p>Thread-safe: any number of threads may prepare and run statements at once. File databases
 * use WAL with one serialized writer connection and a pool of read-only connections; in-memory
 * databases use a single serialized connection. Every call is one transaction, as in D1.
 *
 * <p>Errors are {@link io.github.d1java.D1Exception}s worded as D1 words them. Using a closed
 * database throws {@link io.github.d1java.D1SqlException}.
 */
public interface D1SqliteDatabase extends D1Database {

  /**
   * The database file.
   *
   * @return the file this database lives in, or null for an in-memory database
   */
  Path file();
}
