package io.github.d1java.sqlite;

import io.github.d1java.sqlite.internal.EngineConfig;
import io.github.d1java.sqlite.internal.SqliteEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Entry point of the local D1 engine.
 *
 * <pre>{@code
 * try (D1SqliteDatabase db = D1Sqlite.inMemory()) {
 *   db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
 *   db.prepare("INSERT INTO t (name) VALUES (?)").bind("a").run();
 *   Long id = db.prepare("SELECT id FROM t").first("id");
 * }
 * }</pre>
 *
 * <p>Defaults (all configurable on the {@link Builder}): {@value #DEFAULT_READERS} reader
 * connections for file databases, a busy timeout of {@value #DEFAULT_BUSY_TIMEOUT_MILLIS} ms, a
 * value length limit of {@value #DEFAULT_MAX_VALUE_LENGTH} bytes (D1's documented 2 MB) and {@value
 * #DEFAULT_STATEMENT_CACHE_SIZE} cached prepared statements per connection. The other D1 limits are
 * fixed: 100 bound parameters, 100,000-byte SQL, 100 columns, 5 compound SELECT terms, 50-byte LIKE
 * patterns, 127 function arguments, expression depth 100, trigger depth 10, no attached databases.
 *
 * <p>This class is thread-safe. Its factories throw {@link io.github.d1java.D1Exception} when the
 * database cannot be opened.
 */
public final class D1Sqlite {

  /** Default number of read-only connections of a file database. */
  public static final int DEFAULT_READERS = 4;

  /** Default busy timeout, in milliseconds, for locks held by other processes. */
  public static final long DEFAULT_BUSY_TIMEOUT_MILLIS = 5_000;

  /** Default maximum length of a string or BLOB value, in bytes ({@code SQLITE_LIMIT_LENGTH}). */
  public static final int DEFAULT_MAX_VALUE_LENGTH = 2_000_000;

  /** Default number of prepared statements cached per connection. */
  public static final int DEFAULT_STATEMENT_CACHE_SIZE = 256;

  private D1Sqlite() {}

  /**
   * Opens a fresh, private in-memory database.
   *
   * @return the database; close it when done
   */
  public static D1SqliteDatabase inMemory() {
    return builder().inMemory().build();
  }

  /**
   * Opens a file database in WAL mode, creating the file if it is missing.
   *
   * @param file the database file; not null
   * @return the database; close it when done
   */
  public static D1SqliteDatabase open(Path file) {
    return builder().file(file).build();
  }

  /**
   * Opens an in-memory database initialised from an SQLite file image, such as another database's
   * {@link io.github.d1java.D1Database#dump() dump()}. Fast: the image is deserialized, not
   * replayed.
   *
   * @param image the bytes of an SQLite database file; not null, copied
   * @return the database; close it when done
   */
  public static D1SqliteDatabase fromImage(byte[] image) {
    return builder().image(image).build();
  }

  /**
   * Starts a builder for an in-memory database with the default settings.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Options of a local database. Not thread-safe; {@link #build()} may be called repeatedly. */
  public static final class Builder {
    private Path file;
    private byte[] image;
    private int readers = DEFAULT_READERS;
    private Duration busyTimeout = Duration.ofMillis(DEFAULT_BUSY_TIMEOUT_MILLIS);
    private int maxValueLength = DEFAULT_MAX_VALUE_LENGTH;
    private int statementCacheSize = DEFAULT_STATEMENT_CACHE_SIZE;

    private Builder() {}

    /**
     * Uses a file database (WAL), created if missing. Clears any image.
     *
     * @param file the file; not null
     * @return this builder
     */
    public Builder file(Path file) {
      this.file = Objects.requireNonNull(file, "file");
      this.image = null;
      return this;
    }

    /**
     * Uses a fresh in-memory database (the default). Clears any file or image.
     *
     * @return this builder
     */
    public Builder inMemory() {
      this.file = null;
      this.image = null;
      return this;
    }

    /**
     * Uses an in-memory database initialised from an SQLite file image. Clears any file.
     *
     * @param image the image; not null, copied
     * @return this builder
     */
    public Builder image(byte[] image) {
      this.image = Objects.requireNonNull(image, "image").clone();
      this.file = null;
      return this;
    }

    /**
     * Sets the number of read-only connections of a file database (ignored in memory).
     *
     * @param readers at least 0; 0 runs reads on the writer connection
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder readers(int readers) {
      if (readers < 0) {
        throw new IllegalArgumentException("readers must not be negative: " + readers);
      }
      this.readers = readers;
      return this;
    }

    /**
     * Sets how long a connection waits for a lock held by another process.
     *
     * @param busyTimeout not null, not negative, at most {@link Integer#MAX_VALUE} ms
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder busyTimeout(Duration busyTimeout) {
      Objects.requireNonNull(busyTimeout, "busyTimeout");
      if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("busyTimeout out of range: " + busyTimeout);
      }
      this.busyTimeout = busyTimeout;
      return this;
    }

    /**
     * Sets the maximum string or BLOB length in bytes. D1 documents 2,000,000; recent workerd
     * allows 4 MiB.
     *
     * @param maxValueLength at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxValueLength(int maxValueLength) {
      if (maxValueLength < 1) {
        throw new IllegalArgumentException("maxValueLength must be positive: " + maxValueLength);
      }
      this.maxValueLength = maxValueLength;
      return this;
    }

    /**
     * Sets how many prepared statements each connection keeps.
     *
     * @param statementCacheSize at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder statementCacheSize(int statementCacheSize) {
      if (statementCacheSize < 1) {
        throw new IllegalArgumentException(
            "statementCacheSize must be positive: " + statementCacheSize);
      }
      this.statementCacheSize = statementCacheSize;
      return this;
    }

    /**
     * Opens the database.
     *
     * @return the open database; close it when done
     * @throws io.github.d1java.D1Exception if it cannot be opened (bad path, not a database image)
     */
    public D1SqliteDatabase build() {
      return SqliteEngine.open(
          new EngineConfig(
              file,
              image == null ? null : image.clone(),
              readers,
              busyTimeout.toMillis(),
              maxValueLength,
              statementCacheSize));
    }
  }
}
