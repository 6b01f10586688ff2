package io.github.d1java.jdbc.internal;

import io.github.d1java.D1Database;
import io.github.d1java.sqlite.D1SqliteDatabase;

/**
 * The D1 database behind one JDBC connection, and what to do when the connection closes.
 * Thread-safe.
 */
public abstract class Backend {

  private final D1Database database;
  private final String description;

  /**
   * @param database the database; not null
   * @param description the URL without secrets, for messages
   */
  protected Backend(D1Database database, String description) {
    this.database = database;
    this.description = description;
  }

  /** The database statements run on. */
  public final D1Database database() {
    return database;
  }

  /** Whether transactions are real local SQLite transactions (else buffered batches). */
  public final boolean local() {
    return database instanceof D1SqliteDatabase;
  }

  /** What this backend is, without secrets (for messages and toString). */
  public final String description() {
    return description;
  }

  /** Called once when the JDBC connection closes. */
  protected abstract void release();

  /** A backend over a database the caller owns: closing the connection leaves it open. */
  public static Backend borrowed(D1Database database) {
    return new Backend(database, "D1Database " + database) {
      @Override
      protected void release() {}
    };
  }

  /** A backend owning its database: closing the connection closes it. */
  static Backend owned(D1Database database, String description) {
    return new Backend(database, description) {
      @Override
      protected void release() {
        database.close();
      }
    };
  }
}
